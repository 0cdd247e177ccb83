import { describe, expect, it } from 'vitest';
import { dependencyXml, moduleXml } from '../../../scripts/make-example-archive.js';
import { DAT_SHA, codes, expectError, expectWarning, ipmTgz, packageEntries, verifyBytes } from './helpers.js';

const withModule = async (
  module: Parameters<typeof packageEntries>[0] extends infer O ? (O extends { module?: infer M } ? M : never) : never,
) => verifyBytes(await ipmTgz(packageEntries({ module })));
const withModuleXml = async (xml: string | Buffer) =>
  verifyBytes(await ipmTgz(packageEntries({ override: [{ path: 'module.xml', data: xml }] })));
const withDep = async (xml: string) =>
  verifyBytes(await ipmTgz(packageEntries({ override: [{ path: 'deps/demo-dep.xml', data: xml }] })));

describe('IRIS.DAT checks', () => {
  it('missing, with a hint when it sits in a sub-directory', async () => {
    const report = await verifyBytes(await ipmTgz(packageEntries({ drop: ['IRIS.DAT'] })));
    expectError(report, 'iris-dat-missing');
    const nested = await verifyBytes(
      await ipmTgz(packageEntries({ drop: ['IRIS.DAT'], override: [{ path: 'pkg/IRIS.DAT', data: 'x' }] })),
    );
    expect(nested.errors.find((f) => f.code === 'iris-dat-missing')!.message).toContain('Found "pkg/IRIS.DAT"');
  });

  it('a directory named IRIS.DAT', async () => {
    expectError(
      await verifyBytes(await ipmTgz(packageEntries({ override: [{ path: 'IRIS.DAT', type: 'dir' }] }))),
      'iris-dat-missing',
      'IRIS.DAT',
    );
  });

  it('empty', async () => {
    const report = await verifyBytes(
      await ipmTgz(packageEntries({ override: [{ path: 'IRIS.DAT', data: Buffer.alloc(0) }] })),
    );
    expectError(report, 'iris-dat-empty', 'IRIS.DAT');
  });

  it('checksum mismatch names both digests, as IPM does', async () => {
    const other = 'ab'.repeat(32);
    const report = await withModule({ checksum: other });
    expectError(report, 'checksum-mismatch', 'IRIS.DAT');
    expect(report.errors[0]!.message).toContain(`Expected: ${other}`);
    expect(report.errors[0]!.message).toContain(`Actual: ${DAT_SHA}`);
    expect(report.checksum).toMatchObject({ expected: other, actual: DAT_SHA, match: false });
  });
});

