// The driver against the IRIS stand-in on a real Docker engine: a full pipeline run, an
// install -> update -> test sequence, and every failure path the driver must explain.
// After every test, no container or volume of any run is left.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { verifyArchive } from '../../../src/archive/verify.js';
import { newRunId, removeRun, startIris, type ContainerSpec, type IrisContainer } from '../../../src/iris/container.js';
import { Docker } from '../../../src/iris/docker.js';
import { IrisSessionRunner } from '../../../src/iris/session.js';
import { bootstrapIpm, type IpmSetup } from '../../../src/ipm/bootstrap.js';
import { resolveInstaller } from '../../../src/ipm/installer.js';
import { createNamespace } from '../../../src/ipm/namespaces.js';
import { IpmOperations, type IpmTarget } from '../../../src/ipm/operations.js';
import type { PipelineOptions } from '../../../src/pipeline/context.js';
import { runPipeline } from '../../../src/pipeline/runner.js';
import type { RunReport } from '../../../src/pipeline/run-report.js';
import { IpmDbError } from '../../../src/util/errors.js';
import { silentLogger } from '../../../src/util/log.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { writeIpmArchive, type ArchiveEntry } from '../../support/ipm-tar.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';

const run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, '../../fixtures/standin-modules');
/** Short stand-in start so each test's container is ready in about a second. */
const FAST_START = { STANDIN_START_DELAY_MS: '200' };

