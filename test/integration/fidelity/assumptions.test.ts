// Issue 11, item 7: the start stage probes the unverified IRIS behaviours in the real container and
// stops the run with the broken one named, before IPM or the module is touched.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { runPipeline } from '../../../src/pipeline/runner.js';
import { describeWithDocker } from '../../support/docker.js';
import { FIXTURES, FidelityHarness, failure, stageLine } from './harness.js';

describeWithDocker('assumption probes at start', () => {
  const h = new FidelityHarness();
  beforeAll(() => h.setUp());
  afterAll(() => h.tearDown());
  afterEach(() => h.expectNothingLeft());

  it('records every probe of a run and stops at start when IRIS breaks one', async () => {
    const options = h.options(join(FIXTURES, 'ext-app'), {
      env: { STANDIN_START_DELAY_MS: '200', STANDIN_FAULT_ASSUMPTION: 'exit-status-terminate' },
    });
    const report = await runPipeline(options);
    expect(stageLine(report)[0]).toBe('start:failed');
    expect(
      stageLine(report)
        .slice(1)
        .every((s) => s.endsWith(':skipped')),
    ).toBe(true);
    const failed = failure(report)!;
    expect(failed.message).toContain(
      'assumption exit-status-terminate does not hold: expected exit status 1 after $system.Process.Terminate($job,1), and nothing after it runs, saw exit status 0',
    );
    expect(failed.output).toContain('--- terminate probe (exit 0) ---');
    expect(report.assumptions?.map((a) => `${a.name}:${a.holds}`)).toContain('exit-status-terminate:false');
    expect(report.assumptions).toHaveLength(7);
  }, 240_000);
});
