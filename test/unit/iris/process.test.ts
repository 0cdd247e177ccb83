// The one runner every docker call goes through, run on real processes.
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/iris/process.js';

describe('runCommand', () => {
  it('a command that exits without reading its input is a normal result, not a crash (EPIPE)', async () => {
    // 4 MiB cannot fit in a pipe's buffer: writing it to a process that has exited fails with
    // EPIPE. Through @actions/exec that error had no listener and killed the action under load.
    const input = Buffer.alloc(4 * 1024 * 1024, 0x61);
    for (let i = 0; i < 5; i++) {
      const result = await runCommand('sh', ['-c', 'exit 3'], { timeoutMs: 30_000, input });
      expect(result.exitCode).toBe(3);
      expect(result.timedOut).toBe(false);
    }
  });

  it('passes input to a command that reads it, and keeps all of its output', async () => {
    const input = 'x'.repeat(300_000);
    const result = await runCommand('sh', ['-c', 'wc -c; printf err >&2'], { timeoutMs: 30_000, input });
    expect(result.stdout.trim()).toBe('300000');
    expect(result.stderr).toBe('err');
    expect(result.exitCode).toBe(0);
  });

  it('gives a command without input no stdin at all', async () => {
    const result = await runCommand('sh', ['-c', 'cat; echo done'], { timeoutMs: 30_000 });
    expect(result.stdout).toBe('done\n');
  });

  it('ends a command at its limit and says so', async () => {
    const result = await runCommand('sleep', ['30'], { timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect([124, 137]).toContain(result.exitCode);
  });

  it('passes extra environment to the command', async () => {
    const result = await runCommand('sh', ['-c', 'printf %s "$IPM_DB_PROBE"'], {
      timeoutMs: 30_000,
      env: { IPM_DB_PROBE: 'seen' },
    });
    expect(result.stdout).toBe('seen');
  });
});
