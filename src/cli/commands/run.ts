import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyArchive } from '../../archive/verify.js';
import { directoryCache, parseInstallerSpec, type InstallerSource } from '../../ipm/installer.js';
import { DEFAULT_IPM_REPOSITORY, parseIpmCommit, parseIpmRepository } from '../../ipm/ipm-source.js';
import { DEFAULT_IPM_GIT, DEFAULT_IRIS_IMAGE } from '../../pipeline/defaults.js';
import { runPipeline } from '../../pipeline/runner.js';
import { formatDuration } from '../../util/format.js';
import { DEFAULT_STAGES } from '../../pipeline/stages.js';
import type { RunReport } from '../../pipeline/run-report.js';
import { UsageError } from '../../util/errors.js';
import { consoleLogger } from '../../util/log.js';
import { imageTag } from '../../naming/grammar.js';
import { containerSlots, defaultParallel, thisMachine } from '../../pipeline/parallel.js';
import { groupedLogger, streamSink } from '../../util/grouped-log.js';
import { mapBounded } from '../../util/limiter.js';
import { EXIT, type CliCommand } from '../command.js';
import { UPGRADE_FLAGS, UPGRADE_FLAG_RENAMES, upgradeFlagValues, upgradeStageFromFlags } from '../upgrade-flags.js';
import { durationFlag, withBooleanValues, withCurrentFlagNames, withoutNegations } from '../flag-vocabulary.js';
import { IRIS_IMAGE_FLAGS, irisImagesFromFlags, irisRegistryLogin } from '../iris-image-flags.js';
import type { PipelineTimeouts } from '../../pipeline/context.js';
import {
  describeSettingsUse,
  mergeModuleSettings,
  readModuleSettings,
  settingsFileLabel,
} from '../../pipeline/module-settings.js';

/** Former names of run's flags (./flag-vocabulary.ts). */
export const RUN_FLAG_RENAMES = {
  module: 'module-path',
  image: 'iris-images',
  tests: 'run-tests',
  ensemble: 'interoperability',
  'ready-timeout': 'startup-timeout',
  'no-tests': 'no-run-tests',
  'no-ensemble': 'no-interoperability',
  keep: 'keep-container',
  login: 'iris-image-registry',
  'login-user': 'iris-registry-username',
  ...UPGRADE_FLAG_RENAMES,
} as const;

