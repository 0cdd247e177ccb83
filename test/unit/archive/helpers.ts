import { expect } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  ipmTarBuffer,
  ipmTarHeader,
  orderLikeIpm,
  padding,
  type ArchiveEntry,
  type RawHeader,
} from '../../support/ipm-tar.js';
import {
  dependencyXml,
  moduleXml,
  sha256Hex,
  syntheticIrisDat,
  type ModuleXmlOptions,
} from '../../../scripts/make-example-archive.js';
import type { VerificationReport } from '../../../src/archive/report.js';
import { verifyArchiveStream, type VerifyOptions } from '../../../src/archive/verify.js';

export const DAT = syntheticIrisDat(2);
export const DAT_SHA = sha256Hex(DAT);
export const FILE_NAME = 'demo-module-1.0.0-database.tgz';

/** The entries of a valid package; `override` replaces or adds entries by path, `drop` removes them. */
export function packageEntries(
  opts: { module?: Partial<ModuleXmlOptions>; override?: ArchiveEntry[]; drop?: string[] } = {},
): ArchiveEntry[] {
  const base: ArchiveEntry[] = [
    { path: 'IRIS.DAT', data: DAT },
    {
      path: 'module.xml',
      data: moduleXml({
        name: 'demo-module',
        version: '1.0.0',
        checksum: DAT_SHA,
        dependencies: [{ name: 'demo-dep', version: '^1.0.0' }],
        ...opts.module,
      }),
    },
    { path: 'deps/', type: 'dir' },
    { path: 'deps/demo-dep.xml', data: dependencyXml('demo-dep', '1.2.0') },
  ];
  const overrides = new Map((opts.override ?? []).map((e) => [e.path, e]));
  const kept = base.filter((e) => !opts.drop?.includes(e.path) && !overrides.has(e.path));
  return [...kept, ...(opts.override ?? [])];
}

/** Tar bytes in IPM's layout and order (no end blocks). */
export async function ipmTar(entries: ArchiveEntry[], ipmOrder = true): Promise<Buffer> {
  return ipmTarBuffer(ipmOrder ? orderLikeIpm(entries) : entries);
}

export async function ipmTgz(entries: ArchiveEntry[], ipmOrder = true): Promise<Buffer> {
  return gzipSync(await ipmTar(entries, ipmOrder));
}

/** Feeds `bytes` to the verifier in chunks of `chunkSize`, as a file read would. */
export async function verifyBytes(
  bytes: Buffer,
  opts: VerifyOptions & { fileName?: string; chunkSize?: number } = {},
): Promise<VerificationReport> {
  const { fileName = FILE_NAME, chunkSize = 64 * 1024, ...options } = opts;
  async function* chunks() {
    for (let off = 0; off < bytes.length; off += chunkSize) yield bytes.subarray(off, off + chunkSize);
  }
  return verifyArchiveStream(chunks(), { path: fileName, fileName }, options);
}

export function codes(report: VerificationReport): string[] {
  return [...report.errors, ...report.warnings, ...report.infos].map((f) => f.code);
}

/** Asserts the report is invalid with an error of `code` (about `entry`, when given). */
export function expectError(report: VerificationReport, code: string, entry?: string): void {
  expect(report.valid).toBe(false);
  const match = report.errors.find((f) => f.code === code && (entry === undefined || f.entry === entry));
  expect(
    match,
    `expected error ${code}${entry ? ` on ${entry}` : ''}; got ${JSON.stringify(report.errors)}`,
  ).toBeDefined();
}

export function expectWarning(report: VerificationReport, code: string, entry?: string): void {
  const match = report.warnings.find((f) => f.code === code && (entry === undefined || f.entry === entry));
  expect(match, `expected warning ${code}; got ${JSON.stringify(report.warnings)}`).toBeDefined();
}

/** One raw tar entry: an IPM-style header (see RawHeader) followed by its data and padding. */
export function rawEntry(header: RawHeader, data: Buffer | string = Buffer.alloc(0)): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return Buffer.concat([ipmTarHeader({ size: bytes.length, ...header }), bytes, padding(bytes.length)]);
}

/** Overwrites a header field and recomputes the checksum, to build a header that is valid but odd. */
export function patchHeader(block: Buffer, offset: number, value: Buffer | string): Buffer {
  const out = Buffer.from(block);
  (typeof value === 'string' ? Buffer.from(value, 'latin1') : value).copy(out, offset);
  out.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of out) sum += b;
  out.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return out;
}
