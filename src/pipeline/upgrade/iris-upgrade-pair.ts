/**
 * The `iris-upgrade` scenario (./iris-upgrade.ts) from two database packages of one module release,
 * one built on IRIS N and one on IRIS N+1: the one implementation behind `ipm-db iris-upgrade` (and
 * so the reusable workflow's iris-upgrade job) and the action's runs across IRIS versions. IRIS N+1
 * is started with IPM set up (stages start and ipm), then the scenario runs its own durable
 * containers of N and N+1. Also which pairs of versions it runs on (pure).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyArchive } from '../../archive/verify.js';
import { parseIrisMajorMinor } from '../../naming/grammar.js';
import { IpmDbError } from '../../util/errors.js';
import type { PipelineOptions, Stage } from '../context.js';
import { runPipeline } from '../runner.js';
import { ipmStage, startStage } from '../stages.js';
import { driverUpgradeEnvironment } from './driver-binding.js';
import { type IrisUpgradeReport, runIrisUpgrade } from './iris-upgrade.js';
import type { UpgradeOptions } from './settings.js';

/** One IRIS image and the database package built on it. */
export interface IrisUpgradeSide {
  image: string;
  archive: string;
}

/** How the pipeline of IRIS N+1 runs: everything but what this module decides itself. */
export type IrisUpgradePipeline = Omit<PipelineOptions, 'image' | 'moduleDir' | 'outDir' | 'stages' | 'verifyArchive'>;

interface PackagedModule {
  name: string;
  version: string;
  irisMajorMinor: string;
  updatePackage: string | null;
  moduleXml: string;
}

async function packagedModule(path: string): Promise<PackagedModule> {
  const report = await verifyArchive(path);
  const m = report.module;
  if (!report.valid || !m || !m.irisVersion || !m.manifestXml)
    throw new IpmDbError(
      'iris-upgrade-archive',
      `${path} is not a valid database package: ${report.errors[0]?.message ?? 'no module'}`,
    );
  return {
    name: m.name,
    version: m.version,
    irisMajorMinor: m.irisVersion,
    updatePackage: m.updatePackage,
    moduleXml: m.manifestXml,
  };
}

/**
 * Runs the scenario: the package of `from` installed on its IRIS with data, the instance upgraded
 * to `to`'s IRIS, `to`'s package installed over it. Resolves to the report whatever the scenario
 * found; throws when the archives are not two packages of one module, or IRIS N+1 did not get ready.
 */
export async function runIrisUpgradePair(
  from: IrisUpgradeSide,
  to: IrisUpgradeSide,
  options: UpgradeOptions,
  pipeline: IrisUpgradePipeline,
): Promise<IrisUpgradeReport> {
  const [fromModule, toModule] = [await packagedModule(from.archive), await packagedModule(to.archive)];
  if (fromModule.name.toLowerCase() !== toModule.name.toLowerCase())
    throw new IpmDbError(
      'iris-upgrade-archive',
      `the packages hold different modules: ${fromModule.name} and ${toModule.name}`,
    );
  if (fromModule.version !== toModule.version)
    throw new IpmDbError(
      'iris-upgrade-archive',
      `the packages hold different releases of ${toModule.name}: ${fromModule.version} and ${toModule.version}; ` +
        'the IRIS upgrade is tested with one release built on each IRIS version',
    );
  // The start stage reads the module's identity from a module directory: the N+1 package's module.xml.
  const moduleDir = await mkdtemp(join(tmpdir(), 'ipm-db-iris-upgrade-'));
  let result: IrisUpgradeReport | null = null;
  try {
    await writeFile(join(moduleDir, 'module.xml'), toModule.moduleXml);
    const stage: Stage = {
      name: 'upgrade',
      async run(ctx) {
        result = await runIrisUpgrade(
          driverUpgradeEnvironment(ctx, () => Promise.reject(new IpmDbError('iris-upgrade', 'nothing is pulled'))),
          options,
          {
            image: from.image,
            irisMajorMinor: fromModule.irisMajorMinor,
            packagePath: from.archive,
            moduleVersion: fromModule.version,
          },
          {
            image: to.image,
            irisMajorMinor: toModule.irisMajorMinor,
            packagePath: to.archive,
            release: {
              moduleName: toModule.name,
              version: toModule.version,
              packagePath: to.archive,
              updatePackage: toModule.updatePackage,
              irisMajorMinor: toModule.irisMajorMinor,
            },
          },
          ctx.logger,
        );
        if (!result.ok) throw new IpmDbError('iris-upgrade-failed', result.message);
        return result.message;
      },
    };
    const run = await runPipeline({
      ...pipeline,
      image: to.image,
      moduleDir,
      outDir: moduleDir,
      verifyArchive,
      stages: [startStage, ipmStage, stage],
    });
    if (!result) {
      const failed = run.stages.find((s) => s.status === 'failed');
      throw new IpmDbError(
        'iris-upgrade',
        `IRIS ${toModule.irisMajorMinor} (${to.image}) did not get ready for the upgrade: ${failed?.message ?? 'unknown'}`,
      );
    }
    return run.ipmInstalls ? { ...(result as IrisUpgradeReport), ipmInstalls: run.ipmInstalls } : result;
  } finally {
    await rm(moduleDir, { recursive: true, force: true });
  }
}

/** Orders IRIS versions ("2025.3" before "2026.1"); anything that is not YYYY.N after them, by text. */
export function compareIrisVersions(a: string, b: string): number {
  const [x, y] = [parseIrisMajorMinor(a), parseIrisMajorMinor(b)];
  if (x && y) return x.major - y.major || x.minor - y.minor;
  if (x || y) return x ? -1 : 1;
  return a.localeCompare(b);
}

/** Each pair of consecutive versions, oldest first: [2024.1, 2026.1, 2025.3] -> 2024.1->2025.3, 2025.3->2026.1. */
export function consecutivePairs<T>(items: readonly T[], versionOf: (item: T) => string): Array<{ from: T; to: T }> {
  const sorted = [...items].sort((a, b) => compareIrisVersions(versionOf(a), versionOf(b)));
  return sorted.slice(1).map((to, i) => ({ from: sorted[i]!, to }));
}
