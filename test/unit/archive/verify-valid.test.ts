import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dependencyXml } from '../../../scripts/make-example-archive.js';
import {
  DAT,
  DAT_SHA,
  codes,
  expectError,
  expectWarning,
  ipmTar,
  ipmTgz,
  packageEntries,
  verifyBytes,
} from './helpers.js';

const run = promisify(execFile);

describe('verifyArchive on a valid package', () => {
  it("accepts IPM's own layout and reports every part of the package", async () => {
    const tgz = await ipmTgz(packageEntries());
    // IPM's quirks are really there: prefix "deps/" + name, directory entry without "/", no end blocks.
    const tar = await ipmTar(packageEntries());
    const field = (offset: number, length: number) =>
      tar.toString('latin1', offset, offset + length).replace(/\0+$/, '');
    expect([field(0, 100), field(345, 155), field(156, 1)]).toEqual(['deps', '', '5']);
    expect([field(512, 100), field(512 + 345, 155)]).toEqual(['demo-dep.xml', 'deps/']);
    expect(tar.length % 512).toBe(0);
    expect(tar.subarray(tar.length - 512).equals(Buffer.alloc(512))).toBe(false);
    const report = await verifyBytes(tgz);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.irisDat).toEqual({ size: DAT.length, sha256: DAT_SHA });
    expect(report.checksum).toEqual({ algorithm: 'SHA-256', expected: DAT_SHA, actual: DAT_SHA, match: true });
    expect(report.module).toMatchObject({
      name: 'demo-module',
      version: '1.0.0',
      packaging: 'database',
      irisVersion: '2026.1',
    });
    expect(report.module!.manifestXml).toContain('<Checksum Algorithm="SHA-256">');
    expect(report.dependencies).toEqual([
      { name: 'demo-dep', declaredVersion: '^1.0.0', packagedVersion: '1.2.0', depsFile: 'deps/demo-dep.xml' },
    ]);
    expect(report.entries.map((e) => [e.path, e.kind, e.role])).toEqual([
      ['deps', 'directory', 'directory'],
      ['deps/demo-dep.xml', 'file', 'dependency'],
      ['IRIS.DAT', 'file', 'iris-dat'],
      ['module.xml', 'file', 'module-xml'],
    ]);
    expect(report.archive).toMatchObject({
      size: tgz.length,
      endOfArchiveBlocks: 0,
      trailingBytes: 0,
      fullyRead: true,
      entryCount: 4,
    });
    expect(report.archive.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(codes(report)).toContain('tar-no-end-marker');
  });

  it('gives the same result whatever the read chunk size (headers split across chunks)', async () => {
    const tgz = await ipmTgz(packageEntries());
    for (const chunkSize of [1, 7, 511, 513, 4096]) {
      const report = await verifyBytes(tgz, { chunkSize });
      expect(report.valid, `chunk size ${chunkSize}`).toBe(true);
      expect(report.irisDat?.sha256).toBe(DAT_SHA);
    }
  });

  it('accepts an archive written by GNU tar (./ entries, end-of-archive blocks, pax or gnu format)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipm-db-gnutar-'));
    try {
      const stage = join(dir, 'stage');
      await mkdir(join(stage, 'deps'), { recursive: true });
      await writeFile(join(stage, 'IRIS.DAT'), DAT);
      for (const e of packageEntries())
        if (e.path === 'module.xml') await writeFile(join(stage, 'module.xml'), e.data as string);
      const longName = `${'x'.repeat(120)}.xml`;
      await writeFile(join(stage, 'deps', 'demo-dep.xml'), dependencyXml('demo-dep', '1.2.0'));
      await writeFile(join(stage, longName), 'long names need a GNU or pax extension');
      for (const format of ['gnu', 'posix']) {
        const out = join(dir, `demo-module-1.0.0-database-${format}.tgz`);
        await run('tar', [`--format=${format}`, '-czf', out, '-C', stage, '.']);
        const report = await verifyBytes(await readFile(out));
        expect(report.errors, format).toEqual([]);
        expect(report.archive.endOfArchiveBlocks, format).toBeGreaterThanOrEqual(2);
        expect(
          report.entries.map((e) => e.path),
          format,
        ).toContain(longName);
        expect(
          report.entries.map((e) => e.path),
          format,
        ).not.toContain('');
        expect(report.checksum.match).toBe(true);
        expect(codes(report)).not.toContain('tar-no-end-marker');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('checks what the caller expects: IRIS version (major.minor of a full build), name and version', async () => {
    const tgz = await ipmTgz(packageEntries());
    expect(
      (
        await verifyBytes(tgz, {
          expectedIrisVersion: '2026.1.0.227.0',
          expectedModuleName: 'DEMO-module',
          expectedModuleVersion: '1.0.0',
        })
      ).valid,
    ).toBe(true);
    expectError(await verifyBytes(tgz, { expectedIrisVersion: '2025.1' }), 'iris-version-mismatch', 'module.xml');
    expectError(await verifyBytes(tgz, { expectedModuleName: 'other' }), 'module-name-mismatch', 'module.xml');
    expectError(await verifyBytes(tgz, { expectedModuleVersion: '1.0.1' }), 'module-version-mismatch', 'module.xml');
    const report = await verifyBytes(tgz, { expectedIrisVersion: '2025.1' });
    expect(report.expected).toEqual({ irisVersion: '2025.1' });
  });

  it('compares the checksum case-insensitively, as IPM does', async () => {
    const report = await verifyBytes(await ipmTgz(packageEntries({ module: { checksum: DAT_SHA.toUpperCase() } })));
    expect(report.valid).toBe(true);
    expect(report.checksum.match).toBe(true);
  });

  it("checks the file name against module.xml when it follows IPM's pattern", async () => {
    const tgz = await ipmTgz(packageEntries());
    const renamed = await verifyBytes(tgz, { fileName: 'demo-module-2.0.0-database.tgz' });
    expect(renamed.errors.map((f) => f.code)).toEqual(['file-name-mismatch']);
    expect(renamed.errors[0]!.message).toContain('demo-module-1.0.0-database.tgz');
    const other = await verifyBytes(tgz, { fileName: 'download (1).tgz' });
    expect(other.valid).toBe(true);
    expect(codes(other)).toContain('file-name-nonstandard');
  });

  it('reports whether test-scoped files were packaged', async () => {
    const extra = `      <FileCopy Name="tests/fixtures.csv" Target="x" Scope="test"/>\n      <Resource Name="Demo.Tests.PKG" Scope="verify"/>`;
    const without = await verifyBytes(await ipmTgz(packageEntries({ module: { extra } })));
    expect(without.builtWithTestResources).toBe(false);
    expect(without.module!.testResources).toEqual(['tests/fixtures.csv', 'Demo.Tests.PKG']);
    expect(codes(without)).toContain('built-without-test-resources');
    const withTests = await verifyBytes(
      await ipmTgz(packageEntries({ module: { extra }, override: [{ path: 'tests/fixtures.csv', data: 'a,b\n' }] })),
    );
    expect(withTests.builtWithTestResources).toBe(true);
    expect(codes(withTests)).toContain('built-with-test-resources');
    const compiledOnly = await verifyBytes(
      await ipmTgz(packageEntries({ module: { extra: '      <Resource Name="T.PKG" Scope="test"/>' } })),
    );
    expect(compiledOnly.builtWithTestResources).toBeNull();
    expect(codes(compiledOnly)).toContain('test-resources-undetermined');
  });

  it('reads UpdatePackage', async () => {
    const report = await verifyBytes(
      await ipmTgz(packageEntries({ module: { extra: '      <UpdatePackage>Demo.Update</UpdatePackage>' } })),
    );
    expect(report.module!.updatePackage).toBe('Demo.Update');
  });

  it('warns about an IRIS.DAT whose size is not a multiple of 8192', async () => {
    const dat = Buffer.concat([DAT, Buffer.from('x')]);
    const { sha256Hex } = await import('../../../scripts/make-example-archive.js');
    const report = await verifyBytes(
      await ipmTgz(
        packageEntries({ override: [{ path: 'IRIS.DAT', data: dat }], module: { checksum: sha256Hex(dat) } }),
      ),
    );
    expect(report.valid).toBe(true);
    expectWarning(report, 'iris-dat-size-unaligned', 'IRIS.DAT');
  });

  it('accepts an empty deps/ directory and warns about a declared dependency without a deps file', async () => {
    const report = await verifyBytes(await ipmTgz(packageEntries({ drop: ['deps/demo-dep.xml'] })));
    expect(report.valid).toBe(true);
    expectWarning(report, 'dependency-file-missing', 'deps/demo-dep.xml');
    expect(report.dependencies).toEqual([
      { name: 'demo-dep', declaredVersion: '^1.0.0', packagedVersion: null, depsFile: null },
    ]);
  });

  it('lists a transitive dependency that module.xml does not declare', async () => {
    const report = await verifyBytes(
      await ipmTgz(
        packageEntries({ override: [{ path: 'deps/transitive.xml', data: dependencyXml('transitive', '0.1.0') }] }),
      ),
    );
    expect(report.valid).toBe(true);
    expect(report.dependencies.find((d) => d.name === 'transitive')).toEqual({
      name: 'transitive',
      declaredVersion: null,
      packagedVersion: '0.1.0',
      depsFile: 'deps/transitive.xml',
    });
  });
});
