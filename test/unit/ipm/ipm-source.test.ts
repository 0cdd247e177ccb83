import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryCache, pinnedSource, resolveInstaller } from '../../../src/ipm/installer.js';
import {
  expectedTopFolder,
  parseIpmCommit,
  parseIpmRepository,
  sourceArchiveUrl,
  unpackSourceArchive,
} from '../../../src/ipm/ipm-source.js';
import { ipmTarBufferSync } from '../../support/ipm-tar.js';
import { gzipSync } from 'node:zlib';
import { ipmSourceArchive } from '../../support/ipm-source-tree.js';

const COMMIT = 'a'.repeat(40);
const PIN = { commit: COMMIT, repository: 'https://github.com/intersystems/ipm' };
let dir: string;
let archive: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-src-'));
  archive = await ipmSourceArchive(COMMIT);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeFetch(body: Buffer | null): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (async (url: string) => {
      urls.push(url);
      return body ? new Response(body, { status: 200 }) : new Response('Not Found', { status: 404 });
    }) as unknown as typeof fetch,
  };
}

describe('the pin', () => {
  it('takes a full commit only', () => {
    expect(parseIpmCommit('1193DB1CA91E1C5116230A69F1A28E63BBEE30D6')).toBe('1193db1ca91e1c5116230a69f1a28e63bbee30d6');
    expect(() => parseIpmCommit('1193db1')).toThrow(/short commit hash.*full 40/);
    expect(() => parseIpmCommit('db-packaging')).toThrow(/branch or tag name moves/);
    expect(() => parseIpmCommit('v0.10.9')).toThrow(/not a commit/);
    expect(() => parseIpmCommit('a'.repeat(64))).toThrow(/not a commit/);
  });

  it('takes an https repository (http on loopback only), normalised', () => {
    expect(parseIpmRepository('')).toBe('https://github.com/intersystems/ipm');
    expect(parseIpmRepository('https://github.com/me/ipm-fork.git/')).toBe('https://github.com/me/ipm-fork');
    expect(parseIpmRepository('http://127.0.0.1:8080/intersystems/ipm')).toBe('http://127.0.0.1:8080/intersystems/ipm');
    expect(() => parseIpmRepository('http://example.com/intersystems/ipm')).toThrow(/https URL/);
    expect(() => parseIpmRepository('https://user:pw@github.com/intersystems/ipm')).toThrow(/credentials/);
    expect(() => parseIpmRepository('https://github.com/intersystems/ipm?x=1')).toThrow(/query/);
    expect(() => parseIpmRepository('https://github.com/')).toThrow(/does not name a repository/);
    expect(() => parseIpmRepository('git@github.com:intersystems/ipm')).toThrow(/not a URL|https URL/);
  });

  it('names the archive and its top folder as GitHub does', () => {
    expect(sourceArchiveUrl(PIN)).toBe(`https://github.com/intersystems/ipm/archive/${COMMIT}.tar.gz`);
    expect(expectedTopFolder({ ...PIN, repository: 'https://github.com/me/ipm-fork' })).toBe(`ipm-fork-${COMMIT}`);
  });
});

