/**
 * The pipeline on each IRIS image of the action's inputs, concurrently up to the parallel input:
 * its output directory, the image cache, the total timeout, and a report for a run that crashed or
 * was cut off, naming the stage it was in (the one stageFailure of src/pipeline/stage-result.ts).
 */
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { InstallerSource } from '../ipm/installer.js';
import { imageTag } from '../naming/grammar.js';
import { containerSlots } from '../pipeline/parallel.js';
import { emptyReport } from '../pipeline/runner.js';
import { stageFailure } from '../pipeline/stage-result.js';
import type { RunReport, StageName } from '../pipeline/run-report.js';
import { untilAborted } from '../util/abort.js';
import { mapBounded, type Limiter } from '../util/limiter.js';
import { sanitiseArtifactName } from './artifacts.js';
import type { ResourceLedger } from './cleanup.js';
import { coreLogger } from './core-io.js';
import { restoreImage } from './image-cache.js';
import type { ActionInputs } from './inputs.js';
import { restoreWarmImage, saveWarmImage } from './warm-cache.js';
import type { ActionDeps } from './run.js';

/** One image's run: its report and where its files are. */
export interface ImageOutcome {
  image: string;
  report: RunReport;
  /** This image's directory for its archive, report, JUnit and logs. */
  outDir: string;
  /** Log files worth uploading on failure. */
  logFiles: string[];
  /** true when the image came from the Actions cache (so it need not be saved again). */
  restoredFromCache: boolean;
}

export interface ImageRunsContext {
  inputs: ActionInputs;
  deps: ActionDeps;
  /** Parent of every image's output directory. */
  outRoot: string;
  /** Where cached image tarballs are written and read. */
  imageCacheDir: string;
  /** Where cached warm IPM images are written and read. */
  warmImageCacheDir: string;
  ipmInstaller: InstallerSource | null;
  /** The IPM pin that keys warm IPM images; null with the image's own IPM. */
  ipmPin: string | null;
  ledger: ResourceLedger;
  signal: AbortSignal;
}

/** "2026.1" from the report, else the image tag, for names and group titles. */
export function irisKey(image: string, report?: RunReport): string {
  if (report?.irisVersion) return report.irisVersion;
  return imageTag(image) ?? basename(image);
}

/** The report of a run that threw instead of reporting (infrastructure failure, total timeout). */
export function crashedReport(image: string, startedAt: number, stage: StageName, err: unknown): RunReport {
  const report = emptyReport(image, new Date(startedAt));
  report.durationMs = Date.now() - startedAt;
  report.stages = [stageFailure(stage, err, report.durationMs)];
  return report;
}

/**
 * Runs the images concurrently, each holding one of the `parallel` container slots (started in
 * input order as slots free up); stops starting new ones once the signal aborts. Outcomes come
 * back in input order, one per image that started.
 */
export async function runImages(ctx: ImageRunsContext): Promise<ImageOutcome[]> {
  const slots = containerSlots(ctx.inputs.parallel);
  const outcomes = await mapBounded(
    ctx.inputs.images,
    slots,
    (image, index) => runImage(ctx, slots, image, index),
    () => !ctx.signal.aborted,
  );
  return outcomes.filter((o): o is ImageOutcome => o !== undefined);
}

async function runImage(ctx: ImageRunsContext, slots: Limiter, image: string, index: number): Promise<ImageOutcome> {
  const { inputs, deps } = ctx;
  const { io } = deps;
  const outDir = join(ctx.outRoot, sanitiseArtifactName(image));
  await mkdir(outDir, { recursive: true });
  const prefix = `[${irisKey(image)}] `;
  const restoredFromCache =
    inputs.cacheImages && (await restoreImage(image, ctx.imageCacheDir, deps.cache, deps.docker, (m) => io.warning(m)));
  if (restoredFromCache) io.info(`${prefix}image restored from the cache`);
  const warm =
    inputs.warmIpmImage && ctx.ipmPin
      ? await restoreWarmImage(image, ctx.ipmPin, ctx.warmImageCacheDir, deps.cache, deps.docker, (m) => io.warning(m))
      : null;
  if (warm?.restored) io.info(`${prefix}warm IPM image ${warm.tag} restored from the cache`);
  const startedAt = Date.now();
  let stage: StageName = 'start';
  let outcome: ImageOutcome;
  try {
    const result = await untilAborted(
      deps.pipeline.runImage(
        {
          image,
          workspace: inputs.workspace,
          moduleDir: inputs.moduleDir,
          outDir,
          ipmInstaller: ctx.ipmInstaller,
          warmIpmImage: inputs.warmIpmImage,
          dev: inputs.dev,
          interoperability: inputs.interoperability,
          exportPythonDeps: inputs.exportPythonDeps,
          runTests: inputs.runTests,
          // Only iris-upgrade asked for (upgrade-scenarios: iris-upgrade): no upgrade stage per version.
          upgrade: inputs.upgrade?.scenarios.length ? inputs.upgrade : null,
          timeouts: { startupMs: inputs.timeouts.startupMs, commandMs: inputs.timeouts.commandMs },
          keepContainer: inputs.keepContainer,
          recordTranscripts: inputs.recordTranscripts,
          runId: `${deps.runId}-${index + 1}`,
          onResource: (r) => ctx.ledger.record(r),
          onStage: (name) => (stage = name),
          containerSlots: slots,
          signal: ctx.signal,
        },
        coreLogger(io, prefix),
      ),
      ctx.signal,
      `the run on ${image}`,
    );
    outcome = { image, report: result.report, outDir, logFiles: result.logFiles, restoredFromCache };
  } catch (err) {
    outcome = { image, report: crashedReport(image, startedAt, stage, err), outDir, logFiles: [], restoredFromCache };
  }
  if (inputs.moduleSettings) outcome.report.moduleSettings = inputs.moduleSettings;
  if (warm) await saveWarmImage(warm, ctx.warmImageCacheDir, deps.cache, deps.docker, (m) => io.warning(m));
  const failed = outcome.report.stages.find((s) => s.status === 'failed');
  if (failed) io.info(`${prefix}failed: ${failed.stage}: ${failed.message ?? 'failed'}`);
  return outcome;
}
