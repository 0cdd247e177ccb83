/**
 * Binds the upgrade scenarios' ports (./ports.ts) to the container driver: sessions through
 * `iris session` in the pipeline's container, IPM operations, namespaces from IPM's
 * InitializeNamespace, and for container replacement two containers of the same image on one
 * named volume holding the IRIS data directory (Durable %SYS).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IpmDbError } from '../../util/errors.js';
import { RUN_LABEL, needsCheckCapsFalse, removeRun } from '../../iris/container.js';
import type { SessionRunner } from '../../iris/session.js';
import { newPackageNamespace, startPipelineIris, type DrivenContainer } from '../containers.js';
import type { PipelineContext } from '../context.js';
import { setUpScenarioIpm, warmImageForScenarios, warmImageOf } from '../warm.js';
import type { LinesOutput, ReplaceableIris, UpgradeEnvironment, UpgradeIris } from './ports.js';

/** Where Durable %SYS keeps the IRIS data directory inside the container. */
const DURABLE_MOUNT = '/durable';

/**
 * One session of upgrade-stage lines (./objectscript.ts) through the driver's session runner,
 * which judges it (exit status, end marker, ObjectScript errors, time limit), redacts it and reads
 * its results; `doing` names the session in its errors.
 */
export async function runUpgradeLines(
  sessions: SessionRunner,
  namespace: string,
  lines: string[],
  doing: string,
  timeoutMs: number,
): Promise<LinesOutput> {
  const result = await sessions.run({
    namespace,
    operations: lines.map((text) => ({ kind: 'surfaceLine', text })),
    timeoutMs,
    purpose: doing,
  });
  return { results: result.results, raw: result.raw };
}

function irisOf(ctx: PipelineContext, current: () => DrivenContainer, homeNamespace: string): UpgradeIris {
  const timeoutMs = ctx.options.timeouts?.shortMs ?? 300_000;
  return {
    createNamespace: () => newPackageNamespace(ctx, current().target, homeNamespace, 'UPG'),
    run: (namespace, lines, doing) => runUpgradeLines(current().target.sessions, namespace, lines, doing, timeoutMs),
    loadModule: async (namespace, hostDir) => {
      await current().ops.loadModule(namespace, hostDir);
    },
    loadPackage: (namespace, hostTgz) => current().ops.loadPackage(namespace, hostTgz),
    updateModule: (namespace, moduleName, hostTgz) => current().ops.updateModule(namespace, moduleName, hostTgz),
  };
}

/** Starts a container of `image` (default the pipeline's) with its IRIS data directory on `volume`. */
function startOnVolume(
  ctx: PipelineContext,
  runId: string,
  volume: string,
  image?: string,
  checkCapsFalse?: boolean,
): Promise<DrivenContainer> {
  return startPipelineIris(ctx, runId, {
    ...(image ? { image } : {}),
    ...(checkCapsFalse !== undefined ? { checkCapsFalse } : {}),
    // No network: the pipeline's own IRIS may already hold the host's IRIS ports, and these
    // containers need none (packages are copied in, previous releases pulled on the host).
    network: 'none',
    mounts: [{ source: volume, target: DURABLE_MOUNT }],
    env: { ISC_DATA_DIRECTORY: `${DURABLE_MOUNT}/iris` },
  });
}

async function startDurable(ctx: PipelineContext, image?: string): Promise<ReplaceableIris> {
  const setup = ctx.setup;
  if (!setup) throw new IpmDbError('pipeline-order', 'Internal: IPM is not set up; the ipm stage did not run.');
  const suffix = ctx.nextPostfix('D').toLowerCase();
  const volume = `ipm-db-${ctx.runId}-${suffix}`;
  // Labelled with the run id, so the run's final cleanup (and the action's post step) removes it.
  ctx.options.onResource?.({ kind: 'volume', name: volume });
  await ctx.docker.check('docker-volume-failed', 'docker volume create', [
    'volume',
    'create',
    '--label',
    `${RUN_LABEL}=${ctx.runId}`,
    volume,
  ]);
  // A new named volume is root's; IRIS runs as irisowner and must create <volume>/iris itself.
  await ctx.docker.check(
    'docker-volume-failed',
    'Giving the durable volume to irisowner',
    [
      'run',
      '--rm',
      '--network',
      'none',
      '--user',
      'root',
      '--label',
      `${RUN_LABEL}=${ctx.runId}`,
      '--mount',
      `type=volume,source=${volume},target=${DURABLE_MOUNT}`,
      '--entrypoint',
      '/bin/sh',
      image ?? ctx.options.image,
      '-c',
      `command -v chown >/dev/null 2>&1 || exit 0; chown irisowner ${DURABLE_MOUNT}`,
    ],
    { timeoutMs: 120_000 },
  );
  const runIds = [`${ctx.runId}-${suffix}a`, `${ctx.runId}-${suffix}b`];
  let generation = 0;
  let parts: DrivenContainer | null = null;
  const dispose = async () => {
    for (const runId of runIds) await removeRun(ctx.docker, runId).catch(() => undefined);
    await ctx.docker.call(['volume', 'rm', '-f', volume], { timeoutMs: 60_000 }).catch(() => undefined);
  };
  try {
    // From the IRIS image's warm IPM image when there is one (IPM then only checked).
    const warm = image === undefined ? await warmImageForScenarios(ctx) : await warmImageOf(ctx, image);
    const first = warm
      ? await startOnVolume(ctx, runIds[0]!, volume, warm, needsCheckCapsFalse(image ?? ctx.options.image))
      : await startOnVolume(ctx, runIds[0]!, volume, image);
    parts = first;
    await setUpScenarioIpm(ctx, first, warm !== null, setup.installedFrom, setup.homeNamespace);
  } catch (err) {
    await dispose();
    throw err;
  }
  const current = () => parts!;
  return {
    ...irisOf(ctx, current, setup.homeNamespace),
    async replace(nextImage?: string) {
      const old = current().container;
      // A clean IRIS shutdown (SIGTERM to the entry point) before the data directory changes hands.
      await ctx.docker.check('docker-stop-failed', `Stopping ${old.name}`, ['stop', '-t', '120', old.name], {
        timeoutMs: 180_000,
      });
      await removeRun(ctx.docker, runIds[generation]!);
      generation++;
      parts = await startOnVolume(ctx, runIds[generation]!, volume, nextImage ?? image);
    },
    dispose,
  };
}

export function driverUpgradeEnvironment(ctx: PipelineContext, pull: UpgradeEnvironment['pull']): UpgradeEnvironment {
  const { container, target, ops, setup } = ctx;
  if (!container || !target || !ops || !setup) {
    throw new IpmDbError('pipeline-order', 'Internal: the container is not ready; an earlier stage did not run.');
  }
  return {
    iris: irisOf(ctx, () => ({ container, target, ops }), setup.homeNamespace),
    startDurable: (image) => startDurable(ctx, image),
    reserveContainer: () => {
      const slots = ctx.options.containerSlots;
      return slots?.tryAcquire() ? () => slots.release() : null;
    },
    pull,
    tempDir: () => mkdtemp(join(tmpdir(), 'ipm-db-previous-')),
    removeTempDir: (dir) => rm(dir, { recursive: true, force: true }),
  };
}