describe('unpackSourceArchive', () => {
  it('unpacks an IPM tree writable by any user (IRIS is not the owner)', async () => {
    const root = await unpackSourceArchive(archive, PIN, join(dir, 'tree1'));
    expect(root).toBe(join(dir, 'tree1', `ipm-${COMMIT}`));
    const installer = await stat(join(root, 'preload/cls/IPM/Installer.cls'));
    expect(installer.mode & 0o777).toBe(0o666);
    expect((await stat(join(root, 'src/cls/IPM'))).mode & 0o777).toBe(0o777);
    expect(await readFile(join(root, 'module.xml'), 'utf8')).toContain('<Name>ZPM</Name>');
  });

  it('refuses another top folder, a tree without the installer class, links and unsafe paths', async () => {
    const other = await ipmSourceArchive(COMMIT, { topFolder: 'ipm-main' });
    await expect(unpackSourceArchive(other, PIN, join(dir, 't2'))).rejects.toThrow(`is not under ipm-${COMMIT}/`);
    const noInstaller = await ipmSourceArchive(COMMIT, { installer: false });
    await expect(unpackSourceArchive(noInstaller, PIN, join(dir, 't3'))).rejects.toMatchObject({
      code: 'ipm-source-invalid',
      message: expect.stringContaining('preload/cls/IPM/Installer.cls'),
    });
    const top = `ipm-${COMMIT}`;
    const link = gzipSync(ipmTarBufferSync([{ path: `${top}/x`, type: 'symlink', linkname: '/etc/passwd' }]));
    await expect(unpackSourceArchive(link, PIN, join(dir, 't4'))).rejects.toThrow(/is a symlink/);
    const traversal = gzipSync(ipmTarBufferSync([{ path: `${top}/../evil`, data: 'x' }]));
    await expect(unpackSourceArchive(traversal, PIN, join(dir, 't5'))).rejects.toThrow(/\.\./);
    await expect(unpackSourceArchive(Buffer.from('not gzip'), PIN, join(dir, 't6'))).rejects.toThrow(/not a gzip/);
    expect(await stat(join(dir, 't3')).catch(() => null)).toBeNull();
  });
});

describe('resolveInstaller with a git pin', () => {
  it('downloads once, records the archive sha256, and later resolves from the cache and from the fetched archive', async () => {
    const cache = directoryCache(join(dir, 'cache'));
    const first = fakeFetch(archive);
    const a = await resolveInstaller(
      { kind: 'git', ...PIN },
      { workDir: join(dir, 'w1'), cache, fetchImpl: first.fetch },
    );
    expect(first.urls).toEqual([sourceArchiveUrl(PIN)]);
    expect(a.sha256).toBe(createHash('sha256').update(archive).digest('hex'));
    expect(a.origin).toBe('download');
    expect(a.git).toMatchObject(PIN);
    const second = fakeFetch(null);
    const b = await resolveInstaller(
      { kind: 'git', ...PIN },
      { workDir: join(dir, 'w2'), cache, fetchImpl: second.fetch },
    );
    expect(b.origin).toBe('cache');
    expect(second.urls).toEqual([]);
    const again = pinnedSource(a);
    expect(again).toMatchObject({ kind: 'git', commit: COMMIT, archive: { sha256: a.sha256 } });
    const c = await resolveInstaller(again, { workDir: join(dir, 'w3'), fetchImpl: second.fetch });
    expect(c.origin).toBe('path');
    expect(c.path).toBe(join(dir, 'w3', `ipm-source-${COMMIT}`, `ipm-${COMMIT}`));
  });

  it('drops a damaged cache entry and downloads again', async () => {
    const cacheDir = join(dir, 'cache2');
    const cache = directoryCache(cacheDir);
    await resolveInstaller(
      { kind: 'git', ...PIN },
      { workDir: join(dir, 'w4'), cache, fetchImpl: fakeFetch(archive).fetch },
    );
    const { readdir } = await import('node:fs/promises');
    const [file] = await readdir(cacheDir);
    await writeFile(join(cacheDir, file!), 'garbage');
    const refetch = fakeFetch(archive);
    const r = await resolveInstaller(
      { kind: 'git', ...PIN },
      { workDir: join(dir, 'w5'), cache, fetchImpl: refetch.fetch },
    );
    expect(r.origin).toBe('download');
    expect(refetch.urls).toHaveLength(1);
  });

  it('says what failed when the commit is not served', async () => {
    await expect(
      resolveInstaller({ kind: 'git', ...PIN }, { workDir: join(dir, 'w6'), fetchImpl: fakeFetch(null).fetch }),
    ).rejects.toMatchObject({ code: 'installer-download-failed', message: expect.stringContaining('HTTP 404') });
  });
});
