// `ipm-db run` with the upgrade stage, as a user runs it: demo-orders 1.0.0 is built into a
// database package by `ipm-db run` itself, then `ipm-db run` on 2.0.0 upgrades that package
// (--upgrade-from <path>) in the database scenario and installs 2.0.0 fresh, against the IRIS stand-in.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishPackage } from '../../../src/oci/publish.js';
import type { RunReport } from '../../../src/pipeline/run-report.js';
import { runCli, type CliRun } from '../../support/cli.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { docker } from '../../support/docker-engine.js';
import { startRegistry, testAccess } from '../../support/registry.js';
import { testVerifier } from '../../support/oci-package.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';

const EXAMPLE = join(import.meta.dirname, '../../../examples/example-module');

describeWithDocker('ipm-db run with upgrade scenarios', () => {
  let host: string;
  let image: string;
  let work: string;

  beforeAll(async () => {
    ({ dockerHost: host, standinImage: image } = requireDocker());
    work = await mkdtemp(join(tmpdir(), 'ipm-db-cli-upgrade-'));
    // dependencyCode: an IPM build that also packages dependency code (ipm-installer.ts); this
    // file's modules have dependencies, and what it tests comes after the install.
    writeIpmInstaller(join(work, 'zpm-0.10.10.xml'), '0.10.10', { databasePackaging: true, dependencyCode: true });
    // The previous release, built into a database package by `ipm-db run` itself.
    const v1 = await cli(['--module', join(EXAMPLE, 'v1'), '--out', 'v1']);
    expect(v1.status, v1.stderr).toBe(0);
    const v1Report = JSON.parse(await readFile(join(work, 'v1', 'run-report.json'), 'utf8')) as RunReport;
    expect(v1Report.archive!.fileName).toBe('demo-orders-1.0.0-database.tgz');
  }, 120_000);
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  function cli(args: string[]): Promise<CliRun> {
    const base = ['--image', image, '--ipm', 'zpm-0.10.10.xml', '--network', 'none'];
    return runCli(['run', ...base, ...args], { ...process.env, DOCKER_HOST: host }, work);
  }

  /** Names of containers and volumes of the run whose pipeline container is `name` (its own and its scenarios'). */
  async function leftovers(name: string): Promise<string[]> {
    const [containers, volumes] = await Promise.all([
      docker(host, ['ps', '-a', '--format', '{{.Names}}']),
      docker(host, ['volume', 'ls', '-q']),
    ]);
    return [...containers.stdout.split('\n'), ...volumes.stdout.split('\n')].filter((n) => n.startsWith(name));
  }

  const upgradeFlags = [
    '--seed-methods',
    'DemoOrders.Setup:SeedData',
    '--check-methods',
    'DemoOrders.Checks:SettingsMigrated,DemoOrders.Checks:OrdersKept,DemoOrders.Checks:MigrationRanAtMostOnce',
  ];

  it("upgrades the 1.0.0 package it built to 2.0.0 (database) and installs 2.0.0 fresh, judged by the module's ipm-db.yml", async () => {
    // No seed, check or declared-changes flag: examples/example-module/v2/ipm-db.yml gives them.
    const r = await cli([
      '--module',
      join(EXAMPLE, 'v2'),
      '--out',
      'v2',
      '--upgrade-from',
      'v1/demo-orders-1.0.0-database.tgz',
      '--upgrade-scenarios',
      'database,fresh',
      '--json',
    ]);
    expect(r.stderr).toContain(
      `${join(EXAMPLE, 'v2', 'ipm-db.yml')}: used seed-methods (line 5), check-methods (line 7), declared-changes (line 11)`,
    );
    const report = JSON.parse(r.stdout) as RunReport;
    expect(
      report.upgrade.map((u) => [u.scenario, u.ok, u.problems]),
      r.stderr,
    ).toEqual([
      ['database', true, []],
      ['fresh', true, []],
    ]);
    expect(r.status).toBe(0);
    expect(report.stages.find((s) => s.stage === 'upgrade')).toMatchObject({ status: 'passed' });
    const database = report.upgrade[0]!;
    expect(database.previous.source).toBe('path');
    expect(database.previous.reference).toBe(join(work, 'v1', 'demo-orders-1.0.0-database.tgz'));
    expect(database.moduleBefore).toEqual({ version: '1.0.0', packaging: 'database' });
    expect(database.moduleAfter).toEqual({ version: '2.0.0', packaging: 'database' });
    expect(database.steps.find((s) => s.step === 'DemoOrders.Update.V2:MoveBillingSettings')?.outcome).toBe('ran');
    expect(database.checks.map((c) => c.ok)).toEqual([true, true, true]);
    expect(database.checks.map((c) => c.check)).toEqual([
      'DemoOrders.Checks:SettingsMigrated',
      'DemoOrders.Checks:OrdersKept',
      'DemoOrders.Checks:MigrationRanAtMostOnce',
    ]);
    expect(report.moduleSettings?.fromFile.map((s) => s.name)).toEqual([
      'seed-methods',
      'check-methods',
      'declared-changes',
    ]);
    expect(report.upgrade[1]!.steps.every((s) => s.outcome === 'seeded')).toBe(true);
    const name = /running as (ipm-db-\S+)/.exec(report.stages[0]!.message!)![1]!;
    expect(await leftovers(name)).toEqual([]);
  }, 300_000);

  it('fails the run and prints the failed verdict when an update step changes an undeclared global', async () => {
    // --declared-changes '' wins over the declared changes of the module's ipm-db.yml.
    const r = await cli([
      '--module',
      join(EXAMPLE, 'v2'),
      '--out',
      'v2-undeclared',
      '--upgrade-from',
      'v1/demo-orders-1.0.0-database.tgz',
      '--upgrade-scenarios',
      'database',
      ...upgradeFlags,
      '--declared-changes',
      '',
    ]);
    expect(r.stderr).toContain(
      'overridden by flags: seed-methods (line 5), check-methods (line 7), declared-changes (line 11)',
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^ {2}upgrade\s+failed/m);
    expect(r.stdout).toMatch(/^upgrade scenarios:\n {2}database\s+failed\s+[0-9.]+ m?s {2}.*\^DemoOrders\.Settings/m);
    const report = JSON.parse(await readFile(join(work, 'v2-undeclared', 'run-report.json'), 'utf8')) as RunReport;
    const name = /running as (ipm-db-\S+)/.exec(report.stages[0]!.message!)![1]!;
    expect(await leftovers(name)).toEqual([]);
  }, 300_000);

  it("pulls a previous version from --registry/--namespace (--plain-http) for the leg's IRIS version", async () => {
    const registry = await startRegistry({ auth: 'none' });
    try {
      await publishPackage({
        archivePath: join(work, 'v1', 'demo-orders-1.0.0-database.tgz'),
        verifier: testVerifier,
        access: testAccess(registry.host),
      });
      const r = await cli([
        '--module',
        join(EXAMPLE, 'v2'),
        '--out',
        'v2-pulled',
        '--upgrade-from',
        '1.0.0',
        '--registry',
        registry.host,
        '--namespace',
        'acme',
        '--plain-http',
        '--upgrade-scenarios',
        'database',
        ...upgradeFlags,
        '--declared-changes',
        'DemoOrders.Update.V2:MoveBillingSettings=^DemoOrders.Settings,^DemoOrders.StepRuns',
      ]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^upgrade scenarios:\n {2}database\s+passed\s/m);
      const report = JSON.parse(await readFile(join(work, 'v2-pulled', 'run-report.json'), 'utf8')) as RunReport;
      expect(report.upgrade[0]!.previous).toEqual({
        source: 'registry',
        reference: `${registry.host}/acme/demo-orders:1.0.0_database__2026.1`,
        version: '1.0.0',
      });
    } finally {
      await registry.stop();
    }
  }, 300_000);

  it('pulls a previous version of a module whose name has capitals from the lower-cased repository', async () => {
    // IPM module names are case-insensitive; OCI repository components must be lower case (GHCR
    // lower-cases too), so DemoOrders 1.0.0 lives at <registry>/acme/demoorders:1.0.0_database__2026.1.
    const renamed = async (release: string): Promise<string> => {
      const dir = join(work, `DemoOrders-${release}`);
      await cp(join(EXAMPLE, release), dir, { recursive: true });
      const xml = await readFile(join(dir, 'module.xml'), 'utf8');
      await writeFile(
        join(dir, 'module.xml'),
        xml
          .replace('<Document name="demo-orders.ZPM">', '<Document name="DemoOrders.ZPM">')
          .replace('<Name>demo-orders</Name>', '<Name>DemoOrders</Name>'),
      );
      return dir;
    };
    const registry = await startRegistry({ auth: 'none' });
    try {
      const v1 = await cli(['--module', await renamed('v1'), '--out', 'caps-v1']);
      expect(v1.status, v1.stdout + v1.stderr).toBe(0);
      await publishPackage({
        archivePath: join(work, 'caps-v1', 'demoorders-1.0.0-database.tgz'),
        verifier: testVerifier,
        access: testAccess(registry.host),
      });
      const r = await cli([
        '--module',
        await renamed('v2'),
        '--out',
        'caps-v2',
        '--upgrade-from',
        '1.0.0',
        '--registry',
        registry.host,
        '--namespace',
        'acme',
        '--plain-http',
        '--upgrade-scenarios',
        'database',
        ...upgradeFlags,
        '--declared-changes',
        'DemoOrders.Update.V2:MoveBillingSettings=^DemoOrders.Settings,^DemoOrders.StepRuns',
      ]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const report = JSON.parse(await readFile(join(work, 'caps-v2', 'run-report.json'), 'utf8')) as RunReport;
      expect(report.upgrade[0]!.previous).toEqual({
        source: 'registry',
        reference: `${registry.host}/acme/demoorders:1.0.0_database__2026.1`,
        version: '1.0.0',
      });
    } finally {
      await registry.stop();
    }
  }, 300_000);

  it('refuses upgrade flags that cannot run, before starting anything', async () => {
    const noUpgrade = await cli(['--module', join(EXAMPLE, 'v2'), '--checks', 'DemoOrders.Checks:OrdersKept']);
    expect(noUpgrade.status).toBe(2);
    expect(noUpgrade.stderr).toMatch(/--check-methods: is set but no upgrade runs/);
    const version = await cli(['--module', join(EXAMPLE, 'v2'), '--upgrade-from', '1.0.0']);
    expect(version.status).toBe(2);
    expect(version.stderr).toMatch(/is a version, but there is no repository/);
    const source = await cli(['--module', join(EXAMPLE, 'v2'), '--upgrade-scenarios', 'source']);
    expect(source.status).toBe(2);
    expect(source.stderr).toMatch(/upgrade scenario "source" needs the previous release as source/);
    const plainHttp = await cli(['--module', join(EXAMPLE, 'v2'), '--plain-http']);
    expect(plainHttp.status).toBe(2);
    expect(plainHttp.stderr).toMatch(/--plain-http: is set but no upgrade runs/);
    const twice = await cli([
      '--module',
      join(EXAMPLE, 'v2'),
      '--upgrade-scenarios',
      'fresh',
      '--checks',
      'A.B:C',
      '--check-methods',
      'A.B:D',
    ]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/--check-methods and --checks are the same option/);
  });
});
