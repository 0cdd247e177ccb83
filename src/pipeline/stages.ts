/**
 * The stages start -> ipm -> load -> package -> verify -> install -> test.
 * Each one reads and fills the PipelineContext; the runner times them and stops at the
 * first failure.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { IpmDbError } from '../util/errors.js';
import { dockerLogin } from '../iris/container.js';
import { readModuleIdentity } from '../ipm/manifest.js';
import { hasRequirementsTxt, networkMode, pythonDepsWithoutNetwork } from './python-deps.js';
import { dependencyProblems, missingDependencyError } from '../ipm/dependencies.js';
import { newPackageNamespace } from './containers.js';
import { pipelineInstaller, setUpIpmWarm, startWithWarmImage, warmState } from './warm.js';
import type { PipelineContext, Stage } from './context.js';
import { probeAssumptions, type ProbeResult } from '../iris/assumptions.js';
import { sessionArgs } from '../iris/session.js';
import type { IrisContainer } from '../iris/container.js';

function need<T>(value: T | null, what: string): T {
  if (value === null)
    throw new IpmDbError('pipeline-order', `Internal: ${what} is not available; a stage it depends on did not run.`);
  return value;
}

export const startStage: Stage = {
  name: 'start',
  async run(ctx) {
    const o = ctx.options;
    ctx.module = await readModuleIdentity(o.moduleDir);
    ctx.report.module = { ...ctx.module };
    await ctx.docker.assertAvailable();
    if (o.login) await dockerLogin(ctx.docker, o.login);
    const driven = await startWithWarmImage(ctx);
    const container = driven.container;
    ctx.container = container;
    ctx.target = driven.target;
    ctx.ops = driven.ops;
    await probeStart(ctx, container);
    return `${o.image} running as ${container.name} (module ${ctx.module.name} ${ctx.module.version})`;
  },
};

/** Probes the unverified IRIS behaviours (docs/iris-surface.md, "Assumptions") before anything relies on them. */
async function probeStart(ctx: PipelineContext, container: IrisContainer): Promise<void> {
  const exec = async (namespace: string, script: string[]) => {
    const r = await container.exec(sessionArgs(namespace), { input: script.join('\n') + '\n', timeoutMs: 60_000 });
    return { stdout: r.stdout, exitCode: r.exitCode };
  };
  try {
    ctx.report.assumptions = await probeAssumptions(exec, ctx.options.homeNamespace ?? 'USER');
  } catch (err) {
    const probes = (err as { probes?: ProbeResult[] }).probes;
    if (probes) ctx.report.assumptions = probes;
    throw err;
  }
}

export const ipmStage: Stage = {
  name: 'ipm',
  async run(ctx) {
    need(ctx.target, 'the container');
    const installer = await pipelineInstaller(ctx);
    const setup = await setUpIpmWarm(ctx, installer);
    const warm = warmState(ctx);
    ctx.setup = setup;
    ctx.report.irisVersion = setup.iris.majorMinor;
    ctx.report.irisBuild = setup.iris.build;
    ctx.report.ipmVersion = setup.ipmVersion;
    ctx.report.ipmSource = installer
      ? {
          url: installer.url ?? installer.path,
          sha256: installer.sha256,
          commit: installer.git?.commit ?? null,
          repository: installer.git?.repository ?? null,
        }
      : null;
    const from = warm?.used
      ? ` (warm image ${warm.tag}, IPM checked)`
      : installer?.git
        ? ` (installed from commit ${installer.git.commit}, ${installer.origin}, archive sha256 ${installer.sha256})`
        : installer
          ? ` (installed from ${installer.origin})`
          : ' (from the image)';
    return `IRIS ${setup.iris.number || setup.iris.majorMinor}, IPM ${setup.ipmVersion}${from}`;
  },
};

export const loadStage: Stage = {
  name: 'load',
  async run(ctx) {
    const ops = need(ctx.ops, 'IPM');
    const setup = need(ctx.setup, 'IPM');
    ctx.packagingNamespace = await newPackageNamespace(
      ctx,
      need(ctx.target, 'the container'),
      setup.homeNamespace,
      'PKG',
    );
    await ops.loadModule(ctx.packagingNamespace, ctx.options.moduleDir, { dev: ctx.options.dev ?? false });
    return `loaded and compiled in ${ctx.packagingNamespace}`;
  },
};

export const packageStage: Stage = {
  name: 'package',
  async run(ctx) {
    const ops = need(ctx.ops, 'IPM');
    const module = need(ctx.module, 'the module');
    const exportPythonDeps = ctx.options.exportPythonDeps !== false;
    if (exportPythonDeps && (await hasRequirementsTxt(ctx.options.moduleDir))) {
      const refusal = pythonDepsWithoutNetwork(
        module.name,
        true,
        exportPythonDeps,
        await networkMode(need(ctx.container, 'the container')),
      );
      if (refusal) throw refusal;
    }
    const archive = await ops.packageDatabase(
      need(ctx.packagingNamespace, 'the packaging namespace'),
      module.name,
      ctx.options.outDir,
      {
        dev: ctx.options.dev ?? false,
        ...(ctx.options.exportPythonDeps === false ? { exportPythonDeps: false } : {}),
      },
    );
    ctx.archive = archive;
    // Never read whole: archives may exceed 2 GiB. The verify stage's streaming pass fills in sha256.
    const { size } = await stat(archive.hostPath);
    ctx.report.archive = {
      path: archive.hostPath,
      fileName: archive.fileName,
      size,
      sha256: '',
      irisDatSha256: archive.checksum,
    };
    return `${archive.fileName} (${size} bytes, IRIS.DAT sha256 ${archive.checksum ?? 'not printed'})`;
  },
};

