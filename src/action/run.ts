/**
 * The action's main step: the pipeline on each IRIS image in turn, then publishing (only when
 * every image passed), then outputs, annotations, artifacts and the summary. Outputs, summary and
 * artifacts are produced whatever failed; the caller turns `outcome.ok === false` into setFailed.
 */
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { PublishedPackage, RunReport, StageResult } from '../pipeline/types.js';
import { emptyReport } from '../pipeline/runner.js';
import { IpmDbError, UsageError, errorMessage } from '../util/errors.js';
import { redact } from '../util/redact.js';
import { planAnnotations } from './annotations.js';
import {
  artifactName,
  sanitiseArtifactName,
  shouldUpload,
  uploadRunFiles,
  type ArtifactUploader,
} from './artifacts.js';
import {
  actionsInstallerCache,
  resolveIpmInstaller,
  restoreImage,
  saveImage,
  type CacheStore,
  type Docker,
} from './cache.js';
import { ResourceLedger, STATE_KEEP, STATE_RUN_ID } from './cleanup.js';
import { coreLogger, type CoreIO } from './core-io.js';
import type { ActionInputs } from './inputs.js';
import type { ActionOutcome } from './outcome.js';
import type { PipelinePort, PublishPort } from './ports.js';
import { buildSummary } from './summary.js';

export interface ActionDeps {
  io: CoreIO;
  pipeline: PipelinePort;
  publisher: PublishPort;
  /** null outside Actions: uploads are skipped with a notice. */
  uploader: ArtifactUploader | null;
  cache: CacheStore;
  docker: Docker;
  env: Record<string, string | undefined>;
  runId: string;
}

export const REPORT_FILE = 'ipm-db-report.json';

function runLabel(report: RunReport): string {
  return report.irisVersion ? `IRIS ${report.irisVersion}` : report.image;
}

/** "2025.1" from the report, else the image tag, for names and group titles. */
function irisKey(image: string, report?: RunReport): string {
  if (report?.irisVersion) return report.irisVersion;
  const tag = /:([^/:@]+)(?:@.*)?$/.exec(image)?.[1];
  return tag ?? basename(image);
}

/** A report for an image whose run threw instead of reporting (infrastructure failure, timeout). */
function crashedReport(image: string, startedAt: number, err: unknown): RunReport {
  const message = redact(errorMessage(err));
  const details = err instanceof IpmDbError && err.details ? redact(err.details) : undefined;
  const stage: StageResult = { stage: 'start', status: 'failed', durationMs: Date.now() - startedAt, message };
  if (details) stage.output = details;
  const report = emptyReport(image, new Date(startedAt));
  report.stages = [stage];
  report.durationMs = Date.now() - startedAt;
  return report;
}

