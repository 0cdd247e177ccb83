import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IpmDbError } from '../../../src/util/errors.js';
import { verifyArchiveStream } from '../../../src/archive/verify.js';
import { ipmTarHeader, type ArchiveEntry, type TarTypeflag } from '../../support/ipm-tar.js';
import {
  expectError,
  expectWarning,
  codes,
  ipmTar,
  ipmTgz,
  packageEntries,
  patchHeader,
  rawEntry,
  verifyBytes,
} from './helpers.js';

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length++;
  return `${length}${body}`;
}

const withExtra = async (extra: ArchiveEntry[], ipmOrder = true) =>
  verifyBytes(await ipmTgz(packageEntries({ override: extra }), ipmOrder));
const tarThen = async (...parts: Buffer[]) =>
  verifyBytes(gzipSync(Buffer.concat([await ipmTar(packageEntries()), ...parts])));

describe('verifyArchive rejects hostile entries', () => {
  it('an absolute path', async () => {
    const report = await withExtra([{ path: '/etc/cron.d/evil', data: 'x' }], false);
    expectError(report, 'entry-absolute-path', '/etc/cron.d//evil');
    expect(report.entries.find((e) => e.path === '/etc/cron.d//evil')?.role).toBe('rejected');
  });

  it('a ".." segment', async () => {
    expectError(
      await withExtra([{ path: 'deps/../../evil.sh', data: 'x' }], false),
      'entry-parent-traversal',
      'deps/../..//evil.sh',
    );
  });

  it('a backslash (a Windows traversal) and control characters', async () => {
    expectError(
      await withExtra([{ path: '..\\..\\evil.bat', data: 'x' }]),
      'entry-unsafe-characters',
      '..\\..\\evil.bat',
    );
    expectError(await withExtra([{ path: 'a\u001b[2Jb.txt', data: 'x' }]), 'entry-unsafe-characters');
  });

  it('a symbolic link, even in place of IRIS.DAT', async () => {
    const report = await verifyBytes(
      await ipmTgz(
        packageEntries({
          override: [{ path: 'IRIS.DAT', type: 'symlink', linkname: '/usr/irissys/mgr/user/IRIS.DAT' }],
        }),
      ),
    );
    expectError(report, 'entry-symlink', 'IRIS.DAT');
    expectError(report, 'iris-dat-missing', 'IRIS.DAT');
    expect(report.entries.find((e) => e.path === 'IRIS.DAT')).toMatchObject({
      kind: 'symlink',
      role: 'rejected',
      linkTarget: '/usr/irissys/mgr/user/IRIS.DAT',
    });
  });

  it('a hard link', async () => {
    expectError(
      await withExtra([{ path: 'copy.dat', type: 'hardlink', linkname: 'IRIS.DAT' }]),
      'entry-hardlink',
      'copy.dat',
    );
  });

  it('character and block devices', async () => {
    expectError(await withExtra([{ path: 'tty', type: 'chardev' }]), 'entry-device', 'tty');
    expectError(await withExtra([{ path: 'disk', type: 'blockdev' }]), 'entry-device', 'disk');
  });

  it('a FIFO', async () => {
    expectError(await withExtra([{ path: 'pipe', type: 'fifo' }]), 'entry-fifo', 'pipe');
  });

  it('an unsupported entry type (GNU sparse file)', async () => {
    const report = await tarThen(rawEntry({ name: 'sparse.bin', typeflag: 'S' as TarTypeflag }, 'abc'));
    expectError(report, 'entry-unsupported-type', 'sparse.bin');
  });

  it('a duplicate path after normalisation ("deps//x.xml" vs "deps/x.xml", "./IRIS.DAT" vs "IRIS.DAT")', async () => {
    const dup = await tarThen(rawEntry({ name: 'deps/demo-dep.xml' }, 'shadow'));
    expectError(dup, 'entry-duplicate', 'deps/demo-dep.xml');
    expectError(await tarThen(rawEntry({ name: './IRIS.DAT' }, 'shadow')), 'entry-duplicate', 'IRIS.DAT');
  });

  it('a path below a regular file', async () => {
    expectError(
      await withExtra([{ path: 'IRIS.DAT/inner', data: 'x' }], false),
      'entry-path-conflict',
      'IRIS.DAT/inner',
    );
  });

  it('warns about paths differing only in case', async () => {
    const report = await withExtra([{ path: 'iris.dat', data: 'x' }]);
    expectWarning(report, 'entry-case-collision');
    expect(report.valid).toBe(true);
  });

  it('warns about a name that may have been cut by IPM at 99 bytes', async () => {
    const report = await withExtra([{ path: `${'n'.repeat(95)}.xml`, data: 'x' }]);
    expectWarning(report, 'entry-name-maybe-truncated', `${'n'.repeat(95)}.xml`);
  });

  it('skips "./" entries as IPM does', async () => {
    const report = await verifyBytes(
      gzipSync(Buffer.concat([rawEntry({ name: './', typeflag: '5' }), await ipmTar(packageEntries())])),
    );
    expect(report.valid).toBe(true);
    expect(report.entries.map((e) => e.path)).not.toContain('');
  });
});