const USAGE = `Usage: ipm-db run --module-path <dir> [--iris-images <image>] [options]

Starts IRIS in Docker, installs IPM, loads and compiles the module, packages it with
package-database, verifies the archive, installs it into a fresh namespace and (with
--run-tests) runs the module's tests. Prints each stage and its time. The flags are the
action's input names and take the same values (booleans: --flag or --flag=true|false;
durations: 90s, 5m, 1h30m or bare seconds; lists: comma- or newline-separated, or repeated).

Options:
  --module-path <dir>    directory holding the module's module.xml (required)
  --iris-images <list>   IRIS images (default: ${DEFAULT_IRIS_IMAGE}); several run concurrently,
                         each in <out>/<image tag>/
  --iris-versions <list> instead of --iris-images: tags (2025.3,2026.1 or a JSON list), each run as
                         <iris-image-registry>/<iris-flavor>:<tag>; or auto: the newest --latest (2)
                         release tags of that image's registry, minus --skip-versions (default: the
                         expired community licences; "none" for nothing)
  --iris-flavor <name>   image name for --iris-versions (default: iris-community)
  --parallel <n>         IRIS containers at once (default: one per core, memory allowing ~2 GB each)
  --ipm-git <commit>     install IPM from the source tree of this full 40-hex commit, as IPM's CI does
                         (default: ${DEFAULT_IPM_GIT.commit}, database packaging's pull request);
                         "none" uses the IPM already in the image
  --ipm-git-repository <url>
                         repository (or mirror) serving <url>/archive/<commit>.tar.gz
                         (default: ${DEFAULT_IPM_REPOSITORY})
  --ipm <path|version>   IPM installer XML to load, or an IPM release version (needs --ipm-sha256),
                         instead of --ipm-git
  --ipm-sha256 <hex>     pinned SHA-256 of the installer
  --warm-ipm-image       start from a local image with this IRIS image's IPM already installed, and
                         commit one after a fresh install (keyed by the IRIS image id and the IPM pin)
  --out <dir>            where the .tgz, JUnit XML and run-report.json go (default: ./ipm-db-out)
  --dev                  load and package with -dev (packages test resources)
  --run-tests            run the module's tests (test -only) where it was loaded from source
  --network <name>       docker network for the IRIS container (default: none, or bridge when
                         IPM must download; host publishes IRIS's ports on every interface)
  --docker-arg <arg>     extra docker run argument (repeatable)
  --iris-image-registry <host[/path]>
                         registry and path of the images for --iris-versions (default:
                         containers.intersystems.com/intersystems)
  --iris-registry-username <name>
                         docker login to --iris-image-registry's host first (private IRIS images), the
                         password in the IPM_DB_IRIS_REGISTRY_PASSWORD environment variable (sent on stdin)
  --interoperability     interoperability-enable the namespaces created
  --startup-timeout <d>  how long to wait for IRIS to start (default: 5m)
  --command-timeout <d>  longest one IRIS/IPM command may run (default: 15m)
  --run-timeout <d>      stop before the next stage once the run has taken this long (default: none)
  --keep-container       keep the container afterwards (for debugging)
  --verbose              IPM -v on every command, and debug output
  --export-python-deps <true|false>
                         false (or --no-export-python-deps): package-database -no-export-python-deps,
                         no requirements.txt wheels (needed without network)
  --no-dev, --no-run-tests, --no-interoperability
                         the other value of those options, to override the module's ipm-db.yml
  --record-transcripts   record every IRIS session and file sent in under <out>/transcripts/
                         (replay against the stand-in: npm run standin:replay <dir>)
  --json                 print the run report as JSON on stdout (upgrade scenarios in "upgrade")

The module's ipm-db.yml (docs/module-settings.md), when it has one, gives the settings these flags leave
out: dev, run-tests, interoperability, export-python-deps, and the upgrade settings below from
--upgrade-scenarios on (used when an upgrade runs). A flag that is given wins.

Upgrade testing (docs/upgrade-testing.md; any of the first three adds the stage):
  --upgrade-from <x>     the previous release as a database package: a .tgz path, a full reference
                         (ghcr.io/acme/demo-orders:1.0.0_database__2026.1), or a version pulled from
                         <registry>/<registry-namespace>/<module> (needs --registry-namespace)
  --upgrade-source <x>   the previous release's module directory, or git:<tag or commit> of the module's
                         own repository
  --upgrade-scenarios <list>
                         database, source, fresh, container-replacement, or all (default: all the
                         other upgrade options allow)
  --seed-methods <list>  Package.Class:Method that write data after the previous release is installed
  --check-methods <list> Package.Class:Method that must return 1 after the upgrade
  --declared-changes <x> Package.Class:Method=^Global1,^Global2 per update step, separated by ;
  --upgrade-globals <list>, --upgrade-exclude-globals <list>
                         globals to fingerprint / to leave out (^Name or ^Prefix*)
  --registry <host>      registry to pull a previous version from (default: ghcr.io)
  --registry-namespace <ns>
                         registry namespace (owner) a previous version was published under
  --plain-http           HTTP instead of HTTPS to that registry (a loopback registry only)
  Registry credentials come from IPM_DB_REGISTRY_USERNAME / IPM_DB_REGISTRY_PASSWORD (or _TOKEN).

Former flag names, still accepted with a warning: ${Object.entries(RUN_FLAG_RENAMES)
  .map(([old, current]) => `--${old} (--${current})`)
  .join(', ')}.
`;

