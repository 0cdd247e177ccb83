import { describe, expect, it } from 'vitest';
import type { IrisContainer } from '../../../../src/iris/container.js';
import type { CommandResult } from '../../../../src/iris/process.js';
import { IrisSessionRunner } from '../../../../src/iris/session.js';
import { runUpgradeLines } from '../../../../src/pipeline/upgrade/driver-binding.js';

/** The driver's session runner on a container whose `docker exec` answers with `result` and records what it was sent. */
function container(result: Partial<CommandResult>) {
  const sent: { args: string[]; input?: string }[] = [];
  const c = {
    exec: async (args: string[], options: { input?: string }) => {
      sent.push({ args, ...(options.input === undefined ? {} : { input: options.input }) });
      return { exitCode: 0, stdout: '', stderr: '', timedOut: false, durationMs: 1, ...result };
    },
  };
  return { c: new IrisSessionRunner(c as unknown as IrisContainer), sent };
}

const DONE = 'APP>##IPMDB ipmdb.done=1\n';

describe('upgrade sessions in the container', () => {
  it("sends the lines, the runner's markers and halt to iris session in the namespace, and returns what it reported", async () => {
    const { c, sent } = container({ stdout: `APP>##IPMDB gname=^A\n${DONE}` });
    const out = await runUpgradeLines(c, 'USER-UPG1', ['write 1,!'], 'listing', 1000);
    expect(out.results).toEqual([{ key: 'gname', value: '^A' }]);
    expect(out.raw).toContain('APP>##IPMDB gname=^A');
    expect(sent).toEqual([
      {
        args: ['iris', 'session', 'IRIS', '-U', 'USER-UPG1'],
        // What IRIS reads: the runner's step marker, the line unchanged, the end marker, halt.
        input: ['write "##IPMDB ipmdb.step=","1",!', 'write 1,!', 'write "##IPMDB ipmdb.done=","1",!', 'halt', ''].join(
          '\n',
        ),
      },
    ]);
  });

  it.each([
    [{ timedOut: true, stdout: DONE }, /stopped while listing/],
    [{ exitCode: 1, stdout: DONE }, /failed \(exit 1\) while listing/],
    [{ stdout: `APP>\n<UNDEFINED> *x\n${DONE}` }, /IRIS reported <UNDEFINED> \*x while listing in USER-UPG1/],
    [{ stdout: 'APP>##IPMDB gname=^A\n' }, /ended before the end of its script, while listing/],
  ])('fails a session that %o', async (result, message) => {
    const { c } = container(result);
    await expect(runUpgradeLines(c, 'USER-UPG1', ['write 1,!'], 'listing', 1000)).rejects.toThrow(message);
  });

  it('refuses a namespace name that is not one', async () => {
    const { c, sent } = container({ stdout: DONE });
    await expect(runUpgradeLines(c, 'USER UPG', [], 'listing', 1000)).rejects.toThrow();
    expect(sent).toEqual([]);
  });
});
