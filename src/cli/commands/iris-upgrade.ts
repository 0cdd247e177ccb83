import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { verifyArchive } from '../../archive/verify.js';
import { directoryCache, parseInstallerSpec } from '../../ipm/installer.js';
import type { Stage } from '../../pipeline/context.js';
import { runPipeline } from '../../pipeline/runner.js';
import { ipmStage, startStage } from '../../pipeline/stages.js';
import { driverUpgradeEnvironment } from '../../pipeline/upgrade/driver-binding.js';
import { type IrisUpgradeReport, runIrisUpgrade } from '../../pipeline/upgrade/iris-upgrade.js';
import { readUpgradeOptions } from '../../pipeline/upgrade/settings.js';
import {
  describeSettingsUse,
  mergeModuleSettings,
  readModuleSettings,
  settingsError,
  settingsFileLabel,
  NO_MODULE_SETTINGS,
} from '../../pipeline/module-settings.js';
import { IpmDbError, UsageError } from '../../util/errors.js';
import { consoleLogger } from '../../util/log.js';
import { EXIT, type CliCommand } from '../command.js';
import { parseCommandArgs } from '../registry-options.js';

const usage = `Usage: ipm-db iris-upgrade --from-archive <tgz> --from-image <image> --to-archive <tgz> --to-image <image>
                           --ipm <path|version> [--ipm-sha256 <hex>] [--report <file>] [options]

The iris-upgrade scenario (docs/upgrade-testing.md) from two archives of one module release: the
package built on IRIS N (--from-*) is installed in a container of IRIS N whose data directory is a
named volume, data is written, the container stops; a container of IRIS N+1 (--to-image) starts on
the volume (IRIS upgrades the instance), must refuse the N package, and takes the N+1 package with
update -swap-db. Exit 0 when every check passed.

  --seed <C:M,...>           class methods writing data after the N package is installed
  --checks <C:M,...>         class methods that must return 1 on N+1
  --declared-changes <text>  as for ipm-db run
  --upgrade-globals <list>   globals to fingerprint (default: the data database's)
  --module-path <dir>        the module's source directory: its ipm-db.yml (docs/module-settings.md) gives
                             seed-methods, check-methods, declared-changes, upgrade-globals and
                             upgrade-exclude-globals where the flags above are not given
  --report <file>            write the report (schema ipm-db/iris-upgrade-report@1)
  --verbose                  IRIS/IPM output on stderr
`;