describe('verifyArchive enforces its limits', () => {
  it('entry count', async () => {
    const report = await verifyBytes(await ipmTgz(packageEntries()), { limits: { maxEntries: 3 } });
    expectError(report, 'limit-entry-count', 'module.xml');
    expect(report.archive.fullyRead).toBe(false);
    expect(codes(report)).not.toContain('module-xml-missing');
  });

  it('total decompressed size (a decompression bomb stops early)', async () => {
    const report = await verifyBytes(await ipmTgz(packageEntries()), { limits: { maxTotalSize: 4096 } });
    expectError(report, 'limit-total-size');
    expect(report.archive.fullyRead).toBe(false);
  });

  it('IRIS.DAT size and any other entry size', async () => {
    expectError(
      await verifyBytes(await ipmTgz(packageEntries()), { limits: { maxIrisDatSize: 8192 } }),
      'limit-entry-size',
      'IRIS.DAT',
    );
    const big = await ipmTgz(packageEntries({ override: [{ path: 'big.bin', data: Buffer.alloc(5000) }] }));
    expectError(await verifyBytes(big, { limits: { maxEntrySize: 4096 } }), 'limit-entry-size', 'big.bin');
  });

  it('XML size: module.xml over maxXmlSize is not parsed', async () => {
    const report = await verifyBytes(await ipmTgz(packageEntries()), { limits: { maxXmlSize: 100 } });
    expectError(report, 'limit-xml-size', 'module.xml');
    expectError(report, 'limit-xml-size', 'deps/demo-dep.xml');
    expect(report.module).toBeNull();
    expect(codes(report)).not.toContain('module-xml-missing');
  });

  it('pax header size', async () => {
    const pax = paxRecord('path', 'p'.repeat(22));
    const report = await tarThen(
      rawEntry({ name: 'PaxHeader/x', typeflag: 'x' }, pax.repeat(10)),
      rawEntry({ name: 'x' }, 'x'),
    );
    expect(report.valid).toBe(true);
    const limited = await verifyBytes(
      gzipSync(
        Buffer.concat([
          rawEntry({ name: 'PaxHeader/x', typeflag: 'x' }, pax.repeat(10)),
          await ipmTar(packageEntries()),
        ]),
      ),
      {
        limits: { maxHeaderExtensionSize: 100 },
      },
    );
    expectError(limited, 'limit-header-extension-size');
  });

  it('path length', async () => {
    const report = await verifyBytes(
      await ipmTgz(packageEntries({ override: [{ path: 'a/very/deep/path.txt', data: 'x' }] })),
      { limits: { maxPathLength: 12 } },
    );
    expectError(report, 'limit-path-length', 'a/very/deep/path.txt');
  });

  it('rejects limits that are not positive integers', async () => {
    await expect(verifyBytes(Buffer.alloc(0), { limits: { maxEntries: -1 } })).rejects.toThrow(/positive integer/);
  });
});

