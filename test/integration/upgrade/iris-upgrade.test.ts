// The iris-upgrade scenario against the IRIS stand-in: demo-orders 2.0.0 (examples/example-module/v2)
// built on IRIS 2025.1 and on 2025.3; container A (2025.1) on a named volume installs the 2025.1
// package and seeds data, stops; container B (2025.3) starts on the volume (the instance is upgraded),
// refuses the 2025.1 package, and takes the 2025.3 package with update -swap-db. Green as built; red
// when the package installed on 2025.3 is the one built for 2025.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyArchive } from '../../../src/archive/verify.js';
import { createNamespace } from '../../../src/ipm/namespaces.js';
import type { PipelineOptions, Stage } from '../../../src/pipeline/context.js';
import { runPipeline } from '../../../src/pipeline/runner.js';
import { ipmStage, startStage } from '../../../src/pipeline/stages.js';
import { driverUpgradeEnvironment } from '../../../src/pipeline/upgrade/driver-binding.js';
import { type IrisUpgradeReport, runIrisUpgrade } from '../../../src/pipeline/upgrade/iris-upgrade.js';
import { runIrisUpgradePair } from '../../../src/pipeline/upgrade/iris-upgrade-pair.js';
import { parseUpgradeOptions } from '../../../src/pipeline/upgrade/settings.js';
import { silentLogger } from '../../../src/util/log.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { docker } from '../../support/docker-engine.js';
import { readFileSync } from 'node:fs';
import { parseIrisUpgradeReport } from '../../../src/workflow/iris-upgrade-files.js';
import { runCli } from '../../support/cli.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';
import { removeWarmImagesOf } from '../../support/warm-images.js';

const V2 = join(import.meta.dirname, '../../../examples/example-module/v2');
const RUN_TIMEOUT = 600_000;
const noPull = () => Promise.reject(new Error('nothing is pulled in this test'));

