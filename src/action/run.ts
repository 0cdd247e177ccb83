/**
 * The action's main step: the pipeline on each IRIS image (./image-runs.ts), the iris-upgrade
 * scenario between consecutive IRIS versions (./iris-upgrades.ts), then publishing
 * (./publish-step.ts, only when every image and every IRIS upgrade passed), then reports and outputs (./outputs.ts),
 * annotations, artifacts (./artifacts.ts), the image cache and the summary. Outputs, summary and
 * artifacts are produced whatever failed; src/index.ts fails the step with `outcome.failure`.
 */
import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { firstFailure } from '../pipeline/stage-result.js';
import type { RunReport } from '../pipeline/run-report.js';
import type { IrisUpgradeRun } from '../pipeline/upgrade/iris-upgrade.js';
import { IpmDbError, UsageError, errorMessage } from '../util/errors.js';
import { redact } from '../util/redact.js';
import { planAnnotations, type Annotation } from './annotations.js';
import { uploadArtifacts, type ArtifactUploader } from './artifacts.js';
import type { CacheStore } from './cache-store.js';
import { ResourceLedger, STATE_KEEP, STATE_RUN_ID } from './cleanup.js';
import type { CoreIO } from './core-io.js';
import type { DockerCommand } from './docker-cli.js';
import { saveImage } from './image-cache.js';
import { runImages, type ImageOutcome } from './image-runs.js';
import { runIrisUpgrades } from './iris-upgrades.js';
import type { ActionInputs } from './inputs.js';
import { installerStep } from './ipm-installer.js';
import { workflowRunUrl } from './links.js';
import { runCounts, skipExpiredLicence } from './licence-skip.js';
import type { ActionOutcome } from './outcome.js';
import { setOutputs, writeReports } from './outputs.js';
import type { PipelinePort, PublishPort } from './ports.js';
import { publishStep } from './publish-step.js';
import { buildSummary } from './summary.js';
import { readTestFailureAnnotations } from './test-failures.js';
import { formatDuration } from '../util/format.js';

export interface ActionDeps {
  io: CoreIO;
  pipeline: PipelinePort;
  publisher: PublishPort;
  /** null outside Actions: uploads are skipped with a notice. */
  uploader: ArtifactUploader | null;
  cache: CacheStore;
  docker: DockerCommand;
  env: Record<string, string | undefined>;
  runId: string;
}

type Failure = NonNullable<ActionOutcome['failure']>;

/** Aborts when the whole run has taken the run-timeout input's time. */
function totalTimeout(totalMs: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new IpmDbError('timeout', `The whole run exceeded the run-timeout input (${formatDuration(totalMs)}).`, {
          hint: 'Raise the run-timeout input, or run fewer IRIS versions per job (a matrix).',
        }),
      ),
    totalMs,
  );
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/** Refuses, before any container starts, a module path without module.xml or an upgrade-from file that is missing. */
async function checkWorkspace(inputs: ActionInputs): Promise<void> {
  await stat(join(inputs.moduleDir, 'module.xml')).catch(() => {
    throw new UsageError(
      `input "module-path": no module.xml in ${relative(inputs.workspace, inputs.moduleDir) || '.'}.`,
      'Point module-path at the folder holding module.xml, and run actions/checkout before this step.',
    );
  });
  const previous = inputs.upgrade?.previous.packagePath;
  if (previous)
    await stat(previous).catch(() => {
      throw new UsageError(
        `input "upgrade-from": ${relative(inputs.workspace, previous)} does not exist.`,
        'Give the path of a previous .tgz, a version or a registry reference.',
      );
    });
}

