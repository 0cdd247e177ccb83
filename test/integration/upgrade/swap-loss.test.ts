// The swap-loss check against the IRIS stand-in: demo-prod 1.0.0 installed from source, a site's
// settings written to ^DemoProd.Settings, then the 2.0.0 database package swapped in. Mapped to the
// routines (code) database, the settings are destroyed by the swap and the scenario fails naming the
// global, its nodes and what to do; mapped to the data database, the same upgrade passes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyArchive } from '../../../src/archive/verify.js';
import type { PipelineOptions } from '../../../src/pipeline/context.js';
import { runPipeline } from '../../../src/pipeline/runner.js';
import { DEFAULT_STAGES } from '../../../src/pipeline/stages.js';
import { parseUpgradeOptions } from '../../../src/pipeline/upgrade/settings.js';
import { upgradeStage } from '../../../src/pipeline/upgrade/stage.js';
import { silentLogger } from '../../../src/util/log.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/standin-modules');
const RUN_TIMEOUT = 600_000;
const noPull = () => Promise.reject(new Error('nothing is pulled in this test'));

describeWithDocker('swap-loss check against the IRIS stand-in (demo-prod 1.0.0 -> 2.0.0)', () => {
  let image: string;
  let work: string;

  beforeAll(() => {
    ({ standinImage: image } = requireDocker());
    work = mkdtempSync(join(tmpdir(), 'ipm-db-swap-loss-'));
    writeIpmInstaller(join(work, 'zpm-0.10.10.xml'), '0.10.10', { databasePackaging: true });
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function upgradeWithSeed(seed: string, outDir: string, interoperability = true) {
    const options: PipelineOptions = {
      image,
      moduleDir: join(FIXTURES, 'demo-prod-v2'),
      outDir: join(work, outDir),
      installer: { kind: 'path', path: join(work, 'zpm-0.10.10.xml') },
      // demo-prod's production extends Ens.Production: its namespaces must be interoperability-enabled.
      interoperability,
      logger: silentLogger,
      verifyArchive: (path, expected) => verifyArchive(path, expected),
      stages: [
        ...DEFAULT_STAGES,
        upgradeStage(
          parseUpgradeOptions({
            'upgrade-source': join(FIXTURES, 'demo-prod-v1'),
            'upgrade-scenarios': 'source',
            'seed-methods': seed,
          })!,
          noPull,
        ),
      ],
    };
    const report = await runPipeline(options);
    return { report, upgrade: report.upgrade[0]! };
  }

  it(
    'stops at package-database when the namespaces are not interoperability-enabled (Ens.Production is not mapped)',
    async () => {
      const { report } = await upgradeWithSeed('DemoProd.Setup:KeepSettingsInData', 'no-interop', false);
      const pkg = report.stages.find((s) => s.stage === 'package')!;
      expect(pkg.status).toBe('failed');
      expect(pkg.code).toBe('superclass-not-packaged');
      expect(pkg.message).toContain('its superclass Ens.Production is not part of the module');
      expect(report.stages.find((s) => s.stage === 'upgrade')?.status).toBe('skipped');
    },
    RUN_TIMEOUT,
  );

  it(
    'fails the upgrade on settings kept in the routines database, naming the global, its nodes and the fix',
    async () => {
      const { report, upgrade } = await upgradeWithSeed('DemoProd.Setup:KeepSettingsInCode', 'in-code');
      expect(report.stages.find((s) => s.stage === 'upgrade')?.status).toBe('failed');
      expect(upgrade.ok).toBe(false);
      expect(upgrade.swapLoss?.routinesDatabase).toMatch(/USER-UPG[A-Z0-9]*-CODE\/$/);
      expect(upgrade.swapLoss?.globals).toEqual([
        {
          name: '^DemoProd.Settings',
          nodes: 3,
          sample: [
            '^DemoProd.Settings("inbound","Port")',
            '^DemoProd.Settings("inbound","Timeout")',
            '^DemoProd.Settings("outbound","Host")',
          ],
        },
      ]);
      expect(upgrade.problems).toEqual([
        expect.stringMatching(
          /^\^DemoProd\.Settings \(3 nodes, e\.g\. \^DemoProd\.Settings\("inbound","Port"\).*\) lives in the routines database .*-CODE\/ and is destroyed when -swap-db replaces it\. .*map the global to the data database.*System Default Settings/,
        ),
      ]);
      // The code globals IRIS keeps in the routines database (the package's classes) are not reported.
      expect(upgrade.swapLoss?.globals.map((g) => g.name)).not.toContain('^oddDEF');
    },
    RUN_TIMEOUT,
  );

  it(
    'fails the upgrade on production settings edited after install, naming each setting that differs',
    async () => {
      const { upgrade } = await upgradeWithSeed(
        'DemoProd.Setup:KeepSettingsInData, DemoProd.Setup:EditProductionSettings',
        'edited-production',
      );
      expect(upgrade.ok).toBe(false);
      expect(upgrade.swapLoss?.globals).toEqual([]);
      expect(upgrade.swapLoss?.changedClasses.map((c) => [c.className, c.settings])).toEqual([
        [
          'DemoProd.Production',
          ['OrdersIn Adapter FilePath: "/data/in/" -> "/site/inbox/"', 'production ActorPoolSize: "2" -> "1"'],
        ],
      ]);
      expect(upgrade.problems).toEqual([
        expect.stringMatching(
          /^production DemoProd\.Production was changed after install \(OrdersIn Adapter FilePath: .*\); the swap replaces it .* System Default Settings/,
        ),
      ]);
    },
    RUN_TIMEOUT,
  );

  it(
    'passes the same upgrade when the settings global is mapped to the data database',
    async () => {
      const { report, upgrade } = await upgradeWithSeed('DemoProd.Setup:KeepSettingsInData', 'in-data');
      expect(upgrade.problems).toEqual([]);
      expect(report.stages.find((s) => s.stage === 'upgrade')?.status).toBe('passed');
      expect(upgrade.swapLoss?.globals).toEqual([]);
      expect(upgrade.swapLoss?.changedClasses).toEqual([]);
      // ...and the data fingerprint shows the settings kept across the swap.
      expect(upgrade.before?.globals['^DemoProd.Settings']?.nodes).toBe(3);
      expect(upgrade.after?.globals['^DemoProd.Settings']).toEqual(upgrade.before?.globals['^DemoProd.Settings']);
    },
    RUN_TIMEOUT,
  );
});