const BOOLEAN_FLAGS = [
  'warm-ipm-image',
  'dev',
  'run-tests',
  'interoperability',
  'keep-container',
  'verbose',
  'export-python-deps',
  'record-transcripts',
  'json',
  'plain-http',
];

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'build, verify and install-test a database package in an IRIS container',
  usage: USAGE,
  async run(argv, io) {
    let parsed;
    // --no-<option> for every boolean option: how a flag turns off what ipm-db.yml turns on.
    let negated: Set<string>;
    try {
      const { args, off } = withoutNegations(
        withBooleanValues(withCurrentFlagNames(argv, RUN_FLAG_RENAMES, io), BOOLEAN_FLAGS, {
          negatable: true,
          separate: true,
        }),
        BOOLEAN_FLAGS,
      );
      negated = off;
      parsed = parseArgs({
        args,
        options: {
          'module-path': { type: 'string' },
          ...IRIS_IMAGE_FLAGS,
          parallel: { type: 'string' },
          ipm: { type: 'string' },
          'ipm-sha256': { type: 'string' },
          'ipm-git': { type: 'string' },
          'ipm-git-repository': { type: 'string' },
          'warm-ipm-image': { type: 'boolean' },
          out: { type: 'string' },
          dev: { type: 'boolean' },
          'run-tests': { type: 'boolean' },
          network: { type: 'string' },
          'docker-arg': { type: 'string', multiple: true },
          interoperability: { type: 'boolean' },
          'startup-timeout': { type: 'string' },
          'command-timeout': { type: 'string' },
          'run-timeout': { type: 'string' },
          'keep-container': { type: 'boolean' },
          verbose: { type: 'boolean' },
          'export-python-deps': { type: 'boolean' },
          'record-transcripts': { type: 'boolean' },
          json: { type: 'boolean' },
          ...UPGRADE_FLAGS,
        },
        allowPositionals: false,
        strict: true,
      });
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError((err as Error).message);
    }
    const v = parsed.values;
    for (const flag of negated) (v as Record<string, unknown>)[flag] = false;
    if (!v['module-path']) throw new UsageError('--module-path <dir> is required.');
    let parallel = defaultParallel(thisMachine());
    if (v.parallel !== undefined) {
      if (!/^[1-9]\d{0,2}$/.test(v.parallel))
        throw new UsageError(`--parallel must be a whole number of IRIS containers from 1, got "${v.parallel}".`);
      parallel = Number(v.parallel);
    }
    if (v['ipm-sha256'] && !v.ipm) throw new UsageError('--ipm-sha256 needs --ipm.');
    const login = irisRegistryLogin(v, io);
    const readyMs = durationFlag('startup-timeout', v['startup-timeout']);
    const commandMs = durationFlag('command-timeout', v['command-timeout']);
    const runMs = durationFlag('run-timeout', v['run-timeout']);
    const moduleDir = resolve(io.cwd, v['module-path']);
    const signal = runMs === undefined ? undefined : AbortSignal.timeout(runMs);
    const images = await irisImagesFromFlags(v, io);
    const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));
    const given: Record<string, string | undefined> = {
      dev: flag(v.dev),
      'run-tests': flag(v['run-tests']),
      interoperability: flag(v.interoperability),
      'export-python-deps': flag(v['export-python-deps']),
      ...upgradeFlagValues(v),
    };
    const settings = mergeModuleSettings(
      await readModuleSettings(moduleDir, settingsFileLabel(io.cwd, moduleDir)),
      (name) => given[name],
    );
    const setting = (name: string, fallback: boolean) => (settings.text(name) ?? String(fallback)) === 'true';
    const upgrade = upgradeStageFromFlags(v, io, settings);
    if (settings.use) for (const line of describeSettingsUse(settings.use, 'flags')) io.stderr.write(`${line}\n`);
    const outDir = resolve(io.cwd, v.out ?? 'ipm-db-out');
    if (v.ipm && (v['ipm-git'] !== undefined || v['ipm-git-repository'] !== undefined))
      throw new UsageError('--ipm and --ipm-git are alternatives; give one.');
    const installer = v.ipm
      ? await parseInstallerSpec(v.ipm, v['ipm-sha256'], io.cwd)
      : ipmGitSource(v['ipm-git'], v['ipm-git-repository']);
    // One image streams its log; several write each stage's group whole when it ends.
    const sink = streamSink(io.stderr, { verbose: v.verbose ?? false });
    const slots = containerSlots(parallel);
    const several = images.length > 1;
    // Several images: each in its own directory and log prefix, named by its tag (numbered when tags repeat).
    const tags = images.map((image) => (imageTag(image) ?? image).replace(/[^A-Za-z0-9._-]+/g, '-'));
    const keys = tags.map((t, i) => (tags.indexOf(t) === tags.lastIndexOf(t) ? t : `${t}-${i + 1}`));
    const reports = await mapBounded(images, slots, async (image, index) => {
      const key = keys[index]!;
      const imageOut = several ? join(outDir, key) : outDir;
      await mkdir(imageOut, { recursive: true });
      const report = await runPipeline({
        image,
        moduleDir,
        outDir: imageOut,
        installer,
        warmIpmImage: v['warm-ipm-image'] ?? false,
        installerCache: directoryCache(
          join(io.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ipm-db', 'installers'),
        ),
        dev: setting('dev', false),
        runTests: setting('run-tests', false),
        keepContainer: v['keep-container'] ?? false,
        ...(v.network ? { network: v.network } : {}),
        ...(v['docker-arg'] ? { extraDockerArgs: v['docker-arg'] } : {}),
        interoperability: setting('interoperability', false),
        ...(login ? { login } : {}),
        verbose: v.verbose ?? false,
        exportPythonDeps: setting('export-python-deps', true),
        ...(v['record-transcripts'] ? { recordTranscripts: true } : {}),
        ...(readyMs || commandMs ? { timeouts: timeouts(readyMs, commandMs) } : {}),
        ...(signal ? { signal } : {}),
        ...(io.env.DOCKER_HOST ? { docker: { host: io.env.DOCKER_HOST } } : {}),
        logger: several
          ? groupedLogger(sink, `[${key}] `)
          : consoleLogger({ verbose: v.verbose ?? false, stream: io.stderr }),
        verifyArchive,
        containerSlots: slots,
        ...(upgrade ? { stages: [...DEFAULT_STAGES, upgrade] } : {}),
      });
      if (settings.use) report.moduleSettings = settings.use;
      const reportPath = join(imageOut, 'run-report.json');
      await writeFile(reportPath, JSON.stringify(report, null, 2) + '\n');
      return { report, reportPath };
    });
    const done = reports.filter((r): r is { report: RunReport; reportPath: string } => r !== undefined);
    if (v.json) {
      const value = several ? done.map((r) => r.report) : done[0]!.report;
      io.stdout.write(JSON.stringify(value, null, 2) + '\n');
    } else for (const r of done) io.stdout.write(summary(r.report, r.reportPath));
    return done.every((r) => r.report.ok) ? EXIT.ok : EXIT.failed;
  },
};

