// The real @actions/artifact and @actions/cache clients against the loopback results service:
// uploads, cache saves and restores really happen; an unavailable cache only warns.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultUploader } from '../../../src/action/artifacts.js';
import { actionsCacheStore, actionsInstallerCache } from '../../../src/action/cache-store.js';
import { resolveIpmInstaller } from '../../../src/action/ipm-installer.js';
import { createHash } from 'node:crypto';
import { startResultsService, type ResultsService } from '../../support/actions-results-service.js';

let service: ResultsService;
let releases: Server;
let releaseUrl = '';
const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let releaseHits = 0;
let dir = '';
const installerXml = Buffer.from(
  '<?xml version="1.0"?><Export generator="IRIS"><Class name="IPM.Installer"/></Export>\n',
);
const savedEnv = { ...process.env };

beforeAll(async () => {
  service = await startResultsService();
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-results-'));
  await mkdir(join(dir, 'ws'));
  await mkdir(join(dir, 'tmp'));
  Object.assign(process.env, service.env, { GITHUB_WORKSPACE: join(dir, 'ws'), RUNNER_TEMP: join(dir, 'tmp') });
  delete process.env.ACTIONS_CACHE_URL;
  releases = createServer((req, res) => {
    releaseHits++;
    if (req.url === '/v0.10.10/zpm-0.10.10.xml') {
      res.writeHead(200, { 'content-length': installerXml.length });
      res.end(installerXml);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => releases.listen(0, '127.0.0.1', () => r()));
  releaseUrl = `http://127.0.0.1:${(releases.address() as AddressInfo).port}/v{version}/zpm-{version}.xml`;
});

afterAll(async () => {
  process.env = savedEnv;
  await service?.close();
  await new Promise<void>((r) => (releases ? releases.close(() => r()) : r()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('artifacts through @actions/artifact', () => {
  it('uploads the files as a zip under the given name and rejects a second artifact of that name', async () => {
    const root = join(dir, 'run1');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'demo-1.0.0-database.tgz'), Buffer.alloc(20_000, 7));
    await writeFile(join(root, 'ipm-db-report.json'), '{"ok":true}\n');
    const up = await defaultUploader().upload(
      'ipm-db-2025.1-build',
      [join(root, 'demo-1.0.0-database.tgz'), join(root, 'ipm-db-report.json')],
      root,
      { retentionDays: null, skipArchive: false },
    );
    expect(up.id).toBeGreaterThan(0);
    const stored = service.artifacts.find((a) => a.name === 'ipm-db-2025.1-build');
    expect(stored?.finalized).toBe(true);
    expect(stored?.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(stored?.bytes.includes(Buffer.from('demo-1.0.0-database.tgz'))).toBe(true);
    expect(stored?.bytes.includes(Buffer.from('ipm-db-report.json'))).toBe(true);
    expect(stored?.hash).toBe(`sha256:${sha256Hex(stored!.bytes)}`);
    expect(stored?.expiresAt).toBeNull();
    expect(stored?.mimeType).toBe('application/zip');
    await expect(
      defaultUploader().upload('ipm-db-2025.1-build', [join(root, 'ipm-db-report.json')], root, {
        retentionDays: null,
        skipArchive: false,
      }),
    ).rejects.toThrow(/already exists/);
  });

  it('uploads one file unzipped under its own name, with the retention asked for', async () => {
    const root = join(dir, 'run2');
    await mkdir(root, { recursive: true });
    const name = 'ipm-db-2025.1-build-demo-1.0.0-database.tgz';
    const bytes = Buffer.alloc(30_000, 9);
    await writeFile(join(root, name), bytes);
    const before = Date.now();
    const up = await defaultUploader().upload(name, [join(root, name)], root, { retentionDays: 3, skipArchive: true });
    expect(up.id).toBeGreaterThan(0);
    const stored = service.artifacts.find((a) => a.name === name);
    expect(stored?.finalized).toBe(true);
    expect(stored?.bytes.equals(bytes)).toBe(true);
    expect(stored?.mimeType).not.toBe('application/zip');
    const days = (Date.parse(stored!.expiresAt!) - before) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.1);
    // The library names an unzipped artifact after its file: a file named otherwise is refused here.
    await expect(
      defaultUploader().upload('other-name', [join(root, name)], root, { retentionDays: null, skipArchive: true }),
    ).rejects.toThrow(/one file named as the artifact/);
  });
});

describe('cache through @actions/cache', () => {
  const sha = sha256Hex(installerXml);
  const ipm = (sha256: string) => ({ kind: 'version', version: '0.10.10', sha256, releaseUrl }) as const;

  it('downloads the IPM installer once, then restores it from the cache', async () => {
    const warnings: string[] = [];
    const store = actionsCacheStore((m) => warnings.push(m));
    expect(store.available()).toBe(true);
    const cacheDir = join(dir, 'tmp', 'ipm-db-cache');
    const first = await resolveIpmInstaller(ipm(sha), {
      workDir: join(dir, 'tmp', 'dl1'),
      cache: actionsInstallerCache(store, cacheDir),
    });
    expect(first.origin).toBe('download');
    expect(releaseHits).toBe(1);
    expect(service.caches.filter((c) => c.finalized).map((c) => c.key)).toEqual([
      `ipm-db-ipm-installer-0.10.10-${sha}`,
    ]);

    await rm(cacheDir, { recursive: true, force: true });
    const second = await resolveIpmInstaller(ipm(sha), {
      workDir: join(dir, 'tmp', 'dl2'),
      cache: actionsInstallerCache(store, cacheDir),
    });
    expect(second.origin).toBe('cache');
    expect(releaseHits).toBe(1);
    expect(await readFile(second.path)).toEqual(installerXml);
    expect(warnings).toEqual([]);
    expect(service.calls).toContain('CacheService/GetCacheEntryDownloadURL');
  });

  it('goes on with a download when the cache service answers 503', async () => {
    const warnings: string[] = [];
    const store = actionsCacheStore((m) => warnings.push(m), process.env, 1500);
    service.failCache = true;
    const hits = releaseHits;
    try {
      const got = await resolveIpmInstaller(ipm(sha), {
        workDir: join(dir, 'tmp', 'dl-503'),
        cache: actionsInstallerCache(store, join(dir, 'tmp', 'cache-503')),
      });
      expect(got.origin).toBe('download');
      expect(releaseHits).toBe(hits + 1);
      expect(await readFile(got.path)).toEqual(installerXml);
      expect(warnings.join('\n')).toMatch(
        /Cache restore of ipm-db-ipm-installer-0\.10\.10-[0-9a-f]{64} took over 1\.5 s/,
      );
      expect(warnings.join('\n')).toMatch(/Cache save of ipm-db-ipm-installer-0\.10\.10-[0-9a-f]{64} took over 1\.5 s/);
    } finally {
      service.failCache = false;
    }
  });

  it('refuses an installer whose checksum differs from the pin', async () => {
    const store = actionsCacheStore(() => {});
    await expect(
      resolveIpmInstaller(ipm('f'.repeat(64)), {
        workDir: join(dir, 'tmp', 'dl-bad'),
        cache: actionsInstallerCache(store, join(dir, 'tmp', 'c-bad')),
      }),
    ).rejects.toThrow(/has SHA-256 [0-9a-f]{64}, not the pinned f{64}/);
  });
});