describe('module.xml checks', () => {
  it('missing', async () => {
    expectError(await verifyBytes(await ipmTgz(packageEntries({ drop: ['module.xml'] }))), 'module-xml-missing');
  });

  it('a DOCTYPE is refused and its entities never expanded (billion laughs)', async () => {
    const prolog = '<!DOCTYPE Export [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const xml = moduleXml({ name: 'demo-module', version: '1.0.0', checksum: DAT_SHA, prolog }).replace(
      'Synthetic',
      '&b;',
    );
    const report = await withModuleXml(xml);
    expectError(report, 'xml-doctype', 'module.xml');
    expect(report.module).toBeNull();
  });

  it('an external entity (XXE) is refused', async () => {
    const prolog = '<!DOCTYPE Export [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    const xml = moduleXml({ name: 'demo-module', version: '1.0.0', checksum: DAT_SHA, prolog }).replace(
      'Synthetic',
      '&xxe;',
    );
    expectError(await withModuleXml(xml), 'xml-doctype', 'module.xml');
  });

  it('an undeclared entity reference is not well-formed', async () => {
    const xml = moduleXml({ name: 'demo-module', version: '1.0.0', checksum: DAT_SHA }).replace('Synthetic', '&nope;');
    expectError(await withModuleXml(xml), 'xml-not-well-formed', 'module.xml');
  });

  it('not well-formed, invalid UTF-8, unsupported encodings', async () => {
    expectError(await withModuleXml('<Export><Document>'), 'xml-not-well-formed', 'module.xml');
    expectError(
      await withModuleXml(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e])),
      'xml-not-well-formed',
      'module.xml',
    );
    expectError(
      await withModuleXml('<?xml version="1.0" encoding="Shift_JIS"?><Export/>'),
      'xml-unsupported-encoding',
      'module.xml',
    );
    expectError(
      await withModuleXml(Buffer.from('\ufeff<Export/>', 'utf16le')),
      'xml-unsupported-encoding',
      'module.xml',
    );
  });

  it('accepts a UTF-8 byte order mark and ISO-8859-1', async () => {
    const xml = moduleXml({
      name: 'demo-module',
      version: '1.0.0',
      checksum: DAT_SHA,
      dependencies: [{ name: 'demo-dep', version: '1' }],
    });
    expect((await withModuleXml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]))).valid).toBe(true);
    const latin1 = xml.replace('UTF-8', 'ISO-8859-1').replace('Synthetic', 'Synth\u00e9tique');
    const report = await withModuleXml(Buffer.from(latin1, 'latin1'));
    expect(report.valid).toBe(true);
    expect(report.module!.description).toContain('Synthétique');
  });

  it('wrong layout', async () => {
    expectError(await withModuleXml('<Module><Name>x</Name></Module>'), 'module-xml-layout', 'module.xml');
    expectError(await withModuleXml('<Export><Document name="x.ZPM"/></Export>'), 'module-xml-layout', 'module.xml');
  });

  it('a repeated Checksum (a second digest smuggled in)', async () => {
    const report = await withModule({ extra: `      <Checksum Algorithm="SHA-256">${'0'.repeat(64)}</Checksum>` });
    expectError(report, 'module-element-duplicate', 'module.xml');
  });

  it('missing Name and Version; a version that is not semver', async () => {
    const report = await withModuleXml(
      moduleXml({ name: 'demo-module', version: '1.0.0', checksum: DAT_SHA })
        .replace('<Name>demo-module</Name>', '')
        .replace('<Version>1.0.0</Version>', ''),
    );
    expectError(report, 'module-name-missing', 'module.xml');
    expectError(report, 'module-version-missing', 'module.xml');
    expectWarning(await withModule({ version: '1.0' }), 'module-version-not-semver', 'module.xml');
  });

  it('Packaging missing or not "database"', async () => {
    const report = await withModule({ packaging: 'module' });
    expectError(report, 'packaging-not-database', 'module.xml');
    expect(report.errors[0]!.message).toContain('"module"');
    expectError(await withModule({ packaging: null }), 'packaging-not-database', 'module.xml');
  });

  it('Checksum missing, wrong algorithm, malformed', async () => {
    expectError(await withModule({ checksum: null }), 'checksum-missing', 'module.xml');
    expectError(
      await withModuleXml(
        moduleXml({ name: 'demo-module', version: '1.0.0', checksum: DAT_SHA }).replace('SHA-256', 'MD5'),
      ),
      'checksum-algorithm',
      'module.xml',
    );
    expectError(await withModule({ checksum: 'abc123' }), 'checksum-malformed', 'module.xml');
  });

  it('SystemRequirements/@Version missing or not YYYY.N', async () => {
    expectError(await withModule({ irisVersion: null }), 'iris-version-missing', 'module.xml');
    expectError(await withModule({ irisVersion: '26.1' }), 'iris-version-malformed', 'module.xml');
    expectError(await withModule({ irisVersion: '2026.1.0' }), 'iris-version-malformed', 'module.xml');
  });
});

describe('deps/ checks', () => {
  it('missing deps/ directory', async () => {
    const report = await verifyBytes(await ipmTgz(packageEntries({ drop: ['deps/', 'deps/demo-dep.xml'] })));
    expectError(report, 'deps-missing');
  });

  it('deps as a regular file', async () => {
    const report = await verifyBytes(
      await ipmTgz(packageEntries({ drop: ['deps/', 'deps/demo-dep.xml'], override: [{ path: 'deps', data: 'x' }] })),
    );
    expectError(report, 'deps-missing', 'deps');
  });

  it('a deps file that is not an IRIS export of a module', async () => {
    expectError(await withDep('<Module><Name>demo-dep</Name></Module>'), 'dependency-layout', 'deps/demo-dep.xml');
    expectError(
      await withDep('<Export><Document><Module/></Document></Export>'),
      'dependency-layout',
      'deps/demo-dep.xml',
    );
  });

  it('a deps file exporting another module', async () => {
    expectError(await withDep(dependencyXml('someone-else', '1.0.0')), 'dependency-name-mismatch', 'deps/demo-dep.xml');
  });

  it('a deps file with a DOCTYPE', async () => {
    expectError(
      await withDep('<!DOCTYPE Export SYSTEM "http://example.com/x.dtd"><Export/>'),
      'xml-doctype',
      'deps/demo-dep.xml',
    );
  });

  it('warns about anything in deps/ but <dep>.xml files', async () => {
    const report = await verifyBytes(
      await ipmTgz(packageEntries({ override: [{ path: 'deps/notes.txt', data: 'x' }] })),
    );
    expectWarning(report, 'deps-unexpected-entry', 'deps/notes.txt');
    expect(report.valid).toBe(true);
  });

  it('reports nothing spurious for a valid package', async () => {
    const report = await verifyBytes(await ipmTgz(packageEntries()));
    expect(codes(report).sort()).toEqual(['tar-no-end-marker', 'test-resources-undetermined']);
  });
});