export async function run(inputs: ActionInputs, deps: ActionDeps): Promise<ActionOutcome> {
  const started = Date.now();
  const { io } = deps;
  const notices: string[] = [];
  const notice = (m: string) => {
    notices.push(m);
    io.notice(m);
  };
  io.saveState(STATE_RUN_ID, deps.runId);
  io.saveState(STATE_KEEP, String(inputs.keepContainer));
  const tempRoot = deps.env.RUNNER_TEMP || join(inputs.workspace, '.ipm-db');
  const outRoot = join(tempRoot, 'ipm-db', deps.runId);
  const imageCacheDir = join(tempRoot, 'ipm-db-images');
  if (inputs.publishRefused) notice(inputs.publishRefused);

  const total = totalTimeout(inputs.timeouts.totalMs);
  let outcomes: ImageOutcome[] = [];
  let failure: Failure | null = null;
  try {
    await checkWorkspace(inputs);
    const ipm = await installerStep(inputs.ipm, io, deps.cache, tempRoot);
    const ledger = new ResourceLedger((n, v) => io.saveState(n, v));
    outcomes = await runImages({
      inputs,
      deps,
      outRoot,
      imageCacheDir,
      warmImageCacheDir: join(tempRoot, 'ipm-db-warm'),
      ipmInstaller: ipm?.source ?? null,
      ipmPin: ipm?.pin ?? null,
      ledger,
      signal: total.signal,
    });
    const runs = outcomes.map((o) => o.report);
    for (const report of runs) {
      const skipped = skipExpiredLicence(report, inputs.licenceExpired);
      if (skipped) io.warning(skipped);
    }
    const irisUpgrades = await runIrisUpgrades(
      { inputs, deps, ipmInstaller: ipm?.source ?? null, ledger, signal: total.signal },
      outcomes,
    );
    const upgradeFailed = irisUpgrades.find((u) => u.status === 'failed');
    const allRan = runs.length === inputs.images.length;
    await publishStep(
      runs,
      allRan,
      inputs,
      deps.publisher,
      io,
      total.signal,
      upgradeFailed ? `${irisUpgradeLabel(upgradeFailed)} failed` : null,
    );
    const firstFailed = runs.find((r) => !runCounts(r));
    if (firstFailed) failure = failureOf(firstFailed);
    else if (!allRan && total.signal.reason) failure = failureFromError(total.signal.reason);
    else if (upgradeFailed)
      failure = { message: `${irisUpgradeLabel(upgradeFailed)}: ${upgradeFailed.message}`, hint: null, details: null };
  } catch (err) {
    failure = failureFromError(err);
  } finally {
    total.clear();
  }

  // Everything below runs whatever happened above, and never throws.
  const runs = outcomes.map((o) => o.report);
  const reportPath = await writeReports(outRoot, outcomes);
  setOutputs(io, runs, reportPath);
  const roots = { workspace: inputs.workspace, moduleDir: inputs.moduleDir };
  const testFailures: Annotation[][] = [];
  for (const report of runs) {
    const found = report.junitPath
      ? await readTestFailureAnnotations(report.junitPath, roots).catch((err: unknown) => ({
          annotations: [],
          problems: [`Reading the JUnit file for annotations failed: ${redact(errorMessage(err))}`],
        }))
      : null;
    for (const problem of found?.problems ?? []) io.warning(problem);
    testFailures.push(found?.annotations ?? []);
  }
  const plan = planAnnotations(runs, roots, testFailures);
  for (const a of plan.annotations) io.annotate(a);
  const artifacts = await uploadArtifacts(outcomes, inputs, deps.uploader, io, deps.env, notice);
  if (inputs.cacheImages) {
    const restored = new Set(outcomes.filter((o) => o.restoredFromCache).map((o) => o.image));
    for (const image of inputs.images)
      if (!restored.has(image)) await saveImage(image, imageCacheDir, deps.cache, deps.docker, (m) => io.warning(m));
  }

  const outcome: ActionOutcome = {
    runs,
    ok: failure === null,
    failure,
    notices,
    annotationOverflow: plan.overflow,
    artifacts,
    links: { runUrl: workflowRunUrl(deps.env), sourceUrl: inputs.sourceUrl },
    moduleSettings: inputs.moduleSettings,
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

function irisUpgradeLabel(u: IrisUpgradeRun): string {
  return `iris-upgrade IRIS ${u.fromIrisVersion} -> ${u.toIrisVersion}`;
}

function runLabel(report: RunReport): string {
  return report.irisVersion ? `IRIS ${report.irisVersion}` : report.image;
}

/** The run's failure from its first failed report: the stage and its message (hint included). */
function failureOf(report: RunReport): Failure {
  const s = firstFailure(report.stages);
  return {
    message: `${runLabel(report)}: ${s ? `the ${s.stage} stage failed: ${s.message ?? ''}` : 'failed'}`.trim(),
    hint: null,
    details: null,
  };
}

function failureFromError(err: unknown): Failure {
  return {
    message: redact(errorMessage(err)),
    hint: err instanceof IpmDbError && err.hint ? redact(err.hint) : null,
    details: err instanceof IpmDbError && err.details ? redact(err.details) : null,
  };
}
