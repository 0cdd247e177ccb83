// Writes examples/synthetic/demo-module-1.0.0-database.tgz: a SYNTHETIC database package in the
// exact layout and tar quirks of IPM's package-database (not built by IRIS; IRIS.DAT is filler).
// Deterministic: fixed mtimes, fixed gzip settings, so regenerating gives identical bytes.
// Also exports the builders the tests and the benchmark use for packages of the same shape.
// Run: npm run example   (npx tsx scripts/make-example-archive.ts [output path])
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ipmTarBuffer, orderLikeIpm, type ArchiveEntry } from '../test/support/ipm-tar.js';

export interface ModuleXmlOptions {
  name: string;
  version: string;
  /** SHA-256 hex of IRIS.DAT, or null to leave <Checksum> out. */
  checksum: string | null;
  irisVersion?: string | null;
  packaging?: string | null;
  dependencies?: { name: string; version: string }[];
  /** Extra child elements of <Module>, verbatim. */
  extra?: string;
  /** Text placed before <Export> (e.g. a DOCTYPE, for hostile tests). */
  prolog?: string;
}

/** A module.xml as package-database writes it: Packaging, Checksum, SystemRequirements right after Version. */
export function moduleXml(o: ModuleXmlOptions): string {
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    ...(o.prolog ? [o.prolog] : []),
    `<Export generator="IRIS" version="26">`,
    `  <Document name="${o.name}.ZPM">`,
    `    <Module>`,
    `      <Name>${o.name}</Name>`,
    `      <Version>${o.version}</Version>`,
  ];
  if (o.packaging !== null) lines.push(`      <Packaging>${o.packaging ?? 'database'}</Packaging>`);
  if (o.checksum !== null) lines.push(`      <Checksum Algorithm="SHA-256">${o.checksum}</Checksum>`);
  if (o.irisVersion !== null) lines.push(`      <SystemRequirements Version="${o.irisVersion ?? '2026.1'}"/>`);
  lines.push(`      <Description>Synthetic demonstration module (not built by IRIS)</Description>`);
  if (o.dependencies?.length) {
    lines.push(`      <Dependencies>`);
    for (const d of o.dependencies) {
      lines.push(
        `        <ModuleReference>`,
        `          <Name>${d.name}</Name>`,
        `          <Version>${d.version}</Version>`,
        `        </ModuleReference>`,
      );
    }
    lines.push(`      </Dependencies>`);
  }
  if (o.extra) lines.push(o.extra);
  lines.push(`    </Module>`, `  </Document>`, `</Export>`, '');
  return lines.join('\n');
}

/** deps/<name>.xml as $system.OBJ.ExportToStream("<name>.ZPM") writes it. */
export function dependencyXml(name: string, version: string): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<Export generator="IRIS" version="26">`,
    `<Document name="${name}.ZPM"><Module>`,
    `  <Name>${name}</Name>`,
    `  <Version>${version}</Version>`,
    `  <Packaging>module</Packaging>`,
    `</Module>`,
    `</Document></Export>`,
    '',
  ].join('\n');
}

/** Filler for a synthetic IRIS.DAT: 8 KiB blocks, a label in the first, a pattern in a few. */
export function syntheticIrisDat(blocks: number): Buffer {
  const dat = Buffer.alloc(blocks * 8192, 0);
  dat.write('SYNTHETIC IRIS.DAT - not an IRIS database', 0, 'latin1');
  for (let b = 1; b < blocks; b += 3) dat.fill(b & 0xff, b * 8192, b * 8192 + 256);
  return dat;
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The entries of the committed example, in IPM's order. */
export function demoPackageEntries(): ArchiveEntry[] {
  const dat = syntheticIrisDat(4);
  return orderLikeIpm([
    { path: 'IRIS.DAT', data: dat },
    {
      path: 'module.xml',
      data: moduleXml({
        name: 'demo-module',
        version: '1.0.0',
        checksum: sha256Hex(dat),
        irisVersion: '2026.1',
        dependencies: [{ name: 'demo-dep', version: '^1.0.0' }],
        extra: [
          `      <Resource Name="Demo.PKG"/>`,
          `      <Resource Name="Demo.Tests.PKG" Scope="test"/>`,
          `      <FileCopy Name="data/demo.csv" Target="\${libdir}demo/demo.csv"/>`,
          `      <FileCopy Name="tests/fixtures.csv" Target="\${libdir}demo/fixtures.csv" Scope="test"/>`,
        ].join('\n'),
      }),
    },
    { path: 'deps/', type: 'dir' },
    { path: 'deps/demo-dep.xml', data: dependencyXml('demo-dep', '1.2.0') },
    { path: 'data/demo.csv', data: 'id,name\n1,alpha\n2,beta\n' },
  ]);
}

/** gzip with fixed settings and a zero mtime in its header, so the bytes never change. */
export async function demoPackageBytes(): Promise<Buffer> {
  return gzipSync(await ipmTarBuffer(demoPackageEntries()), { level: 9 });
}

export const EXAMPLE_PATH = 'examples/synthetic/demo-module-1.0.0-database.tgz';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = process.argv[2] ?? join(root, EXAMPLE_PATH);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, await demoPackageBytes());
  console.log(`wrote ${out} (SYNTHETIC: not built by IRIS)`);
}
