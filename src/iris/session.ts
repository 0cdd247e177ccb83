/**
 * Runs a list of operations in one piped `iris session` and returns what they reported.
 * A session succeeds only when docker exec exited 0, the final marker was printed (every
 * operation ran), and IRIS printed no ObjectScript error. Everything else becomes an
 * IpmDbError naming the operation that was running, with the IRIS output as details.
 */
import { IpmDbError } from '../util/errors.js';
import { Limiter } from '../util/limiter.js';
import { redact, registerSecret } from '../util/redact.js';
import { formatDuration } from '../util/format.js';
import type { IrisContainer } from './container.js';
import { describeOperation, renderScript, type Operation } from './objectscript.js';
import { parseSessionOutput, type SessionOutput } from './output.js';
import { validate, validateNamespace } from './validate.js';

export interface SessionRequest {
  namespace: string;
  operations: Operation[];
  /** Secrets passed as `docker exec -e NAME`; read inside IRIS with $system.Util.GetEnviron("NAME"). */
  secretEnv?: Record<string, string>;
  /** Hard limit for the whole session; default 10 min. */
  timeoutMs?: number;
  /** What the session as a whole does, for errors ("fingerprinting the data before the upgrade"); default: the running operation. */
  purpose?: string;
  /** Turns IRIS output into a specific error (e.g. IPM's installer messages); null keeps the generic one. */
  classify?: (failure: SessionFailure) => IpmDbError | null;
}

export interface SessionResult extends SessionOutput {
  /** Everything the session printed (redacted), prompts and result lines included. */
  raw: string;
  exitCode: number;
  durationMs: number;
}

export interface SessionFailure {
  reason: 'timeout' | 'exit-status' | 'ended-early' | 'objectscript-error';
  exitCode: number;
  output: SessionOutput;
  /** The operation that was running, when known. */
  operation: Operation | null;
  /** Its description, e.g. `zpm "load /tmp/ipm-db/module"`. */
  running: string;
  stderr: string;
}

/** Something that can run a session: the real container or, in unit tests, a recorder. */
export interface SessionRunner {
  run(request: SessionRequest): Promise<SessionResult>;
}

export const DEFAULT_SESSION_TIMEOUT_MS = 600_000;

/**
 * Licence units of IRIS Community Edition: every process of a user (a terminal session, a job it
 * starts) takes one, and a session beyond them is refused at login with <LICENSE LIMIT EXCEEDED>
 * (https://community.intersystems.com/post/check-amount-connections-left-community-edition).
 */
export const COMMUNITY_LICENCE_UNITS = 5;
/** Sessions the runner keeps open at once in one instance: the licence minus one unit for a person or a job. */
export const MAX_CONCURRENT_SESSIONS = COMMUNITY_LICENCE_UNITS - 1;

export function sessionArgs(namespace: string): string[] {
  return ['iris', 'session', 'IRIS', '-U', validateNamespace(namespace)];
}

/** The one runner of an instance's sessions: at most `maxConcurrent` open at once, the others wait their turn. */
export class IrisSessionRunner implements SessionRunner {
  private readonly slots: Limiter;

  constructor(
    private readonly container: Pick<IrisContainer, 'exec'>,
    maxConcurrent = MAX_CONCURRENT_SESSIONS,
  ) {
    this.slots = new Limiter(maxConcurrent);
  }

  run(request: SessionRequest): Promise<SessionResult> {
    return this.slots.run(() => this.runNow(request));
  }