function setPublishStage(report: RunReport, result: StageResult): void {
  report.stages = report.stages.filter((s) => s.stage !== 'publish');
  report.stages.push(result);
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

function withTimeout<T>(work: Promise<T>, signal: AbortSignal, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error(`${what} was cancelled`));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export async function run(inputs: ActionInputs, deps: ActionDeps): Promise<ActionOutcome> {
  const started = Date.now();
  const { io } = deps;
  const notices: string[] = [];
  const runs: RunReport[] = [];
  const logFiles = new Map<RunReport, { outDir: string; files: string[] }>();
  let failure: ActionOutcome['failure'] = null;

  io.saveState(STATE_RUN_ID, deps.runId);
  io.saveState(STATE_KEEP, String(inputs.keepContainer));
  const ledger = new ResourceLedger((n, v) => io.saveState(n, v));
  const tempRoot = deps.env.RUNNER_TEMP || join(inputs.workspace, '.ipm-db');
  const outRoot = join(tempRoot, 'ipm-db', deps.runId);
  const notice = (m: string) => {
    notices.push(m);
    io.notice(m);
  };
  if (inputs.publishRefused) notice(inputs.publishRefused);

  const total = new AbortController();
  const totalTimer = setTimeout(
    () =>
      total.abort(
        new IpmDbError(
          'timeout',
          `The whole run exceeded the timeout input (${Math.round(inputs.timeouts.totalMs / 1000)} s).`,
          {
            hint: 'Raise the timeout input, or run fewer IRIS versions per job (a matrix).',
          },
        ),
      ),
    inputs.timeouts.totalMs,
  );
  const restoredImages = new Set<string>();

  try {
    await stat(join(inputs.modulePath, 'module.xml')).catch(() => {
      throw new UsageError(
        `input "module-path": no module.xml in ${relative(inputs.workspace, inputs.modulePath) || '.'}.`,
        'Point module-path at the folder holding module.xml, and run actions/checkout before this step.',
      );
    });
    const path = inputs.upgrade?.previous.packagePath;
    if (path) {
      await stat(path).catch(() => {
        throw new UsageError(
          `input "upgrade-from": ${relative(inputs.workspace, path)} does not exist.`,
          'Give the path of a previous .tgz, a version or a registry reference.',
        );
      });
    }

    const ipmInstallerFile = await io.group('IPM installer', async () => {
      const ipm = inputs.ipm;
      if (ipm.kind === 'image') {
        io.info('No ipm-version or ipm-installer given: using the IPM already in the image.');
        return null;
      }
      const resolved = await resolveIpmInstaller(ipm, {
        workDir: join(tempRoot, 'ipm-db-downloads'),
        cache: actionsInstallerCache(deps.cache, join(tempRoot, 'ipm-db-cache')),
      });
      io.info(`IPM installer ${resolved.path} (${resolved.origin}, sha256 ${resolved.sha256})`);
      return { path: resolved.path, sha256: resolved.sha256 };
    });

    for (const [index, image] of inputs.images.entries()) {
      if (total.signal.aborted) break;
      const outDir = join(outRoot, sanitiseArtifactName(image));
      await mkdir(outDir, { recursive: true });
      const prefix = `[${irisKey(image)}] `;
      if (
        inputs.cacheImages &&
        (await restoreImage(image, join(tempRoot, 'ipm-db-images'), deps.cache, deps.docker, (m) => io.warning(m)))
      ) {
        restoredImages.add(image);
        io.info(`${prefix}image restored from the cache`);
      }
      const t0 = Date.now();
      let report: RunReport;
      let files: string[] = [];
      try {
        const result = await withTimeout(
          deps.pipeline.runImage(
            {
              image,
              workspace: inputs.workspace,
              modulePath: inputs.modulePath,
              outDir,
              ipmInstaller: ipmInstallerFile,
              dev: inputs.dev,
              interoperability: inputs.interoperability,
              exportPythonDeps: inputs.exportPythonDeps,
              runTests: inputs.runTests,
              upgrade: inputs.upgrade,
              registry: {
                host: inputs.registry,
                namespace: inputs.namespace,
                username: inputs.username,
                token: inputs.token,
              },
              timeouts: { startupMs: inputs.timeouts.startupMs, commandMs: inputs.timeouts.commandMs },
              keepContainer: inputs.keepContainer,
              runId: `${deps.runId}-${index + 1}`,
              onResource: (r) => ledger.record(r),
              signal: total.signal,
            },
            coreLogger(io, prefix),
          ),
          total.signal,
          `the run on ${image}`,
        );
        report = result.report;
        files = result.logFiles;
      } catch (err) {
        report = crashedReport(image, t0, err);
      }
      runs.push(report);
      logFiles.set(report, { outDir, files });
      if (!report.ok) io.info(`${prefix}failed: ${describeFirstFailure(report)}`);
    }

    const allOk = runs.length === inputs.images.length && runs.every((r) => r.ok);
    for (const report of runs) {
      if (!inputs.publish) {
        setPublishStage(report, {
          stage: 'publish',
          status: 'skipped',
          durationMs: 0,
          message: inputs.publishRefused ?? 'publish is not true',
        });
        continue;
      }
      if (!allOk) {
        setPublishStage(report, {
          stage: 'publish',
          status: 'skipped',
          durationMs: 0,
          message: 'not every IRIS version passed; nothing is published',
        });
        continue;
      }
      const t0 = Date.now();
      try {
        const { archive, verification } = report;
        if (!archive || !verification)
          throw new IpmDbError('publish', `${runLabel(report)} produced no verified archive to publish.`);
        const published: PublishedPackage = await io.group(`[${irisKey(report.image, report)}] publish`, () =>
          withTimeout(
            deps.publisher.publish(
              {
                archivePath: archive.path,
                verification,
                registry: inputs.registry,
                namespace: inputs.namespace,
                username: inputs.username,
                token: inputs.token,
                sourceUrl: inputs.sourceUrl,
                force: inputs.force,
                allowPrerelease: inputs.allowPrerelease,
                signal: total.signal,
              },
              coreLogger(io, `[${irisKey(report.image, report)}] `),
            ),
            total.signal,
            'publishing',
          ),
        );
        report.published = published;
        report.durationMs += Date.now() - t0;
        setPublishStage(report, {
          stage: 'publish',
          status: 'passed',
          durationMs: Date.now() - t0,
          message: `${published.reference}${published.unchanged ? ' (unchanged)' : ''}`,
        });
      } catch (err) {
        report.ok = false;
        report.durationMs += Date.now() - t0;
        const stage: StageResult = {
          stage: 'publish',
          status: 'failed',
          durationMs: Date.now() - t0,
          message: redact(errorMessage(err)),
        };
        if (err instanceof IpmDbError && err.details) stage.output = redact(err.details);
        setPublishStage(report, stage);
        if (err instanceof IpmDbError && err.hint) stage.message = `${stage.message} ${err.hint}`;
        break;
      }
    }
    const firstFailed = runs.find((r) => !r.ok);
    if (firstFailed) failure = failureOf(firstFailed);
    else if (runs.length < inputs.images.length && total.signal.reason) failure = failureFromError(total.signal.reason);
  } catch (err) {
    failure = failureFromError(err);
  } finally {
    clearTimeout(totalTimer);
  }

  // Everything below runs whatever happened above, and never throws.
  const reportPath = join(outRoot, REPORT_FILE);
  await mkdir(outRoot, { recursive: true }).catch(() => {});
  await writeJson(reportPath, runs);
  for (const [report, { outDir }] of logFiles) await writeJson(join(outDir, REPORT_FILE), report);
  setOutputs(io, runs, reportPath);

  const plan = planAnnotations(runs, { workspace: inputs.workspace, modulePath: inputs.modulePath });
  for (const a of plan.annotations) io.annotate(a);

  const artifacts: ActionOutcome['artifacts'] = [];
  if (inputs.uploadArtifacts !== 'never') {
    if (!deps.uploader) {
      if (runs.some((r) => shouldUpload(inputs.uploadArtifacts, r.ok)))
        notice('Artifact upload skipped: not running in GitHub Actions (no results service).');
    } else {
      await io.group('Upload artifacts', async () => {
        for (const [report, { outDir, files }] of logFiles) {
          if (!shouldUpload(inputs.uploadArtifacts, report.ok)) continue;
          const name = artifactName(inputs.artifactName, irisKey(report.image, report), deps.env, inputs.matrixKey);
          try {
            const toUpload = await collectRunFiles(report, outDir, files);
            const up = await uploadRunFiles(deps.uploader!, name, toUpload, outDir);
            io.info(`Uploaded ${name} (${up.size} bytes, ${toUpload.length} files)`);
            artifacts.push(up);
          } catch (err) {
            io.warning(`Uploading artifact ${name} failed: ${redact(errorMessage(err))}`);
          }
        }
      });
    }
  }

  if (inputs.cacheImages)
    for (const image of inputs.images)
      if (!restoredImages.has(image))
        await saveImage(image, join(tempRoot, 'ipm-db-images'), deps.cache, deps.docker, (m) => io.warning(m));

  const outcome: ActionOutcome = {
    runs,
    ok: failure === null,
    failure,
    notices,
    annotationOverflow: plan.overflow,
    artifacts,
    durationMs: Date.now() - started,
  };
  if (inputs.summary) {
    try {
      await io.writeSummary(buildSummary(outcome));
    } catch (err) {
      io.warning(`Writing the job summary failed: ${errorMessage(err)}`);
    }
  }
  return outcome;
}

/** The archive and logs must sit under outDir for the artifact root; copy in what is elsewhere. */
async function collectRunFiles(report: RunReport, outDir: string, logFiles: string[]): Promise<string[]> {
  const files = new Set<string>([join(outDir, REPORT_FILE)]);
  const wanted = [report.archive?.path, report.junitPath, ...(report.ok ? [] : logFiles)].filter((p): p is string =>
    Boolean(p),
  );
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

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, redact(JSON.stringify(value, null, 2)) + '\n').catch(() => {});
}