async function moduleOf(path: string) {
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

export const irisUpgradeCommand: CliCommand = {
  name: 'iris-upgrade',
  summary: 'upgrade-test a package across two IRIS versions on a durable volume (from two archives)',
  usage,
  async run(argv, io) {
    const { values: v } = parseCommandArgs(argv, {
      'from-archive': { type: 'string' },
      'from-image': { type: 'string' },
      'to-archive': { type: 'string' },
      'to-image': { type: 'string' },
      ipm: { type: 'string' },
      'ipm-sha256': { type: 'string' },
      seed: { type: 'string' },
      checks: { type: 'string' },
      'declared-changes': { type: 'string' },
      'upgrade-globals': { type: 'string' },
      'module-path': { type: 'string' },
      report: { type: 'string' },
      verbose: { type: 'boolean' },
    });
    for (const flag of ['from-archive', 'from-image', 'to-archive', 'to-image', 'ipm'] as const)
      if (!v[flag]) throw new UsageError(`--${flag} is required`);
    const fromArchive = resolve(io.cwd, v['from-archive']!);
    const toArchive = resolve(io.cwd, v['to-archive']!);
    const given: Record<string, string | undefined> = {
      'upgrade-from': fromArchive,
      'seed-methods': v.seed,
      'check-methods': v.checks,
      'declared-changes': v['declared-changes'],
      'upgrade-globals': v['upgrade-globals'],
    };
    const sourceDir = v['module-path'] === undefined ? null : resolve(io.cwd, v['module-path']);
    const settings = mergeModuleSettings(
      sourceDir ? await readModuleSettings(sourceDir, settingsFileLabel(io.cwd, sourceDir)) : NO_MODULE_SETTINGS,
      (name) => given[name],
      ['seed-methods', 'check-methods', 'declared-changes', 'upgrade-globals', 'upgrade-exclude-globals'],
    );
    if (settings.use) for (const line of describeSettingsUse(settings.use, 'flags')) io.stderr.write(`${line}\n`);
    const flagName: Record<string, string> = { 'seed-methods': '--seed', 'check-methods': '--checks' };
    const { options, problems } = readUpgradeOptions(
      {
        'upgrade-from': fromArchive,
        'upgrade-scenarios': 'database',
        'seed-methods': settings.text('seed-methods') ?? '',
        'check-methods': settings.text('check-methods') ?? '',
        'declared-changes': settings.text('declared-changes') ?? '',
        'upgrade-globals': settings.text('upgrade-globals') ?? '',
        'upgrade-exclude-globals': settings.text('upgrade-exclude-globals') ?? '',
      },
      { name: (field) => flagName[field] ?? `--${field}` },
    );
    const error = settingsError(problems, settings, { name: (field) => flagName[field] ?? `--${field}` });
    if (error) throw error;
    if (!options) throw new UsageError('--from-archive gives no previous release to upgrade from');
    const [from, to] = [await moduleOf(fromArchive), await moduleOf(toArchive)];
    if (from.name.toLowerCase() !== to.name.toLowerCase())
      throw new UsageError(`the archives hold different modules: ${from.name} and ${to.name}`);
    const installer = await parseInstallerSpec(v.ipm!, v['ipm-sha256'], io.cwd);
    const logger = consoleLogger({ verbose: v.verbose ?? false, stream: io.stderr });
    // The start stage reads the module's identity from a module directory: the N+1 archive's module.xml.
    const moduleDir = await mkdtemp(join(tmpdir(), 'ipm-db-iris-upgrade-'));
    let result: IrisUpgradeReport | null = null;
    try {
      await writeFile(join(moduleDir, 'module.xml'), to.moduleXml);
      const stage: Stage = {
        name: 'upgrade',
        async run(ctx) {
          result = await runIrisUpgrade(
            driverUpgradeEnvironment(ctx, () => Promise.reject(new IpmDbError('iris-upgrade', 'nothing is pulled'))),
            options,
            { image: v['from-image']!, irisMajorMinor: from.irisMajorMinor, packagePath: fromArchive },
            {
              image: v['to-image']!,
              irisMajorMinor: to.irisMajorMinor,
              packagePath: toArchive,
              release: {
                moduleName: to.name,
                version: to.version,
                packagePath: toArchive,
                updatePackage: to.updatePackage,
                irisMajorMinor: to.irisMajorMinor,
              },
            },
            logger,
          );
          if (!result.ok) throw new IpmDbError('iris-upgrade-failed', result.message);
          return result.message;
        },
      };
      const run = await runPipeline({
        image: v['to-image']!,
        moduleDir,
        outDir: moduleDir,
        installer,
        installerCache: directoryCache(
          join(io.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ipm-db', 'installers'),
        ),
        verbose: v.verbose ?? false,
        ...(io.env.DOCKER_HOST ? { docker: { host: io.env.DOCKER_HOST } } : {}),
        logger,
        verifyArchive,
        stages: [startStage, ipmStage, stage],
      });
      if (!result) {
        const failed = run.stages.find((s) => s.status === 'failed');
        throw new IpmDbError(
          'iris-upgrade',
          `IRIS ${to.irisMajorMinor} did not get ready: ${failed?.message ?? 'unknown'}`,
        );
      }
    } finally {
      await rm(moduleDir, { recursive: true, force: true });
    }
    const report: IrisUpgradeReport = result;
    if (v.report) {
      const file = resolve(io.cwd, v.report);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(report, null, 2) + '\n');
    }
    for (const c of report.checks) io.stdout.write(`${c.ok ? 'passed' : 'FAILED'}  ${c.name}: ${c.detail}\n`);
    io.stdout.write(
      `${report.ok ? 'PASSED' : 'FAILED'}  iris-upgrade ${report.fromIrisVersion} -> ${report.toIrisVersion}\n`,
    );
    return report.ok ? EXIT.ok : EXIT.failed;
  },
};