  private async runNow(request: SessionRequest): Promise<SessionResult> {
    const namespace = validateNamespace(request.namespace);
    const secretEnv = request.secretEnv ?? {};
    for (const [name, value] of Object.entries(secretEnv)) {
      validate('environment variable name', name);
      registerSecret(value);
    }
    // Rendering validates every value: nothing runs when one is refused.
    const script = renderScript(request.operations);
    const timeoutMs = request.timeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    const result = await this.container.exec(sessionArgs(namespace), {
      input: script.text,
      secretEnv,
      timeoutMs,
    });
    const raw = redact(result.stdout);
    const output = parseSessionOutput(raw);
    const stderr = redact(result.stderr.trim());
    const failure = judge(result.exitCode, result.timedOut, output, request.operations, stderr);
    if (failure) throw sessionError(failure, request, namespace, timeoutMs);
    return { ...output, raw, exitCode: result.exitCode, durationMs: result.durationMs };
  }
}

/** Decides whether a finished session failed (pure). */
export function judge(
  exitCode: number,
  timedOut: boolean,
  output: SessionOutput,
  operations: Operation[],
  stderr = '',
): SessionFailure | null {
  const operation = output.lastStep > 0 ? (operations[output.lastStep - 1] ?? null) : null;
  const running = operation ? describeOperation(operation) : 'session start';
  const base = { exitCode, output, operation, running, stderr };
  if (timedOut) return { reason: 'timeout', ...base };
  // Terminate($job,1) exits 1; any other status without the final marker means IRIS or the
  // session process died (killed, crashed) part-way.
  if (exitCode !== 0 && exitCode !== 1 && !output.completed) return { reason: 'ended-early', ...base };
  if (exitCode !== 0) return { reason: 'exit-status', ...base };
  if (output.objectScriptErrors.length > 0) return { reason: 'objectscript-error', ...base };
  if (!output.completed) return { reason: 'ended-early', ...base };
  return null;
}

function sessionError(
  failure: SessionFailure,
  request: SessionRequest,
  namespace: string,
  timeoutMs: number,
): IpmDbError {
  const specific = request.classify?.(failure);
  if (specific) return specific;
  const details = [failure.output.text, failure.stderr].filter(Boolean).join('\n');
  const step = failure.output.lastStep > 0 ? `step ${failure.output.lastStep} of ${request.operations.length}` : null;
  // "while <purpose> (step 2 of 5: <operation>)", or without a purpose "while running <operation> (step 2 of 5)".
  const doing = request.purpose ?? `running ${failure.running}`;
  const context = request.purpose ? (step ? ` (${step}: ${failure.running})` : '') : step ? ` (${step})` : '';
  switch (failure.reason) {
    case 'timeout':
      return new IpmDbError(
        'session-timeout',
        `IRIS session in ${namespace} was stopped while ${doing}, at its ${formatDuration(timeoutMs)} limit${context}.`,
        {
          hint: 'The command hung or needs more time: raise the timeout, or read the IRIS output below.',
          details,
        },
      );
    case 'exit-status':
      return new IpmDbError(
        'session-failed',
        `IRIS session in ${namespace} failed (exit ${failure.exitCode}) while ${doing}${context}: ${lastErrorLine(failure.output.text) ?? 'no error text'}`,
        { details },
      );
    case 'objectscript-error':
      return new IpmDbError(
        'objectscript-error',
        `IRIS reported ${failure.output.objectScriptErrors[0]} while ${doing} in ${namespace}${context}.`,
        { details },
      );
    case 'ended-early':
      return new IpmDbError(
        'session-ended-early',
        `IRIS session in ${namespace} ended before the end of its script, while ${doing}${context}.`,
        {
          hint: 'IRIS stopped or the session was cut off; read the IRIS output below.',
          details,
        },
      );
  }
}

/** The most telling error line of an IRIS output: IPM's `ERROR! ...`, else `ERROR #n: ...`. */
export function lastErrorLine(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim());
  const ipm = lines.filter((l) => l.startsWith('ERROR! '));
  if (ipm.length > 0) return ipm[ipm.length - 1]!.slice('ERROR! '.length).trim();
  const status = lines.filter((l) => /^ERROR #\d+:/.test(l));
  if (status.length > 0) return status[status.length - 1]!;
  return null;
}
