/**
 * Workflow artifacts: per IRIS version, the archive and the JSON run report (and on failure the
 * container logs and messages.log), under names unique per matrix leg. Outside Actions (no
 * results service) uploads are skipped with a notice.
 */
import { createHash } from 'node:crypto';
import type { UploadPolicy } from './inputs.js';
import type { UploadedArtifact } from './outcome.js';

export interface ArtifactUploader {
  upload(name: string, files: string[], rootDirectory: string): Promise<{ id: number | null; size: number }>;
}

export function artifactServiceAvailable(env: Record<string, string | undefined>): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}

/** The @actions/artifact client, loaded on first upload to keep the action's start fast. */
export function defaultUploader(): ArtifactUploader {
  return {
    async upload(name, files, rootDirectory) {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const client = new DefaultArtifactClient();
      const res = await client.uploadArtifact(name, files, rootDirectory, {});
      return { id: res.id ?? null, size: res.size ?? 0 };
    },
  };
}

export function shouldUpload(policy: UploadPolicy, runOk: boolean): boolean {
  return policy === 'always' || (policy === 'failure' && !runOk);
}

/** Keeps characters GitHub accepts in artifact names, collapsing the rest to "-". */
export function sanitiseArtifactName(raw: string): string {
  return raw
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 200);
}

/**
 * "<prefix>-<iris>-<job>[-<matrix values>]": the IRIS version (or image tag) tells runs apart within
 * a leg, the job and matrix values tell legs apart. Long matrix contexts are shortened with a hash.
 */
export function artifactName(
  prefix: string,
  iris: string,
  env: Record<string, string | undefined>,
  matrixJson: string | undefined,
): string {
  const parts = [prefix, iris, env.GITHUB_JOB ?? 'local'];
  if (matrixJson && matrixJson !== 'null') {
    let values: string[] = [];
    try {
      const parsed = JSON.parse(matrixJson) as unknown;
      if (parsed && typeof parsed === 'object')
        values = Object.values(parsed).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    } catch {
      values = [matrixJson];
    }
    const joined = sanitiseArtifactName(values.join('-'));
    if (joined.length > 60)
      parts.push(`${joined.slice(0, 40)}-${createHash('sha256').update(matrixJson).digest('hex').slice(0, 8)}`);
    else if (joined) parts.push(joined);
  }
  if (env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1') parts.push(`attempt${env.GITHUB_RUN_ATTEMPT}`);
  return sanitiseArtifactName(parts.join('-'));
}

export async function uploadRunFiles(
  uploader: ArtifactUploader,
  name: string,
  files: string[],
  rootDirectory: string,
): Promise<UploadedArtifact> {
  const res = await uploader.upload(name, files, rootDirectory);
  return { name, id: res.id, size: res.size, files };
}
