// Registry answers the client must not take on trust: a manifest that is not the digest asked
// for (real registry behind a loopback proxy), and a tag list too long to hold (a loopback server).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { commands } from '../../../src/cli/commands/index.js';
import { RegistryClient } from '../../../src/oci/client.js';
import { publishPackage } from '../../../src/oci/publish.js';
import { ipmDbRejection, testVerifier, writeTestPackage } from '../../support/oci-package.js';
import { startFaultProxy, startRegistry, testAccess } from '../../support/registry.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-answers-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('pull by digest', () => {
  it('fails when the registry answers the digest with another manifest, and writes nothing', async () => {
    const reg = await startRegistry();
    const proxy = await startFaultProxy(reg.host);
    try {
      const wanted = await writeTestPackage(dir, { name: 'Pinned', version: '1.0.0' });
      const other = await writeTestPackage(dir, { name: 'Pinned', version: '1.0.1' });
      const access = testAccess(reg.host);
      const a = await publishPackage({
        archivePath: wanted.path,
        report: wanted.report,
        verifier: testVerifier,
        access,
      });
      const b = await publishPackage({ archivePath: other.path, report: other.report, verifier: testVerifier, access });
      const bBytes = (await new RegistryClient(access).getManifest('acme/pinned', b.digest))!.bytes;
      proxy.inject({
        method: 'GET',
        path: new RegExp(`/manifests/${a.digest}$`),
        respond: {
          status: 200,
          headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
          body: bBytes,
        },
      });
      const out = join(dir, 'pulled');
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      const code = await main(
        ['pull', `${proxy.host}/acme/pinned@${a.digest}`, '-o', out, '--plain-http'],
        { stdout, stderr, env: {}, cwd: dir },
        commands,
      );
      expect(code).toBe(1);
      expect(String(stderr.read() ?? '')).toContain(`with a manifest whose digest is ${b.digest}`);
      expect(await readdir(out).catch(() => [])).toEqual([]);
    } finally {
      await proxy.stop();
      await reg.stop();
    }
  });
});

describe('a very long tag list', () => {
  const TAGS = 1_000_000;
  let server: http.Server;
  let host: string;
  beforeAll(async () => {
    const body = JSON.stringify({ name: 'acme/many', tags: Array.from({ length: TAGS }, (_, i) => `t${i}`) });
    server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('is collected in full when the cap allows it', async () => {
    const client = new RegistryClient(testAccess(host), { maxTags: 2 * TAGS });
    const tags = await client.listTags('acme/many');
    expect(tags.length).toBe(TAGS);
    expect(tags.at(-1)).toBe(`t${TAGS - 1}`);
  });

  it('stops with a clear error beyond the cap', async () => {
    const err = await ipmDbRejection(new RegistryClient(testAccess(host)).listTags('acme/many'));
    expect(err.code).toBe('registry-tags');
    expect(err.message).toBe('acme/many has more than 100000 tags; stopped listing');
  });
});
