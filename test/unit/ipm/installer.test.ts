import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryCache, installerUrl, parseInstallerSpec, resolveInstaller } from '../../../src/ipm/installer.js';

const XML = '<?xml version="1.0"?><Export generator="IRIS"><Class name="IPM.Installer"/></Export>\n';
const SHA = createHash('sha256').update(XML).digest('hex');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-inst-'));
  await writeFile(join(dir, 'zpm-0.10.10.xml'), XML);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeFetch(body: string, status = 200): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (async (url: string) => {
      urls.push(url);
      return new Response(body, { status });
    }) as unknown as typeof fetch,
  };
}

describe('parseInstallerSpec', () => {
  it('tells versions from paths', async () => {
    expect(await parseInstallerSpec('0.10.10', undefined, dir)).toEqual({ kind: 'version', version: '0.10.10' });
    expect(await parseInstallerSpec('v0.10.10', SHA.toUpperCase(), dir)).toEqual({
      kind: 'version',
      version: '0.10.10',
      sha256: SHA,
    });
    expect(await parseInstallerSpec('zpm-0.10.10.xml', undefined, dir)).toEqual({
      kind: 'path',
      path: join(dir, 'zpm-0.10.10.xml'),
    });
    await expect(parseInstallerSpec('nope.xml', undefined, dir)).rejects.toThrow(/neither an IPM version/);
    await expect(parseInstallerSpec('0.10.10', 'xyz', dir)).rejects.toThrow(/64 hexadecimal/);
  });
});

describe('resolveInstaller', () => {
  it('verifies a local installer against a pinned checksum', async () => {
    const path = join(dir, 'zpm-0.10.10.xml');
    expect(await resolveInstaller({ kind: 'path', path, sha256: SHA }, { workDir: dir })).toMatchObject({
      path,
      sha256: SHA,
      origin: 'path',
    });
    await expect(
      resolveInstaller({ kind: 'path', path, sha256: '0'.repeat(64) }, { workDir: dir }),
    ).rejects.toMatchObject({ code: 'installer-checksum-mismatch' });
  });

  it('requires a checksum for a version it does not know', async () => {
    await expect(resolveInstaller({ kind: 'version', version: '0.10.10' }, { workDir: dir })).rejects.toThrow(
      /pass --ipm-sha256/,
    );
  });

  it('downloads the release asset, verifies it, caches it and uses the cache next time', async () => {
    const cacheDir = join(dir, 'cache');
    const first = fakeFetch(XML);
    const got = await resolveInstaller(
      { kind: 'version', version: '0.10.10', sha256: SHA },
      { workDir: join(dir, 'w1'), cache: directoryCache(cacheDir), fetchImpl: first.fetch },
    );
    expect(first.urls).toEqual([installerUrl('0.10.10')]);
    expect(installerUrl('0.10.10')).toBe(
      'https://github.com/intersystems/ipm/releases/download/v0.10.10/zpm-0.10.10.xml',
    );
    expect(got.origin).toBe('download');
    expect(await readFile(got.path, 'utf8')).toBe(XML);
    const second = fakeFetch('never used');
    const again = await resolveInstaller(
      { kind: 'version', version: '0.10.10', sha256: SHA },
      { workDir: join(dir, 'w2'), cache: directoryCache(cacheDir), fetchImpl: second.fetch },
    );
    expect(again.origin).toBe('cache');
    expect(second.urls).toEqual([]);
  });

  it('never writes a download whose checksum differs', async () => {
    const bad = fakeFetch(XML + 'tampered');
    await expect(
      resolveInstaller(
        { kind: 'version', version: '0.10.11', sha256: SHA },
        { workDir: join(dir, 'w3'), fetchImpl: bad.fetch },
      ),
    ).rejects.toMatchObject({ code: 'installer-checksum-mismatch' });
    await expect(readFile(join(dir, 'w3', 'zpm-0.10.11.xml'))).rejects.toThrow();
    const missing = fakeFetch('Not Found', 404);
    await expect(
      resolveInstaller({ kind: 'version', version: '9.9.9', sha256: SHA }, { workDir: dir, fetchImpl: missing.fetch }),
    ).rejects.toMatchObject({
      code: 'installer-download-failed',
    });
  });
});
