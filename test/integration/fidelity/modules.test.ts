// Issue 11, items 2, 3, 5: what IPM's source does with an <ExternalName>, a step class that
// overrides only one of the two abstract list methods, and dependencies (whose code IPM's
// package-database leaves out of IRIS.DAT), run end to end against the stand-in.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { runPipeline } from '../../../src/pipeline/runner.js';
import { describeWithDocker } from '../../support/docker.js';
import { FIXTURES, FidelityHarness, failure, stageLine } from './harness.js';

const UP_TO_INSTALL = ['start:passed', 'ipm:passed', 'load:passed', 'package:passed', 'verify:passed'];

describeWithDocker('modules as IPM source handles them', () => {
  const h = new FidelityHarness();
  beforeAll(() => h.setUp());
  afterAll(() => h.tearDown());
  afterEach(() => h.expectNothingLeft());

  it('installs a module with an ExternalName and a step class overriding only GetOrderedMethodsPrimaryOnly', async () => {
    // `list` prints "ExtApp (ext-app) 1.2.0" (Main.cls ListInstalled); the install stage reads
    // %IPM.Storage.Module instead, and seeding asks $system.CLS.IsMthd before each list method.
    const report = await runPipeline(h.options(join(FIXTURES, 'ext-app')));
    expect(stageLine(report), JSON.stringify(failure(report))).toEqual([
      ...UP_TO_INSTALL,
      'install:passed',
      'test:skipped',
    ]);
    expect(report.stages.find((s) => s.stage === 'install')?.message).toMatch(/^ext-app 1\.2\.0 installed in /);
  }, 240_000);

  it("stops at install when a dependency's code did not come with the package, naming it and what is missing", async () => {
    const report = await runPipeline(h.options(join(FIXTURES, 'demo-app')));
    expect(stageLine(report)).toEqual([...UP_TO_INSTALL, 'install:failed', 'test:skipped']);
    const message = failure(report)?.message ?? '';
    expect(message).toContain(
      'dependency demo-dep 1.0.0 is registered but its code is missing: DemoDep.Util.CLS not found',
    );
    expect(message).toContain('compiles only the module');
  }, 240_000);

  it('installs the same module when the IPM build packages dependency code', async () => {
    const installer = h.installer({ databasePackaging: true, dependencyCode: true });
    const report = await runPipeline(
      h.options(join(FIXTURES, 'demo-app'), { installer: { kind: 'path', path: installer } }),
    );
    expect(stageLine(report), JSON.stringify(failure(report))).toEqual([
      ...UP_TO_INSTALL,
      'install:passed',
      'test:skipped',
    ]);
  }, 240_000);

  it("fails packaging with the reason when a class extends a dependency's class", async () => {
    const report = await runPipeline(h.options(join(FIXTURES, 'extends-app')));
    expect(stageLine(report).slice(0, 4)).toEqual(['start:passed', 'ipm:passed', 'load:passed', 'package:failed']);
    const message = failure(report)?.message ?? '';
    expect(message).toContain(
      'package-database extends-app could not compile ExtendsApp.Greeter: its superclass DemoDep.Util is not part of the module.',
    );
    expect(message).toContain('RemapRoutinesDB');
  }, 240_000);

  it("packages and installs a class extending a dependency's class when the IPM build packages dependency code", async () => {
    const installer = h.installer({ databasePackaging: true, dependencyCode: true });
    const report = await runPipeline(
      h.options(join(FIXTURES, 'extends-app'), { installer: { kind: 'path', path: installer } }),
    );
    expect(stageLine(report), JSON.stringify(failure(report))).toEqual([
      ...UP_TO_INSTALL,
      'install:passed',
      'test:skipped',
    ]);
  }, 240_000);
  it("maps a later IPM's post-swap failure and rollback messages", async () => {
    // ReportPostSwapFailure (later pull-request code): "ERROR: encountered an error: <text>", then
    // "Attempting to roll back system state...".
    const report = await runPipeline(
      h.options(join(FIXTURES, 'ext-app'), {
        env: { STANDIN_START_DELAY_MS: '200', STANDIN_FAULT_POST_SWAP_FAILURE: '1' },
      }),
    );
    expect(stageLine(report)).toEqual([...UP_TO_INSTALL, 'install:failed', 'test:skipped']);
    const failed = failure(report)!;
    expect(failed.message).toContain('failed: Post-swap step failed (STANDIN_FAULT_POST_SWAP_FAILURE)');
    expect(failed.message).toContain('tried to restore the previous state');
    expect(failed.output).toContain('Attempting to roll back system state...');
  }, 240_000);
});
