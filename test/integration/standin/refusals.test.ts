// Every installer check of contract section 4 with its exact message, the IPM shell's exit-status
// rules of section 5, compile errors, an IPM without database packaging, readiness and faults.
// Hostile archives are written on the host with the IPM tar writer (test/support/ipm-tar.ts).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { type ArchiveEntry, ipmArchiveBuffer } from '../../support/ipm-tar.js';
import { StandinContainer, ipmdbValues, shellLine, statusLine } from '../../standin/container.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';
import { emptyContent, encodeDatabase } from '../../standin/database.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/standin-modules');
const W = '/tmp/ipm-db';

function moduleXml(opts: {
  name?: string;
  version?: string;
  packaging?: string;
  checksum?: string;
  sysreq?: string;
  updatePackage?: string;
}): string {
  const lines = [
    `<Name>${opts.name ?? 'evil-app'}</Name>`,
    `<Version>${opts.version ?? '1.0.0'}</Version>`,
    ...(opts.packaging !== undefined ? [`<Packaging>${opts.packaging}</Packaging>`] : []),
    ...(opts.checksum !== undefined ? [`<Checksum Algorithm="SHA-256">${opts.checksum}</Checksum>`] : []),
    ...(opts.sysreq !== undefined ? [`<SystemRequirements Version="${opts.sysreq}"/>`] : []),
    ...(opts.updatePackage ? [`<UpdatePackage>${opts.updatePackage}</UpdatePackage>`] : []),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Export generator="IRIS" version="26">\n  <Document name="${opts.name ?? 'evil-app'}.ZPM">\n    <Module>\n      ${lines.join('\n      ')}\n    </Module>\n  </Document>\n</Export>\n`;
}

const dat = encodeDatabase({ ...emptyContent(), salt: 'refusals' });
const sum = createHash('sha256').update(dat).digest('hex');

describeWithDocker('IRIS stand-in: installer refusals, exit statuses, faults', () => {
  const id = randomBytes(4).toString('hex');
  let c: StandinContainer;
  let host: string;
  let image: string;
  let work: string;
  const extra: StandinContainer[] = [];

  async function archive(name: string, entries: ArchiveEntry[]): Promise<string> {
    writeFileSync(join(work, name), await ipmArchiveBuffer(entries));
    await c.copyIn(join(work, name), `${W}/${name}`);
    return `${W}/${name}`;
  }

  beforeAll(async () => {
    ({ dockerHost: host, standinImage: image } = requireDocker());
    work = mkdtempSync(join(tmpdir(), 'standin-ref-'));
    writeIpmInstaller(join(work, 'zpm-db.xml'), '0.10.10', { databasePackaging: true });
    writeIpmInstaller(join(work, 'zpm-old.xml'), '0.10.9', { databasePackaging: false });
    c = await StandinContainer.run(host, image, `standin-ref-${id}`);
    expect((await c.waitReady(30)).code).toBe(0);
    await c.makeDir(W);
    await c.exec(['mkdir', '-p', `${W}/pkgs`]);
    for (const f of ['zpm-db.xml', 'zpm-old.xml']) await c.copyIn(join(work, f), `${W}/${f}`);
    await c.copyIn(FIXTURES, `${W}/modules`);
    const setup = await c.session([
      statusLine(`$system.OBJ.Load("${W}/zpm-db.xml","ck")`),
      'set cfg=##class(%IPM.Storage.ModuleSetting.NamespaceConfig).%New()',
      statusLine('##class(%IPM.Utils.Build).InitializeNamespace("B",0,.ns,cfg)'),
      statusLine('##class(%IPM.Utils.Build).InitializeNamespace("I",0,.ns,cfg)'),
      'set $namespace="USER-B"',
      shellLine(`load ${W}/modules/other-app`),
      shellLine(`package-database other-app -path ${W}/pkgs`),
      shellLine(`load ${W}/modules/demo-app`),
      shellLine(`package-database demo-app -path ${W}/pkgs`),
      'halt',
    ]);
    expect(setup.code, setup.stdout).toBe(0);
  });

  afterAll(async () => {
    await c?.remove();
    for (const x of extra) await x.remove();
    rmSync(work, { recursive: true, force: true });
  });

  async function refused(
    path: string,
    message: string | RegExp,
    opts: { flags?: string; env?: Record<string, string> } = {},
  ): Promise<void> {
    const r = await c.session([`zpm "load ${path} -swap-db${opts.flags ?? ''}":1:1`, 'write "##IPMDB reached=1",!'], {
      namespace: 'USER-I',
      ...(opts.env ? { env: opts.env } : {}),
    });
    expect(r.code, r.stdout).toBe(1);
    expect(ipmdbValues(r.stdout).reached).toBeUndefined();
    const line = r.stdout.split('\n').find((l) => l.startsWith('ERROR! '));
    if (typeof message === 'string') expect(line).toBe(`ERROR! ${message}`);
    else expect(line).toMatch(message);
  }

  it('refuses a package without IRIS.DAT', async () => {
    const p = await archive('no-dat.tgz', [
      { path: 'module.xml', data: moduleXml({ packaging: 'database', checksum: sum }) },
      { path: 'deps/', type: 'dir' },
    ]);
    await refused(
      p,
      /^ERROR! Database package is missing IRIS\.DAT in: \/durable|^ERROR! Database package is missing IRIS\.DAT in: \/usr\/irissys\/mgr\/Temp\/dbpkg-[0-9a-f]+\/$/,
    );
  });

  it('refuses a package without module.xml', async () => {
    const p = await archive('no-xml.tgz', [
      { path: 'IRIS.DAT', data: dat },
      { path: 'deps/', type: 'dir' },
    ]);
    await refused(
      p,
      /^ERROR! Database package is missing module\.xml in: \/usr\/irissys\/mgr\/Temp\/dbpkg-[0-9a-f]+\/$/,
    );
  });

  it('refuses a module that does not declare database packaging', async () => {
    const p = await archive('not-db.tgz', [
      { path: 'IRIS.DAT', data: dat },
      { path: 'module.xml', data: moduleXml({ packaging: 'module', checksum: sum }) },
      { path: 'deps/', type: 'dir' },
    ]);
    await refused(p, 'module.xml does not declare <Packaging>database</Packaging>. Got: module');
  });

  it('refuses a package without deps/', async () => {
    const p = await archive('no-deps.tgz', [
      { path: 'IRIS.DAT', data: dat },
      { path: 'module.xml', data: moduleXml({ packaging: 'database', checksum: sum }) },
    ]);
    await refused(
      p,
      /^ERROR! Database package is missing deps\/ directory in: \/usr\/irissys\/mgr\/Temp\/dbpkg-[0-9a-f]+\/$/,
    );
  });

  it('refuses a module.xml without a checksum, and a checksum mismatch', async () => {
    const p = await archive('no-sum.tgz', [
      { path: 'IRIS.DAT', data: dat },
      { path: 'module.xml', data: moduleXml({ packaging: 'database' }) },
      { path: 'deps/', type: 'dir' },
    ]);
    await refused(p, 'module.xml is missing <Checksum> element.');
    const wrong = 'AB'.repeat(32);
    const q = await archive('bad-sum.tgz', [
      { path: 'IRIS.DAT', data: dat },
      { path: 'module.xml', data: moduleXml({ packaging: 'database', checksum: wrong }) },
      { path: 'deps/', type: 'dir' },
    ]);
    await refused(q, `IRIS.DAT SHA-256 mismatch. Expected: ${wrong} Actual: ${sum}`);
    // The comparison ignores case.
    const upper = await archive('upper-sum.tgz', [
      { path: 'IRIS.DAT', data: dat },
      { path: 'module.xml', data: moduleXml({ packaging: 'database', checksum: sum.toUpperCase() }) },
      { path: 'deps/', type: 'dir' },
    ]);
    const ok = await c.session([shellLine(`load ${upper} -swap-db`), shellLine('uninstall evil-app'), 'halt'], {
      namespace: 'USER-I',
    });
    expect(ok.code, ok.stdout).toBe(0);
  });

  it('refuses a package made on another IRIS major.minor', async () => {
    const p = await archive('other-version.tgz', [
      { path: 'IRIS.DAT', data: dat },
      { path: 'module.xml', data: moduleXml({ packaging: 'database', checksum: sum, sysreq: '2024.1' }) },
      { path: 'deps/', type: 'dir' },
    ]);
    await refused(
      p,
      'The module cannot be installed on the current version (2026.1) of the system, version "2024.1" is required',
    );
    // Any maintenance build of the same major.minor is fine; the version comes from STANDIN_IRIS_VERSION.
    const same = await c.session([shellLine(`load ${p} -swap-db`), shellLine('uninstall evil-app'), 'halt'], {
      namespace: 'USER-I',
      env: { STANDIN_IRIS_VERSION: '2024.1.3' },
    });
    expect(same.code, same.stdout).toBe(0);
  });

  it('refuses developer mode, a second database package, and IPM inside the routines database', async () => {
    await refused(`${W}/pkgs/demo-app-1.0.0-database.tgz`, 'Database packages cannot be installed in developer mode.', {
      flags: ' -dev',
    });
    const first = await c.session([shellLine(`load ${W}/pkgs/other-app-0.3.0-database.tgz -swap-db`), 'halt'], {
      namespace: 'USER-I',
    });
    expect(first.code, first.stdout).toBe(0);
    await refused(
      `${W}/pkgs/demo-app-1.0.0-database.tgz`,
      "A database package ('other-app') is already installed in this namespace. Only one database package per namespace is allowed.",
    );
    // USER holds IPM in its own routines database.
    const user = await c.session([`zpm "load ${W}/pkgs/demo-app-1.0.0-database.tgz -swap-db":1:1`], {
      namespace: 'USER',
    });
    expect(user.code).toBe(1);
    expect(user.stdout).toContain(
      'ERROR! IPM must be mapped from another namespace. %IPM classes were found in the current routines database. Map IPM from a non-system code namespace before packaging.',
    );
    const pack = await c.session([`zpm "package-database x -path /tmp":1:1`], { namespace: 'USER' });
    expect(pack.stdout).toContain('ERROR! IPM must be mapped from another namespace.');
  });

  it('follows the exit-status rules of zpm "...":1:1, plain zpm and the Shell status', async () => {
    const plain = await c.session(['zpm "frobnicate"', 'write "##IPMDB after=1",!'], { namespace: 'USER-B' });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('ERROR! Unknown command: frobnicate');
    expect(ipmdbValues(plain.stdout).after).toBe('1');
    const ok = await c.session(['zpm "list":1:1', 'write "##IPMDB after=1",!'], { namespace: 'USER-B' });
    expect(ok.code).toBe(0);
    expect(ipmdbValues(ok.stdout).after).toBeUndefined();
    expect(ok.stdout).toMatch(/^demo-app +1\.0\.0$/m);
    const status = await c.session(
      ['set sc=##class(%IPM.Main).Shell("frobnicate") write "##IPMDB sc=",+sc,!', 'halt'],
      { namespace: 'USER-B' },
    );
    expect(ipmdbValues(status.stdout).sc).toBe('0');
    expect(status.code).toBe(0);
  });

  it('reports a compile error with class, method and line, and fails the load', async () => {
    const r = await c.session([shellLine(`load ${W}/modules/broken-app`), 'write "##IPMDB reached=1",!'], {
      namespace: 'USER-B',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("ERROR: BrokenApp.Main.cls(Run+2) #1026: Invalid command : 'frobnicate'");
    expect(r.stdout).toContain(
      "ERROR #5475: Error compiling routine: BrokenApp.Main.1.  Errors: ERROR: BrokenApp.Main.cls(Run+2) : Invalid command : 'frobnicate'",
    );
    expect(ipmdbValues(r.stdout).reached).toBeUndefined();
  });

  it('refuses install/load of a newer version with update steps unless -force, and downgrades', async () => {
    const r = await c.session([`zpm "load ${W}/modules/demo-app-v2":1:1`], { namespace: 'USER-B' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("using the 'install' or 'load' commands. Please use the 'update' command instead.");
    const forced = await c.session(
      [shellLine(`load ${W}/modules/demo-app-v2 -force`), shellLine(`load ${W}/modules/demo-app`), 'halt'],
      { namespace: 'USER-B' },
    );
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain('ERROR! Cannot downgrade demo-app from version 2.0.0 to 1.0.0.');
  });

  it('has no package-database in an IPM build without database packaging', async () => {
    const other = await StandinContainer.run(host, image, `standin-ref-${id}-old`, { startDelayMs: 0 });
    extra.push(other);
    expect((await other.waitReady(30)).code).toBe(0);
    await other.copyIn(join(work, 'zpm-old.xml'), '/tmp/zpm-old.xml');
    const r = await other.session([
      statusLine('$system.OBJ.Load("/tmp/zpm-old.xml","ck")'),
      'write "##IPMDB has=",##class(%Dictionary.CompiledClass).%ExistsId("%IPM.Lifecycle.Database"),!',
      'zpm "package-database x -path /tmp":1:1',
    ]);
    expect(r.code).toBe(1);
    expect(ipmdbValues(r.stdout).has).toBe('0');
    expect(r.stdout).toContain('ERROR! Unknown command: package-database');
  });

  it('is not ready before its start delay, and never with STANDIN_FAULT_NEVER_READY', async () => {
    const slow = await StandinContainer.run(host, image, `standin-ref-${id}-slow`, {
      startDelayMs: 0,
      env: { STANDIN_START_HOLD_FILE: '/tmp/standin-release' },
    });
    extra.push(slow);
    const early = await slow.exec(['/usr/irissys/dev/Cloud/ICM/waitReady.sh', '0']);
    expect(early.code).toBe(1);
    const session = await slow.session(['halt']);
    expect(session.code).toBe(1);
    expect((await slow.exec(['iris', 'qlist'])).stdout).toMatch(/^IRIS\^\/usr\/irissys\^2026\.1\.0\.223\^down\^/);
    expect((await slow.exec(['touch', '/tmp/standin-release'])).code).toBe(0);
    expect((await slow.waitReady(30)).code).toBe(0);
    expect((await slow.exec(['iris', 'qlist'])).stdout).toMatch(
      /^IRIS\^\/usr\/irissys\^2026\.1\.0\.223\^running, since .+\^iris\.cpf\^1972\^52773\^0\^ok\^IRIS\^\^\^\/usr\/irissys\n$/,
    );
    expect((await slow.exec(['cat', '/usr/irissys/mgr/messages.log'])).stdout).toContain('Startup complete');
    const never = await StandinContainer.run(host, image, `standin-ref-${id}-never`, {
      startDelayMs: 0,
      env: { STANDIN_FAULT_NEVER_READY: '1' },
    });
    extra.push(never);
    const t0 = Date.now();
    expect((await never.exec(['/usr/irissys/dev/Cloud/ICM/waitReady.sh', '2'])).code).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
  });

  it('dies mid-session with STANDIN_FAULT_EXIT_AFTER_LINES and hangs with STANDIN_FAULT_HANG_ON', async () => {
    const dies = await c.session(
      ['write "##IPMDB one=1",!', 'write "##IPMDB two=2",!', 'write "##IPMDB three=3",!', 'halt'],
      {
        env: { STANDIN_FAULT_EXIT_AFTER_LINES: '2' },
      },
    );
    expect(dies.code).toBe(137);
    expect(ipmdbValues(dies.stdout)).toEqual({ one: '1', two: '2' });
    const t0 = Date.now();
    const hangs = await c.session(['write "##IPMDB before=1",!', 'zpm "list"', 'halt'], {
      env: { STANDIN_FAULT_HANG_ON: 'zpm' },
      timeoutMs: 2000,
    });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
    expect(hangs.code).not.toBe(0);
    expect(ipmdbValues(hangs.stdout).before).toBe('1');
    // The hung session sleeps (no CPU) in the container until afterAll removes it.
  });
});
