// Opt-in: push the same IPM artifact through the `oras` CLI (for users who standardise on
// it). The password goes through --password-stdin, annotations through a file, so neither
// appears in argv.
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findOnPath, runCommand } from '../iris/process.js';
import { IpmDbError } from '../util/errors.js';
import { formatDuration } from '../util/format.js';
import { redact } from '../util/redact.js';
import { DIGEST_SOURCE } from '../naming/grammar.js';
import type { RegistryCredentials } from './access.js';
import { IPM_CONFIG_MEDIA_TYPE, IPM_LAYER_MEDIA_TYPE, TITLE_ANNOTATION, type OciManifest } from './media-types.js';

export interface OrasPushOptions {
  archivePath: string;
  reference: string;
  manifest: OciManifest;
  plainHttp: boolean;
  credentials?: RegistryCredentials;
  orasPath?: string;
  /** Hard limit for the whole push; default 60 min. */
  timeoutMs?: number;
}

/** Pushes with `oras push`; returns the manifest digest oras reports. */
export async function pushWithOras(opts: OrasPushOptions): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 60 * 60_000;
  const oras = opts.orasPath ?? findOnPath('oras');
  if (!oras) {
    throw new IpmDbError('oras-missing', 'no oras binary on PATH', {
      hint: 'Install the ORAS CLI (https://oras.land) or publish with the built-in client (omit --client oras).',
    });
  }
  const layer = opts.manifest.layers[0];
  const title = layer?.annotations?.[TITLE_ANNOTATION];
  if (!title) throw new IpmDbError('oras-push', 'the manifest has no titled layer');
  const dir = await mkdtemp(join(tmpdir(), 'ipm-db-oras-'));
  try {
    // oras titles a layer with the path it was given: give it the IPM file name.
    await symlink(resolve(opts.archivePath), join(dir, title));
    const annotationFile = join(dir, 'annotations.json');
    await writeFile(annotationFile, JSON.stringify({ $manifest: opts.manifest.annotations ?? {} }));
    const args = [
      'push',
      '--image-spec',
      'v1.0',
      '--annotation-file',
      annotationFile,
      '--config',
      `${join(dir, 'config.json')}:${IPM_CONFIG_MEDIA_TYPE}`,
    ];
    await writeFile(join(dir, 'config.json'), '{}');
    if (opts.plainHttp) args.push('--plain-http');
    if (opts.credentials) args.push('--username', opts.credentials.username, '--password-stdin');
    args.push(opts.reference, `${title}:${IPM_LAYER_MEDIA_TYPE}`);
    const run = await runCommand(oras, args, {
      cwd: dir,
      timeoutMs,
      ...(opts.credentials ? { input: opts.credentials.password } : {}),
    });
    if (run.exitCode !== 0) {
      const why = run.timedOut ? `did not finish within ${formatDuration(timeoutMs)}` : `failed (exit ${run.exitCode})`;
      throw new IpmDbError('oras-push', `oras push ${opts.reference} ${why}`, {
        details: redact(run.stderr.trim()),
      });
    }
    const digest = new RegExp(`Digest:\\s*(${DIGEST_SOURCE})`).exec(run.stdout)?.[1];
    if (!digest)
      throw new IpmDbError('oras-push', 'oras push printed no manifest digest', { details: redact(run.stdout) });
    return digest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
