/**
 * Update-step rules (pure), from IPM's own behaviour (contract section 7; IPM
 * %IPM.Storage.Module:HandleAllUpdateSteps): a fresh install seeds every step (TimeStampEnd set,
 * TimeStampStart left empty); an update runs each step not yet done (both set) and leaves done
 * steps untouched. So a done step whose timestamps moved ran again.
 */
import type { StepOutcome, StepVerdict, UpdateStepRow } from './results.js';

export type StepMode = 'fresh' | 'upgrade';

const key = (row: UpdateStepRow) => `${row.className}:${row.methodName}`;

/** Rows of one module's steps: classes `<UpdatePackage>.V<n>`. */
export function rowsOfPackage(rows: readonly UpdateStepRow[], updatePackage: string): UpdateStepRow[] {
  const prefix = `${updatePackage}.V`;
  return rows.filter((row) => row.className.startsWith(prefix));
}

function done(row: UpdateStepRow | null): boolean {
  return row !== null && row.timeStampEnd !== '' && row.statusOk;
}

function outcome(
  mode: StepMode,
  before: UpdateStepRow | null,
  after: UpdateStepRow | null,
  newInRelease: boolean,
): StepOutcome {
  if (after === null || after.timeStampEnd === '') return 'missing';
  if (!after.statusOk) return 'failed';
  if (mode === 'fresh') return after.timeStampStart === '' ? 'seeded' : 'ran-on-fresh-install';
  if (done(before)) {
    const untouched = after.timeStampStart === before!.timeStampStart && after.timeStampEnd === before!.timeStampEnd;
    if (!untouched) return 'ran-again';
    return newInRelease ? 'done-before-release' : 'kept';
  }
  return after.timeStampStart === '' ? 'seeded-not-run' : 'ran';
}

const GOOD: Record<StepMode, StepOutcome[]> = { fresh: ['seeded'], upgrade: ['ran', 'kept'] };

/**
 * One verdict per step the installed code declares (`expected`, "Class:Method" in running order).
 * `before` is the table before the upgrade (empty for a fresh install), `after` the table after.
 * `previousSteps`, the steps the previous release's code declared, marks the rest as new in this
 * release: those must run in the upgrade even when an earlier install already marked them done.
 */
export function judgeSteps(
  mode: StepMode,
  expected: readonly string[],
  before: readonly UpdateStepRow[],
  after: readonly UpdateStepRow[],
  previousSteps: readonly string[] | null = null,
): StepVerdict[] {
  const beforeByKey = new Map(before.map((row) => [key(row), row]));
  const afterByKey = new Map(after.map((row) => [key(row), row]));
  return expected.map((step) => {
    const b = beforeByKey.get(step) ?? null;
    const a = afterByKey.get(step) ?? null;
    const result = outcome(mode, b, a, previousSteps !== null && !previousSteps.includes(step));
    return { step, outcome: result, ok: GOOD[mode].includes(result), before: b, after: a };
  });
}

const EXPLANATION: Record<StepOutcome, string> = {
  seeded: 'was seeded',
  ran: 'ran once',
  kept: 'was done before and not run again',
  'ran-again': 'had already run (or been seeded) before the upgrade and ran again',
  'ran-on-fresh-install': 'ran on a fresh install, where IPM must only seed it',
  'seeded-not-run': 'is new in this upgrade but was only seeded: its migration never ran',
  'done-before-release':
    'is new in this release but was already marked done before the upgrade (an earlier install seeded it), so its migration never ran',
  missing: 'is declared by the installed step classes but IPM never recorded it as done',
  failed: 'ended with an error status',
};

export function stepProblems(verdicts: readonly StepVerdict[]): string[] {
  return verdicts.filter((v) => !v.ok).map((v) => `update step ${v.step} ${EXPLANATION[v.outcome]}`);
}

/** Steps that ran in this upgrade: the only ones whose declared changes count. */
export function stepsThatRan(verdicts: readonly StepVerdict[]): string[] {
  return verdicts
    .filter((v) => v.outcome === 'ran' || v.outcome === 'ran-again' || v.outcome === 'ran-on-fresh-install')
    .map((v) => v.step);
}

export function describeOutcome(value: StepOutcome): string {
  return EXPLANATION[value];
}
