// `install <m> -swap-db` from an OCI registry (contract section 8): a real docker-registry with
// htpasswd on 127.0.0.1 (test/support/registry.ts), a package pushed in IPM's exact form, the stand-in on --network host
// pulling it with credentials from `docker exec -e`, checking layer size and digest, then the swap.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { StandinContainer, shellLine, statusLine } from '../../standin/container.js';
import { writeIpmInstaller } from '../../standin/ipm-installer.js';
import { startRegistry, type TestRegistry } from '../../support/registry.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/standin-modules');
const W = '/tmp/ipm-db';
let USER = '';
let PASSWORD = '';

/** Pushes `tgz` as IPM's ORAS client does: config {} + one tar layer, OCI manifest, annotations. */
async function pushPackage(base: string, repo: string, tag: string, tgz: Buffer, auth: string): Promise<void> {
  const headers = { Authorization: auth };
  const blob = async (data: Buffer): Promise<string> => {
    const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
    const start = await fetch(`${base}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers });
    expect(start.status).toBe(202);
    const loc = new URL(start.headers.get('location')!, base);
    loc.searchParams.set('digest', digest);
    const put = await fetch(loc, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/octet-stream' },
      body: data,
    });
    expect(put.status).toBe(201);
    return digest;
  };
  const config = Buffer.from('{}');
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.unknown.config.v1+json', digest: await blob(config), size: config.length },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: await blob(tgz),
        size: tgz.length,
        annotations: { 'org.opencontainers.image.title': 'demo-app-1.0.0-database.tgz' },
      },
    ],
    annotations: {
      'org.opencontainers.image.title': 'demo-app',
      'org.opencontainers.image.version': '1.0.0',
      'com.intersystems.ipm.packaging': 'database',
    },
  };
  const put = await fetch(`${base}/v2/${repo}/manifests/${tag}`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': manifest.mediaType },
    body: JSON.stringify(manifest),
  });
  expect(put.status).toBe(201);
}

describeWithDocker('IRIS stand-in: install -swap-db from an OCI registry', () => {
  const id = randomBytes(4).toString('hex');
  let c: StandinContainer;
  let work: string;
  let registry: TestRegistry | undefined;
  let base: string;

  beforeAll(async () => {
    const { dockerHost, standinImage } = requireDocker();
    work = mkdtempSync(join(tmpdir(), 'standin-reg-'));
    registry = await startRegistry({ auth: 'htpasswd' });
    base = `http://${registry.host}`;
    ({ username: USER, password: PASSWORD } = registry.credentials);

    // dependencyCode: an IPM build that also packages dependency code (ipm-installer.ts); this
    // file's modules have dependencies, and what it tests comes after the install.
    writeIpmInstaller(join(work, 'zpm.xml'), '0.10.10', { databasePackaging: true, dependencyCode: true });
    c = await StandinContainer.run(dockerHost, standinImage, `standin-reg-${id}`, { network: 'host' });
    expect((await c.waitReady(30)).code).toBe(0);
    await c.makeDir(W);
    await c.copyIn(join(work, 'zpm.xml'), `${W}/zpm.xml`);
    await c.copyIn(FIXTURES, `${W}/modules`);
    const build = await c.session([
      statusLine(`$system.OBJ.Load("${W}/zpm.xml","ck")`),
      shellLine(`repo -o -name local -url ${base} -namespace acme -username ${USER} -password-env REG_PASS -publish 0`),
      'set cfg=##class(%IPM.Storage.ModuleSetting.NamespaceConfig).%New()',
      statusLine('##class(%IPM.Utils.Build).InitializeNamespace("B",0,.ns,cfg)'),
      statusLine('##class(%IPM.Utils.Build).InitializeNamespace("I",0,.ns,cfg)'),
      'set $namespace="USER-B"',
      shellLine(`load ${W}/modules/demo-app`),
      shellLine(`package-database demo-app -path ${W}/out`),
      'halt',
    ]);
    expect(build.code, build.stdout).toBe(0);
    await c.copyOut(`${W}/out/demo-app-1.0.0-database.tgz`, join(work, 'pkg.tgz'));
    const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    await pushPackage(base, 'acme/demo-app', '1.0.0_database__2026.1', readFileSync(join(work, 'pkg.tgz')), auth);
  });

  afterAll(async () => {
    await c?.remove();
    await registry?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('pulls with credentials from the environment and swaps; without -swap-db it says so', async () => {
    const env = { REG_PASS: PASSWORD };
    const noSwap = await c.session(['zpm "install demo-app":1:1'], { namespace: 'USER-I', env });
    expect(noSwap.code).toBe(1);
    expect(noSwap.stdout).toContain(
      "ERROR! Module 'demo-app' is only available as a database package. Re-run with -swap-db to install it.",
    );
    const r = await c.session(
      [shellLine('install demo-app -swap-db'), 'write "##IPMDB v=",##class(DemoApp.Core).Version(),!', 'halt'],
      {
        namespace: 'USER-I',
        env,
      },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('Database swap complete for namespace USER-I');
    expect(r.stdout).toContain('##IPMDB v=1.0.0');
    expect(r.stdout).not.toContain(PASSWORD);
  });

  it('fails clearly without the right credentials or for an unknown module', async () => {
    const bad = await c.session(['zpm "install demo-app -swap-db":1:1'], {
      namespace: 'USER-I',
      env: { REG_PASS: 'wrong' },
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('ERROR! Listing tags of demo-app in repository local failed: HTTP 401');
    const missing = await c.session(['zpm "install no-such-module -swap-db":1:1'], {
      namespace: 'USER-I',
      env: { REG_PASS: PASSWORD },
    });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("ERROR! 'no-such-module' not found in any repository.");
  });
});
