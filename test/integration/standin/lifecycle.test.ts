// The IRIS stand-in driven as the pipeline drives IRIS: docker run, waitReady, IPM installed from
// an installer XML, a build namespace from InitializeNamespace, a real module (with a dependency,
// update steps, a FileCopy resource and unit tests) loaded, packaged, installed into a fresh
// namespace, upgraded, and everything read back, including the archive by GNU tar.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { docker } from '../../support/docker-engine.js';
import { StandinContainer, ipmdbValues, shellLine, statusLine } from '../../standin/container.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';
import { readManifest } from '../../standin/manifest.js';
import { decodeDatabase } from '../../standin/database.js';

const run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, '../../fixtures/standin-modules');
const W = '/tmp/ipm-db';

describeWithDocker('IRIS stand-in: load -> package -> install -> update', () => {
  const id = randomBytes(4).toString('hex');
  const volume = `standin-life-${id}`;
  let c: StandinContainer;
  let host: string;
  let image: string;
  let work: string;
  let pkgV1 = '';
  let pkgV2 = '';

  beforeAll(async () => {
    ({ dockerHost: host, standinImage: image } = requireDocker());
    work = mkdtempSync(join(tmpdir(), 'standin-life-'));
    // dependencyCode: an IPM build that also packages dependency code (ipm-installer.ts); this
    // file's modules have dependencies, and what it tests comes after the install.
    writeIpmInstaller(join(work, 'zpm-0.10.10.xml'), '0.10.10', { databasePackaging: true, dependencyCode: true });
    await docker(host, ['volume', 'create', volume]);
    c = await StandinContainer.run(host, image, `standin-life-${id}`, { volume });
    expect((await c.waitReady(30)).code).toBe(0);
    await c.makeDir(W);
    await c.copyIn(join(work, 'zpm-0.10.10.xml'), `${W}/zpm-0.10.10.xml`);
    await c.copyIn(FIXTURES, `${W}/modules`);
  });

  afterAll(async () => {
    await c?.remove();
    await docker(host, ['volume', 'rm', '-f', volume]).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  });

  it('starts with no IPM, installs it from the installer XML and builds namespaces with InitializeNamespace', async () => {
    const r = await c.session([
      'write "##IPMDB before=",##class(%Dictionary.CompiledClass).%ExistsId("%IPM.Main"),!',
      statusLine(`$system.OBJ.Load("${W}/zpm-0.10.10.xml","ck")`),
      'write "##IPMDB ipm=",##class(%IPM.Main).GetVersionModule("zpm"),!',
      'write "##IPMDB db=",##class(%Dictionary.CompiledClass).%ExistsId("%IPM.Lifecycle.Database"),!',
      'set cfg=##class(%IPM.Storage.ModuleSetting.NamespaceConfig).%New()',
      statusLine('##class(%IPM.Utils.Build).InitializeNamespace("BUILD",1,.ns,cfg)'),
      'write "##IPMDB ns=",ns,!',
      statusLine('##class(%IPM.Utils.Build).InitializeNamespace("INST",1,.ns2,cfg)'),
      'write "##IPMDB exists=",##class(%SYS.Namespace).Exists("USER-INST"),!',
      'set $namespace="USER-INST"',
      'write "##IPMDB mapped=",##class(%IPM.Main).GetVersionModule("zpm"),!',
      'halt',
    ]);
    expect(r.code, r.stdout).toBe(0);
    expect(ipmdbValues(r.stdout)).toMatchObject({
      before: '0',
      ipm: '0.10.10',
      db: '1',
      ns: 'USER-BUILD',
      exists: '1',
      mapped: '0.10.10',
    });
    expect(r.stdout).toContain('Creating and mounting database USER-BUILD-CODE');
    expect(r.stdout).toContain('Creating and mounting database USER-BUILD-DATA');
  });

  it('loads a module source directory with its dependency and packages it with IPM tar quirks', async () => {
    const r = await c.session(
      [
        shellLine('config set ColorScheme none'),
        shellLine(`load ${W}/modules/demo-app`),
        shellLine(`package-database demo-app -path ${W}/out1 -v`),
        'halt',
      ],
      { namespace: 'USER-BUILD' },
    );
    expect(r.code, r.stdout).toBe(0);
    const checksum = /^ {2}Checksum: ([0-9a-f]{64})$/m.exec(r.stdout)?.[1];
    expect(checksum).toBeDefined();
    expect(r.stdout).toMatch(/Database package generated:\n\t\/tmp\/ipm-db\/out1\/demo-app-1\.0\.0-database\.tgz/);
    pkgV1 = join(work, 'demo-app-1.0.0-database.tgz');
    await c.copyOut(`${W}/out1/demo-app-1.0.0-database.tgz`, pkgV1);

    const listing = (await run('tar', ['-tvzf', pkgV1])).stdout;
    const names = listing
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(/\s+/).pop());
    expect(names).toEqual(['data', 'data//seed.txt', 'deps', 'deps//demo-dep.xml', 'IRIS.DAT', 'module.xml']);

    const x = join(work, 'x1');
    await run('mkdir', ['-p', x]);
    await run('tar', ['-xzf', pkgV1, '-C', x]);
    const dat = readFileSync(join(x, 'IRIS.DAT'));
    expect(createHash('sha256').update(dat).digest('hex')).toBe(checksum);
    expect(dat.length % 8192).toBe(0);
    expect(dat.subarray(0, 8192).includes(Buffer.from('Cache DB'))).toBe(true);
    const packaged = decodeDatabase(dat);
    expect(Object.keys(packaged.classes).sort()).toEqual(['DemoApp.Core', 'DemoApp.Update.V1', 'DemoDep.Util']);

    const xml = readFileSync(join(x, 'module.xml'), 'utf8');
    const m = readManifest(xml);
    expect(m.packaging).toBe('database');
    expect(m.checksum).toBe(checksum);
    expect(xml).toMatch(
      /<Version>1\.0\.0<\/Version>\n {6}<Packaging>database<\/Packaging>\n {6}<Checksum Algorithm="SHA-256">[0-9a-f]{64}<\/Checksum>\n {6}<SystemRequirements Version="2026\.1" Interoperability="disabled"\/>/,
    );
    expect(xml.match(/<Packaging>/g)).toHaveLength(1);
    expect(xml.match(/<SystemRequirements/g)).toHaveLength(1);
    expect(readFileSync(join(x, 'deps/demo-dep.xml'), 'utf8')).toContain('<Document name="demo-dep.ZPM">');
    expect(readFileSync(join(x, 'data/seed.txt'), 'utf8')).toBe('seed data for demo-app\n');
  });

  it('gives every build a different IRIS.DAT checksum', async () => {
    const r = await c.session([shellLine(`package-database demo-app -path ${W}/out1b`), 'halt'], {
      namespace: 'USER-BUILD',
    });
    expect(r.code).toBe(0);
    const again = /Checksum: ([0-9a-f]{64})/.exec(r.stdout)![1];
    const first = readManifest((await run('tar', ['-xzOf', pkgV1, 'module.xml'])).stdout).checksum;
    expect(again).not.toBe(first);
  });

  it('installs the package into a fresh namespace: swap with a timestamped backup, steps seeded, not run', async () => {
    await c.copyIn(pkgV1, `${W}/demo-app-1.0.0-database.tgz`);
    const r = await c.session(
      [
        shellLine(`load ${W}/demo-app-1.0.0-database.tgz -swap-db`),
        'write "##IPMDB version=",##class(DemoApp.Core).Version(),!',
        'write "##IPMDB dep=",##class(DemoDep.Util).Greeting(),!',
        'write "##IPMDB seeded=",$data(^DemoApp("step","CreateIndex")),!',
        'do ##class(DemoApp.Core).Save("customer","kept across upgrades")',
        'zpm "list"',
        'halt',
      ],
      { namespace: 'USER-INST' },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('Database swap complete for namespace USER-INST');
    expect(r.stdout).toMatch(/^ {2}Backup: \/durable\/iris\/mgr\/USER-INST-CODE\/IRIS_USER-INST-CODE_\d{14}\.DAT$/m);
    expect(ipmdbValues(r.stdout)).toMatchObject({ version: '1.0.0', dep: 'hello from demo-dep', seeded: '0' });
    expect(r.stdout).toMatch(/^demo-app 1\.0\.0$/m);
    expect(r.stdout).toMatch(/^demo-dep 1\.0\.0$/m);
  });

  it('packages v2 and updates to it: swap, only the new update steps run, data kept', async () => {
    const build = await c.session(
      [shellLine(`load ${W}/modules/demo-app-v2`), shellLine(`package-database demo-app -path ${W}/out2`), 'halt'],
      { namespace: 'USER-BUILD' },
    );
    // A newer version with <UpdatePackage> cannot be loaded over the old one without `update`.
    expect(build.code).toBe(1);
    expect(build.stdout).toContain(
      "ERROR! Cannot perform an update of demo-app from version 1.0.0 to 2.0.0 using the 'install' or 'load' commands. Please use the 'update' command instead.",
    );
    const b2 = await c.session(
      [
        shellLine(`update demo-app -path ${W}/modules/demo-app-v2`),
        shellLine(`package-database demo-app -path ${W}/out2`),
        'halt',
      ],
      { namespace: 'USER-BUILD' },
    );
    expect(b2.code, b2.stdout).toBe(0);
    pkgV2 = `${W}/out2/demo-app-2.0.0-database.tgz`;

    const r = await c.session(
      [
        shellLine(`update demo-app -path ${pkgV2} -swap-db -v`),
        'write "##IPMDB version=",##class(DemoApp.Core).Version(),!',
        'write "##IPMDB kept=",^DemoApp("data","customer"),!',
        'write "##IPMDB v1ran=",$data(^DemoApp("step","CreateIndex")),!',
        'write "##IPMDB add=",^DemoApp("step","AddStatusField"),!',
        'write "##IPMDB backfill=",^DemoApp("step","Backfill"),!',
        'write "##IPMDB runs=",^DemoApp("stepRuns"),!',
        'halt',
      ],
      { namespace: 'USER-INST' },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('Database swap complete for namespace USER-INST');
    expect(r.stdout).toMatch(/\tRunning AddStatusField\(\)/);
    expect(r.stdout).not.toMatch(/\tRunning CreateIndex\(\)/);
    expect(ipmdbValues(r.stdout)).toMatchObject({
      version: '2.0.0',
      kept: 'kept across upgrades',
      v1ran: '0',
      add: '1',
      backfill: '2',
      runs: '2',
    });
    // Backups pile up: the source-install DB and the v1 package DB.
    const ls = await c.exec(['/bin/sh', '-c', 'echo /durable/iris/mgr/USER-INST-CODE/*']);
    expect(ls.stdout.match(/IRIS_USER-INST-CODE_\d{14}(_\d+)?\.DAT/g)).toHaveLength(2);
  });

  it('records update steps with timestamps and status in the globals database', async () => {
    const out = join(work, 'data.dat');
    await c.copyOut('/durable/iris/mgr/USER-INST-DATA/IRIS.DAT', out);
    const steps = decodeDatabase(readFileSync(out)).updateSteps;
    expect(Object.keys(steps).sort()).toEqual([
      'DemoApp.Update.V1||CreateIndex',
      'DemoApp.Update.V1||FillDefaults',
      'DemoApp.Update.V2||AddStatusField',
      'DemoApp.Update.V2||Backfill',
    ]);
    expect(steps['DemoApp.Update.V1||CreateIndex']).toMatchObject({ TimeStampStart: '', Status: '1' });
    expect(steps['DemoApp.Update.V2||Backfill']!.TimeStampStart).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(steps['DemoApp.Update.V2||Backfill']!.TimeStampEnd).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('runs the module unit tests and writes JUnit XML', async () => {
    const r = await c.session([shellLine(`test demo-app -only -output-file ${W}/junit.xml`), 'halt'], {
      namespace: 'USER-BUILD',
    });
    expect(r.code, r.stdout).toBe(0);
    await c.copyOut(`${W}/junit.xml`, join(work, 'junit.xml'));
    const xml = readFileSync(join(work, 'junit.xml'), 'utf8');
    // %IPM.Test.JUnitOutput's layout: suite, then class, then one testcase per method.
    expect(xml).toMatch(
      /<testsuite name="DemoApp.Tests" tests="2" failures="0" assertions="2" time="[\d.]+">\n<testsuite name="DemoApp.Tests.Basic">\n<testcase name="TestVersion" assertions="1"/,
    );
    expect(xml).toContain('name="TestDependency"');
  });

  it('asks before swapping without -swap-db and consumes the next line as the answer', async () => {
    const no = await c.session([`zpm "load ${pkgV2}"`, 'n', 'write "##IPMDB after=1",!', 'halt'], {
      namespace: 'USER-INST',
    });
    expect(no.code).toBe(0);
    expect(no.stdout).toContain('WARNING: This will replace the routines database for namespace USER-INST');
    expect(no.stdout).toContain('Proceed with database swap? [y/N] ');
    expect(no.stdout).toContain('ERROR! Database swap cancelled by user.');
    expect(ipmdbValues(no.stdout).after).toBe('1');
    // The swallowed line is the answer, not a command: a line that is a command is eaten too.
    const eaten = await c.session([`zpm "load ${pkgV2}"`, 'write "##IPMDB eaten=1",!', 'halt'], {
      namespace: 'USER-INST',
    });
    expect(eaten.stdout).toContain('Database swap cancelled by user.');
    expect(ipmdbValues(eaten.stdout).eaten).toBeUndefined();
    const yes = await c.session([`zpm "load ${pkgV2}":1:1`, 'yes', 'write "##IPMDB never=1",!'], {
      namespace: 'USER-INST',
    });
    expect(yes.code, yes.stdout).toBe(0);
    expect(yes.stdout).toContain('Database swap complete for namespace USER-INST');
    expect(ipmdbValues(yes.stdout).never).toBeUndefined();
  });

  it('keeps modules and data when the container is replaced on the same volume', async () => {
    await c.remove();
    c = await StandinContainer.run(host, image, `standin-life-${id}-b`, { volume });
    expect((await c.waitReady(30)).code).toBe(0);
    const r = await c.session(
      [
        'write "##IPMDB kept=",^DemoApp("data","customer"),!',
        'write "##IPMDB v=",##class(DemoApp.Core).Version(),!',
        'zpm "list"',
        'halt',
      ],
      { namespace: 'USER-INST' },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(ipmdbValues(r.stdout)).toMatchObject({ kept: 'kept across upgrades', v: '2.0.0' });
    expect(r.stdout).toMatch(/^demo-app 2\.0\.0$/m);
  });
});
