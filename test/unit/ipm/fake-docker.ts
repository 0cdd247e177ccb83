// A CommandRunner standing in for the docker CLI in unit tests: sessions are answered by a
// handler that sees the namespace and the script lines; cp and mkdir are recorded.
import { writeFile } from 'node:fs/promises';
import { Docker } from '../../../src/iris/docker.js';
import { IrisContainer } from '../../../src/iris/container.js';
import type { CommandOptions, CommandResult, CommandRunner } from '../../../src/iris/process.js';
import { IrisSessionRunner } from '../../../src/iris/session.js';
import type { IpmTarget } from '../../../src/ipm/operations.js';

export interface SessionCall {
  namespace: string;
  lines: string[];
  env: Record<string, string> | undefined;
}

export type SessionHandler = (call: SessionCall) => { stdout: string; exitCode?: number; timedOut?: boolean };

/** Output of a session that ran every step, with extra output before the done marker. */
export function completed(lines: string[], body = '', values: Record<string, string> = {}): string {
  const steps = lines.filter((l) => l.startsWith('write "##IPMDB ipmdb.step="')).length;
  const out: string[] = [];
  for (let i = 1; i <= steps; i++) out.push(`USER>##IPMDB ipmdb.step=${i}`);
  for (const [k, v] of Object.entries(values)) out.push(`USER>##IPMDB ${k}=${v}`);
  if (body) out.push(body);
  out.push('USER>##IPMDB ipmdb.done=1', '');
  return out.join('\n');
}

/** Output of a session whose last step failed with IPM's error text (exit status 1). */
export function failedAtLastStep(lines: string[], body: string): { stdout: string; exitCode: number } {
  const steps = lines.filter((l) => l.startsWith('write "##IPMDB ipmdb.step="')).length;
  const out: string[] = [];
  for (let i = 1; i <= steps; i++) out.push(`USER>##IPMDB ipmdb.step=${i}`);
  out.push(body, '');
  return { stdout: out.join('\n'), exitCode: 1 };
}

export class FakeDocker implements CommandRunner {
  sessions: SessionCall[] = [];
  copies: Array<{ from: string; to: string }> = [];
  dirs: string[] = [];
  constructor(private readonly handler: SessionHandler) {}

  async run(_command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
    const ok = (extra: Partial<CommandResult> = {}): CommandResult => ({
      exitCode: 0,
      stdout: '',
      stderr: '',
      timedOut: false,
      durationMs: 1,
      ...extra,
    });
    if (args[0] === 'cp' && args[1]!.endsWith('/.')) {
      this.dirs.push(args[2]!);
      return ok();
    }
    if (args[0] === 'cp') {
      this.copies.push({ from: args[1]!, to: args[2]! });
      // Out of the container: docker cp leaves a regular file where it was asked to.
      if (args[1]!.startsWith('ipm-db-test:')) await writeFile(args[2]!, '');
      return ok();
    }
    if (args[0] === 'exec' && args.includes('session')) {
      const call: SessionCall = {
        namespace: args[args.length - 1]!,
        lines: String(options.input ?? '')
          .trimEnd()
          .split('\n'),
        env: options.env,
      };
      this.sessions.push(call);
      const answer = this.handler(call);
      return ok({ stdout: answer.stdout, exitCode: answer.exitCode ?? 0, timedOut: answer.timedOut ?? false });
    }
    throw new Error(`FakeDocker: unexpected docker ${args.join(' ')}`);
  }

  target(): IpmTarget {
    const container = new IrisContainer(
      new Docker({ runner: this }),
      'ipm-db-test',
      'test',
      '/usr/irissys/mgr/messages.log',
    );
    return { sessions: new IrisSessionRunner(container), files: container };
  }
}
