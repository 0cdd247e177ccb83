// Pure parts of the IRIS stand-in: module.xml enrichment, the archive reader against the IPM tar
// writer, version rules, global collation and the declared compile errors.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrichManifest, exportModuleDocument, readManifest } from '../../standin/manifest.js';
import { extractTgz } from '../../standin/tar-read.js';
import { LICENCE_UNITS, claimLicenceUnit } from '../../standin/licence-units.js';
import { ipmArchiveBuffer } from '../../support/ipm-tar.js';
import { compareVersions, satisfiesSystemVersion } from '../../standin/versions.js';
import { dataOf, orderNext, queryNext } from '../../standin/globals.js';
import { declaredCompileErrors, parseUdl } from '../../standin/udl.js';
import { decodeDatabase, emptyContent, encodeDatabase } from '../../standin/database.js';
import { listBuild, listItems } from '../../standin/lists.js';

const SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<Export generator="Cache" version="25">
  <Document name="m.ZPM">
    <Module>
      <Name>m</Name>
      <Checksum Algorithm="SHA-256">old</Checksum>
      <Version>1.2.3</Version>
      <Packaging>module</Packaging>
      <SystemRequirements Version="2024.1" Interoperability="enabled" Health="true"/>
      <Resource Name="A.B.CLS" Scope="test"/>
    </Module>
  </Document>