describeWithDocker('IRIS driver against the stand-in', () => {
  let host: string;
  let image: string;
  let docker: Docker;
  let work: string;
  let installer: string;
  let installerNoDb: string;

  beforeAll(async () => {
    ({ dockerHost: host, standinImage: image } = requireDocker());
    docker = new Docker({ host });
    work = await mkdtemp(join(tmpdir(), 'ipm-db-driver-'));
    installer = join(work, 'zpm-0.10.10.xml');
    installerNoDb = join(work, 'zpm-0.9.2.xml');
    // dependencyCode: an IPM build that also packages dependency code (ipm-installer.ts); this
    // file's modules have dependencies, and what it tests comes after the install.
    writeIpmInstaller(installer, '0.10.10', { databasePackaging: true, dependencyCode: true });
    writeIpmInstaller(installerNoDb, '0.9.2', { databasePackaging: false });
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  /** Run ids of this file's tests (other test files run their own containers in parallel). */
  const runIds: string[] = [];
  function nextRunId(): string {
    const id = newRunId();
    runIds.push(id);
    return id;
  }

  afterEach(async () => {
    for (const id of runIds.splice(0)) {
      const filter = `label=ipm-db.run=${id}`;
      const containers = await docker.check('x', 'ps', ['ps', '-aq', '--filter', filter]);
      const volumes = await docker.check('x', 'volumes', ['volume', 'ls', '-q', '--filter', filter]);
      expect(containers.stdout.trim(), `containers of run ${id} left behind`).toBe('');
      expect(volumes.stdout.trim(), `volumes of run ${id} left behind`).toBe('');
    }
  });

  function pipeline(moduleDir: string, extra: Partial<PipelineOptions> = {}): PipelineOptions {
    return {
      image,
      moduleDir,
      outDir: join(work, `out-${newRunId()}`),
      runId: nextRunId(),
      installer: { kind: 'path', path: installer },
      network: 'none',
      env: { ...FAST_START },
      docker: { host },
      logger: silentLogger,
      verifyArchive,
      timeouts: { readyMs: 30_000 },
      ...extra,
    };
  }

  /** A stand-in container of this test file's run ids. */
  function standin(spec: Partial<ContainerSpec> = {}): Promise<IrisContainer> {
    const { env, ...rest } = spec;
    return startIris(
      docker,
      { image, runId: nextRunId(), network: 'none', env: { ...FAST_START, ...env }, ...rest },
      { logger: silentLogger, readyTimeoutMs: 30_000 },
    );
  }

  /** Sessions and files for a container, with the pinned IPM installed. */
  async function withIpm(container: IrisContainer): Promise<{ target: IpmTarget; setup: IpmSetup }> {
    const target: IpmTarget = { sessions: new IrisSessionRunner(container), files: container };
    const setup = await bootstrapIpm(target, {
      logger: silentLogger,
      installer: await resolveInstaller({ kind: 'path', path: installer }, { workDir: work }),
    });
    return { target, setup };
  }

  function stage(report: RunReport, name: string) {
    return report.stages.find((s) => s.stage === name)!;
  }

  it('runs start -> ipm -> load -> package -> verify -> install -> test', async () => {
    const resources: Array<{ kind: string; name: string }> = [];
    const seen: string[] = [];
    const options = pipeline(join(FIXTURES, 'demo-app'), {
      dev: true,
      runTests: true,
      hooks: [{ afterStage: (r) => void seen.push(`${r.stage}:${r.status}`) }],
      onResource: (r) => resources.push(r),
    });
    const report = await runPipeline(options);
    expect(resources).toEqual([{ kind: 'container', name: `ipm-db-${options.runId}` }]);
    expect(seen).toEqual(report.stages.map((st) => `${st.stage}:${st.status}`));
    expect(
      report.stages.map((s) => `${s.stage}:${s.status}`),
      JSON.stringify(report.stages, null, 1),
    ).toEqual([
      'start:passed',
      'ipm:passed',
      'load:passed',
      'package:passed',
      'verify:passed',
      'install:passed',
      'test:passed',
    ]);
    expect(report.ok).toBe(true);
    expect(report).toMatchObject({
      irisVersion: '2026.1',
      ipmVersion: '0.10.10',
      module: { name: 'demo-app', version: '1.0.0' },
    });
    expect(report.archive!.fileName).toBe('demo-app-1.0.0-database.tgz');
    expect(report.archive!.irisDatSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.verification!.valid).toBe(true);
    expect(report.verification!.module!.irisVersion).toBe('2026.1');
    expect(stage(report, 'install').message).toContain('demo-app 1.0.0 installed in USER-INST');
    expect(await readFile(report.junitPath!, 'utf8')).toMatch(/<testcase [^>]*name="/);
    expect(report.stages.every((s) => Number.isInteger(s.durationMs))).toBe(true);
  });

  it('reports compile errors located in the module source, then removes the container', async () => {
    const report = await runPipeline(pipeline(join(FIXTURES, 'broken-app')));
    expect(stage(report, 'load')).toMatchObject({ status: 'failed' });
    expect(report.compileErrors.length).toBeGreaterThan(0);
    const [first] = report.compileErrors;
    expect(first).toMatchObject({ file: 'src/cls/BrokenApp/Main.cls', document: 'BrokenApp.Main.cls' });
    const source = (await readFile(join(FIXTURES, 'broken-app/src/cls/BrokenApp/Main.cls'), 'utf8')).split('\n');
    expect(source[first!.line! - 1]).toContain('STANDIN-COMPILE-ERROR');
    expect(stage(report, 'package').status).toBe('skipped');
  });

  it('gives up on an IRIS that never becomes ready, with its logs', async () => {
    const report = await runPipeline(
      pipeline(join(FIXTURES, 'other-app'), {
        env: { STANDIN_FAULT_NEVER_READY: '1', STANDIN_WAITREADY_TIMEOUT_S: '1' },
        timeouts: { readyMs: 4_000 },
      }),
    );
    const start = stage(report, 'start');
    expect(start.status).toBe('failed');
    // Bounded by the 4 s limit, not by waitReady's own 60 s default or the 5 min default limit.
    expect(start.durationMs).toBeLessThan(50_000);
    expect(start.message).toMatch(/was not ready within 4 s/);
    expect(start.output).toContain('STANDIN_FAULT_NEVER_READY=1');
  });

  it('fails clearly when the session dies part-way', async () => {
    const report = await runPipeline(
      pipeline(join(FIXTURES, 'other-app'), { env: { ...FAST_START, STANDIN_FAULT_EXIT_AFTER_LINES: '3' } }),
    );
    // The first session of a run is the start stage's assumption probe (src/iris/assumptions.ts).
    const start = stage(report, 'start');
    expect(start.status).toBe('failed');
    expect(start.message).toMatch(/The IRIS probe session in USER ended before the end of its script \(exit 137\)/);
  });

  it('stops a command that hangs past its time limit', async () => {
    const report = await runPipeline(
      pipeline(join(FIXTURES, 'other-app'), {
        env: { ...FAST_START, STANDIN_FAULT_HANG_ON: 'package-database' },
        timeouts: { readyMs: 30_000, packageMs: 3_000 },
      }),
    );
    const pkg = stage(report, 'package');
    expect(pkg.status).toBe('failed');
    // The stage ended at its 3 s limit, not at the 15 min default or never.
    expect(pkg.durationMs).toBeLessThan(60_000);
    expect(pkg.message).toContain('zpm "package-database other-app -path /tmp/ipm-db/out-2" did not finish within 3 s');
  });

  it('says so when the Docker daemon is not reachable', async () => {
    const report = await runPipeline(
      pipeline(join(FIXTURES, 'other-app'), { docker: { host: `unix://${work}/no-daemon.sock` } }),
    );
    const start = stage(report, 'start');
    expect(start.status).toBe('failed');
    expect(start.message).toContain('The Docker daemon is not running or not reachable');
  });

  it('refuses an IPM without database packaging', async () => {
    const report = await runPipeline(
      pipeline(join(FIXTURES, 'other-app'), { installer: { kind: 'path', path: installerNoDb } }),
    );
    const ipm = stage(report, 'ipm');
    expect(ipm.status).toBe('failed');
    expect(ipm.message).toContain('IPM 0.9.2 in USER has no database packaging');
  });

  describe_installs();

  /** Ops-level tests sharing one IRIS: install, update, test, and each installer refusal. */
  function describe_installs(): void {
    let container: IrisContainer;
    let target: IpmTarget;
    let ops: IpmOperations;
    let setup: IpmSetup;
    let otherPkg: string;
    let demoV1: string;
    let demoV2: string;
    let postfix = 0;
    async function freshNamespace(): Promise<string> {
      postfix++;
      return createNamespace(target, { homeNamespace: setup.homeNamespace, postfix: `T${postfix}` });
    }

    let lastBuildNamespace = '';
    async function build(moduleDir: string, out: string): Promise<string> {
      const ns = await freshNamespace();
      lastBuildNamespace = ns;
      await ops.loadModule(ns, moduleDir, { dev: true });
      return (await ops.packageDatabase(ns, (await readModuleName(moduleDir)) as string, out, { dev: true })).hostPath;
    }

    async function readModuleName(dir: string): Promise<string> {
      return /<Name>([^<]+)<\/Name>/.exec(await readFile(join(dir, 'module.xml'), 'utf8'))![1]!;
    }

    it('builds packages, installs, updates and tests them (one container)', async () => {
      container = await standin();
      try {
        ({ target, setup } = await withIpm(container));
        ops = new IpmOperations(target);
        const out = join(work, 'packages');
        otherPkg = await build(join(FIXTURES, 'other-app'), out);
        demoV1 = await build(join(FIXTURES, 'demo-app'), join(out, 'v1'));
        demoV2 = await build(join(FIXTURES, 'demo-app-v2'), join(out, 'v2'));
        const v2Source = lastBuildNamespace;

        const ns = await freshNamespace();
        const swap = await ops.loadPackage(ns, demoV1);
        expect(swap.namespace).toBe(ns);
        expect(await ops.installedModule(ns, 'demo-app')).toEqual({ version: '1.0.0', packaging: 'database' });
        const updated = await ops.updateModule(ns, 'demo-app', demoV2);
        expect(updated.namespace).toBe(ns);
        expect(await ops.installedModule(ns, 'demo-app')).toEqual({ version: '2.0.0', packaging: 'database' });
        // Tests run where the source was loaded (IPM finds UnitTest directories under the module root).
        const tests = await ops.test(v2Source, 'demo-app', join(work, 'junit'));
        expect(tests.passed).toBe(true);
        expect(await readFile(tests.junitPath!, 'utf8')).toMatch(/<testcase [^>]*name="/);
        await ops.uninstall(ns, 'demo-app');
        expect(await ops.installedModule(ns, 'demo-app')).toBeNull();

        // A second database package in the same namespace is refused.
        const second = await freshNamespace();
        await ops.loadPackage(second, otherPkg);
        await expectRefusal(
          ops.loadPackage(second, demoV1),
          'second-database-package',
          /already installed in this namespace/,
        );

        // IPM living in the target routines database (USER holds %IPM itself), and developer mode.
        await expectRefusal(
          ops.loadPackage(setup.homeNamespace, otherPkg),
          'ipm-not-mapped',
          /IPM must be mapped from another namespace/,
        );
        await expectRefusal(
          ops.loadPackage(await freshNamespace(), otherPkg, { dev: true }),
          'dev-mode-install',
          /cannot be installed in developer mode/,
        );

        // Each installer check, on archives rewritten from the real one.
        for (const [name, code, pattern] of REFUSALS) {
          const bad = await tampered(otherPkg, name);
          await expectRefusal(ops.loadPackage(await freshNamespace(), bad), code, pattern);
        }
      } finally {
        await container.remove();
      }
    }, 240_000);

    it('refuses a package built on another IRIS version', async () => {
      expect(otherPkg, 'needs the package from the previous test').toBeTruthy();
      const other = await standin({ env: { STANDIN_IRIS_VERSION: '2025.3' } });
      try {
        const { target: t, setup: s } = await withIpm(other);
        expect(s.iris.majorMinor).toBe('2025.3');
        const ns = await createNamespace(t, { homeNamespace: s.homeNamespace, postfix: 'INST' });
        await expectRefusal(
          new IpmOperations(t).loadPackage(ns, otherPkg),
          'iris-version-mismatch',
          /version "2026.1" is required/,
        );
      } finally {
        await other.remove();
      }
    }, 120_000);
  }

  async function expectRefusal(p: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, `expected ${code}`).toBeInstanceOf(IpmDbError);
    expect((err as IpmDbError).code, (err as IpmDbError).message).toBe(code);
    expect((err as IpmDbError).message).toMatch(pattern);
  }

  /** The installer checks of contract section 4 and how to break an archive for each. */
  const REFUSALS: Array<[string, string, RegExp]> = [
    ['no-iris-dat', 'package-missing-iris-dat', /missing IRIS\.DAT/],
    ['no-module-xml', 'package-missing-module-xml', /missing module\.xml/],
    ['not-database', 'not-a-database-package', /does not declare <Packaging>database/],
    ['no-deps', 'package-missing-deps', /missing deps\/ directory/],
    ['no-checksum', 'package-missing-checksum', /missing <Checksum> element/],
    ['bad-checksum', 'checksum-mismatch', /IRIS\.DAT SHA-256 mismatch/],
  ];

  /** Unpacks a real package with GNU tar, breaks it one way, and repacks it as IPM's writer would. */
  async function tampered(pkg: string, how: string): Promise<string> {
    const dir = await mkdtemp(join(work, `t-${how}-`));
    await run('tar', ['-xzf', pkg, '-C', dir]);
    const list = (await run('tar', ['-tzf', pkg])).stdout
      .split('\n')
      .map((p) => p.replace(/\/+/g, '/').replace(/^\.\//, ''))
      .filter(Boolean);
    const entries: ArchiveEntry[] = [];
    for (const path of list) {
      const isDir = path.endsWith('/') || !/\.[A-Za-z0-9]+$/.test(path.split('/').pop()!);
      if (how === 'no-iris-dat' && path === 'IRIS.DAT') continue;
      if (how === 'no-module-xml' && path === 'module.xml') continue;
      if (how === 'no-deps' && path.startsWith('deps')) continue;
      if (isDir) {
        entries.push({ path: path.replace(/\/$/, ''), type: 'dir' });
        continue;
      }
      let data: Buffer | string = await readFile(join(dir, path));
      if (path === 'module.xml') {
        let xml = data.toString('utf8');
        if (how === 'not-database')
          xml = xml.replace('<Packaging>database</Packaging>', '<Packaging>module</Packaging>');
        if (how === 'no-checksum') xml = xml.replace(/<Checksum[^>]*>[^<]*<\/Checksum>/, '');
        data = xml;
      }
      if (how === 'bad-checksum' && path === 'IRIS.DAT')
        data = Buffer.concat([Buffer.from(data), Buffer.from('tampered')]);
      entries.push({ path, data });
    }
    const out = join(work, `other-app-0.3.0-${how}`);
    await mkdir(out, { recursive: true });
    const file = join(out, 'other-app-0.3.0-database.tgz');
    await writeIpmArchive(file, entries);
    await rm(dir, { recursive: true, force: true });
    return file;
  }

  it('leaves nothing behind when a run is cleaned up by id', async () => {
    const c = await standin();
    const volume = `ipm-db-${c.runId}-extra`;
    await docker.check('x', 'volume', ['volume', 'create', '--label', `ipm-db.run=${c.runId}`, volume]);
    const removed = await removeRun(docker, c.runId);
    expect(removed).toHaveLength(2);
    expect(removed).toContain(volume);
  });
});
