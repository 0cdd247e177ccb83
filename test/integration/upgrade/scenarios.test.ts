// The upgrade stage end to end against the IRIS stand-in: the real pipeline (container driver, IPM
// operations, verifier, OCI client against Debian's docker-registry) builds demo-orders 2.0.0 from
// examples/example-module/v2 and upgrades 1.0.0 to it in every scenario; then the failure cases
// the stage must catch, each with a package that really misbehaves.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyArchive } from '../../../src/archive/verify.js';
import { RegistryClient } from '../../../src/oci/client.js';
import { publishPackage } from '../../../src/oci/publish.js';
import { createNamespace } from '../../../src/ipm/namespaces.js';
import type { PipelineOptions, Stage } from '../../../src/pipeline/context.js';
import { runPipeline } from '../../../src/pipeline/runner.js';
import { DEFAULT_STAGES, ipmStage, startStage } from '../../../src/pipeline/stages.js';
import { driverUpgradeEnvironment } from '../../../src/pipeline/upgrade/driver-binding.js';
import { renderUpgradeMarkdown } from '../../../src/pipeline/upgrade/markdown.js';
import { parseUpgradeOptions, type UpgradeText } from '../../../src/pipeline/upgrade/settings.js';
import { runUpgradeScenarios } from '../../../src/pipeline/upgrade/scenarios.js';
import { registryPuller, upgradeStage } from '../../../src/pipeline/upgrade/stage.js';
import type { UpgradeScenarioResult } from '../../../src/pipeline/upgrade/results.js';
import { silentLogger } from '../../../src/util/log.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { docker } from '../../support/docker-engine.js';
import { startRegistry, testAccess, type TestRegistry } from '../../support/registry.js';
import { testVerifier } from '../../support/oci-package.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';
import { ownCopyOf, removeWarmImagesOf } from '../../support/warm-images.js';

const EXAMPLE = join(import.meta.dirname, '../../../examples/example-module');
const MODULE = 'demo-orders';
const SEED = 'DemoOrders.Setup:SeedData';
const CHECKS =
  'DemoOrders.Checks:SettingsMigrated, DemoOrders.Checks:OrdersKept, DemoOrders.Checks:MigrationRanAtMostOnce';
const DECLARED = 'DemoOrders.Update.V2:MoveBillingSettings=^DemoOrders.Settings,^DemoOrders.StepRuns';
const RUN_TIMEOUT = 600_000;

/** A copy of one release with one file rewritten: a package that misbehaves in one precise way. */
function variant(work: string, name: string, release: 'v1' | 'v2', patch: (dir: string) => void): string {
  const dir = join(work, 'variants', name);
  cpSync(join(EXAMPLE, release), dir, { recursive: true });
  patch(dir);
  return dir;
}

