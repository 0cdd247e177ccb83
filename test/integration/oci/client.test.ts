// Distribution protocol details against a real registry: manifest Accept, tag pagination,
// downloads that break or lie, and redirects to another origin.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCliRegistryHint } from '../../../src/cli/registry-hints.js';
import { RegistryClient } from '../../../src/oci/client.js';
import { RegistryError } from '../../../src/oci/registry-error.js';
import {
  buildIpmManifest,
  EMPTY_CONFIG,
  EMPTY_CONFIG_DIGEST,
  serializeManifest,
} from '../../../src/oci/ipm-artifact.js';
import { ipmDbRejection } from '../../support/oci-package.js';
import {
  startFaultProxy,
  startRegistry,
  testAccess,
  type FaultProxy,
  type TestRegistry,
} from '../../support/registry.js';

const layer = Buffer.from('not really a tgz, but bytes all the same');
const layerDigest = `sha256:${createHash('sha256').update(layer).digest('hex')}`;

async function pushSample(client: RegistryClient, repository: string, tags: string[], dir: string): Promise<string> {
  const file = join(dir, 'layer.bin');
  await writeFile(file, layer);
  await client.uploadBlobBytes(repository, EMPTY_CONFIG_DIGEST, EMPTY_CONFIG);
  await client.uploadBlobFromFile(repository, file, layerDigest, layer.length);
  const { bytes } = serializeManifest(
    buildIpmManifest({
      moduleName: 'Sample',
      version: '1.0.0',
      irisVersion: '2025.1',
      description: null,
      moduleXml: '<Module/>',
      created: '2026-01-01T00:00:00Z',
      layer: { digest: layerDigest, size: layer.length },
    }),
  );
  let digest = '';
  for (const tag of tags) digest = await client.putManifest(repository, tag, bytes);
  return digest;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-client-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('against an open registry with deletes enabled', () => {
  let reg: TestRegistry;
  let proxy: FaultProxy;
  let client: RegistryClient;
  beforeAll(async () => {
    reg = await startRegistry();
    proxy = await startFaultProxy(reg.host);
    client = new RegistryClient(testAccess(proxy.host));
  });
  afterAll(async () => {
    await proxy?.stop();
    await reg?.stop();
  });

  it('skips a blob the repository has, and asks for manifests with the OCI Accept type registry 2.8 needs', async () => {
    const digest = await pushSample(client, 'acme/sample', ['t1'], dir);
    const file = join(dir, 'layer.bin');
    expect(await client.uploadBlobFromFile('acme/sample', file, layerDigest, layer.length)).toEqual({
      bytesSent: 0,
      sha256: null,
      skipped: true,
    });
    const bare = await new Promise<number>((resolve, reject) =>
      http
        .get(`http://${reg.host}/v2/acme/sample/manifests/t1`, (res) => (res.resume(), resolve(res.statusCode ?? 0)))
        .on('error', reject),
    );
    expect(bare).toBe(404);
    expect((await client.getManifest('acme/sample', 't1'))?.digest).toBe(digest);
    expect(await client.getManifest('acme/sample', 'absent')).toBeUndefined();
  });

  it('lists every tag, following Link pages', async () => {
    const tags = Array.from({ length: 7 }, (_, i) => `v${i}`);
    await pushSample(client, 'acme/paged', tags, dir);
    expect((await client.listTags('acme/paged', 2)).sort()).toEqual(tags);
    expect(await client.listTags('acme/never-pushed')).toEqual([]);
    // distribution 2.8 ignores "n" on tag lists (one page, unsorted), so the proxy serves the
    // first two pages the way paginating registries (GHCR) do: a relative, then an absolute link.
    const page = (tagList: string[], next?: string) => ({
      status: 200,
      headers: (next ? { Link: `<${next}>; rel="next"` } : {}) as Record<string, string>,
      body: JSON.stringify({ name: 'acme/paged', tags: tagList }),
    });
    proxy.inject({
      method: 'GET',
      path: /\/tags\/list\?n=2$/,
      respond: page(['p0', 'p1'], '/v2/acme/paged/tags/list?last=p1&n=2'),
    });
    proxy.inject({
      method: 'GET',
      path: /last=p1/,
      respond: page(['p2', 'p3'], `http://${proxy.host}/v2/acme/paged/tags/list?last=p3&n=2`),
    });
    const since = proxy.requests.length;
    const listed = await client.listTags('acme/paged', 2);
    expect(listed.slice(0, 4)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(listed.slice(4).sort()).toEqual(tags);
    expect(proxy.requests.slice(since).map((r) => r.path)).toEqual([
      '/v2/acme/paged/tags/list?n=2',
      '/v2/acme/paged/tags/list?last=p1&n=2',
      '/v2/acme/paged/tags/list?last=p3&n=2',
    ]);
  });

  it('drops Authorization when a blob GET is redirected to another origin', async () => {
    const seen: (string | undefined)[] = [];
    const storage = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'Content-Length': layer.length }).end(layer);
    });
    await new Promise<void>((r) => storage.listen(0, '127.0.0.1', r));
    try {
      await pushSample(client, 'acme/redirected', ['r'], dir);
      const port = (storage.address() as AddressInfo).port;
      const withAuth = new RegistryClient(
        testAccess(proxy.host, { credentials: { username: 'u', password: 'redirect-secret' } }),
      );
      // A Basic challenge first, so the client sends Authorization to the registry origin.
      proxy.inject({
        method: 'GET',
        path: /\/blobs\//,
        respond: { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="x"' } },
      });
      proxy.inject({
        method: 'GET',
        path: /\/blobs\//,
        respond: { status: 307, headers: { Location: `http://127.0.0.1:${port}/bucket/blob?sig=1` } },
      });
      const since = proxy.requests.length;
      const dest = join(dir, 'redirected.bin');
      await withAuth.downloadBlob('acme/redirected', layerDigest, layer.length, dest);
      expect(await readFile(dest)).toEqual(layer);
      const toRegistry = proxy.requests.slice(since).filter((r) => r.path.includes('/blobs/'));
      expect(toRegistry.map((r) => [r.status, r.authorized])).toEqual([
        [401, false],
        [307, true],
      ]);
      expect(seen).toEqual([undefined]);
    } finally {
      await new Promise((r) => storage.close(r));
    }
  });

  it('starts a download again when the connection breaks mid-body', async () => {
    await pushSample(client, 'acme/flaky', ['f'], dir);
    const retrying = new RegistryClient(testAccess(proxy.host), { retry: { baseDelayMs: 10, maxDelayMs: 50 } });
    proxy.inject({ method: 'GET', path: /\/blobs\//, resetResponseAfterBytes: 10 });
    const since = proxy.requests.length;
    const dest = join(dir, 'flaky.bin');
    await retrying.downloadBlob('acme/flaky', layerDigest, layer.length, dest);
    expect(await readFile(dest)).toEqual(layer);
    const gets = proxy.requests.slice(since).filter((r) => r.method === 'GET');
    expect(gets.map((r) => r.status)).toEqual([200, 'reset', 200]);
  });

  it('reports a TLS failure against a plain-HTTP registry as data; the CLI adds its hint', async () => {
    const https = new RegistryClient(testAccess(reg.host, { plainHttp: false }), { retry: { maxAttempts: 1 } });
    const err = await ipmDbRejection(https.getManifest('acme/sample', 't1'));
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).facts).toEqual({
      method: 'GET',
      url: `https://${reg.host}/v2/acme/sample/manifests/t1`,
      status: null,
      codes: [],
    });
    expect(err.code).toBe('registry-tls');
    expect(err.hint).toBeUndefined();
    expect((withCliRegistryHint(err) as RegistryError).hint).toMatch(/--plain-http/);
  });

  it('refuses a blob whose bytes do not match the digest, leaving no file', async () => {
    await pushSample(client, 'acme/liar', ['l'], dir);
    const dest = join(dir, 'liar.bin');
    const wrongSize = await ipmDbRejection(client.downloadBlob('acme/liar', layerDigest, layer.length - 1, dest));
    expect(wrongSize.code).toBe('blob-size');
    await expect(readFile(dest)).rejects.toThrow(/ENOENT/);
    await expect(readFile(`${dest}.partial`)).rejects.toThrow(/ENOENT/);
  });
});