</Export>`;

describe('enriched module.xml', () => {
  const out = enrichManifest(SOURCE, 'ab'.repeat(32), '2025.1');

  it('injects Packaging, Checksum and SystemRequirements right after Version and drops older copies', () => {
    const lines = out.split('\n').map((l) => l.trim());
    const v = lines.indexOf('<Version>1.2.3</Version>');
    expect(lines.slice(v + 1, v + 4)).toEqual([
      '<Packaging>database</Packaging>',
      `<Checksum Algorithm="SHA-256">${'ab'.repeat(32)}</Checksum>`,
      '<SystemRequirements Version="2025.1" Interoperability="enabled" Health="true"/>',
    ]);
    expect(out.match(/<Checksum/g)).toHaveLength(1);
    expect(out.match(/<Packaging>/g)).toHaveLength(1);
    expect(readManifest(out)).toMatchObject({ name: 'm', packaging: 'database', systemRequirementsVersion: '2025.1' });
  });

  it('exports dependency documents as IRIS exports of <name>.ZPM', () => {
    expect(exportModuleDocument(SOURCE)).toMatch(/<Document name="m\.ZPM">\n<Module>/);
  });
});

describe('archive reader', () => {
  it('reads what the IPM tar writer wrote, deps//x.xml prefix quirk included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-tar-'));
    try {
      const tgz = await ipmArchiveBuffer([
        { path: 'IRIS.DAT', data: Buffer.alloc(8192, 1) },
        { path: 'deps/', type: 'dir' },
        { path: 'deps/dep.xml', data: '<Export/>' },
        { path: 'module.xml', data: SOURCE },
      ]);
      const entries = extractTgz(tgz, dir);
      expect(entries.map((e) => e.path)).toEqual(['deps', 'deps/dep.xml', 'IRIS.DAT', 'module.xml']);
      expect(readdirSync(join(dir, 'deps'))).toEqual(['dep.xml']);
      expect(readFileSync(join(dir, 'IRIS.DAT')).length).toBe(8192);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses entries that leave the target directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-tar-'));
    try {
      const tgz = await ipmArchiveBuffer([{ path: '../evil', data: 'x' }], { ipmOrder: false });
      expect(() => extractTgz(tgz, dir)).toThrow(/leaves the target directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('versions', () => {
  it('orders semantic versions, a prerelease before its release', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0-beta', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
  });
  it('accepts only the same IRIS major.minor for a bare requirement', () => {
    expect(satisfiesSystemVersion('2025.1', '2025.1')).toBe(true);
    expect(satisfiesSystemVersion('2025.1', '2025.2')).toBe(false);
    expect(satisfiesSystemVersion('>=2024.1', '2025.1')).toBe(true);
  });
});

describe('global collation', () => {
  const keys = ['^G', '^G(2)', '^G(10)', '^G("a")', '^G("a",1)', '^H(1)'];
  it('orders numbers before strings and by value', () => {
    expect(orderNext(keys, { name: '^G', subs: [''] })).toBe('2');
    expect(orderNext(keys, { name: '^G', subs: ['2'] })).toBe('10');
    expect(orderNext(keys, { name: '^G', subs: ['10'] })).toBe('a');
    expect(orderNext(keys, { name: '^G', subs: ['a'] })).toBe('');
  });
  it('walks nodes with $query order and reports $data', () => {
    expect(queryNext(keys, { name: '^G', subs: [] })).toBe('^G(2)');
    expect(queryNext(keys, { name: '^G', subs: ['a'] })).toBe('^G("a",1)');
    expect(queryNext(keys, { name: '^G', subs: ['a', '1'] })).toBe('');
    expect(dataOf(keys, { name: '^G', subs: [] })).toBe(11);
    expect(dataOf(keys, { name: '^G', subs: ['a', '1'] })).toBe(1);
    expect(dataOf(keys, { name: '^H', subs: [] })).toBe(10);
  });
});

describe('stand-in IRIS.DAT and lists', () => {
  it('is a multiple of 8192 bytes with "Cache DB" in the first block and round-trips', () => {
    const bytes = encodeDatabase({ ...emptyContent(), salt: 'x' });
    expect(bytes.length % 8192).toBe(0);
    expect(bytes.subarray(0, 8).toString()).toBe('Cache DB');
    expect(decodeDatabase(bytes).salt).toBe('x');
    expect(() => decodeDatabase(Buffer.alloc(8192))).toThrow(/not a database file/);
  });
  it('round-trips $listbuild values', () => {
    expect(listItems(listBuild(['', 'ACME', '120.5', 'x'.repeat(300)]))).toEqual([
      '',
      'ACME',
      '120.5',
      'x'.repeat(300),
    ]);
  });
});

describe('declared compile errors', () => {
  it('locate the marked line as <Method>+<n> counting from the first body line', () => {
    const cls = parseUdl(
      [
        'Include Foo',
        'Class A.B Extends (%RegisteredObject, X.Y)',
        '{',
        '',
        'ClassMethod Run(a As %String, b) As %Status',
        '{',
        '    set x = 1',
        '    bad // STANDIN-COMPILE-ERROR: Invalid command',
        '}',
        '',
        '}',
      ].join('\n'),
      'A/B.cls',
    );
    expect(cls).toMatchObject({ name: 'A.B', includes: ['Foo'], superclasses: ['%RegisteredObject', 'X.Y'] });
    expect(cls.methods.get('run')?.params).toEqual(['a', 'b']);
    expect(declaredCompileErrors(cls)).toEqual([
      { className: 'A.B', method: 'Run', offset: 2, line: 8, message: 'Invalid command', text: '    bad' },
    ]);
  });
});

describe('ORAS tag choice', () => {
  it('takes the highest version and, of its database tags, the first in registry order', async () => {
    const { pickTag, parseDatabaseTag } = await import('../../standin/oras.js');
    expect(parseDatabaseTag('1.2.3_database__2025.1')).toEqual({ version: '1.2.3', platformVersion: '2025.1' });
    expect(parseDatabaseTag('1.2.3')).toBeUndefined();
    expect(pickTag(['1.0.0_database__2025.1', '2.0.0_database__2024.1', '2.0.0_database__2025.1', '3.0.0'])).toEqual({
      tag: '2.0.0_database__2024.1',
      version: '2.0.0',
      platformVersion: '2024.1',
    });
    expect(pickTag(['1.0.0', 'latest'])).toBeUndefined();
  });
});

describe('licence units', () => {
  it('gives out five, refuses the sixth, and frees a unit on release or when its process is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-licence-'));
    try {
      const releases = Array.from({ length: LICENCE_UNITS }, () => claimLicenceUnit(dir));
      expect(releases.every((r) => r !== null)).toBe(true);
      expect(claimLicenceUnit(dir)).toBeNull();
      releases[2]!();
      const again = claimLicenceUnit(dir);
      expect(again).not.toBeNull();
      expect(claimLicenceUnit(dir)).toBeNull();
      // A killed session leaves its file behind, naming a process that no longer runs.
      writeFileSync(join(dir, readdirSync(dir)[0]!), '2147483646');
      expect(claimLicenceUnit(dir)).not.toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