function rewrite(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

describeWithDocker('upgrade stage against the IRIS stand-in (demo-orders 1.0.0 -> 2.0.0)', () => {
  let image: string;
  let dockerHost: string;
  let work: string;
  let registry: TestRegistry;
  const packages: Record<string, string> = {};

  const base = (moduleDir: string, outDir: string, extra: Partial<PipelineOptions> = {}): PipelineOptions => ({
    image,
    moduleDir,
    outDir: join(work, outDir),
    installer: { kind: 'path', path: join(work, 'zpm-0.10.10.xml') },
    logger: silentLogger,
    verifyArchive: (path, expected) => verifyArchive(path, expected),
    ...extra,
  });

  /** One container builds database packages of several module directories (each in its own namespace). */
  async function build(dirs: Record<string, string>, outDir: string, env?: Record<string, string>): Promise<void> {
    const builder: Stage = {
      name: 'package',
      async run(ctx) {
        for (const [name, dir] of Object.entries(dirs)) {
          const ns = await createNamespace(ctx.target!, {
            homeNamespace: ctx.setup!.homeNamespace,
            postfix: ctx.nextPostfix('B'),
          });
          await ctx.ops!.loadModule(ns, dir);
          packages[name] = (await ctx.ops!.packageDatabase(ns, MODULE, join(work, outDir, name))).hostPath;
        }
      },
    };
    const report = await runPipeline(
      base(dirs[Object.keys(dirs)[0]!]!, outDir, { stages: [startStage, ipmStage, builder], ...(env ? { env } : {}) }),
    );
    expect(report.stages.map((s) => `${s.stage}:${s.status}:${s.message ?? ''}`)).toEqual([
      expect.stringMatching(/^start:passed/),
      expect.stringMatching(/^ipm:passed/),
      expect.stringMatching(/^package:passed/),
    ]);
  }

  beforeAll(async () => {
    ({ standinImage: image, dockerHost } = requireDocker());
    work = mkdtempSync(join(tmpdir(), 'ipm-db-upgrade-it-'));
    // dependencyCode: an IPM build that also packages dependency code (ipm-installer.ts); this
    // file's modules have dependencies, and what it tests comes after the install.
    writeIpmInstaller(join(work, 'zpm-0.10.10.xml'), '0.10.10', { databasePackaging: true, dependencyCode: true });
    const leakyV1 = variant(work, 'v1-ships-v2-step', 'v1', (dir) =>
      cpSync(join(EXAMPLE, 'v2/src/cls/DemoOrders/Update/V2.cls'), join(dir, 'src/cls/DemoOrders/Update/V2.cls')),
    );
    const rerunV2 = variant(work, 'v2-inserts-step-before-old-one', 'v2', (dir) => {
      const v1 = join(dir, 'src/cls/DemoOrders/Update/V1.cls');
      rewrite(v1, 'return ["InitSettings"]', 'return ["AddRegionDefault", "InitSettings"]');
      rewrite(
        v1,
        '/// Gives the currency',
        'ClassMethod AddRegionDefault()\n{\n    set ^DemoOrders.Settings("region") = $get(^DemoOrders.Settings("region"), "eu-west")\n}\n\n/// Gives the currency',
      );
    });
    const dropV2 = variant(work, 'v2-drops-orders', 'v2', (dir) =>
      rewrite(
        join(dir, 'src/cls/DemoOrders/Update/V2.cls'),
        '    kill ^DemoOrders.Settings("currency")',
        '    kill ^DemoOrders.Settings("currency")\n    kill ^DemoOrders.CustomerOrderD',
      ),
    );
    await build({ v1: join(EXAMPLE, 'v1'), leakyV1, rerunV2, dropV2 }, 'build-2026.1');
    await build({ v1For2024: join(EXAMPLE, 'v1') }, 'build-2024.1', { STANDIN_IRIS_VERSION: '2024.1' });
    registry = await startRegistry({ auth: 'none' });
    await publishPackage({
      archivePath: packages.v1!,
      verifier: testVerifier,
      access: testAccess(registry.host),
    });
  }, RUN_TIMEOUT);

  afterAll(async () => {
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const pull = () => registryPuller((host) => new RegistryClient(testAccess(host)));

  it(
    'passes every scenario: previous release pulled from the registry, from source, fresh install, replaced container',
    async () => {
      const options = parseUpgradeOptions(
        {
          'upgrade-scenarios': 'all',
          'upgrade-from': '1.0.0',
          'upgrade-source': join(EXAMPLE, 'v1'),
          'seed-methods': SEED,
          'check-methods': CHECKS,
          'declared-changes': DECLARED,
        },
        { pullFrom: { registry: registry.host, namespace: 'acme' } },
      )!;
      const runId = `upgit${Date.now().toString(36)}`;
      const report = await runPipeline(
        base(join(EXAMPLE, 'v2'), 'all', { runId, stages: [...DEFAULT_STAGES, upgradeStage(options, pull())] }),
      );
      // nothing of the run is left: the pipeline's container, containers A and B, the durable volume
      const leftovers = await Promise.all([
        docker(dockerHost, ['ps', '-a', '--format', '{{.Names}}']),
        docker(dockerHost, ['volume', 'ls', '-q']),
      ]);
      expect(leftovers.map((l) => l.stdout.split('\n').filter((n) => n.includes(runId)))).toEqual([[], []]);
      const results = report.upgrade;
      expect(
        report.stages.find((s) => s.stage === 'upgrade'),
        renderUpgradeMarkdown(results),
      ).toMatchObject({ status: 'passed' });
      expect(results.map((r) => [r.scenario, r.ok, r.problems])).toEqual([
        ['database', true, []],
        ['source', true, []],
        ['fresh', true, []],
        ['container-replacement', true, []],
      ]);
      const [database, source, fresh, container] = results as [
        UpgradeScenarioResult,
        UpgradeScenarioResult,
        UpgradeScenarioResult,
        UpgradeScenarioResult,
      ];
      expect(database.previous).toEqual({
        source: 'registry',
        reference: `${registry.host}/acme/${MODULE}:1.0.0_database__2026.1`,
        version: '1.0.0',
      });
      for (const r of [database, source, container]) {
        expect(r.moduleAfter).toEqual({ version: '2.0.0', packaging: 'database' });
        expect(r.steps.map((s) => [s.step, s.outcome])).toEqual([
          ['DemoOrders.Update.V1:InitSettings', 'kept'],
          ['DemoOrders.Update.V2:MoveBillingSettings', 'ran'],
        ]);
        expect(r.before!.globals['^DemoOrders.CustomerOrderD']).toEqual(r.after!.globals['^DemoOrders.CustomerOrderD']);
        expect(r.before!.globals['^DemoOrders.CustomerOrderD']!.nodes).toBe(4);
        expect(r.changes.map((c) => [c.global, c.declaredBy])).toEqual([
          ['^DemoOrders.Settings', ['DemoOrders.Update.V2:MoveBillingSettings']],
          ['^DemoOrders.StepRuns', ['DemoOrders.Update.V2:MoveBillingSettings']],
        ]);
        expect(r.checks.every((c) => c.ok)).toBe(true);
        expect(r.backup?.exists).toBe(true);
      }
      expect(database.moduleBefore).toEqual({ version: '1.0.0', packaging: 'database' });
      expect(source.moduleBefore).toEqual({ version: '1.0.0', packaging: 'module' });
      expect(fresh.steps.map((s) => s.outcome)).toEqual(['seeded', 'seeded']);
      expect(container.backup!.path).toMatch(/^\/durable\/iris\/mgr\//);
    },
    RUN_TIMEOUT,
  );

  it(
    'with a warm IPM image, the replaced-container scenario starts from it: IPM is installed once, then never',
    async () => {
      // Its own copy of the stand-in image: a warm image key of its own, apart from other files' runs.
      const own = await ownCopyOf(dockerHost, image, 'scenarios-warm');
      const options = parseUpgradeOptions(
        {
          'upgrade-scenarios': 'container-replacement',
          'upgrade-from': '1.0.0',
          'seed-methods': SEED,
          'check-methods': CHECKS,
          'declared-changes': DECLARED,
        },
        { pullFrom: { registry: registry.host, namespace: 'acme' } },
      )!;
      const run = (n: number) =>
        runPipeline(
          base(join(EXAMPLE, 'v2'), `warm-${n}`, {
            image: own,
            runId: `upgwarm${n}${Date.now().toString(36)}`,
            warmIpmImage: true,
            stages: [...DEFAULT_STAGES, upgradeStage(options, pull())],
          }),
        );
      const cold = await run(1);
      const warm = await run(2);
      for (const report of [cold, warm]) {
        expect(report.upgrade.map((r) => [r.scenario, r.ok, r.problems])).toEqual([
          ['container-replacement', true, []],
        ]);
        expect(report.upgrade[0]!.steps.map((s) => [s.step, s.outcome])).toEqual([
          ['DemoOrders.Update.V1:InitSettings', 'kept'],
          ['DemoOrders.Update.V2:MoveBillingSettings', 'ran'],
        ]);
      }
      // Cold: IPM installed in the pipeline's container only; the scenario's container starts from
      // the warm image committed after that install (Durable %SYS clones its USER, IPM included).
      expect(cold.ipmInstalls).toHaveLength(1);
      expect(warm.ipmInstalls ?? []).toEqual([]);
      expect(warm.stages.find((s) => s.stage === 'ipm')?.message).toContain('(warm image ipm-db-warm:');
      await removeWarmImagesOf(dockerHost, own);
      await docker(dockerHost, ['rmi', own]).catch(() => undefined);
    },
    RUN_TIMEOUT,
  );

  it(
    'catches a step run twice, a migration never run, a dropped global, another IRIS version and a missing release',
    async () => {
      const results: Record<string, UpgradeScenarioResult> = {};
      const common: UpgradeText = {
        'upgrade-scenarios': 'database',
        'seed-methods': SEED,
        'check-methods': CHECKS,
        'declared-changes': DECLARED,
      };
      const cases: Array<[string, UpgradeText, string | null]> = [
        ['runs twice', { ...common, 'upgrade-from': packages.v1! }, packages.rerunV2!],
        ['drops a global', { ...common, 'upgrade-from': packages.v1! }, packages.dropV2!],
        ['never runs', { ...common, 'upgrade-from': packages.leakyV1! }, null],
        ['other IRIS version', { ...common, 'upgrade-from': packages.v1For2024! }, null],
        ['missing release', { ...common, 'upgrade-from': '9.9.9' }, null],
      ];
      const failureCases: Stage = {
        name: 'upgrade',
        async run(ctx) {
          const env = driverUpgradeEnvironment(ctx, pull());
          for (const [name, inputs, newPackage] of cases) {
            const release = {
              moduleName: MODULE,
              version: '2.0.0',
              packagePath: newPackage ?? ctx.archive!.hostPath,
              updatePackage: 'DemoOrders.Update',
              irisMajorMinor: ctx.setup!.iris.majorMinor,
            };
            const [result] = await runUpgradeScenarios(
              env,
              parseUpgradeOptions(inputs, { pullFrom: { registry: registry.host, namespace: 'acme' } })!,
              release,
              silentLogger,
            );
            results[name] = result!;
          }
        },
      };
      const report = await runPipeline(
        base(join(EXAMPLE, 'v2'), 'failures', { stages: [...DEFAULT_STAGES, failureCases] }),
      );
      expect(report.stages.map((s) => s.status)).not.toContain('failed');

      const twice = results['runs twice']!;
      expect(twice.ok).toBe(false);
      expect(twice.steps.map((s) => [s.step, s.outcome])).toEqual([
        ['DemoOrders.Update.V1:AddRegionDefault', 'ran'],
        ['DemoOrders.Update.V1:InitSettings', 'ran-again'],
        ['DemoOrders.Update.V2:MoveBillingSettings', 'ran'],
      ]);
      expect(twice.problems).toContain(
        'update step DemoOrders.Update.V1:InitSettings had already run (or been seeded) before the upgrade and ran again',
      );

      const dropped = results['drops a global']!;
      expect(dropped.ok).toBe(false);
      expect(dropped.problems[0]).toBe(
        '^DemoOrders.CustomerOrderD disappeared (4 nodes before) but no update step that ran declared it: removed ^DemoOrders.CustomerOrderD, removed ^DemoOrders.CustomerOrderD(1), removed ^DemoOrders.CustomerOrderD(2), removed ^DemoOrders.CustomerOrderD(3)',
      );
      expect(dropped.problems).toContain('check DemoOrders.Checks:OrdersKept returned "0", not 1');

      const never = results['never runs']!;
      expect(never.ok).toBe(false);
      expect(never.steps.map((s) => s.outcome)).toEqual(['kept', 'kept']);
      expect(never.problems).toEqual(['check DemoOrders.Checks:SettingsMigrated returned "0", not 1']);

      const other = results['other IRIS version']!;
      expect(other.ok).toBe(false);
      expect(other.message).toContain('The module cannot be installed on the current version (2026.1');
      expect(other.message).toContain('version "2024.1" is required');
      expect(other.output).toMatch(/ERROR! The module cannot be installed on the current version/);

      const missing = results['missing release']!;
      expect(missing.ok).toBe(false);
      expect(missing.message).toBe(`${registry.host}/acme/${MODULE}:9.9.9_database__2026.1 does not exist`);
    },
    RUN_TIMEOUT,
  );
});
