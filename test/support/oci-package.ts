import { DEFAULT_LIMITS } from '../../src/archive/limits.js';
// Builds a database-package archive (IPM tar layout, gzipped) plus the VerificationReport a
// successful verification of it gives, for the publishing tests. The report is assembled from
// the bytes written here; the archive verifier proper is tested on its own.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { VERIFY_REPORT_SCHEMA, type VerificationReport } from '../../src/archive/report.js';
import { IpmDbError } from '../../src/util/errors.js';
import { writeIpmArchive } from './ipm-tar.js';

export interface TestPackageOptions {
  name?: string;
  version?: string;
  irisVersion?: string;
  description?: string;
  /** Size of the (incompressible) IRIS.DAT inside. */
  datBytes?: number;
  /** gzip level of the archive (0 stores, for large benchmark archives). */
  gzipLevel?: number;
}

export function moduleXml(name: string, version: string, irisVersion: string, description: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Export generator="Cache" version="25">',
    `  <Document name="${name}.ZPM">`,
    '    <Module>',
    `      <Name>${name}</Name>`,
    `      <Version>${version}</Version>`,
    `      <Description>${description}</Description>`,
    '      <Packaging>database</Packaging>',
    `      <SystemRequirements Version="${irisVersion}" />`,
    '    </Module>',
    '  </Document>',
    '</Export>',
    '',
  ].join('\n');
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeTestPackage(
  dir: string,
  opts: TestPackageOptions = {},
): Promise<{ path: string; report: VerificationReport }> {
  const name = opts.name ?? 'DemoModule';
  const version = opts.version ?? '1.2.3';
  const irisVersion = opts.irisVersion ?? '2025.1';
  const description = opts.description ?? 'A demo database package';
  const datBytes = opts.datBytes ?? 64 * 1024;
  const xml = moduleXml(name, version, irisVersion, description);
  const path = join(dir, `${name}-${version}-${randomBytes(3).toString('hex')}.tgz`);
  const piece = 64 * 1024;
  await writeIpmArchive(
    path,
    [
      { path: 'module.xml', data: xml },
      {
        path: 'IRIS.DAT',
        data: {
          size: datBytes,
          *chunks() {
            for (let done = 0; done < datBytes; done += piece) yield randomBytes(Math.min(piece, datBytes - done));
          },
        },
      },
    ],
    { gzipLevel: opts.gzipLevel ?? 1 },
  );
  const size = (await stat(path)).size;
  const report: VerificationReport = {
    schema: VERIFY_REPORT_SCHEMA,
    valid: true,
    archive: {
      path,
      fileName: basename(path),
      size,
      sha256: await fileSha256(path),
      uncompressedSize: datBytes + xml.length,
      entryCount: 2,
      trailingBytes: 0,
      endOfArchiveBlocks: 0,
      fullyRead: true,
    },
    module: {
      name,
      version,
      description,
      packaging: 'database',
      irisVersion,
      systemRequirements: {},
      updatePackage: null,
      testResources: [],
      manifestXml: xml,
    },
    irisDat: null,
    checksum: { algorithm: null, expected: null, actual: null, match: true },
    dependencies: [],
    builtWithTestResources: false,
    entries: [],
    errors: [],
    warnings: [],
    infos: [],
    expected: {},
    limits: { ...DEFAULT_LIMITS },
    durationMs: 0,
  };
  return { path, report };
}

/** The IpmDbError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function ipmDbRejection(p: Promise<unknown>): Promise<IpmDbError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof IpmDbError) return err;
    throw err;
  }
  throw new Error('expected an IpmDbError, but the call succeeded');
}
