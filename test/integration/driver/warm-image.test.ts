// Warm IPM images against the stand-in: the first run installs IPM and commits a warm image, the
// second starts from it and only checks IPM; a warm image that lacks IPM (stale or corrupt) makes the
// run fall back to a fresh install with a warning, and is replaced.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunReport } from '../../../src/pipeline/run-report.js';
import { runCli, type CliRun } from '../../support/cli.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { docker } from '../../support/docker-engine.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';
import { imageId, removeWarmImagesOf, warmTagsOf } from '../../support/warm-images.js';

const MODULE = join(import.meta.dirname, '../../fixtures/standin-modules/other-app');

describeWithDocker('warm IPM image', () => {
  let host: string;
  let image: string;
  let work: string;

  beforeAll(async () => {
    ({ dockerHost: host, standinImage: image } = requireDocker());
    work = await mkdtemp(join(tmpdir(), 'ipm-db-warm-'));
    writeIpmInstaller(join(work, 'zpm.xml'), '0.10.10', { databasePackaging: true });
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function run(): Promise<{ cli: CliRun; report: RunReport; ipm: string }> {
    const cli = await runCli(
      [
        'run',
        '--module-path',
        MODULE,
        '--iris-images',
        image,
        '--ipm',
        'zpm.xml',
        '--network',
        'none',
        '--warm-ipm-image',
        '--json',
      ],
      { ...process.env, DOCKER_HOST: host },
      work,
    );
    const report = JSON.parse(cli.stdout) as RunReport;
    return { cli, report, ipm: report.stages.find((s) => s.stage === 'ipm')?.message ?? '' };
  }

  const warmTags = () => warmTagsOf(host, image);

  it('is committed after a fresh install and used by the next run, which skips the install', async () => {
    await removeWarmImagesOf(host, image);
    const cold = await run();
    expect(cold.cli.status, cold.cli.stderr).toBe(0);
    expect(cold.ipm).toContain('(installed from path)');
    expect(cold.cli.stderr).toContain('Committed the warm IPM image ipm-db-warm:');
    const [tag] = await warmTags();
    expect(tag).toMatch(/^ipm-db-warm:[0-9a-f]{32}$/);

    const warm = await run();
    expect(warm.cli.status, warm.cli.stderr).toBe(0);
    expect(warm.ipm).toContain(`(warm image ${tag}, IPM checked)`);
    expect(warm.cli.stderr).not.toContain('Installing IPM from');
    expect(warm.report.ipmVersion).toBe('0.10.10');
    expect(warm.report.archive!.fileName).toBe('other-app-0.3.0-database.tgz');
  }, 300_000);

  it('falls back to a fresh install with a warning when the warm image has no IPM, and replaces it', async () => {
    const [tag] = await warmTags();
    expect(tag, 'needs the warm image of the previous test').toBeTruthy();
    // A stale entry: the tag now holds the bare IRIS image, without IPM.
    await docker(host, ['tag', image, tag!]);
    const r = await run();
    expect(r.cli.status, r.cli.stderr).toBe(0);
    expect(r.cli.stderr).toMatch(/warning: The warm IPM image ipm-db-warm:[0-9a-f]{32} failed the IPM check/);
    expect(r.ipm).toContain('(installed from path)');
    expect(await warmTags()).toEqual([tag]);
    expect(await imageId(host, tag!)).not.toBe(await imageId(host, image));
  }, 300_000);
});
