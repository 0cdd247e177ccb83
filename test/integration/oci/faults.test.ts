// Faults injected by a loopback proxy in front of a real registry: the client retries what is
// worth retrying, restarts broken uploads, refreshes a token once, and never leaves a tag
// pointing at a partial artifact.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withActionRegistryHint } from '../../../src/action/registry.js';
import { withCliRegistryHint } from '../../../src/cli/registry-hints.js';
import { RegistryClient, type RegistryClientOptions } from '../../../src/oci/client.js';
import { RegistryError } from '../../../src/oci/registry-error.js';
import { publishPackage, type PublishOptions } from '../../../src/oci/publish.js';
import type { Logger } from '../../../src/util/log.js';
import {
  startFaultProxy,
  startRegistry,
  testAccess,
  type FaultProxy,
  type TestRegistry,
} from '../../support/registry.js';
import { ipmDbRejection, testVerifier, writeTestPackage } from '../../support/oci-package.js';

const fast = { maxAttempts: 4, maxTotalMs: 10_000, baseDelayMs: 20, maxDelayMs: 200 };
const chunked = { monolithicLimit: 64 * 1024, chunkSize: 128 * 1024 };
let dir: string;

function recordingLogger(lines: string[]): Logger {
  const push = (m: string) => void lines.push(m);
  return { info: push, warn: push, error: push, debug: push, group: (_t, fn) => fn() };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-faults-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('faults against an open registry', () => {
  let reg: TestRegistry;
  let proxy: FaultProxy;
  let direct: RegistryClient;
  beforeAll(async () => {
    reg = await startRegistry();
    proxy = await startFaultProxy(reg.host);
    direct = new RegistryClient(testAccess(reg.host));
  });
  afterEach(() => proxy.clearFaults());
  afterAll(async () => {
    await proxy?.stop();
    await reg?.stop();
  });

  const publish = async (
    name: string,
    clientOptions: RegistryClientOptions = {},
    extra: Partial<PublishOptions> = {},
  ) => {
    const pkg = await writeTestPackage(dir, { name, datBytes: 400 * 1024 });
    const since = proxy.requests.length;
    const run = publishPackage({
      archivePath: pkg.path,
      report: pkg.report,
      verifier: testVerifier,
      access: testAccess(proxy.host),
      clientOptions: { retry: fast, ...clientOptions },
      ...extra,
    });
    return { pkg, run, seen: () => proxy.requests.slice(since) };
  };

  it('rides out a 503 burst on the manifest PUT', async () => {
    proxy.inject({ method: 'PUT', path: /\/manifests\//, times: 2, respond: { status: 503 } });
    const { run, seen } = await publish('Burst');
    const result = await run;
    expect(
      seen()
        .filter((r) => r.method === 'PUT' && r.path.includes('/manifests/'))
        .map((r) => r.status),
    ).toEqual([503, 503, 201]);
    expect((await direct.getManifest('acme/burst', result.tag))?.digest).toBe(result.digest);
  });

  it('waits as long as a 429 Retry-After says', async () => {
    proxy.inject({ method: 'HEAD', path: /\/blobs\//, respond: { status: 429, headers: { 'Retry-After': '1' } } });
    const { run } = await publish('Throttled');
    const started = Date.now();
    await run;
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('abandons a request the registry never answers and retries it', async () => {
    proxy.inject({ method: 'HEAD', path: /\/blobs\//, stall: true });
    const { run, seen } = await publish('Stalled', { idleTimeoutMs: 300 });
    const started = Date.now();
    const result = await run;
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const heads = seen().filter((r) => r.method === 'HEAD');
    expect(heads[0]?.status).toBe('stalled');
    expect(heads[1]).toMatchObject({ path: heads[0]?.path, status: 404 });
    expect((await direct.getManifest('acme/stalled', result.tag))?.digest).toBe(result.digest);
  });

  it('gives up within the total time budget when Retry-After is too long', async () => {
    proxy.inject({
      method: 'HEAD',
      path: /\/blobs\//,
      times: 10,
      respond: { status: 429, headers: { 'Retry-After': '60' } },
    });
    const { run } = await publish('Patient');
    const started = Date.now();
    const err = await ipmDbRejection(run);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err.message).toMatch(/HTTP 429/);
    expect(await direct.listTags('acme/patient')).toEqual([]);
  });

  it('restarts a chunked upload cleanly after a connection reset mid-chunk', async () => {
    proxy.inject({ method: 'PATCH', times: 1, resetAfterBytes: 32 * 1024 });
    const lines: string[] = [];
    const { pkg, run, seen } = await publish('Reset', chunked, { logger: recordingLogger(lines) });
    const result = await run;
    const requests = seen();
    expect(requests.some((r) => r.status === 'reset')).toBe(true);
    expect(requests.filter((r) => r.method === 'POST').length).toBe(3); // config, layer, layer again
    expect(lines.some((l) => /upload of sha256:[0-9a-f]{64} \(restarting it\): E[A-Z]+; trying again/.test(l))).toBe(
      true,
    );
    const blob = await direct.blobSize('acme/reset', `sha256:${pkg.report.archive.sha256}`);
    expect(blob).toBe(pkg.report.archive.size);
    expect((await direct.getManifest('acme/reset', result.tag))?.digest).toBe(result.digest);
  });

  it('leaves nothing tagged when the upload keeps failing', async () => {
    proxy.inject({ method: 'PATCH', times: 50, resetAfterBytes: 1024 });
    const { run, seen } = await publish('Broken', chunked);
    const err = await ipmDbRejection(run);
    expect(err.code).toBe('registry-upload');
    expect(seen().some((r) => r.method === 'PUT' && r.path.includes('/manifests/'))).toBe(false);
    expect(await direct.listTags('acme/broken')).toEqual([]);
  });

  it('leaves nothing tagged when the manifest PUT keeps failing', async () => {
    proxy.inject({ method: 'PUT', path: /\/manifests\//, times: 10, respond: { status: 500 } });
    const { run } = await publish('NoManifest');
    const err = await ipmDbRejection(run);
    expect(err.message).toMatch(/HTTP 500/);
    expect(await direct.listTags('acme/nomanifest')).toEqual([]);
  });
});

describe('a 401 during a long upload against a token registry', () => {
  let reg: TestRegistry;
  let proxy: FaultProxy;
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'token' });
    proxy = await startFaultProxy(reg.host);
  });
  afterEach(() => proxy.clearFaults());
  afterAll(async () => {
    await proxy?.stop();
    await reg?.stop();
  });

  const challenge = () => ({
    status: 401,
    headers: {
      'WWW-Authenticate': `Bearer realm="${reg.tokenServer!.realm}",service="${reg.tokenServer!.service}",error="invalid_token"`,
    },
    body: '{"errors":[{"code":"UNAUTHORIZED","message":"token expired"}]}',
  });

  it('refreshes the token once and re-sends the chunk', async () => {
    const pkg = await writeTestPackage(dir, { name: 'Expiring', datBytes: 400 * 1024 });
    // Let the first chunk through, then answer the second with an expired-token 401.
    proxy.inject({ method: 'PATCH', skip: 1, respond: challenge() });
    const tokensBefore = reg.tokenServer!.requests.length;
    const result = await publishPackage({
      archivePath: pkg.path,
      report: pkg.report,
      verifier: testVerifier,
      access: testAccess(proxy.host, { credentials: reg.credentials }),
      clientOptions: { retry: fast, ...chunked },
    });
    const patchStatuses = proxy.requests.filter((r) => r.method === 'PATCH').map((r) => r.status);
    expect(patchStatuses.filter((s) => s === 401)).toHaveLength(1);
    expect(patchStatuses.filter((s) => s === 202)).toHaveLength(Math.ceil(pkg.report.archive.size / chunked.chunkSize));
    const issued = reg.tokenServer!.requests.slice(tokensBefore);
    expect(issued.every((t) => t.user === reg.credentials.username)).toBe(true);
    const client = new RegistryClient(testAccess(reg.host));
    expect((await client.getManifest('acme/expiring', result.tag))?.digest).toBe(result.digest);
    // One token for the scope at first, one refresh after the 401.
    expect(issued.filter((t) => t.scope === 'repository:acme/expiring:pull,push')).toHaveLength(2);
  });

  it('fails with an auth error when the refreshed token is refused too, leaving no tag', async () => {
    const pkg = await writeTestPackage(dir, { name: 'Revoked', datBytes: 400 * 1024 });
    proxy.inject({ method: 'PATCH', times: 5, respond: challenge() });
    const err = await ipmDbRejection(
      publishPackage({
        archivePath: pkg.path,
        report: pkg.report,
        verifier: testVerifier,
        access: testAccess(proxy.host, { credentials: reg.credentials }),
        clientOptions: { retry: fast, ...chunked },
      }),
    );
    expect(err.message).toMatch(/HTTP 401/);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).status).toBe(401);
    expect((err as RegistryError).codes).toEqual([{ code: 'UNAUTHORIZED', message: 'token expired' }]);
    expect(err.hint).toBeUndefined();
    expect((withCliRegistryHint(err) as RegistryError).hint).toMatch(/IPM_DB_REGISTRY_USERNAME/);
    expect((withActionRegistryHint(err) as RegistryError).hint).toMatch(/registry-token and registry-username inputs/);
    expect(`${err.message}${err.hint}`).not.toContain(reg.credentials.password);
    const client = new RegistryClient(testAccess(reg.host));
    expect(await client.listTags('acme/revoked')).toEqual([]);
  });
});
