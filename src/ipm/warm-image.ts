/**
 * Warm IPM images (issue 16): after IPM is installed and checked in a container, IRIS is stopped
 * cleanly (`docker stop` lets the image's entrypoint shut IRIS down) and the container committed to
 * a local image keyed by the IRIS image's id and the IPM pin. A later run of the same IRIS image
 * and IPM starts from it and skips the install; the capability check still runs, and anything wrong
 * with a warm image makes the run fall back to a fresh install with a warning.
 */
import { createHash } from 'node:crypto';
import type { Docker } from '../iris/docker.js';
import type { IrisContainer, StartOptions } from '../iris/container.js';
import { isDigest } from '../naming/grammar.js';

export const WARM_REPOSITORY = 'ipm-db-warm';
export const WARM_LABEL = 'ipm-db.warm';
/** Label holding the id of the IRIS image a warm image was made from (to list or prune them per image). */
export const WARM_BASE_LABEL = 'ipm-db.warm.base';

/** The key of a warm image (pure): what IRIS image (by id, not tag), which IPM, in which namespace. */
export function warmImageKey(baseImageId: string, ipmPin: string, homeNamespace: string): string {
  return createHash('sha256').update(`${baseImageId}\n${ipmPin}\n${homeNamespace}`).digest('hex').slice(0, 32);
}

export function warmImageTag(key: string): string {
  return `${WARM_REPOSITORY}:${key}`;
}

/** The local image id of `image`, pulling it first when it is not local; null when neither works. */
export async function baseImageId(docker: Docker, image: string): Promise<string | null> {
  const inspect = () => docker.call(['image', 'inspect', '--format', '{{.Id}}', image], { timeoutMs: 60_000 });
  let r = await inspect();
  if (r.exitCode !== 0) {
    const pull = await docker.call(['pull', image], { timeoutMs: 600_000 });
    if (pull.exitCode !== 0) return null;
    r = await inspect();
  }
  const id = r.stdout.trim();
  return r.exitCode === 0 && isDigest(id) ? id : null;
}

export async function warmImageExists(docker: Docker, tag: string): Promise<boolean> {
  const r = await docker.call(['image', 'inspect', '--format', '{{.Id}}', tag], { timeoutMs: 60_000 });
  return r.exitCode === 0;
}

/** Removes a warm image that proved stale or broken (never throws). */
export async function dropWarmImage(docker: Docker, tag: string): Promise<void> {
  await docker.call(['rmi', '-f', tag], { timeoutMs: 120_000 }).catch(() => undefined);
}

/**
 * Stops IRIS cleanly, commits the container as `tag` and starts it again (waiting until IRIS is
 * ready), so the run goes on in the same container. Throws when a step fails; the caller warns
 * while the container still runs (src/pipeline/warm.ts).
 */
export async function commitWarmImage(
  container: IrisContainer,
  tag: string,
  key: string,
  baseImageId: string,
  options: StartOptions,
): Promise<void> {
  const docker = container.docker;
  await docker.check(
    'warm-image-failed',
    `Stopping ${container.name} to commit it`,
    ['stop', '-t', '300', container.name],
    {
      timeoutMs: 330_000,
    },
  );
  try {
    await docker.check(
      'warm-image-failed',
      `Committing ${container.name} as ${tag}`,
      [
        'commit',
        '--change',
        `LABEL ${WARM_LABEL}=${key}`,
        '--change',
        `LABEL ${WARM_BASE_LABEL}=${baseImageId}`,
        container.name,
        tag,
      ],
      { timeoutMs: 600_000 },
    );
  } finally {
    await docker.check('warm-image-failed', `Starting ${container.name} again`, ['start', container.name], {
      timeoutMs: 120_000,
    });
    await container.waitReady(options);
  }
}