/** The pipeline's time limits from --startup-timeout and --command-timeout (every IRIS/IPM command). */
function timeouts(readyMs: number | undefined, commandMs: number | undefined): PipelineTimeouts {
  return {
    ...(readyMs ? { readyMs } : {}),
    ...(commandMs
      ? {
          ipmInstallMs: commandMs,
          loadMs: commandMs,
          packageMs: commandMs,
          installMs: commandMs,
          testMs: commandMs,
        }
      : {}),
  };
}

/** --ipm-git / --ipm-git-repository: the pinned commit (the default pin when absent), or null for "none". */
export function ipmGitSource(commit: string | undefined, repository: string | undefined): InstallerSource | null {
  if (commit === undefined) {
    if (repository !== undefined) throw new UsageError('--ipm-git-repository needs --ipm-git <commit>.');
    return { kind: 'git', ...DEFAULT_IPM_GIT };
  }
  if (commit.trim() === 'none') {
    if (repository !== undefined) throw new UsageError('--ipm-git-repository does not go with --ipm-git none.');
    return null;
  }
  return {
    kind: 'git',
    commit: parseIpmCommit(commit),
    repository: parseIpmRepository(repository ?? DEFAULT_IPM_REPOSITORY),
  };
}

export function summary(report: RunReport, reportPath: string): string {
  const lines = [`${report.ok ? 'PASSED' : 'FAILED'}  ${report.image}  (${formatDuration(report.durationMs)})`];
  for (const s of report.stages)
    lines.push(
      `  ${s.stage.padEnd(8)} ${s.status.padEnd(7)} ${formatDuration(s.durationMs).padStart(8)}  ${s.message ?? ''}`,
    );
  if (report.upgrade.length > 0) {
    lines.push('upgrade scenarios:');
    for (const u of report.upgrade)
      lines.push(
        `  ${u.scenario.padEnd(21)} ${(u.ok ? 'passed' : 'failed').padEnd(7)} ${formatDuration(u.durationMs).padStart(8)}  ${u.message}`,
      );
  }
  if (report.archive) lines.push(`archive: ${report.archive.path}`);
  if (report.junitPath) lines.push(`junit:   ${report.junitPath}`);
  lines.push(`report:  ${reportPath}`);
  return lines.join('\n') + '\n';
}
