/**
 * Workflow artifacts: per IRIS version, the archive on its own (not zipped again: the download is
 * the .tgz itself) and a zip artifact with the JSON run report, the JUnit XML and on failure the
 * container logs and messages.log, under names unique per matrix leg. Outside Actions (no results
 * service) uploads are skipped with a notice.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { RunReport } from '../pipeline/run-report.js';
import { errorMessage } from '../util/errors.js';
import { redact } from '../util/redact.js';
import type { CoreIO } from './core-io.js';
import type { ImageOutcome } from './image-runs.js';
import { irisKey } from './image-runs.js';
import type { ActionInputs, UploadPolicy } from './inputs.js';
import type { UploadedArtifact } from './outcome.js';
import { REPORT_FILE } from './outputs.js';

export interface UploadOptions {
  /** Days GitHub keeps the artifact; null for the repository's default. */
  retentionDays: number | null;
  /**
   * One file uploaded as it is, not zipped: @actions/artifact then names the artifact after the
   * file (its base name), so the caller names the file after the artifact.
   */
  skipArchive: boolean;
}

export interface ArtifactUploader {
  upload(
    name: string,
    files: string[],
    rootDirectory: string,
    options: UploadOptions,
  ): Promise<{ id: number | null; size: number }>;
}

export function artifactServiceAvailable(env: Record<string, string | undefined>): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}

/** The @actions/artifact client, loaded on first upload to keep the action's start fast. */
export function defaultUploader(): ArtifactUploader {
  return {
    async upload(name, files, rootDirectory, options) {
      if (options.skipArchive && (files.length !== 1 || basename(files[0] ?? '') !== name))
        throw new Error(`an unzipped artifact is one file named as the artifact (${name})`);
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const client = new DefaultArtifactClient();
      const res = await client.uploadArtifact(name, files, rootDirectory, {
        ...(options.retentionDays !== null ? { retentionDays: options.retentionDays } : {}),
        ...(options.skipArchive ? { skipArchive: true } : {}),
      });
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

/**
 * The name of the artifact holding the archive alone: the run's artifact name, then the archive's
 * file name ("ipm-db-2026.1-build-demo-1.0.0-database.tgz"), so it is unique wherever the run's is.
 */
export function archiveArtifactName(runArtifact: string, archiveFileName: string): string {
  const stem = sanitiseArtifactName(basename(archiveFileName).replace(/\.tgz$/i, ''));
  return `${runArtifact}-${stem || 'package'}.tgz`;
}

export async function uploadRunFiles(
  uploader: ArtifactUploader,
  name: string,
  files: string[],
  rootDirectory: string,
  retentionDays: number | null,
): Promise<UploadedArtifact> {
  const res = await uploader.upload(name, files, rootDirectory, { retentionDays, skipArchive: false });
  return { name, id: res.id, size: res.size, files, zipped: true };
}

/**
 * Uploads the archive unzipped, as the artifact `name`: the library names such an artifact after
 * its file, so the archive is linked (or copied) under that name into a directory of its own.
 */
export async function uploadArchiveFile(
  uploader: ArtifactUploader,
  name: string,
  archivePath: string,
  outDir: string,
  retentionDays: number | null,
): Promise<UploadedArtifact> {
  const dir = join(outDir, 'unzipped-artifact');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await link(archivePath, file).catch(() => copyFile(archivePath, file));
  try {
    const res = await uploader.upload(name, [file], dir, { retentionDays, skipArchive: true });
    return { name, id: res.id, size: res.size, files: [archivePath], zipped: false };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function listFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFilesIn(p)));
    else out.push(p);
  }
  return out;
}

/**
 * The files one image's zip artifact carries: its report and JUnit XML, the archive only when
 * `withArchive` (it could not be uploaded on its own), and on failure its logs. They must sit
 * under outDir (the artifact root): what is elsewhere is copied in.
 */
export async function collectRunFiles(
  report: RunReport,
  outDir: string,
  logFiles: string[],
  withArchive = true,
): Promise<string[]> {
  const files = new Set<string>([join(outDir, REPORT_FILE)]);
  const wanted = [
    withArchive ? report.archive?.path : undefined,
    report.junitPath,
    ...(report.ok ? [] : logFiles),
  ].filter((p): p is string => Boolean(p));
  for (const p of wanted) {
    const rel = relative(outDir, p);
    if (!rel.startsWith('..') && rel !== '') files.add(p);
    else {
      const copy = join(outDir, basename(p));
      await copyFile(p, copy);
      files.add(copy);
    }
  }
  if (!report.ok) for (const f of await listFilesIn(outDir)) if (/\.log$/i.test(f)) files.add(f);
  // Session transcripts (record-transcripts), for replay against the stand-in.
  for (const f of await listFilesIn(join(outDir, 'transcripts'))) files.add(f);
  const present: string[] = [];
  for (const f of files)
    if (
      await stat(f).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      present.push(f);
  return present;
}

/**
 * Uploads, per image the policy asks for, its archive unzipped and a zip of its other files; a
 * failed upload is a warning, and an archive that could not go on its own goes into the zip.
 * Without an uploader (outside Actions) nothing is uploaded and `notice` says so.
 */
export async function uploadArtifacts(
  outcomes: ImageOutcome[],
  inputs: Pick<ActionInputs, 'uploadArtifacts' | 'artifactName' | 'matrixKey' | 'retentionDays'>,
  uploader: ArtifactUploader | null,
  io: CoreIO,
  env: Record<string, string | undefined>,
  notice: (message: string) => void,
): Promise<UploadedArtifact[]> {
  const artifacts: UploadedArtifact[] = [];
  const wanted = outcomes.filter((o) => shouldUpload(inputs.uploadArtifacts, o.report.ok));
  if (wanted.length === 0) return artifacts;
  if (!uploader) {
    notice('Artifact upload skipped: not running in GitHub Actions (no results service).');
    return artifacts;
  }
  await io.group('Upload artifacts', async () => {
    for (const { report, outDir, logFiles } of wanted) {
      const name = artifactName(inputs.artifactName, irisKey(report.image, report), env, inputs.matrixKey);
      let archiveUploaded = false;
      if (report.archive?.path) {
        const archiveName = archiveArtifactName(name, report.archive.fileName);
        try {
          const up = await uploadArchiveFile(uploader, archiveName, report.archive.path, outDir, inputs.retentionDays);
          io.info(`Uploaded ${archiveName} (${up.size} bytes, not zipped)`);
          artifacts.push(up);
          archiveUploaded = true;
        } catch (err) {
          io.warning(
            `Uploading the archive as ${archiveName} failed (${redact(errorMessage(err))}); it goes into the zip artifact ${name}.`,
          );
        }
      }
      try {
        const files = await collectRunFiles(report, outDir, logFiles, !archiveUploaded);
        const up = await uploadRunFiles(uploader, name, files, outDir, inputs.retentionDays);
        io.info(`Uploaded ${name} (${up.size} bytes, ${files.length} files)`);
        artifacts.push(up);
      } catch (err) {
        io.warning(`Uploading artifact ${name} failed: ${redact(errorMessage(err))}`);
      }
    }
  });
  return artifacts;
}
