// Publishing to a real registry (distribution 2.8), cross-checked with skopeo.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/oci/client.js';
import { ipmAcceptanceViolations } from '../../../src/oci/ipm-artifact.js';
import type { OciManifest } from '../../../src/oci/media-types.js';
import { publishPackage } from '../../../src/oci/publish.js';
import {
  startFaultProxy,
  startRegistry,
  testAccess,
  type FaultProxy,
  type TestRegistry,
} from '../../support/registry.js';
import { fileSha256, ipmDbRejection, testVerifier, writeTestPackage } from '../../support/oci-package.js';

const exec = promisify(execFile);
const fast = { maxAttempts: 3, maxTotalMs: 5_000, baseDelayMs: 20, maxDelayMs: 100 };

let reg: TestRegistry;
let proxy: FaultProxy;
let dir: string;

beforeAll(async () => {
  reg = await startRegistry();
  proxy = await startFaultProxy(reg.host);
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-publish-'));
});
afterAll(async () => {
  await proxy?.stop();
  await reg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('publishPackage', () => {
  it('publishes the IPM form, which skopeo reads back byte for byte; a re-publish uploads nothing', async () => {
    const pkg = await writeTestPackage(dir, { name: 'DemoModule', version: '1.0.0' });
    const result = await publishPackage({
      archivePath: pkg.path,
      report: pkg.report,
      verifier: testVerifier,
      access: testAccess(reg.host),
      source: 'https://github.com/acme/demo',
    });
    expect(result.reference).toBe(`${reg.host}/acme/demomodule:1.0.0_database__2025.1`);
    expect(result.unchanged).toBe(false);
    expect(result.bytesUploaded).toBe(pkg.report.archive.size);

    const { stdout } = await exec('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${result.reference}`]);
    const manifest = JSON.parse(stdout) as OciManifest;
    expect(manifest.layers[0]?.digest).toBe(`sha256:${pkg.report.archive.sha256}`);
    expect(manifest.layers[0]?.mediaType).toBe('application/vnd.oci.image.layer.v1.tar');
    expect(manifest.annotations?.['org.opencontainers.image.source']).toBe('https://github.com/acme/demo');
    expect(ipmAcceptanceViolations(manifest, result.tag)).toEqual([]);
    expect(`sha256:${createHash('sha256').update(stdout).digest('hex')}`).toBe(result.digest);

    const out = join(dir, 'skopeo-copy');
    await exec('skopeo', ['copy', '--src-tls-verify=false', `docker://${result.reference}`, `dir:${out}`]);
    const blob = join(out, pkg.report.archive.sha256);
    expect(await fileSha256(blob)).toBe(pkg.report.archive.sha256);
    expect((await readdir(out)).sort()).toContain('manifest.json');

    const again = await publishPackage({
      archivePath: pkg.path,
      report: pkg.report,
      verifier: testVerifier,
      access: testAccess(reg.host),
      source: 'https://github.com/acme/demo',
    });
    expect(again).toMatchObject({ unchanged: true, bytesUploaded: 0, digest: result.digest });
  });

  it('refuses to move an existing tag to different content unless forced', async () => {
    const first = await writeTestPackage(dir, { name: 'Immutable', version: '2.0.0' });
    const second = await writeTestPackage(dir, { name: 'Immutable', version: '2.0.0' });
    const base = { verifier: testVerifier, access: testAccess(reg.host) };
    const published = await publishPackage({ ...base, archivePath: first.path, report: first.report });
    const err = await ipmDbRejection(publishPackage({ ...base, archivePath: second.path, report: second.report }));
    expect(err.code).toBe('tag-exists');
    expect(err.message).toContain(
      `layer sha256:${first.report.archive.sha256} there, sha256:${second.report.archive.sha256} here`,
    );
    expect(err.hint).toMatch(/overwrite-tags \(--overwrite-tags\)/);
    const relinked = await ipmDbRejection(
      publishPackage({ ...base, archivePath: first.path, report: first.report, source: 'https://example.com/other' }),
    );
    expect(relinked.message).toMatch(/annotations differ: org.opencontainers.image.source$/);
    const client = new RegistryClient(testAccess(reg.host));
    expect((await client.getManifest('acme/immutable', published.tag))?.digest).toBe(published.digest);
    const forced = await publishPackage({ ...base, archivePath: second.path, report: second.report, force: true });
    expect(forced.digest).not.toBe(published.digest);
    expect((await client.getManifest('acme/immutable', published.tag))?.digest).toBe(forced.digest);
  });

  it('refuses unverified, changed, prerelease and non-database archives without touching the registry', async () => {
    const pkg = await writeTestPackage(dir, { name: 'Refused', version: '1.0.0' });
    const base = { verifier: testVerifier, access: testAccess(proxy.host), archivePath: pkg.path };
    const before = proxy.requests.length;
    const invalid = {
      ...pkg.report,
      valid: false,
      errors: [{ code: 'checksum-mismatch', severity: 'error' as const, message: 'IRIS.DAT checksum differs' }],
    };
    expect((await ipmDbRejection(publishPackage({ ...base, report: invalid }))).message).toMatch(
      /did not pass verification.*checksum differs/,
    );
    const notDb = { ...pkg.report, module: { ...pkg.report.module!, packaging: null } };
    expect((await ipmDbRejection(publishPackage({ ...base, report: notDb }))).code).toBe('not-verified');
    const pre = { ...pkg.report, module: { ...pkg.report.module!, version: '1.0.0-rc.1' } };
    expect((await ipmDbRejection(publishPackage({ ...base, report: pre }))).code).toBe('prerelease-version');
    const rejecting = { ...testVerifier, file: async () => invalid };
    expect((await ipmDbRejection(publishPackage({ ...base, verifier: rejecting }))).code).toBe('not-verified');
    expect(proxy.requests.length).toBe(before);

    const verifier = { ...testVerifier, file: async () => pkg.report };
    const dry = await publishPackage({ ...base, verifier, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, bytesUploaded: 0, tag: '1.0.0_database__2025.1' });
    expect(proxy.requests.length).toBe(before);

    // Same size, different bytes: the registry refuses the digest, publish says why, nothing is tagged.
    const bytes = await readFile(pkg.path);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    await writeFile(pkg.path, bytes);
    const changed = await ipmDbRejection(
      publishPackage({ ...base, report: pkg.report, clientOptions: { retry: fast } }),
    );
    expect(changed.code).toBe('not-verified');
    expect(changed.message).toMatch(/changed since it was verified/);
    await appendFile(pkg.path, 'x');
    expect((await ipmDbRejection(publishPackage({ ...base, report: pkg.report }))).message).toMatch(
      /bytes, .* when it was verified/,
    );
    const client = new RegistryClient(testAccess(reg.host));
    expect(await client.listTags('acme/refused')).toEqual([]);
  });

  it('publishes a prerelease version only when allowed', async () => {
    const pkg = await writeTestPackage(dir, { name: 'Preview', version: '2.0.0-rc.1' });
    const base = { archivePath: pkg.path, report: pkg.report, verifier: testVerifier, access: testAccess(reg.host) };
    const refused = await ipmDbRejection(publishPackage(base));
    expect(refused.code).toBe('prerelease-version');
    expect(refused.hint).toMatch(/--allow-prerelease/);
    const result = await publishPackage({ ...base, allowPrerelease: true });
    expect(result.tag).toBe('2.0.0-rc.1_database__2025.1');
    const client = new RegistryClient(testAccess(reg.host));
    expect(await client.listTags('acme/preview')).toEqual(['2.0.0-rc.1_database__2025.1']);
  });

  it('publishes a large archive in PATCH chunks with correct ranges', async () => {
    const pkg = await writeTestPackage(dir, { name: 'Chunky', version: '1.0.0', datBytes: 700 * 1024 });
    const before = proxy.requests.length;
    const result = await publishPackage({
      archivePath: pkg.path,
      report: pkg.report,
      verifier: testVerifier,
      access: testAccess(proxy.host),
      clientOptions: { monolithicLimit: 64 * 1024, chunkSize: 256 * 1024 },
    });
    const patches = proxy.requests.slice(before).filter((r) => r.method === 'PATCH');
    expect(patches.length).toBe(Math.ceil(pkg.report.archive.size / (256 * 1024)));
    expect(patches.every((r) => r.status === 202)).toBe(true);
    const { stdout } = await exec('skopeo', [
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${reg.host}/acme/chunky:${result.tag}`,
    ]);
    expect((JSON.parse(stdout) as OciManifest).layers[0]?.size).toBe(pkg.report.archive.size);
    const client = new RegistryClient(testAccess(reg.host));
    const back = join(dir, 'chunky-back.tgz');
    await client.downloadBlob('acme/chunky', `sha256:${pkg.report.archive.sha256}`, pkg.report.archive.size, back);
    expect(await fileSha256(back)).toBe(pkg.report.archive.sha256);
  });
});
