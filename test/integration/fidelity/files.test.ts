// Issue 11, item 4: IRIS runs as irisowner (uid 51773) and docker cp makes root the owner of what
// it copies, so the driver checks from inside IRIS that it can write where IPM writes; a module
// with requirements.txt in a container without network stops before packaging with the reason.
import { mkdtemp, chmod, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startIris, WORK_DIR } from '../../../src/iris/container.js';
import { IrisSessionRunner } from '../../../src/iris/session.js';
import { IpmOperations } from '../../../src/ipm/operations.js';
import { runPipeline } from '../../../src/pipeline/runner.js';
import { silentLogger } from '../../../src/util/log.js';
import { describeWithDocker } from '../../support/docker.js';
import { FIXTURES, FidelityHarness, failure, stageLine } from './harness.js';

describeWithDocker('files IRIS must write', () => {
  const h = new FidelityHarness();
  beforeAll(() => h.setUp());
  afterAll(() => h.tearDown());
  afterEach(() => h.expectNothingLeft());

  it('runs IRIS as irisowner; docker cp leaves root-owned files; the driver checks writability from IRIS', async () => {
    const options = h.options(FIXTURES);
    const c = await startIris(
      h.docker,
      { image: h.image, runId: options.runId!, network: 'none', env: options.env! },
      { logger: silentLogger, readyTimeoutMs: 30_000 },
    );
    const empty = await mkdtemp(join(tmpdir(), 'ipm-db-fidelity-dir-'));
    try {
      expect((await c.exec(['id', '-u'])).stdout.trim()).toBe('51773');
      expect((await c.exec(['ls', '-d', WORK_DIR])).exitCode, 'the image pre-creates nothing for the driver').not.toBe(
        0,
      );
      await c.mkdir(WORK_DIR);
      await chmod(empty, 0o755);
      await c.copyIn(empty, `${WORK_DIR}/root-owned`);
      expect((await c.exec(['stat', '-c', '%u %a', `${WORK_DIR}/root-owned`])).stdout.trim()).toBe('0 755');
      const ops = new IpmOperations({ sessions: new IrisSessionRunner(c), files: c });
      await ops.checkWritable('USER', [WORK_DIR]);
      await expect(ops.checkWritable('USER', [WORK_DIR, `${WORK_DIR}/root-owned`])).rejects.toMatchObject({
        code: 'iris-cannot-write',
        message: expect.stringContaining(`IRIS cannot write into ${WORK_DIR}/root-owned in the container`),
      });
    } finally {
      await c.remove();
      await rm(empty, { recursive: true, force: true });
    }
  }, 240_000);

  it('stops before packaging a module with requirements.txt when the container has no network', async () => {
    const report = await runPipeline(h.options(join(FIXTURES, 'py-app'), { network: 'none' }));
    expect(stageLine(report).slice(0, 4)).toEqual(['start:passed', 'ipm:passed', 'load:passed', 'package:failed']);
    const failed = failure(report)!;
    expect(failed.message).toContain('py-app has a requirements.txt');
    expect(failed.message).toContain('no network (--network none)');
    expect(failed.message).toContain('export-python-deps: false');
    expect(failed.output ?? '').not.toContain('Download Python wheels');
  }, 240_000);

  it('packages and installs it without the wheels when export-python-deps is false', async () => {
    const report = await runPipeline(h.options(join(FIXTURES, 'py-app'), { network: 'none', exportPythonDeps: false }));
    expect(stageLine(report), JSON.stringify(failure(report))).toContain('install:passed');
  }, 240_000);
});
