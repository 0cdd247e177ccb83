/**
 * Runs the stages in order against one IRIS image, timing each, stopping at the first
 * failure, and always removing the container (unless keepContainer). Produces the RunReport.
 */
import { formatDuration } from '../util/format.js';
import { errorMessage } from '../util/errors.js';
import { redact } from '../util/redact.js';
import { newRunId, removeRun } from '../iris/container.js';
import { Docker } from '../iris/docker.js';
import { CompileFailedError } from '../ipm/operations.js';
import type { PipelineContext, PipelineOptions } from './context.js';
import { stageFailure, stageSkipped } from './stage-result.js';
import { DEFAULT_STAGES } from './stages.js';
import type { RunReport, StageResult } from './run-report.js';

export function emptyReport(image: string, startedAt: Date): RunReport {
  return {
    schema: 'ipm-db/run-report@1',
    image,
    irisVersion: null,
    irisBuild: null,
    ipmVersion: null,
    module: null,
    ok: false,
    stages: [],
    archive: null,
    verification: null,
    compileErrors: [],
    junitPath: null,
    upgrade: [],
    published: null,
    startedAt: startedAt.toISOString(),
    durationMs: 0,
  };
}

export function createContext(options: PipelineOptions, report: RunReport): PipelineContext {
  const used = new Set<string>();
  return {
    options,
    report,
    logger: options.logger,
    docker: new Docker(options.docker ?? {}),
    runId: options.runId ?? newRunId(),
    container: null,
    target: null,
    ops: null,
    setup: null,
    module: null,
    packagingNamespace: null,
    installNamespace: null,
    archive: null,
    nextPostfix(prefix: string) {
      let candidate = prefix;
      for (let n = 2; used.has(candidate); n++) candidate = `${prefix}${n}`;
      used.add(candidate);
      return candidate;
    },
  };
}

export async function runPipeline(options: PipelineOptions): Promise<RunReport> {
  const started = new Date();
  const report = emptyReport(options.image, started);
  const ctx = createContext(options, report);
  const stages = options.stages ?? DEFAULT_STAGES;
  const hooks = options.hooks ?? [];
  let failed = false;
  try {
    for (const stage of stages) {
      if (failed) {
        report.stages.push(stageSkipped(stage.name, 'an earlier stage failed'));
        continue;
      }
      if (options.signal?.aborted) {
        failed = true;
        report.stages.push({
          stage: stage.name,
          status: 'failed',
          durationMs: 0,
          message: 'cancelled before this stage started',
        });
        options.logger.error(`${stage.name}: cancelled`);
        continue;
      }
      const skip = stage.skip?.(ctx) ?? null;
      if (skip !== null) {
        report.stages.push(stageSkipped(stage.name, skip));
        options.logger.info(`${stage.name}: skipped (${skip})`);
        continue;
      }
      for (const h of hooks) await h.beforeStage?.(stage.name, ctx);
      const t0 = Date.now();
      let result: StageResult;
      try {
        const message = await options.logger.group(stage.name, () => stage.run(ctx));
        result = {
          stage: stage.name,
          status: 'passed',
          durationMs: Date.now() - t0,
          ...(message ? { message: redact(message) } : {}),
        };
        options.logger.info(
          `${stage.name}: passed in ${formatDuration(result.durationMs)}${result.message ? ` - ${result.message}` : ''}`,
        );
      } catch (err) {
        failed = true;
        result = stageFailure(stage.name, err, Date.now() - t0);
        if (err instanceof CompileFailedError) {
          report.compileErrors = err.compileErrors;
          for (const e of err.compileErrors)
            options.logger.error(e.message, {
              ...(e.file ? { file: e.file } : {}),
              ...(e.line ? { line: e.line } : {}),
              title: `Compile error in ${e.document}`,
            });
        }
        options.logger.error(`${stage.name}: failed after ${formatDuration(result.durationMs)} - ${result.message}`);
        if (result.output) options.logger.info(result.output);
      }
      report.stages.push(result);
      for (const h of hooks) await h.afterStage?.(result, ctx);
    }
  } finally {
    await cleanUp(ctx);
    report.ok = !failed && report.stages.every((s) => s.status !== 'failed');
    report.durationMs = Date.now() - started.getTime();
  }
  return report;
}

async function cleanUp(ctx: PipelineContext): Promise<void> {
  // Without a container, start never got past startIris, which removes what it created.
  if (!ctx.container) return;
  if (ctx.options.keepContainer && ctx.container) {
    ctx.logger.info(`Keeping container ${ctx.container.name} (remove it with: docker rm -f -v ${ctx.container.name})`);
    return;
  }
  try {
    // By label, so a container whose start failed half-way is removed too.
    const removed = await removeRun(ctx.docker, ctx.runId);
    if (removed.length > 0) ctx.logger.debug(`Removed ${removed.join(', ')}`);
  } catch (err) {
    ctx.logger.warn(`Could not remove the containers of run ${ctx.runId}: ${errorMessage(err)}`);
  }
}
