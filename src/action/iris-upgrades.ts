/**
 * The `iris-upgrade` scenario across the IRIS versions of one action run: after every version's
 * run, for each pair of consecutive versions (sorted by version), the package built on the older
 * one is installed on it with data, the instance is upgraded to the newer IRIS and the newer
 * version's package goes over it (src/pipeline/upgrade/iris-upgrade-pair.ts, the same code as
 * `ipm-db iris-upgrade` and the reusable workflow's iris-upgrade job). A pair whose run failed, was
 * skipped or built no verified package is skipped with the reason. The result is stored as
 * `irisUpgrade` of the newer version's report.
 */
import { compareIrisVersions, consecutivePairs } from '../pipeline/upgrade/iris-upgrade-pair.js';
import type { RunReport } from '../pipeline/run-report.js';
import type { IrisUpgradeRun } from '../pipeline/upgrade/iris-upgrade.js';
import { defaultUpgradeOptions } from '../pipeline/upgrade/settings.js';
import { containerSlots } from '../pipeline/parallel.js';
import type { InstallerSource } from '../ipm/installer.js';
import { untilAborted } from '../util/abort.js';
import { errorMessage } from '../util/errors.js';
import { mapBounded } from '../util/limiter.js';
import { redact } from '../util/redact.js';
import type { ResourceLedger } from './cleanup.js';
import { coreLogger } from './core-io.js';
import { irisKey, type ImageOutcome } from './image-runs.js';
import type { ActionInputs } from './inputs.js';
import type { ActionDeps } from './run.js';

/** A pair of consecutive IRIS versions of the run, and why it cannot run (null when it can). */
export interface PlannedIrisUpgrade {
  from: ImageOutcome;
  to: ImageOutcome;
  skip: string | null;
}

/** Why a version's run gives no package to upgrade with; null when it gives one. */
function unusable(o: ImageOutcome): string | null {
  const version = irisKey(o.image, o.report);
  if (o.report.skipped) return `the IRIS ${version} run was skipped (${o.report.skipped.reason})`;
  if (!o.report.ok) {
    const failed = o.report.stages.find((s) => s.status === 'failed');
    return `the IRIS ${version} run failed${failed ? ` at ${failed.stage}` : ''}`;
  }
  if (!o.report.archive || !o.report.verification?.valid) return `the IRIS ${version} run built no verified package`;
  return null;
}

/** The pairs of consecutive IRIS versions among the runs (pure). */
export function planIrisUpgrades(outcomes: readonly ImageOutcome[]): PlannedIrisUpgrade[] {
  return consecutivePairs(outcomes, (o) => irisKey(o.image, o.report)).map(({ from, to }) => {
    const reasons = [unusable(from), unusable(to)].filter((r): r is string => r !== null);
    return { from, to, skip: reasons.length ? `${reasons.join('; ')}: nothing to upgrade with` : null };
  });
}

/** Every iris-upgrade result stored in the reports, oldest pair first (pure). */
export function irisUpgradesOf(runs: readonly RunReport[]): IrisUpgradeRun[] {
  return runs
    .map((r) => r.irisUpgrade)
    .filter((u) => u != null)
    .sort((a, b) => compareIrisVersions(a.fromIrisVersion, b.fromIrisVersion));
}

export interface IrisUpgradesContext {
  inputs: ActionInputs;
  deps: ActionDeps;
  ipmInstaller: InstallerSource | null;
  ledger: ResourceLedger;
  signal: AbortSignal;
}

/**
 * Runs the iris-upgrade pairs, as many at once as the parallel input allows, unless the
 * upgrade-scenarios input leaves iris-upgrade out; sets `irisUpgrade` on each newer version's
 * report and returns every pair's result in version order.
 */
export async function runIrisUpgrades(ctx: IrisUpgradesContext, outcomes: ImageOutcome[]): Promise<IrisUpgradeRun[]> {
  const options = ctx.inputs.upgrade ?? defaultUpgradeOptions();
  if (!options.irisUpgrade || outcomes.length < 2) return [];
  const planned = planIrisUpgrades(outcomes);
  const slots = containerSlots(ctx.inputs.parallel);
  const runs = await mapBounded(planned, slots, async (pair, index) => {
    const result = pair.skip
      ? skipped(pair, pair.skip)
      : ctx.signal.aborted
        ? skipped(pair, 'the run exceeded its timeout input before this upgrade started')
        : await runPair(ctx, pair, index, slots);
    pair.to.report.irisUpgrade = result;
    return result;
  });
  return runs.filter((r): r is IrisUpgradeRun => r !== undefined);
}

function base(pair: PlannedIrisUpgrade): Omit<IrisUpgradeRun, 'status' | 'message' | 'durationMs' | 'report'> {
  return {
    fromIrisVersion: irisKey(pair.from.image, pair.from.report),
    toIrisVersion: irisKey(pair.to.image, pair.to.report),
    fromImage: pair.from.image,
    toImage: pair.to.image,
  };
}

function skipped(pair: PlannedIrisUpgrade, reason: string): IrisUpgradeRun {
  return { ...base(pair), status: 'skipped', message: reason, durationMs: 0, report: null };
}

async function runPair(
  ctx: IrisUpgradesContext,
  pair: PlannedIrisUpgrade,
  index: number,
  slots: ReturnType<typeof containerSlots>,
): Promise<IrisUpgradeRun> {
  const { inputs, deps } = ctx;
  const head = base(pair);
  const label = `iris-upgrade ${head.fromIrisVersion} -> ${head.toIrisVersion}`;
  const started = Date.now();
  deps.io.info(`[${label}] starting`);
  try {
    const report = await untilAborted(
      deps.pipeline.runIrisUpgrade(
        {
          from: { image: pair.from.image, archive: pair.from.report.archive!.path },
          to: { image: pair.to.image, archive: pair.to.report.archive!.path },
          upgrade: inputs.upgrade ?? defaultUpgradeOptions(),
          ipmInstaller: ctx.ipmInstaller,
          interoperability: inputs.interoperability,
          warmIpmImage: inputs.warmIpmImage,
          timeouts: { startupMs: inputs.timeouts.startupMs, commandMs: inputs.timeouts.commandMs },
          keepContainer: inputs.keepContainer,
          runId: `${deps.runId}-upgrade-${index + 1}`,
          onResource: (r) => ctx.ledger.record(r),
          containerSlots: slots,
          signal: ctx.signal,
        },
        coreLogger(deps.io, `[${label}] `),
      ),
      ctx.signal,
      `the ${label}`,
    );
    const status = report.ok ? 'passed' : 'failed';
    deps.io.info(`[${label}] ${status}: ${report.message}`);
    return { ...head, status, message: report.message, durationMs: Date.now() - started, report };
  } catch (err) {
    const message = redact(errorMessage(err));
    deps.io.info(`[${label}] failed: ${message}`);
    return { ...head, status: 'failed', message, durationMs: Date.now() - started, report: null };
  }
}
