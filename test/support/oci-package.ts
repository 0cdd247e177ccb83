// Builds a database package in package-database's layout (module.xml with its IRIS.DAT checksum,
// an incompressible IRIS.DAT of the size asked for, deps/) and verifies it with the real
// verifier, for the publishing tests and the benchmark.
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { VerificationReport } from '../../src/archive/report.js';
import { verifyArchive, verifyArchiveStream } from '../../src/archive/verify.js';
import type { ArchiveVerifier } from '../../src/oci/publish.js';
import { IpmDbError } from '../../src/util/errors.js';
import { moduleXml } from '../../scripts/make-example-archive.js';
import { writeIpmArchive } from './ipm-tar.js';

export interface TestPackageOptions {
  name?: string;
  version?: string;
  irisVersion?: string;
  /** Size of the (incompressible) IRIS.DAT inside. */
  datBytes?: number;
  /** gzip level of the archive (0 stores, for large benchmark archives). */
  gzipLevel?: number;
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Random bytes into `path`, streamed; returns their sha256 (hex). */
async function writeRandomFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const piece = 1024 * 1024;
  for (let done = 0; done < size; done += piece) {
    const bytes = randomBytes(Math.min(piece, size - done));
    hash.update(bytes);
    if (!out.write(bytes)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  return hash.digest('hex');
}

/** Writes `<dir>/<name>-<version>-<random>.tgz` and returns it with its (valid) verification report. */
export async function writeTestPackage(
  dir: string,
  opts: TestPackageOptions = {},
): Promise<{ path: string; report: VerificationReport }> {
  const name = opts.name ?? 'DemoModule';
  const version = opts.version ?? '1.2.3';
  const datBytes = opts.datBytes ?? 64 * 1024;
  const stem = join(dir, `${name}-${version}-${randomBytes(3).toString('hex')}`);
  const datFile = `${stem}.dat`;
  const path = `${stem}.tgz`;
  try {
    const checksum = await writeRandomFile(datFile, datBytes);
    const xml = moduleXml({ name, version, checksum, irisVersion: opts.irisVersion ?? '2025.1' });
    await writeIpmArchive(
      path,
      [
        { path: 'module.xml', data: xml },
        { path: 'IRIS.DAT', data: { size: datBytes, chunks: () => createReadStream(datFile) } },
        { path: 'deps/', type: 'dir' },
      ],
      { gzipLevel: opts.gzipLevel ?? 1 },
    );
  } finally {
    await rm(datFile, { force: true });
  }
  const report = await verifyArchive(path);
  if (!report.valid) throw new Error(`test package ${path} did not verify: ${JSON.stringify(report.errors)}`);
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

/** The real streaming verifier, for a file and for a layer read back from a registry. */
export const testVerifier: ArchiveVerifier = {
  file: (path) => verifyArchive(path),
  stream: (chunks, fileName) => verifyArchiveStream(chunks, { path: fileName, fileName }),
};
