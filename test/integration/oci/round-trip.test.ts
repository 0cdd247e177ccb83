// Round-trip proof of every publish, against a real registry (distribution 2.8) behind a loopback
// proxy: the package is read back by digest and checked after each push; an unchanged re-publish
// re-checks the manifest without downloading the layer; a registry that serves other bytes for
// the layer, or another manifest for the digest, fails the publish.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { commands } from '../../../src/cli/commands/index.js';
import { sha256Digest } from '../../../src/naming/grammar.js';
import { RegistryClient } from '../../../src/oci/client.js';
import { publishPackage } from '../../../src/oci/publish.js';
import { verifyRoundTrip } from '../../../src/oci/round-trip.js';
import { ipmDbRejection, testVerifier, writeTestPackage } from '../../support/oci-package.js';
import {
  startFaultProxy,
  startRegistry,
  testAccess,
  type FaultProxy,
  type TestRegistry,
} from '../../support/registry.js';

let reg: TestRegistry;
let proxy: FaultProxy;
let dir: string;

beforeAll(async () => {
  reg = await startRegistry();
  proxy = await startFaultProxy(reg.host);
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-round-trip-'));
});
afterEach(() => proxy.clearFaults());
afterAll(async () => {
  await proxy?.stop();
  await reg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const publish = (path: string, report: Awaited<ReturnType<typeof writeTestPackage>>['report']) =>
  publishPackage({ archivePath: path, report, verifier: testVerifier, access: testAccess(proxy.host) });

describe('round trip after publishing', () => {
  it('reads the manifest and the layer back by digest after the push, and only the manifest when unchanged', async () => {
    const pkg = await writeTestPackage(dir, { name: 'RoundTrip', version: '1.0.0' });
    const layer = `sha256:${pkg.report.archive.sha256}`;
    const since = proxy.requests.length;
    const result = await publish(pkg.path, pkg.report);
    expect(result.roundTrip).toEqual({ status: 'verified', digest: result.digest, layerRead: true });
    const seen = proxy.requests.slice(since).map((r) => `${r.method} ${r.path} ${r.status}`);
    const put = seen.findIndex((r) => r.startsWith(`PUT /v2/acme/roundtrip/manifests/${result.tag} 201`));
    expect(put).toBeGreaterThan(0);
    expect(seen.slice(put + 1)).toEqual([
      `GET /v2/acme/roundtrip/manifests/${result.digest} 200`,
      `GET /v2/acme/roundtrip/blobs/${layer} 200`,
    ]);

    const again = proxy.requests.length;
    const unchanged = await publish(pkg.path, pkg.report);
    expect(unchanged).toMatchObject({ unchanged: true, digest: result.digest });
    expect(unchanged.roundTrip).toEqual({ status: 'verified', digest: result.digest, layerRead: false });
    const reread = proxy.requests.slice(again).map((r) => `${r.method} ${r.path}`);
    expect(reread).toContain(`GET /v2/acme/roundtrip/manifests/${result.digest}`);
    expect(reread).toContain(`HEAD /v2/acme/roundtrip/blobs/${layer}`);
    expect(reread).not.toContain(`GET /v2/acme/roundtrip/blobs/${layer}`);
  });

  it('fails when the registry serves a different layer than was pushed', async () => {
    const pkg = await writeTestPackage(dir, { name: 'Swapped', version: '1.0.0' });
    const layer = `sha256:${pkg.report.archive.sha256}`;
    // As many bytes as the manifest declares, one of them different (the gzip trailer's last).
    const swapped = await readFile(pkg.path);
    swapped[swapped.length - 1] = swapped[swapped.length - 1]! ^ 0x01;
    const served = sha256Digest(swapped);
    proxy.inject({
      method: 'GET',
      path: new RegExp(`/blobs/${layer}$`),
      times: 10,
      respond: { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: swapped },
    });
    const since = proxy.requests.length;
    const err = await ipmDbRejection(publish(pkg.path, pkg.report));
    expect(err.code).toBe('round-trip');
    expect(err.message).toMatch(
      new RegExp(`^reading ${proxy.host}/acme/swapped@sha256:[0-9a-f]{64} back from the registry failed`),
    );
    expect(err.message).toContain(`the registry sent a blob with digest ${served} for ${layer}`);
    expect(err.hint).toMatch(/do not install it/);
    // The push itself went through: the failure is the read-back, not the upload.
    expect(
      proxy.requests.slice(since).some((r) => r.method === 'PUT' && r.path.includes('/manifests/') && r.status === 201),
    ).toBe(true);
  });

  it('fails when the registry answers the digest with another manifest', async () => {
    const first = await writeTestPackage(dir, { name: 'Answered', version: '1.0.0' });
    const other = await writeTestPackage(dir, { name: 'Answered', version: '1.0.1' });
    const published = await publish(first.path, first.report);
    const otherPublished = await publish(other.path, other.report);
    const client = new RegistryClient(testAccess(reg.host));
    const otherBytes = (await client.getManifest('acme/answered', otherPublished.digest))!.bytes;
    proxy.inject({
      method: 'GET',
      path: new RegExp(`/manifests/${published.digest}$`),
      respond: {
        status: 200,
        headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
        body: otherBytes,
      },
    });
    const err = await ipmDbRejection(
      verifyRoundTrip(new RegistryClient(testAccess(proxy.host)), {
        repository: 'acme/answered',
        tag: published.tag,
        digest: published.digest,
        expected: published.manifest,
        readLayer: true,
        verifyStream: testVerifier.stream,
      }),
    );
    expect(err.code).toBe('round-trip');
    expect(err.message).toContain(`with a manifest whose digest is ${otherPublished.digest}`);
  });

  it('is reported by ipm-db publish', async () => {
    const pkg = await writeTestPackage(dir, { name: 'CliRoundTrip', version: '1.0.0' });
    const reportFile = join(dir, 'cli-round-trip.json');
    await writeFile(reportFile, JSON.stringify(pkg.report));
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const args = ['publish', pkg.path, '--registry', reg.host, '--namespace', 'acme', '--report', reportFile];
    const code = await main([...args, '--plain-http'], { stdout, stderr, env: {}, cwd: dir }, commands);
    const out = String(stdout.read() ?? '');
    expect(code, String(stderr.read() ?? '')).toBe(0);
    expect(out).toMatch(/^ {2}round-trip: verified sha256:[0-9a-f]{64}$/m);
  });
});