export const verifyStage: Stage = {
  name: 'verify',
  async run(ctx) {
    const archive = need(ctx.archive, 'the archive');
    const module = need(ctx.module, 'the module');
    const report = await ctx.options.verifyArchive(archive.hostPath, {
      ...(ctx.setup ? { expectedIrisVersion: ctx.setup.iris.majorMinor } : {}),
      expectedModuleName: module.name,
      expectedModuleVersion: module.version,
    });
    ctx.report.verification = report;
    if (ctx.report.archive) {
      ctx.report.archive.sha256 = report.archive.sha256;
      ctx.report.archive.size = report.archive.size;
      if (report.irisDat) ctx.report.archive.irisDatSha256 = report.irisDat.sha256;
    }
    if (archive.checksum && report.irisDat && report.irisDat.sha256 !== archive.checksum)
      throw new IpmDbError(
        'checksum-mismatch',
        `IRIS.DAT in ${archive.fileName} hashes to ${report.irisDat.sha256}, but IPM printed ${archive.checksum}.`,
      );
    if (!report.valid) {
      const first = report.errors[0];
      throw new IpmDbError(
        'archive-invalid',
        `${archive.fileName} failed verification: ${report.errors.length} error(s)${first ? `; first: ${first.message}` : ''}`,
        {
          details: report.errors.map((e) => `${e.code}${e.entry ? ` (${e.entry})` : ''}: ${e.message}`).join('\n'),
        },
      );
    }
    return `${archive.fileName}: valid, ${report.warnings.length} warning(s)`;
  },
};

export const installStage: Stage = {
  name: 'install',
  async run(ctx) {
    const ops = need(ctx.ops, 'IPM');
    const setup = need(ctx.setup, 'IPM');
    const module = need(ctx.module, 'the module');
    const archive = need(ctx.archive, 'the archive');
    ctx.installNamespace = await newPackageNamespace(
      ctx,
      need(ctx.target, 'the container'),
      setup.homeNamespace,
      'INST',
    );
    const swap = await ops.loadPackage(ctx.installNamespace, archive.hostPath);
    const installed = await ops.installedModule(ctx.installNamespace, module.name);
    if (!installed)
      throw new IpmDbError(
        'install-not-listed',
        `IPM has no record of ${module.name} in ${ctx.installNamespace} after installing ${basename(archive.hostPath)}.`,
        { details: swap.output },
      );
    if (installed.version !== module.version)
      throw new IpmDbError(
        'install-wrong-version',
        `IPM records ${module.name} ${installed.version} in ${ctx.installNamespace} after installing ${module.version}.`,
      );
    if (installed.packaging !== 'database')
      throw new IpmDbError(
        'install-not-database',
        `IPM records ${module.name} in ${ctx.installNamespace} with packaging "${installed.packaging}", not "database", after installing ${basename(archive.hostPath)}.`,
        { details: swap.output },
      );
    // package-database ships dependencies as manifests only: check their code really arrived.
    const dependencies = (ctx.report.verification?.dependencies ?? []).map((d) => d.name);
    const problems = dependencyProblems(await ops.dependencyStates(ctx.installNamespace, dependencies), dependencies);
    if (problems.length > 0) throw missingDependencyError(problems, module.name, ctx.installNamespace);
    return `${module.name} ${installed.version} installed in ${ctx.installNamespace}${swap.backupPath ? ` (backup ${swap.backupPath})` : ''}`;
  },
};

export const testStage: Stage = {
  name: 'test',
  skip(ctx) {
    if (!ctx.options.runTests) return 'tests not requested';
    return null;
  },
  async run(ctx) {
    const ops = need(ctx.ops, 'IPM');
    const module = need(ctx.module, 'the module');
    // IPM finds UnitTest directories under the module root: the source loaded in the packaging
    // namespace has them, an installed database package (rooted at the extracted archive) does not.
    const namespace = need(ctx.packagingNamespace, 'the packaging namespace');
    const run = await ops.test(namespace, module.name, ctx.options.outDir);
    ctx.report.junitPath = run.junitPath;
    if (!run.passed)
      throw new IpmDbError('tests-failed', run.error ?? `The tests of ${module.name} failed.`, { details: run.output });
    return `tests passed in ${namespace}${run.junitPath ? `; JUnit at ${run.junitPath}` : ''}`;
  },
};

export const DEFAULT_STAGES: Stage[] = [
  startStage,
  ipmStage,
  loadStage,
  packageStage,
  verifyStage,
  installStage,
  testStage,
];
