// An IRIS whose community licence expired (or that sees too many cores) stops during startup;
// the start stage says so with its own code instead of "stopped before it was ready".
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunReport } from '../../../src/pipeline/run-report.js';
import { runCli } from '../../support/cli.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { standinVariant } from '../../support/standin-variants.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';

const MODULE = join(import.meta.dirname, '../../fixtures/standin-modules/other-app');

describeWithDocker('IRIS licence failures at startup', () => {
  let host: string;
  let image: string;
  let work: string;

  beforeAll(async () => {
    ({ dockerHost: host, standinImage: image } = requireDocker());
    work = await mkdtemp(join(tmpdir(), 'ipm-db-licence-'));
    writeIpmInstaller(join(work, 'zpm.xml'), '0.10.10', { databasePackaging: true });
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function startStage(variant: string): Promise<RunReport['stages'][number]> {
    const r = await runCli(
      ['run', '--module', MODULE, '--image', variant, '--ipm', 'zpm.xml', '--network', 'none', '--json'],
      { ...process.env, DOCKER_HOST: host },
      work,
    );
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.stages.slice(1).every((s) => s.status === 'skipped')).toBe(true);
    return report.stages[0]!;
  }

  it('reports an expired community licence as iris-licence-expired with a hint', async () => {
    const expired = await standinVariant(host, image, 'licence-expired', { STANDIN_LICENCE: 'expired' });
    const start = await startStage(expired);
    expect(start).toMatchObject({ stage: 'start', status: 'failed', code: 'iris-licence-expired' });
    expect(start.message).toContain('has expired');
    expect(start.message).toContain('newer community release');
    expect(start.output).toContain('** Startup aborted **');
  }, 120_000);

  it('reports the core limit as iris-licence-core-limit', async () => {
    const cores = await standinVariant(host, image, 'licence-cores', { STANDIN_LICENCE: 'core-limit' });
    const start = await startStage(cores);
    expect(start).toMatchObject({ stage: 'start', status: 'failed', code: 'iris-licence-core-limit' });
    expect(start.message).toContain('more CPU cores');
  }, 120_000);
});
