import { describe, expect, it } from 'vitest';
import { IpmDbError } from '../../../src/util/errors.js';
import { registerSecret } from '../../../src/util/redact.js';
import { IrisContainer } from '../../../src/iris/container.js';
import { Docker } from '../../../src/iris/docker.js';
import type { Operation } from '../../../src/iris/objectscript.js';
import { parseSessionOutput, stripPrompt } from '../../../src/iris/output.js';
import type { CommandOptions, CommandResult, CommandRunner } from '../../../src/iris/process.js';
import { IrisSessionRunner, judge, lastErrorLine } from '../../../src/iris/session.js';

const ZV = 'IRIS for UNIX (Ubuntu Server LTS for x86-64 Containers) 2025.1 (Build 223U) Tue Mar 11 2025 18:23:39 EDT';

/** What a piped `iris session IRIS -U USER` prints for a two-step script. */
const OK_OUTPUT = [
  '',
  'Node: 3f2c9e1b7a6d, Instance: IRIS',
  '',
  'USER>##IPMDB ipmdb.step=1',
  '',
  `USER>##IPMDB zversion=${ZV}`,
  '',
  'USER>##IPMDB ipmdb.step=2',
  '',
  'USER>',
  'zpm                 0.10.10',
  'USER>##IPMDB ipmdb.done=1',
  '',
  'USER>',
].join('\n');

describe('parseSessionOutput', () => {
  it('reads results and markers through prompts', () => {
    const out = parseSessionOutput(OK_OUTPUT);
    expect(out.values.get('zversion')).toBe(ZV);
    expect(out.values.has('step')).toBe(false);
    expect(out.lastStep).toBe(2);
    expect(out.completed).toBe(true);
    expect(out.objectScriptErrors).toEqual([]);
    expect(out.text).toContain('zpm                 0.10.10');
    expect(out.text).not.toContain('##IPMDB');
    expect(out.text).not.toContain('USER>');
  });

  it('strips nested prompts, CR and ANSI colours', () => {
    expect(stripPrompt('USER 2d0>text\r')).toBe('text');
    expect(stripPrompt('USER-PKG>\u001b[31mERROR!\u001b[0m boom')).toBe('ERROR! boom');
    expect(stripPrompt('%SYS>x')).toBe('x');
  });

  it('finds ObjectScript errors IRIS prints at the prompt', () => {
    const out = parseSessionOutput(
      [
        'USER>##IPMDB ipmdb.step=1',
        '',
        'SET $NAMESPACE="NOPE"',
        '^',
        '<NAMESPACE> *NOPE',
        'USER>##IPMDB ipmdb.done=1',
      ].join('\n'),
    );
    expect(out.objectScriptErrors).toEqual(['<NAMESPACE> *NOPE']);
    expect(parseSessionOutput('<Export generator="IRIS">').objectScriptErrors).toEqual([]);
    expect(parseSessionOutput('<CLASS DOES NOT EXIST> *%IPM.Main').objectScriptErrors).toHaveLength(1);
  });
});

describe('parseSessionOutput: markers after other output', () => {
  it('reads a result that follows output without a line break, keeping that output as text', () => {
    const out = parseSessionOutput('APP>hello from a seed##IPMDB seeded=A.B:C\nAPP>##IPMDB ipmdb.done=1\n');
    expect(out.results).toEqual([{ key: 'seeded', value: 'A.B:C' }]);
    expect(out.text).toBe('hello from a seed');
    expect(out.completed).toBe(true);
  });

  it("does not take an echoed script line for the runner's own markers", () => {
    const out = parseSessionOutput('write "##IPMDB ipmdb.done=","1",!\nwrite "##IPMDB ipmdb.step=","7",!\n');
    expect(out.completed).toBe(false);
    expect(out.lastStep).toBe(0);
  });
});

