/**
 * The publish stage of every image's report: skipped unless asked for and every IRIS version
 * passed; otherwise each verified archive is published in turn, stopping at the first failure.
 */
import { stageFailure, stageSkipped } from '../pipeline/stage-result.js';
import type { RunReport, StageResult } from '../pipeline/run-report.js';
import { untilAborted } from '../util/abort.js';
import { IpmDbError } from '../util/errors.js';
import { coreLogger, type CoreIO } from './core-io.js';
import { irisKey } from './image-runs.js';
import type { ActionInputs } from './inputs.js';
import { runCounts } from './licence-skip.js';
import type { PublishPort } from './ports.js';

/** Replaces any publish stage of the report with `result`. */
function setPublishStage(report: RunReport, result: StageResult): void {
  report.stages = report.stages.filter((s) => s.stage !== 'publish');
  report.stages.push(result);
}

/**
 * Sets the publish stage (and `published`) of every report; `allRan` is false when an image never
 * ran; `blockedBy` names another failure that stops publishing (an IRIS upgrade), or is null.
 */
export async function publishStep(
  runs: RunReport[],
  allRan: boolean,
  inputs: ActionInputs,
  publisher: PublishPort,
  io: CoreIO,
  signal: AbortSignal,
  blockedBy: string | null = null,
): Promise<void> {
  // A run skipped for an expired community licence (licence-expired: skip) neither passes nor blocks.
  const allOk = allRan && runs.every(runCounts);
  for (const report of runs) {
    if (report.skipped) {
      setPublishStage(report, stageSkipped('publish', report.skipped.reason));
      continue;
    }
    if (!inputs.publish) {
      setPublishStage(report, stageSkipped('publish', inputs.publishRefused ?? 'publish is not true'));
      continue;
    }
    if (!allOk || blockedBy) {
      const why = allOk ? blockedBy : 'not every IRIS version passed';
      setPublishStage(report, stageSkipped('publish', `${why}; nothing is published`));
      continue;
    }
    const t0 = Date.now();
    const key = irisKey(report.image, report);
    try {
      const { archive, verification } = report;
      if (!archive || !verification)
        throw new IpmDbError('publish', `IRIS ${key} produced no verified archive to publish.`);
      const published = await io.group(`[${key}] publish`, () =>
        untilAborted(
          publisher.publish(
            {
              archivePath: archive.path,
              verification,
              sourceUrl: inputs.sourceUrl,
              force: inputs.force,
              allowPrerelease: inputs.allowPrerelease,
              signal,
            },
            coreLogger(io, `[${key}] `),
          ),
          signal,
          'publishing',
        ),
      );
      report.published = published;
      setPublishStage(report, {
        stage: 'publish',
        status: 'passed',
        durationMs: Date.now() - t0,
        message: `${published.reference}${published.unchanged ? ' (unchanged)' : ''}, round-trip: ${published.roundTrip.status}`,
      });
    } catch (err) {
      report.ok = false;
      setPublishStage(report, stageFailure('publish', err, Date.now() - t0));
      break;
    } finally {
      report.durationMs += Date.now() - t0;
    }
  }
}
