/**
 * Runs one external command with a hard time limit. The command runs under coreutils `timeout`,
 * which sends TERM at the limit and KILL a few seconds later, so nothing outlives its limit.
 *
 * Spawned with node:child_process rather than @actions/exec: @actions/exec writes `input` to the
 * child's stdin without an error listener, so a child that exits before reading its stdin (a
 * `docker exec` that fails fast, any command given input it ignores) raised an unhandled EPIPE
 * that killed the whole action under load. Here a closed stdin is the child's business; its exit
 * status says what happened.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Readable } from 'node:stream';
import { childEnvironment } from '../util/child-env.js';
import { IpmDbError } from '../util/errors.js';

export interface CommandOptions {
  /** Hard limit; the command is killed when it is reached. */
  timeoutMs: number;
  /** Bytes written to the command's stdin (then stdin is closed). */
  input?: string | Buffer;
  /** Added to the allow-listed environment (util/child-env.ts) for this command only (values never appear in argv). */
  env?: Record<string, string>;
  /** Working directory; default the current one. */
  cwd?: string;
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

/** How long to wait for the output pipes to close once the command has exited (a grandchild may hold them). */
const PIPE_CLOSE_GRACE_MS = 10_000;

/** Runs `command` under `timeout`; resolves with its exit status and whole output, never rejects on exit status. */
export function runCommand(command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
  const started = Date.now();
  const env = childEnvironment(process.env, options.env);
  const tool = timeoutCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(tool, timeoutArgs(options.timeoutMs, command, args), {
      env,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out = child.stdout as Readable;
    const err = child.stderr as Readable;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    out.on('data', (d: Buffer) => stdout.push(d));
    err.on('data', (d: Buffer) => stderr.push(d));
    let exitCode: number | null = null;
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      const durationMs = Date.now() - started;
      const status = code ?? (signal ? 128 + (signalNumber(signal) ?? 0) : 1);
      // 124: timeout sent TERM; 137: it had to KILL. Either way the limit was reached.
      const timedOut = (status === 124 || status === 137) && durationMs >= options.timeoutMs - 50;
      resolve({
        exitCode: status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
        durationMs,
      });
    };
    child.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    child.on('exit', (code, signal) => {
      exitCode = code ?? exitCode;
      grace = setTimeout(() => {
        out.destroy();
        err.destroy();
        finish(code, signal);
      }, PIPE_CLOSE_GRACE_MS);
    });
    child.on('close', (code, signal) => finish(code ?? exitCode, signal));
    if (child.stdin) {
      // The child may exit without reading its input (EPIPE) or close stdin early: not an error here.
      child.stdin.on('error', () => {});
      child.stdin.end(typeof options.input === 'string' ? Buffer.from(options.input, 'utf8') : options.input);
    }
  });
}

function signalNumber(signal: NodeJS.Signals): number | undefined {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Partial<Record<NodeJS.Signals, number>>)[signal];
}

export const childProcessRunner: CommandRunner = { run: runCommand };
