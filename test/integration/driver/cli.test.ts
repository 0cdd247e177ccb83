// `ipm-db run` end to end against the IRIS stand-in, as a user runs it from the README.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Docker } from '../../../src/iris/docker.js';
import type { RunReport } from '../../../src/pipeline/run-report.js';
import { runCli, type CliRun } from '../../support/cli.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/standin-modules');

describeWithDocker('ipm-db run', () => {
  let host: string;
  let image: string;
  let work: string;

  beforeAll(async () => {
    ({ dockerHost: host, standinImage: image } = requireDocker());
    work = await mkdtemp(join(tmpdir(), 'ipm-db-cli-'));
    // dependencyCode: an IPM build that also packages dependency code (ipm-installer.ts); this
    // file's modules have dependencies, and what it tests comes after the install.
    writeIpmInstaller(join(work, 'zpm-0.10.10.xml'), '0.10.10', { databasePackaging: true, dependencyCode: true });
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  function cli(args: string[]): Promise<CliRun> {
    return runCli(['run', ...args], { ...process.env, DOCKER_HOST: host }, work);
  }

  it('prints each stage with its time and writes the archive and report', async () => {
    const r = await cli([
      '--module',
      join(FIXTURES, 'other-app'),
      '--image',
      image,
      '--ipm',
      'zpm-0.10.10.xml',
      '--network',
      'none',
      '--out',
      'out',
    ]);
    expect(r.status, r.stderr).toBe(0);
    for (const s of ['start', 'ipm', 'load', 'package', 'verify', 'install'])
      expect(r.stdout).toMatch(new RegExp(`^  ${s}\\s+passed\\s+[0-9.]+ m?s`, 'm'));
    expect(r.stdout).toMatch(/^ {2}test\s+skipped/m);
    expect(r.stderr).toContain('== package');
    const report = JSON.parse(await readFile(join(work, 'out', 'run-report.json'), 'utf8')) as RunReport;
    expect(report.ok).toBe(true);
    expect(report.archive!.path).toBe(join(work, 'out', 'other-app-0.3.0-database.tgz'));
    const name = /running as (ipm-db-\S+)/.exec(report.stages[0]!.message!)![1]!;
    const left = await new Docker({ host }).check('x', 'ps', ['ps', '-aq', '--filter', `name=${name}`]);
    expect(left.stdout.trim(), `${name} left behind`).toBe('');
  }, 120_000);

  it('runs two images concurrently, each in its own directory, each stage of each written as one whole group', async () => {
    const docker = new Docker({ host });
    const images = ['localhost/ipm-db-cli-iris:first', 'localhost/ipm-db-cli-iris:second'];
    for (const tag of images) await docker.check('x', 'tag', ['tag', image, tag]);
    try {
      const r = await cli([
        '--module',
        join(FIXTURES, 'other-app'),
        ...images.flatMap((i) => ['--image', i]),
        '--parallel',
        '2',
        '--ipm',
        'zpm-0.10.10.xml',
        '--network',
        'none',
        '--out',
        'two',
      ]);
      expect(r.status, r.stderr).toBe(0);
      for (const key of ['first', 'second']) {
        const report = JSON.parse(await readFile(join(work, 'two', key, 'run-report.json'), 'utf8')) as RunReport;
        expect(report.ok).toBe(true);
        expect(report.archive!.path).toBe(join(work, 'two', key, 'other-app-0.3.0-database.tgz'));
      }
      // Every line between one group's title and the next title belongs to that group: a group
      // title names its version and stage, and no other version's lines sit inside it.
      const lines = r.stderr.split('\n');
      const titles = lines.filter((l) => l.startsWith('== '));
      for (const key of ['first', 'second'])
        for (const stage of ['start', 'ipm', 'load', 'package', 'verify', 'install'])
          expect(titles).toContain(`== [${key}] ${stage}`);
      const ungrouped = lines.filter((l) => l !== '' && !l.startsWith('== '));
      expect(ungrouped.some((l) => l.startsWith('[first] ') || l.startsWith('[second] '))).toBe(true);
      let group: string | null = null;
      for (const l of lines) {
        if (l.startsWith('== [')) group = /^== \[(\w+)\]/.exec(l)![1]!;
        else if (/^\[(first|second)\] /.test(l)) group = null;
        else if (group && /\[(first|second)\]/.test(l)) expect(l).toContain(`[${group}]`);
      }
    } finally {
      for (const tag of images) await docker.call(['rmi', tag], { timeoutMs: 60_000 }).catch(() => undefined);
    }
  }, 240_000);

  it('exits 1 with the compile error and 2 on bad usage', async () => {
    const r = await cli([
      '--module',
      join(FIXTURES, 'broken-app'),
      '--image',
      image,
      '--ipm',
      'zpm-0.10.10.xml',
      '--network',
      'none',
      '--json',
    ]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.compileErrors[0]!.file).toBe('src/cls/BrokenApp/Main.cls');
    expect(r.stderr).toContain('error: src/cls/BrokenApp/Main.cls:');
    const name = /running as (ipm-db-\S+)/.exec(report.stages[0]!.message!)![1]!;
    const left = await new Docker({ host }).check('x', 'ps', ['ps', '-aq', '--filter', `name=${name}`]);
    expect(left.stdout.trim(), `${name} left behind`).toBe('');
    expect((await cli(['--image', image])).status).toBe(2);
    expect(
      (await cli(['--module', 'x', '--image', image, '--login', 'ghcr.io', '--login-user', 'me'])).stderr,
    ).toContain('IPM_DB_REGISTRY_PASSWORD');
    expect((await cli(['--module', 'x', '--image', image, '--ipm-sha256', 'abc'])).stderr).toContain(
      '--ipm-sha256 needs --ipm',
    );
  }, 120_000);
});