describeWithDocker('iris-upgrade scenario against the IRIS stand-in (demo-orders 2.0.0, IRIS 2025.1 -> 2025.3)', () => {
  let dockerHost: string;
  let imageN: string;
  let imageN1: string;
  let work: string;
  const packages: Record<string, string> = {};

  const options = (image: string, stages: Stage[]): PipelineOptions => ({
    image,
    moduleDir: V2,
    outDir: join(work, `out-${Object.keys(packages).length}-${Date.now()}`),
    installer: { kind: 'path', path: join(work, 'zpm-0.10.10.xml') },
    logger: silentLogger,
    verifyArchive: (path, expected) => verifyArchive(path, expected),
    stages,
  });

  async function buildOn(image: string, key: string): Promise<void> {
    const builder: Stage = {
      name: 'package',
      async run(ctx) {
        const ns = await createNamespace(ctx.target!, { homeNamespace: ctx.setup!.homeNamespace, postfix: 'B' });
        await ctx.ops!.loadModule(ns, V2);
        packages[key] = (await ctx.ops!.packageDatabase(ns, 'demo-orders', join(work, key))).hostPath;
      },
    };
    const report = await runPipeline(options(image, [startStage, ipmStage, builder]));
    expect(report.stages.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
  }

  async function irisUpgrade(fromPackage: string, toPackage: string): Promise<IrisUpgradeReport> {
    let result: IrisUpgradeReport | null = null;
    const stage: Stage = {
      name: 'upgrade',
      async run(ctx) {
        result = await runIrisUpgrade(
          driverUpgradeEnvironment(ctx, noPull),
          // As the action passes them: the run's upgrade-from is an older release (1.0.0), which the
          // IRIS upgrade must not expect installed (it installs the package built on IRIS N).
          parseUpgradeOptions({
            'upgrade-from': 'ghcr.io/acme/demo-orders:1.0.0_database__2025.1',
            'upgrade-scenarios': 'database',
            'seed-methods': 'DemoOrders.Setup:SeedData',
            // SettingsMigrated judges the 1.0.0 -> 2.0.0 migration: it does not hold for 2.0.0 seeded
            // data before the IRIS upgrade, so it is left out of the verdict, not failed.
            'check-methods':
              'DemoOrders.Checks:OrdersKept, DemoOrders.Checks:MigrationRanAtMostOnce, DemoOrders.Checks:SettingsMigrated',
          })!,
          { image: imageN, irisMajorMinor: '2025.1', packagePath: fromPackage, moduleVersion: '2.0.0' },
          {
            image: imageN1,
            irisMajorMinor: '2025.3',
            packagePath: toPackage,
            release: {
              moduleName: 'demo-orders',
              version: '2.0.0',
              packagePath: toPackage,
              updatePackage: 'DemoOrders.Update',
              irisMajorMinor: '2025.3',
            },
          },
          silentLogger,
        );
      },
    };
    const run = await runPipeline(options(imageN1, [startStage, ipmStage, stage]));
    if (!result) throw new Error(`the pipeline stopped before the iris-upgrade: ${JSON.stringify(run.stages)}`);
    return result;
  }

  beforeAll(async () => {
    let standin: string;
    ({ standinImage: standin, dockerHost } = requireDocker());
    work = mkdtempSync(join(tmpdir(), 'ipm-db-iris-upgrade-'));
    writeIpmInstaller(join(work, 'zpm-0.10.10.xml'), '0.10.10', { databasePackaging: true });
    // IRIS 2025.1 and 2025.3: the stand-in image with the version baked in, as each IRIS image has
    // its own (the stand-in's default version is newer than both, so it cannot serve as 2025.1).
    const withVersion = async (version: string): Promise<string> => {
      const tagged = `${standin.split(':')[0]}-iris-upgrade:${version}`;
      const id = (await docker(dockerHost, ['create', standin])).stdout.trim();
      await docker(dockerHost, ['commit', '--change', `ENV STANDIN_IRIS_VERSION=${version}`, id, tagged]);
      await docker(dockerHost, ['rm', id]);
      return tagged;
    };
    imageN = await withVersion('2025.1');
    imageN1 = await withVersion('2025.3');
    await buildOn(imageN, 'for2025.1');
    await buildOn(imageN1, 'for2025.3');
  }, RUN_TIMEOUT);

  afterAll(async () => {
    for (const image of [imageN, imageN1]) if (image) await docker(dockerHost, ['rmi', image]).catch(() => undefined);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(
    'upgrades the instance and the module: data kept, steps kept, older package refused, code runs on 2025.3',
    async () => {
      const report = await irisUpgrade(packages['for2025.1']!, packages['for2025.3']!);
      expect(report.scenario.problems, JSON.stringify(report.checks)).toEqual([]);
      expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
        ['upgrade', true],
        ['package for 2025.1 refused on 2025.3', true],
        ['SystemRequirements Version 2025.3 after the upgrade', true],
        ['check DemoOrders.Checks:OrdersKept on 2025.3', true],
        ['check DemoOrders.Checks:MigrationRanAtMostOnce on 2025.3', true],
      ]);
      expect(report.ok).toBe(true);
      expect(report.checks[1]!.detail).toMatch(/The module cannot be installed on the current version \(2025\.3\)/);
      const s = report.scenario;
      expect(s.scenario).toBe('iris-upgrade');
      expect(s.moduleBefore).toEqual({ version: '2.0.0', packaging: 'database' });
      expect(s.moduleAfter).toEqual({ version: '2.0.0', packaging: 'database' });
      expect(s.changes).toEqual([]);
      expect(s.steps.map((v) => v.outcome)).toEqual(['kept', 'kept']);
      expect(s.before!.globals['^DemoOrders.CustomerOrderD']!.nodes).toBe(4);
      expect(s.backup?.path).toMatch(/^\/durable\/iris\/mgr\//);
      expect(s.checksNotJudged).toEqual([{ check: 'DemoOrders.Checks:SettingsMigrated', returned: '0' }]);
      expect(report.message).toMatch(/not judged.*SettingsMigrated \("0"\)/);
    },
    RUN_TIMEOUT,
  );

  it(
    'ipm-db iris-upgrade runs it from the two archives and writes the report the publish job attests',
    async () => {
      const reportFile = join(work, 'reports', 'iris-upgrade-2025.1-2025.3.json');
      const run = await runCli(
        [
          'iris-upgrade',
          '--from-archive',
          packages['for2025.1']!,
          '--from-image',
          imageN,
          '--to-archive',
          packages['for2025.3']!,
          '--to-image',
          imageN1,
          '--ipm',
          join(work, 'zpm-0.10.10.xml'),
          '--seed-methods',
          'DemoOrders.Setup:SeedData',
          '--check-methods',
          'DemoOrders.Checks:OrdersKept',
          // As the workflow's IRIS upgrade job runs it: the module's ipm-db.yml fills in what the flags leave out.
          '--module-path',
          V2,
          '--report',
          reportFile,
        ],
        { ...process.env, DOCKER_HOST: dockerHost },
        work,
      );
      expect(run.stdout + run.stderr).toMatch(/PASSED {2}iris-upgrade 2025\.1 -> 2025\.3/);
      expect(run.stderr).toContain(`${join(V2, 'ipm-db.yml')}: used declared-changes (line 11)`);
      expect(run.stderr).toContain('overridden by flags: seed-methods (line 5), check-methods (line 7)');
      expect(run.status).toBe(0);
      expect(parseIrisUpgradeReport(readFileSync(reportFile, 'utf8'), reportFile)).toMatchObject({
        fromIrisVersion: '2025.1',
        toIrisVersion: '2025.3',
        ok: true,
      });
    },
    RUN_TIMEOUT,
  );

  it(
    'fails when the package installed on 2025.3 is the one built for 2025.1',
    async () => {
      const report = await irisUpgrade(packages['for2025.1']!, packages['for2025.1']!);
      expect(report.ok).toBe(false);
      expect(report.checks[0]).toMatchObject({ name: 'upgrade', ok: false });
      expect(report.message).toMatch(/^upgrade: .*The module cannot be installed on the current version \(2025\.3\)/);
    },
    RUN_TIMEOUT,
  );

  it(
    'with warm IPM images of both IRIS versions, the pair installs IPM nowhere (and without them, it does)',
    async () => {
      const upgrade = parseUpgradeOptions({
        'upgrade-from': packages['for2025.1']!,
        'upgrade-scenarios': 'database',
        'check-methods': 'DemoOrders.Checks:OrdersKept',
      })!;
      const pair = (warmIpmImage: boolean, runId: string) =>
        runIrisUpgradePair(
          { image: imageN, archive: packages['for2025.1']! },
          { image: imageN1, archive: packages['for2025.3']! },
          upgrade,
          {
            installer: { kind: 'path', path: join(work, 'zpm-0.10.10.xml') },
            logger: silentLogger,
            warmIpmImage,
            runId,
          },
        );
      for (const image of [imageN, imageN1]) await removeWarmImagesOf(dockerHost, image);
      const cold = await pair(false, `pcold${Date.now().toString(36)}`);
      expect(cold.ok, cold.message).toBe(true);
      expect(cold.ipmInstalls?.length).toBe(2); // IRIS N+1's own container and the durable container of IRIS N
      // The versions' own runs commit the warm images (as the action's legs do before the pairs).
      for (const image of [imageN, imageN1]) {
        const committed = await runPipeline({ ...options(image, [startStage, ipmStage]), warmIpmImage: true });
        expect(committed.stages.map((s) => s.status)).toEqual(['passed', 'passed']);
      }
      const warm = await pair(true, `pwarm${Date.now().toString(36)}`);
      expect(warm.ok, warm.message).toBe(true);
      expect(warm.ipmInstalls ?? []).toEqual([]);
      for (const image of [imageN, imageN1]) await removeWarmImagesOf(dockerHost, image);
    },
    RUN_TIMEOUT,
  );
});
