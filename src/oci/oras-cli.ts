// Opt-in: push the same IPM artifact through the `oras` CLI (for users who standardise on
// it). The password goes through --password-stdin, annotations through a file, so neither
// appears in argv.
import { spawn } from 'node:child_process';
import { access, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { childEnvironment } from '../util/child-env.js';
import { IpmDbError } from '../util/errors.js';
import { redact } from '../util/redact.js';
import { DIGEST_SOURCE } from '../naming/grammar.js';
import type { RegistryCredentials } from './access.js';
import { IPM_CONFIG_MEDIA_TYPE, IPM_LAYER_MEDIA_TYPE, TITLE_ANNOTATION, type OciManifest } from './media-types.js';

/** The oras binary on PATH, or undefined. */
export async function findOras(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'oras');
    try {
      await access(candidate, 1);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function runTool(
  command: string,
  args: string[],
  opts: { cwd?: string; stdin?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: childEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
    // A child that exits without reading its input must not crash this process (EPIPE).
    child.stdin.on('error', () => {});
    child.stdin.end(opts.stdin ?? '');
  });
}

export interface OrasPushOptions {
  archivePath: string;
  reference: string;
  manifest: OciManifest;
  plainHttp: boolean;
  credentials?: RegistryCredentials;
  orasPath?: string;
}

/** Pushes with `oras push`; returns the manifest digest oras reports. */
export async function pushWithOras(opts: OrasPushOptions): Promise<string> {
  const oras = opts.orasPath ?? (await findOras());
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
    const run = await runTool(oras, args, {
      cwd: dir,
      ...(opts.credentials ? { stdin: opts.credentials.password } : {}),
    });
    if (run.code !== 0) {
      throw new IpmDbError('oras-push', `oras push ${opts.reference} failed (exit ${run.code})`, {
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