describe('verifyArchive rejects corrupt tar data', () => {
  it('a header whose checksum does not add up', async () => {
    const bad = ipmTarHeader({ name: 'evil.txt', size: 0, corruptChecksum: true });
    const report = await tarThen(bad);
    expectError(report, 'tar-header-checksum');
    expect(report.archive.fullyRead).toBe(false);
  });

  it('a header with an unreadable size field', async () => {
    const header = patchHeader(ipmTarHeader({ name: 'x.txt', size: 1 }), 124, '9zz99999999 ');
    expectError(await tarThen(header), 'tar-header-invalid');
  });

  it('a malformed pax record', async () => {
    expectError(
      await tarThen(rawEntry({ name: 'PaxHeader/x', typeflag: 'x' }, '99 path=x\n')),
      'tar-extension-invalid',
    );
  });

  it('non-zero data after the end-of-archive blocks', async () => {
    expectError(await tarThen(Buffer.alloc(1024), Buffer.from('appended payload')), 'tar-trailing-data');
  });

  it('accepts zero blocks to the end (GNU tar record padding)', async () => {
    const report = await tarThen(Buffer.alloc(10240));
    expect(report.valid).toBe(true);
    expect(report.archive.endOfArchiveBlocks).toBe(20);
  });

  it('a partial block after the last entry: zero bytes are padding, other bytes a truncated header', async () => {
    expectError(await tarThen(Buffer.alloc(100)), 'tar-trailing-data');
    expectError(await tarThen(Buffer.from('garbage')), 'tar-truncated');
  });

  it('a tar stream cut inside IRIS.DAT (the gzip member itself intact)', async () => {
    const tar = await ipmTar(packageEntries());
    const datStart = tar.indexOf(Buffer.from('SYNTHETIC IRIS.DAT'));
    const report = await verifyBytes(gzipSync(tar.subarray(0, datStart + 1000)));
    expectError(report, 'tar-truncated', 'IRIS.DAT');
    expect(report.errors.find((f) => f.code === 'tar-truncated')!.message).toMatch(
      /15384 bytes of its data are missing/,
    );
  });

  it('an archive with no entries', async () => {
    expectError(await verifyBytes(gzipSync(Buffer.alloc(0))), 'tar-empty');
    expectError(await verifyBytes(gzipSync(Buffer.alloc(1024))), 'tar-empty');
  });
});

describe('verifyArchive never hangs', () => {
  it('fails a source that stalls with archive-unreadable', async () => {
    const tgz = await ipmTgz(packageEntries());
    async function* stalling() {
      yield tgz.subarray(0, 100);
      await new Promise(() => {}); // never delivers again
    }
    const started = Date.now();
    const err = await verifyArchiveStream(
      stalling(),
      { path: 'stalled.tgz', fileName: 'stalled.tgz' },
      { limits: { readStallTimeoutMs: 50 } },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpmDbError);
    expect((err as IpmDbError).code).toBe('archive-unreadable');
    expect((err as IpmDbError).message).toMatch(/stalled/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('verifyArchive reads old and odd but harmless layouts', () => {
  it('a pre-POSIX directory entry (regular-file type, name ending in "/")', async () => {
    const tar = Buffer.concat([
      rawEntry({ name: 'extra/', typeflag: '0' }),
      rawEntry({ name: 'extra/file.txt' }, 'x'),
      await ipmTar(packageEntries()),
    ]);
    const report = await verifyBytes(gzipSync(tar));
    expect(report.valid).toBe(true);
    expect(report.entries.find((e) => e.path === 'extra')).toMatchObject({ kind: 'directory', role: 'directory' });
  });
});

describe('verifyArchive stays linear on hostile path shapes', () => {
  it('5,000 distinct 400-level-deep paths (GNU long names) take seconds, not hours', async () => {
    const deep = '/a'.repeat(400);
    const parts: Buffer[] = [await ipmTar(packageEntries())];
    for (let i = 0; i < 5_000; i++) {
      const name = `d${i}${deep}/f`;
      parts.push(
        rawEntry({ name: '././@LongLink', typeflag: 'L' }, `${name}\0`),
        rawEntry({ name: 'placeholder' }, ''),
      );
    }
    const started = Date.now();
    const report = await verifyBytes(gzipSync(Buffer.concat(parts)), { chunkSize: 1024 * 1024 });
    const seconds = (Date.now() - started) / 1000;
    expect(report.errors).toEqual([]);
    expect(report.archive.entryCount).toBe(5_004);
    // Walking every ancestor of every path would take minutes here; one sort does not.
    expect(seconds).toBeLessThan(20);
  });
});

describe('entry-path-conflict is found however far apart the entries are', () => {
  it('a file, then an unrelated entry, then an entry below the file', async () => {
    const report = await verifyBytes(
      await ipmTgz(
        packageEntries({
          override: [
            { path: 'data', data: 'a file named data' },
            { path: 'data.bak', data: 'x' },
            { path: 'data/deeper/x.txt', data: 'x' },
          ],
        }),
        false,
      ),
    );
    expectError(report, 'entry-path-conflict', 'data/deeper/x.txt');
  });
});
