/**
 * Runs one external command with a hard time limit, through @actions/exec. @actions/exec
 * cannot kill what it started, so the command runs under coreutils `timeout`, which sends
 * TERM at the limit and KILL a few seconds later.
 */
import * as exec from '@actions/exec';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { childEnvironment } from '../util/child-env.js';
import { IpmDbError } from '../util/errors.js';

export interface CommandOptions {
  /** Hard limit; the command is killed when it is reached. */
  timeoutMs: number;
  /** Bytes written to the command's stdin (then stdin is closed). */
  input?: string | Buffer;
  /** Added to the allow-listed environment (util/child-env.ts) for this command only (values never appear in argv). */
  env?: Record<string, string>;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

export interface CommandRunner {
  run(command: string, args: string[], options: CommandOptions): Promise<CommandResult>;
}

/** Seconds between TERM and KILL once a command has reached its limit. */
const KILL_GRACE_SECONDS = 5;

export function findOnPath(name: string, pathVar = process.env.PATH ?? ''): string | null {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** `timeout` (GNU coreutils) or `gtimeout` (coreutils from Homebrew on macOS). */
function timeoutCommand(): string {
  const found = findOnPath('timeout') ?? findOnPath('gtimeout');
  if (!found)
    throw new IpmDbError('timeout-command-missing', 'The "timeout" command (GNU coreutils) was not found on PATH.', {
      hint: 'Every docker call runs under a time limit. Install coreutils (macOS: brew install coreutils).',
    });
  return found;
}

export function timeoutArgs(timeoutMs: number, command: string, args: string[]): string[] {
  const seconds = Math.max(0.1, timeoutMs / 1000);
  return ['-k', `${KILL_GRACE_SECONDS}s`, `${seconds.toFixed(1)}s`, command, ...args];
}

export const actionsExecRunner: CommandRunner = {
  async run(command, args, options) {
    const started = Date.now();
    const env = childEnvironment(process.env, options.env);
    const result = await exec.getExecOutput(timeoutCommand(), timeoutArgs(options.timeoutMs, command, args), {
      silent: true,
      ignoreReturnCode: true,
      env,
      delay: 2000,
      ...(options.input === undefined
        ? { input: Buffer.alloc(0) }
        : { input: typeof options.input === 'string' ? Buffer.from(options.input, 'utf8') : options.input }),
    });
    const durationMs = Date.now() - started;
    // 124: timeout sent TERM; 137: it had to KILL. Either way the limit was reached.
    const timedOut = (result.exitCode === 124 || result.exitCode === 137) && durationMs >= options.timeoutMs - 50;
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, timedOut, durationMs };
  },
};
