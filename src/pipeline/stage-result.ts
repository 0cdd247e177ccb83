/**
 * The one way a failure becomes a stage result, wherever it happens: a stage that threw in the
 * runner, a run that crashed or hit the total timeout in the action, a publish that failed.
 * Pure apart from redaction of registered secrets.
 */
import { IpmDbError, errorMessage } from '../util/errors.js';
import { redact } from '../util/redact.js';
import type { StageName, StageResult } from './run-report.js';

/** A failed stage: the error's message with its hint in parentheses, its code, and its details as output. */
export function stageFailure(stage: StageName, error: unknown, durationMs: number): StageResult {
  const hint = error instanceof IpmDbError && error.hint ? ` (${redact(error.hint)})` : '';
  const output = error instanceof IpmDbError && error.details ? redact(error.details) : undefined;
  const code = error instanceof IpmDbError ? error.code : undefined;
  return {
    stage,
    status: 'failed',
    durationMs,
    message: redact(errorMessage(error)) + hint,
    ...(code ? { code } : {}),
    ...(output ? { output } : {}),
  };
}

/** A stage that did not run, and why. */
export function stageSkipped(stage: StageName, why: string): StageResult {
  return { stage, status: 'skipped', durationMs: 0, message: why };
}

/** The first failed stage of a report, as "<stage>: <message>", or null when none failed. */
export function firstFailure(stages: readonly StageResult[]): StageResult | null {
  return stages.find((s) => s.status === 'failed') ?? null;
}