describe('judge', () => {
  const ops: Operation[] = [
    { kind: 'emit', key: 'zversion', expression: { kind: 'zversion' } },
    { kind: 'ipm', command: { words: ['load', '/tmp/ipm-db/module-1'], modifiers: [] } },
  ];
  it('passes only a completed, clean, exit-0 session', () => {
    expect(judge(0, false, parseSessionOutput(OK_OUTPUT), ops)).toBeNull();
  });
  it('names the operation that was running', () => {
    const out = parseSessionOutput(
      'USER>##IPMDB ipmdb.step=1\nUSER>##IPMDB ipmdb.step=2\n\nERROR! Module directory not found\nERROR #5001: Module directory not found',
    );
    const f = judge(1, false, out, ops)!;
    expect(f.reason).toBe('exit-status');
    expect(f.running).toBe('zpm "load /tmp/ipm-db/module-1"');
  });
  it('separates timeout, early end and ObjectScript errors', () => {
    expect(judge(124, true, parseSessionOutput('USER>##IPMDB ipmdb.step=2'), ops)!.reason).toBe('timeout');
    expect(judge(0, false, parseSessionOutput('USER>##IPMDB ipmdb.step=1'), ops)!.reason).toBe('ended-early');
    expect(judge(137, false, parseSessionOutput('USER>##IPMDB ipmdb.step=1'), ops)!.reason).toBe('ended-early');
    expect(
      judge(0, false, parseSessionOutput('USER>##IPMDB ipmdb.step=1\n<UNDEFINED> *x\nUSER>##IPMDB ipmdb.done=1'), ops)!
        .reason,
    ).toBe('objectscript-error');
  });
  it("prefers IPM's ERROR! text over the status text", () => {
    expect(
      lastErrorLine(
        'x\nERROR! IRIS.DAT SHA-256 mismatch. Expected: a Actual: b\nERROR #5001: IRIS.DAT SHA-256 mismatch.',
      ),
    ).toBe('IRIS.DAT SHA-256 mismatch. Expected: a Actual: b');
    expect(lastErrorLine('ERROR #5001: Something')).toBe('ERROR #5001: Something');
    expect(lastErrorLine('all fine')).toBeNull();
  });
});

class RecordingRunner implements CommandRunner {
  calls: Array<{ command: string; args: string[]; options: CommandOptions }> = [];
  constructor(private readonly answer: (args: string[], options: CommandOptions) => Partial<CommandResult>) {}
  async run(command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
    this.calls.push({ command, args, options });
    return { exitCode: 0, stdout: '', stderr: '', timedOut: false, durationMs: 5, ...this.answer(args, options) };
  }
}

