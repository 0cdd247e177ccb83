// Where credentials may go (issue: registry credentials sent to other origins). A real registry
// with htpasswd auth behind a loopback proxy, so the client sends Basic credentials; the proxy
// then points it elsewhere (an upload Location, a tag-list Link page, a redirect, a token realm)
// at loopback servers that record what reached them. 127.0.0.1 on another port is another
// origin with plain HTTP allowed (the same host name); 127.0.0.2 is a host plain HTTP was not
// enabled for.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliUpgradePuller } from '../../../src/cli/upgrade-flags.js';
import { RegistryClient } from '../../../src/oci/client.js';
import { publishPackage } from '../../../src/oci/publish.js';
import { ipmDbRejection, testVerifier, writeTestPackage } from '../../support/oci-package.js';
import {
  startFaultProxy,
  startRegistry,
  testAccess,
  type FaultProxy,
  type TestRegistry,
} from '../../support/registry.js';

interface Recorder {
  origin: string;
  seen: { method: string; path: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/** A loopback server that records every request and answers with `answer`. */
async function recorder(
  host: string,
  answer: (req: http.IncomingMessage) => { status: number; body?: string; headers?: Record<string, string> },
): Promise<Recorder> {
  const seen: Recorder['seen'] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    req.on('end', () => {
      const a = answer(req);
      res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers }).end(a.body ?? '{}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return {
    origin: `http://${host}:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const config = Buffer.from('{"config":"for origins"}');
const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;

let reg: TestRegistry;
let proxy: FaultProxy;
let sameHost: Recorder;
let otherHost: Recorder;
let dir: string;
let client: RegistryClient;

beforeAll(async () => {
  reg = await startRegistry({ auth: 'htpasswd' });
  proxy = await startFaultProxy(reg.host);
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-origins-'));
  const answer = (req: http.IncomingMessage) =>
    req.url?.includes('/tags/list')
      ? { status: 200, body: JSON.stringify({ name: 'acme/origins', tags: ['elsewhere'] }) }
      : req.url?.includes('/token')
        ? { status: 200, body: JSON.stringify({ token: 'not-a-real-token' }) }
        : { status: 400, body: '{"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"recorder"}]}' };
  sameHost = await recorder('127.0.0.1', answer);
  otherHost = await recorder('127.0.0.2', answer);
  client = new RegistryClient(testAccess(proxy.host, { credentials: reg.credentials }), {
    retry: { maxAttempts: 1 },
  });
  // The first request meets htpasswd's Basic challenge; from then on the client sends credentials.
  await client.listTags('acme/origins');
  expect(proxy.requests.at(-1)).toMatchObject({ authorized: true });
});
afterEach(() => {
  proxy.clearFaults();
  sameHost.seen.splice(0);
  otherHost.seen.splice(0);
});
afterAll(async () => {
  await sameHost?.close();
  await otherHost?.close();
  await proxy?.stop();
  await reg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('credentials stay with the registry origin', () => {
  it('sends no Authorization to an upload Location on another origin', async () => {
    proxy.inject({
      method: 'POST',
      path: /\/blobs\/uploads\/$/,
      respond: { status: 202, headers: { Location: `${sameHost.origin}/upload/session-1?_state=x` } },
    });
    const err = await ipmDbRejection(client.uploadBlobBytes('acme/origins', configDigest, config));
    expect(err.message).toMatch(/HTTP 400/);
    expect(sameHost.seen.map((r) => r.method)).toEqual(['PUT', 'DELETE']);
    expect(sameHost.seen.map((r) => r.authorization)).toEqual([undefined, undefined]);
  });

  it('sends no Authorization to a tag-list Link page on another origin', async () => {
    proxy.inject({
      method: 'GET',
      path: /\/tags\/list/,
      respond: {
        status: 200,
        headers: { Link: `<${sameHost.origin}/v2/acme/origins/tags/list?last=here>; rel="next"` },
        body: JSON.stringify({ name: 'acme/origins', tags: ['here'] }),
      },
    });
    expect(await client.listTags('acme/origins')).toEqual(['here', 'elsewhere']);
    expect(sameHost.seen).toEqual([
      { method: 'GET', path: '/v2/acme/origins/tags/list?last=here', authorization: undefined },
    ]);
  });
});

describe('http: is refused for a host plain HTTP was not enabled for', () => {
  it('refuses an upload Location there, sending nothing', async () => {
    proxy.inject({
      method: 'POST',
      path: /\/blobs\/uploads\/$/,
      respond: { status: 202, headers: { Location: `${otherHost.origin}/upload/session-2` } },
    });
    const err = await ipmDbRejection(client.uploadBlobBytes('acme/origins', configDigest, config));
    expect(err.code).toBe('registry-insecure-url');
    expect(err.message).toContain(`sent the client to ${otherHost.origin}/upload/session-2, which is not https`);
    expect(otherHost.seen).toEqual([]);
  });

  it('refuses a redirect there', async () => {
    proxy.inject({
      method: 'GET',
      path: /\/blobs\//,
      respond: { status: 307, headers: { Location: `${otherHost.origin}/bucket/blob` } },
    });
    const err = await ipmDbRejection(client.downloadBlob('acme/origins', configDigest, config.length, join(dir, 'b')));
    expect(err.code).toBe('registry-insecure-url');
    expect(otherHost.seen).toEqual([]);
  });

  it('refuses a token realm there, so the credentials never reach it', async () => {
    proxy.inject({
      method: 'GET',
      path: /\/manifests\//,
      respond: {
        status: 401,
        headers: { 'WWW-Authenticate': `Bearer realm="${otherHost.origin}/token",service="elsewhere"` },
      },
    });
    const err = await ipmDbRejection(client.getManifest('acme/origins', 'latest'));
    expect(err.code).toBe('registry-insecure-url');
    expect(err.message).toContain('token realm');
    expect(otherHost.seen).toEqual([]);
  });
});

describe("ipm-db run's upgrade puller", () => {
  it('sends IPM_DB_REGISTRY_* credentials only to --registry, not to a reference on another registry', async () => {
    // The previous release lives on an open registry behind a second proxy that asks for Basic
    // credentials once: a client holding credentials for that host would send them.
    const open = await startRegistry();
    const openProxy = await startFaultProxy(open.host);
    try {
      const pkg = await writeTestPackage(dir, { name: 'Previous', version: '1.0.0' });
      const published = await publishPackage({
        archivePath: pkg.path,
        report: pkg.report,
        verifier: testVerifier,
        access: testAccess(open.host),
      });
      openProxy.inject({
        method: 'GET',
        path: /\/manifests\//,
        respond: { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="previous"' } },
      });
      const io = {
        stdout: new PassThrough(),
        stderr: new PassThrough(),
        cwd: dir,
        env: {
          IPM_DB_REGISTRY_USERNAME: reg.credentials.username,
          IPM_DB_REGISTRY_PASSWORD: reg.credentials.password,
          DOCKER_CONFIG: join(dir, 'no-docker-config'),
        },
      };
      const pull = cliUpgradePuller({ registry: reg.host, 'plain-http': true }, io);
      const reference = `${openProxy.host}/acme/previous:${published.tag}`;
      const err = await ipmDbRejection(pull(reference, join(dir, 'previous')));
      expect(err.code).toBe('registry-credentials-missing');
      expect(openProxy.requests.length).toBeGreaterThan(0);
      expect(openProxy.requests.every((r) => !r.authorized)).toBe(true);
    } finally {
      await openProxy.stop();
      await open.stop();
    }
  });
});