function describeFirstFailure(report: RunReport): string {
  const s = report.stages.find((x) => x.status === 'failed');
  return s ? `${s.stage}: ${s.message ?? 'failed'}` : 'failed';
}

function failureOf(report: RunReport): NonNullable<ActionOutcome['failure']> {
  const s = report.stages.find((x) => x.status === 'failed');
  return {
    message: `${runLabel(report)}: ${s ? `the ${s.stage} stage failed: ${s.message ?? ''}` : 'failed'}`.trim(),
    hint: null,
    details: null,
  };
}

function failureFromError(err: unknown): NonNullable<ActionOutcome['failure']> {
  return {
    message: redact(errorMessage(err)),
    hint: err instanceof IpmDbError && err.hint ? redact(err.hint) : null,
    details: err instanceof IpmDbError && err.details ? redact(err.details) : null,
  };
}

/** Every output, computed from the reports; empty strings/arrays when a run produced nothing. */
export function outputsOf(runs: RunReport[], reportPath: string): Record<string, string> {
  const first = runs.find((r) => r.archive);
  const mod = runs.find((r) => r.module)?.module;
  const published = runs.map((r) => r.published).filter((p): p is PublishedPackage => p !== null);
  return {
    archive: first?.archive?.path ?? '',
    archives: JSON.stringify(runs.map((r) => r.archive?.path).filter(Boolean)),
    sha256: first?.archive?.sha256 ?? '',
    'iris-dat-sha256': first?.archive?.irisDatSha256 ?? '',
    'module-name': mod?.name ?? '',
    'module-version': mod?.version ?? '',
    'iris-versions': JSON.stringify(runs.map((r) => r.irisVersion).filter(Boolean)),
    'published-tags': JSON.stringify(published.map((p) => p.tag)),
    'published-references': JSON.stringify(published.map((p) => p.reference)),
    digests: JSON.stringify(published.map((p) => p.digest)),
    report: reportPath,
    result: JSON.stringify(
      runs.map((r) => ({
        image: r.image,
        irisVersion: r.irisVersion,
        ok: r.ok,
        stages: r.stages.map((s) => ({
          stage: s.stage,
          status: s.status,
          durationMs: s.durationMs,
          message: s.message ?? null,
        })),
      })),
    ),
  };
}

function setOutputs(io: CoreIO, runs: RunReport[], reportPath: string): void {
  for (const [name, value] of Object.entries(outputsOf(runs, reportPath))) io.setOutput(name, redact(value));
}