describe('IrisSessionRunner', () => {
  it('pipes the script, passes secrets only by name, and returns results', async () => {
    const secret = 'ghp_supersecretvalue123';
    registerSecret(secret);
    const runner = new RecordingRunner(() => ({
      stdout: `USER>##IPMDB ipmdb.step=1\nUSER>##IPMDB tok=${secret}\nUSER>##IPMDB ipmdb.done=1\n`,
    }));
    const container = new IrisContainer(
      new Docker({ runner, host: 'unix:///tmp/d.sock' }),
      'ipm-db-x',
      'x',
      '/usr/irissys/mgr/messages.log',
    );
    const result = await new IrisSessionRunner(container).run({
      namespace: 'USER',
      operations: [{ kind: 'emit', key: 'tok', expression: { kind: 'environment', name: 'IPMDB_TOKEN' } }],
      secretEnv: { IPMDB_TOKEN: secret },
      timeoutMs: 1234,
    });
    const call = runner.calls[0]!;
    expect(call.command).toBe('docker');
    expect(call.args).toEqual(['exec', '-i', '-e', 'IPMDB_TOKEN', 'ipm-db-x', 'iris', 'session', 'IRIS', '-U', 'USER']);
    expect(call.options.env).toEqual({ IPMDB_TOKEN: secret, DOCKER_HOST: 'unix:///tmp/d.sock' });
    expect(call.options.timeoutMs).toBe(1234);
    expect(String(call.options.input)).toContain('$system.Util.GetEnviron("IPMDB_TOKEN")');
    expect(String(call.options.input)).not.toContain(secret);
    expect(JSON.stringify(call.args)).not.toContain(secret);
    // Output is redacted before anything reads it.
    expect(result.values.get('tok')).toBe('***');
    expect(result.raw).toContain('##IPMDB tok=***');
    expect(result.raw).not.toContain(secret);
  });

  it('runs nothing when a value is refused', async () => {
    const runner = new RecordingRunner(() => ({}));
    const container = new IrisContainer(new Docker({ runner }), 'c', 'x', '/m');
    await expect(
      new IrisSessionRunner(container).run({
        namespace: 'USER',
        operations: [{ kind: 'loadXml', path: '/tmp/x\nhalt' }],
      }),
    ).rejects.toMatchObject({ code: 'unsafe-value' });
    expect(runner.calls).toHaveLength(0);
  });

  it('reports a timeout with the running operation', async () => {
    const runner = new RecordingRunner(() => ({
      exitCode: 124,
      timedOut: true,
      stdout: 'USER>##IPMDB ipmdb.step=1\n',
    }));
    const container = new IrisContainer(new Docker({ runner }), 'c', 'x', '/m');
    const err = await new IrisSessionRunner(container)
      .run({
        namespace: 'USER',
        operations: [{ kind: 'ipm', command: { words: ['list'], modifiers: [] } }],
        timeoutMs: 2000,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpmDbError);
    expect((err as IpmDbError).code).toBe('session-timeout');
    expect((err as IpmDbError).message).toContain('zpm "list"');
    expect((err as IpmDbError).message).toContain('2 s');
  });
});

describe('IrisSessionRunner and the licence', () => {
  /** A command runner whose sessions stay open until the test ends them, one by one. */
  class HeldRunner implements CommandRunner {
    open = 0;
    most = 0;
    started = 0;
    private readonly ends: Array<() => void> = [];
    private waiter: { count: number; resolve: () => void } | null = null;
    async run(): Promise<CommandResult> {
      this.open++;
      this.started++;
      this.most = Math.max(this.most, this.open);
      if (this.waiter && this.started >= this.waiter.count) this.waiter.resolve();
      await new Promise<void>((resolve) => this.ends.push(resolve));
      this.open--;
      return { exitCode: 0, stdout: 'USER>##IPMDB ipmdb.done=1\n', stderr: '', timedOut: false, durationMs: 1 };
    }
    /** Resolves once `count` sessions have started. */
    startedAtLeast(count: number): Promise<void> {
      if (this.started >= count) return Promise.resolve();
      return new Promise((resolve) => (this.waiter = { count, resolve }));
    }
    endOne(): void {
      this.ends.shift()!();
    }
  }

  it('never keeps more sessions open in one instance than the Community licence leaves, and runs them all', async () => {
    const runner = new HeldRunner();
    const container = new IrisContainer(new Docker({ runner }), 'ipm-db-x', 'x', '/usr/irissys/mgr/messages.log');
    const sessions = new IrisSessionRunner(container);
    const all = Promise.all(Array.from({ length: 7 }, () => sessions.run({ namespace: 'USER', operations: [] })));
    await runner.startedAtLeast(4);
    // Let queued work run: nothing more may start while four are open.
    await new Promise((resolve) => setImmediate(resolve));
    expect(runner.open).toBe(4);
    for (let ended = 1; ended <= 3; ended++) {
      runner.endOne();
      await runner.startedAtLeast(4 + ended);
      await new Promise((resolve) => setImmediate(resolve));
      expect(runner.open).toBe(4);
    }
    for (let i = 0; i < 4; i++) runner.endOne();
    expect(await all).toHaveLength(7);
    expect(runner.most).toBe(4);
    expect(runner.started).toBe(7);
  });
});
