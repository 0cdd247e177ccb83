// IPM from a pinned source commit, end to end: `ipm-db run --ipm-git <commit>` downloads the
// commit's source archive from a loopback server (a synthetic IPM tree, not IPM's code), installs it
// into the stand-in as IPM's CI does, and packages examples/example-module/v2 with it.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunReport } from '../../../src/pipeline/run-report.js';
import { renderScript } from '../../../src/iris/objectscript.js';
import { sourceInstallOperations } from '../../../src/ipm/ipm-install.js';
import { runCli, type CliRun } from '../../support/cli.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import {
  ipmSourceArchive,
  serveSourceArchives,
  writeIpmSourceTree,
  type ArchiveServer,
} from '../../support/ipm-source-tree.js';
import { StandinContainer } from '../../standin/container.js';

const ROOT = join(import.meta.dirname, '../../..');
const WITH_PACKAGING = '1'.repeat(40);
const WITHOUT_PACKAGING = '2'.repeat(40);

describeWithDocker('ipm-db run --ipm-git', () => {
  let host: string;
  let image: string;
  let work: string;
  let server: ArchiveServer;
  let archive: Buffer;

  beforeAll(async () => {
    ({ dockerHost: host, standinImage: image } = requireDocker());
    work = await mkdtemp(join(tmpdir(), 'ipm-db-git-'));
    // dependencyCode: a hypothetical IPM build that also packages dependency code (ipm-installer.ts);
    // examples/example-module/v2 depends on demo-money, whose code IPM at the contract's commit leaves out.
    archive = await ipmSourceArchive(WITH_PACKAGING, { version: '0.10.9-SNAPSHOT', dependencyCode: true });
    server = await serveSourceArchives(
      new Map([
        [WITH_PACKAGING, archive],
        [WITHOUT_PACKAGING, await ipmSourceArchive(WITHOUT_PACKAGING, { databasePackaging: false })],
      ]),
    );
  });
  afterAll(async () => {
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  function cli(args: string[]): Promise<CliRun> {
    return runCli(['run', ...args], { ...process.env, DOCKER_HOST: host, XDG_CACHE_HOME: join(work, 'cache') }, work);
  }

  it('packages the example module with IPM installed from the commit, and the second run uses the cache', async () => {
    const args = [
      '--module',
      join(ROOT, 'examples/example-module/v2'),
      '--image',
      image,
      '--ipm-git',
      WITH_PACKAGING,
      '--ipm-git-repository',
      server.repository,
      '--network',
      'none',
      '--out',
      'out',
    ];
    const r = await cli(args);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const report = JSON.parse(await readFile(join(work, 'out', 'run-report.json'), 'utf8')) as RunReport;
    expect(report.ok).toBe(true);
    expect(report.ipmVersion).toBe('0.10.9-SNAPSHOT');
    expect(report.ipmSource).toEqual({
      url: `${server.repository}/archive/${WITH_PACKAGING}.tar.gz`,
      sha256: createHash('sha256').update(archive).digest('hex'),
      commit: WITH_PACKAGING,
      repository: server.repository,
    });
    expect(report.stages.find((s) => s.stage === 'ipm')!.message).toContain(`installed from commit ${WITH_PACKAGING}`);
    expect(report.archive!.fileName).toBe('demo-orders-2.0.0-database.tgz');
    expect(server.requests).toEqual([`/intersystems/ipm/archive/${WITH_PACKAGING}.tar.gz`]);

    const again = await cli([...args.slice(0, -1), 'out2']);
    expect(again.status, again.stderr).toBe(0);
    expect(server.requests).toHaveLength(1);
  }, 240_000);

  it('stops at the ipm stage when the tree has no database packaging, whatever its version says', async () => {
    const r = await cli([
      '--module',
      join(ROOT, 'examples/example-module/v2'),
      '--image',
      image,
      '--ipm-git',
      WITHOUT_PACKAGING,
      '--ipm-git-repository',
      server.repository,
      '--network',
      'none',
      '--json',
    ]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as RunReport;
    const ipm = report.stages.find((s) => s.stage === 'ipm')!;
    expect(ipm.status).toBe('failed');
    expect(ipm.message).toContain('has no database packaging');
  }, 240_000);

  it('refuses a branch name or a short hash before starting anything', async () => {
    const branch = await cli(['--module', 'x', '--image', image, '--ipm-git', 'db-packaging']);
    expect(branch.status).toBe(2);
    expect(branch.stderr).toContain('branch or tag name moves');
    const short = await cli(['--module', 'x', '--image', image, '--ipm-git', '1193db1']);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('short commit hash');
    const both = await cli(['--module', 'x', '--ipm', 'zpm.xml', '--ipm-git', WITH_PACKAGING]);
    expect(both.status).toBe(2);
  });

  it('the stand-in refuses a tree without preload/cls/IPM/Installer.cls, as IRIS refuses to load a missing file', async () => {
    const tree = join(work, 'no-installer');
    writeIpmSourceTree(tree, { installer: false });
    const c = await StandinContainer.run(host, image, `ipm-db-git-${process.pid}`);
    try {
      expect((await c.waitReady()).code).toBe(0);
      // Real IRIS images have no /tmp/ipm-db; the driver creates it first too (src/ipm/ipm-install.ts).
      await c.makeDir('/tmp/ipm-db');
      await c.copyIn(tree, '/tmp/ipm-db/ipm-source');
      const script = renderScript(sourceInstallOperations('/tmp/ipm-db/ipm-source/'));
      const r = await c.session(script.lines);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        "ERROR #5012: File '/tmp/ipm-db/ipm-source/preload/cls/IPM/Installer.cls' does not exist",
      );
      const without = await c.session(['write ##class(%Dictionary.CompiledClass).%ExistsId("%IPM.Main"),!', 'halt']);
      expect(without.stdout).toMatch(/^USER>0$/m);
    } finally {
      await c.remove();
    }
  }, 120_000);
});
