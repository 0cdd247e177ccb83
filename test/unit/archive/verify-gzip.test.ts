import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseGzipHeader } from '../../../src/archive/gzip-member.js';
import { codes, expectError, ipmTar, ipmTgz, packageEntries, verifyBytes } from './helpers.js';

describe('verifyArchive checks the gzip layer', () => {
  it('not gzip at all (a plain tar), and an empty file', async () => {
    const plain = await verifyBytes(await ipmTar(packageEntries()));
    expectError(plain, 'gzip-invalid-header');
    expect(plain.errors).toHaveLength(1);
    expectError(await verifyBytes(Buffer.alloc(0)), 'gzip-invalid-header');
    expectError(await verifyBytes(Buffer.from([0x1f, 0x8b, 8])), 'gzip-invalid-header');
  });

  it('parses optional gzip header fields (name, comment, extra, header CRC)', () => {
    const header = Buffer.concat([
      Buffer.from([0x1f, 0x8b, 8, 0x1e, 0, 0, 0, 0, 0, 3]),
      Buffer.from([3, 0, 1, 2, 3]),
      Buffer.from('n\0c\0'),
      Buffer.from([0, 0]),
    ]);
    expect(parseGzipHeader(header)).toEqual({ complete: true, length: header.length });
    expect(parseGzipHeader(header.subarray(0, 12))).toEqual({ complete: false });
    expect(parseGzipHeader(Buffer.from([0x1f, 0x8b, 7]))).toHaveProperty('error');
    expect(parseGzipHeader(Buffer.from([0x1f, 0x8b, 8, 0x80]))).toHaveProperty('error');
  });

  it('a file cut inside the deflate data', async () => {
    const tgz = await ipmTgz(packageEntries());
    const report = await verifyBytes(tgz.subarray(0, Math.floor(tgz.length / 2)));
    expectError(report, 'gzip-truncated');
    expect(report.archive.fullyRead).toBe(false);
  });

  it('a file cut inside the 8-byte trailer', async () => {
    const tgz = await ipmTgz(packageEntries());
    expectError(await verifyBytes(tgz.subarray(0, tgz.length - 3)), 'gzip-truncated');
  });

  it('corrupt deflate data', async () => {
    const report = await verifyBytes(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x07, 0xff, 0xff, 0xff]));
    expectError(report, 'gzip-corrupt');
    expect(report.errors.map((f) => f.code)).toEqual(['gzip-corrupt']);
  });

  it('a CRC-32 or length that does not match the data', async () => {
    const tgz = Buffer.from(await ipmTgz(packageEntries()));
    const badCrc = Buffer.from(tgz);
    badCrc[badCrc.length - 8]! ^= 0xff;
    expectError(await verifyBytes(badCrc), 'gzip-crc-mismatch');
    const badSize = Buffer.from(tgz);
    badSize[badSize.length - 4]! ^= 0x01;
    expectError(await verifyBytes(badSize), 'gzip-size-mismatch');
  });

  it('garbage after the gzip member', async () => {
    const report = await verifyBytes(
      Buffer.concat([await ipmTgz(packageEntries()), Buffer.from('PK\x03\x04 hidden zip')]),
    );
    expectError(report, 'gzip-trailing-data');
    expect(report.archive.trailingBytes).toBe(15);
    expect(report.errors).toHaveLength(1);
  });

  it('finds the member end wherever the reads split it (deflate end, trailer end)', async () => {
    const tgz = await ipmTgz(packageEntries());
    const withGarbage = Buffer.concat([tgz, Buffer.from('garbage')]);
    for (const chunkSize of [tgz.length - 8, tgz.length - 4, tgz.length, tgz.length + 1]) {
      const report = await verifyBytes(withGarbage, { chunkSize });
      expect(
        report.errors.map((f) => f.code),
        `chunk size ${chunkSize}`,
      ).toEqual(['gzip-trailing-data']);
      expect(report.irisDat?.size).toBe(16384);
      expect((await verifyBytes(tgz, { chunkSize })).valid, `chunk size ${chunkSize}`).toBe(true);
    }
  });

  it('zero padding after the gzip member', async () => {
    const report = await verifyBytes(Buffer.concat([await ipmTgz(packageEntries()), Buffer.alloc(4096)]));
    expectError(report, 'gzip-trailing-data');
    expect(report.errors[0]!.message).toMatch(/4096 zero bytes/);
  });

  it('a second gzip member (concatenated archives), even one continuing the tar stream', async () => {
    const tgz = await ipmTgz(packageEntries());
    const appended = await verifyBytes(Buffer.concat([tgz, gzipSync(Buffer.from('more'))]));
    expectError(appended, 'gzip-multiple-members');
    const tar = await ipmTar(packageEntries());
    const split = await verifyBytes(Buffer.concat([gzipSync(tar.subarray(0, 2048)), gzipSync(tar.subarray(2048))]));
    expectError(split, 'gzip-multiple-members');
    expect(codes(split)).toContain('tar-truncated');
  });

  it('hashes the whole file, trailing bytes included (the OCI layer digest)', async () => {
    const { createHash } = await import('node:crypto');
    const bytes = Buffer.concat([await ipmTgz(packageEntries()), Buffer.from('tail')]);
    const report = await verifyBytes(bytes);
    expect(report.archive.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(report.archive.size).toBe(bytes.length);
  });
});
