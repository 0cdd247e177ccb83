import { describe, expect, it } from 'vitest';
import { normaliseEntryPath } from '../../../src/archive/entry-path.js';
import { parseNumericField, parsePaxRecords, parseTarHeader } from '../../../src/archive/tar-header.js';
import { ipmTarHeader } from '../../support/ipm-tar.js';
import { patchHeader } from './helpers.js';

describe('normaliseEntryPath', () => {
  it.each([
    ['deps//x.xml', 'deps/x.xml'],
    ['./IRIS.DAT', 'IRIS.DAT'],
    ['././a/./b//c/', 'a/b/c'],
    ['module.xml', 'module.xml'],
  ])('%s -> %s', (raw, path) => {
    expect(normaliseEntryPath(raw)).toEqual({ path, skip: false, problems: [] });
  });

  it('skips "./" and "." as IPM does', () => {
    expect(normaliseEntryPath('./').skip).toBe(true);
    expect(normaliseEntryPath('.').skip).toBe(true);
  });

  it.each([
    ['/etc/passwd', 'entry-absolute-path'],
    ['C:/Windows/x', 'entry-absolute-path'],
    ['\\\\server\\share', 'entry-absolute-path'],
    ['a/../../b', 'entry-parent-traversal'],
    ['..', 'entry-parent-traversal'],
    ['a\\..\\b', 'entry-parent-traversal'],
    ['a\u0000b', 'entry-unsafe-characters'],
    ['bad\ufffdname', 'entry-unsafe-characters'],
    ['', 'entry-empty-path'],
  ])('%j is unsafe: %s', (raw, code) => {
    expect(normaliseEntryPath(raw).problems.map((p) => p.code)).toContain(code);
  });
});

describe('tar header parsing', () => {
  it('reads IPM\'s header: prefix joined with "/", octal fields ending in a space', () => {
    const parsed = parseTarHeader(ipmTarHeader({ name: 'x.xml', prefix: 'deps/', size: 1234 }));
    expect(parsed).toMatchObject({
      ok: true,
      header: { path: 'deps//x.xml', size: 1234, type: 'file', format: 'ustar' },
    });
  });

  it('accepts a signed-sum checksum (old tar writers) and rejects a wrong one', () => {
    const header = patchHeader(ipmTarHeader({ name: 'x' }), 200, Buffer.from([0xff]));
    let signed = 0;
    for (let i = 0; i < 512; i++) {
      const b = i >= 148 && i < 156 ? 32 : header[i]!;
      signed += b >= 128 ? b - 256 : b;
    }
    const signedHeader = Buffer.from(header);
    signedHeader.write(`${signed.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    expect(parseTarHeader(signedHeader).ok).toBe(true);
    expect(parseTarHeader(ipmTarHeader({ name: 'x', corruptChecksum: true }))).toMatchObject({
      ok: false,
      code: 'tar-header-checksum',
    });
  });

  it('reads GNU base-256 sizes (files of 8 GiB and more)', () => {
    const field = Buffer.alloc(12);
    field[0] = 0x80;
    field.writeUIntBE(9 * 1024 ** 3, 6, 6);
    expect(parseNumericField(field, 0, 12)).toBe(9 * 1024 ** 3);
    expect(parseNumericField(Buffer.from('0000000012 \0'), 0, 12)).toBe(10);
    expect(parseNumericField(Buffer.from('   12\0      '), 0, 12)).toBe(10);
    expect(parseNumericField(Buffer.from('12x         '), 0, 12)).toBeNull();
    expect(parseNumericField(Buffer.from('12 3        '), 0, 12)).toBeNull();
  });

  it('parses pax records and refuses malformed ones', () => {
    expect(parsePaxRecords(Buffer.from('16 path=abcdefg\n11 size=42\n'))).toEqual(
      new Map([
        ['path', 'abcdefg'],
        ['size', '42'],
      ]),
    );
    expect(() => parsePaxRecords(Buffer.from('99 path=x\n'))).toThrow();
    expect(() => parsePaxRecords(Buffer.from('x path=x\n'))).toThrow();
    expect(() => parsePaxRecords(Buffer.from('8 path\n'))).toThrow();
  });
});
