// Hostile database packages that are small on disk and costly to judge: the classes the
// verifier must handle in bounded memory and in time linear in the archive's size.
// Each is written as one valid gzip member built from segments deflated once and repeated
// (joined at full-flush points), so a 16 GiB stream costs seconds to write. Used by the tests
// (test/unit/archive/verify-bounded.test.ts) and by scripts/hostile-archives.ts.
import { createWriteStream } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { moduleXml, dependencyXml } from '../../scripts/make-example-archive.js';
import { ipmTarHeader, padding, splitIpmPath, type TarTypeflag } from './ipm-tar.js';

const MiB = 1024 * 1024;

/** Writes one valid gzip member from segments each deflated on its own and ended by a full flush. */
export class FlushedGzipWriter {
  private crc = 0;
  private size = 0;
  private batch: Buffer[] = [];
  private batched = 0;
  private readonly out;
  private readonly cache = new Map<Buffer, Buffer>();
  /** Compressed bytes written so far. */
  written = 0;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.push(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]));
  }

  static deflate(data: Buffer): Buffer {
    return deflateRawSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  }

  /** Adds `plain`; its deflated form is cached by identity, so pass the same Buffer to repeat it cheaply. */
  async add(plain: Buffer, deflated?: Buffer): Promise<void> {
    let segment = deflated ?? this.cache.get(plain);
    if (!segment) {
      segment = FlushedGzipWriter.deflate(plain);
      this.cache.set(plain, segment);
    }
    this.crc = crc32(plain, this.crc);
    this.size += plain.length;
    this.push(segment);
    if (this.batched >= 4 * MiB) await this.flush();
  }

  /** Adds `plain` without caching its deflated form (for one-off data). */
  async addOnce(plain: Buffer): Promise<void> {
    await this.add(plain, FlushedGzipWriter.deflate(plain));
  }

  private push(data: Buffer): void {
    this.batch.push(data);
    this.batched += data.length;
    this.written += data.length;
  }

  private async flush(): Promise<void> {
    const data = Buffer.concat(this.batch);
    this.batch = [];
    this.batched = 0;
    if (!this.out.write(data)) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }

  async close(): Promise<void> {
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(this.crc >>> 0, 0);
    trailer.writeUInt32LE(this.size % 2 ** 32, 4);
    this.push(deflateRawSync(Buffer.alloc(0)));
    this.push(trailer);
    await this.flush();
    await new Promise<void>((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

export function header(path: string, typeflag: TarTypeflag, size = 0, linkname = ''): Buffer {
  const { name, prefix } = splitIpmPath(path, typeflag === '5');
  return ipmTarHeader({ name, prefix, typeflag, size, mode: typeflag === '5' ? 0o755 : 0o644, linkname });
}

/** One pax record "<len> key=value\n" (the length counts itself). */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (Buffer.byteLength(`${length}${body}`) !== length) length++;
  return `${length}${body}`;
}

/** A pax extended header ('x') entry holding `records`, padded to whole blocks. */
export function paxEntry(records: string): Buffer {
  const data = Buffer.from(records);
  return Buffer.concat([header('PaxHeader', 'x', data.length), data, padding(data.length)]);
}

function fileEntry(path: string, data: Buffer): Buffer {
  return Buffer.concat([header(path, '0', data.length), data, padding(data.length)]);
}

/** A valid module.xml, IRIS.DAT and deps/ to start a hostile archive with (so it is otherwise a package). */
async function validStart(gz: FlushedGzipWriter): Promise<void> {
  await gz.addOnce(
    Buffer.concat([
      header('deps', '5'),
      fileEntry('IRIS.DAT', Buffer.alloc(8192)),
      fileEntry('module.xml', Buffer.from(moduleXml({ name: 'hostile', version: '1.0.0', checksum: null }))),
    ]),
  );
}

export interface HostileArchive {
  /** Compressed size written. */
  size: number;
}

/** `count` files, each named by a pax path of about `pathBytes` bytes (IPM never writes pax). */
export async function writePaxLongPaths(dest: string, count: number, pathBytes = MiB - 64): Promise<HostileArchive> {
  const gz = new FlushedGzipWriter(dest);
  await validStart(gz);
  for (let i = 0; i < count; i++) {
    const path = `${String(i).padStart(8, '0')}/${'a'.repeat(pathBytes - 9)}`;
    await gz.addOnce(Buffer.concat([paxEntry(paxRecord('path', path)), header(`f${i}`, '0')]));
  }
  await gz.close();
  return { size: gz.written };
}

/** `count` symbolic links, each to a pax linkpath of about `linkBytes` bytes: every one is a finding. */
export async function writePaxLongLinks(dest: string, count: number, linkBytes = MiB - 64): Promise<HostileArchive> {
  const gz = new FlushedGzipWriter(dest);
  await validStart(gz);
  const pax = paxEntry(paxRecord('linkpath', 'b'.repeat(linkBytes)));
  for (let i = 0; i < count; i++) {
    await gz.add(pax);
    await gz.addOnce(header(`link${i}`, '2'));
  }
  await gz.close();
  return { size: gz.written };
}

/** `count` small entries, each drawing several findings (a link, a case twin, a 99-byte name). */
export async function writeManyFindings(dest: string, count: number): Promise<HostileArchive> {
  const gz = new FlushedGzipWriter(dest);
  await validStart(gz);
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${String(i).padStart(8, '0')}${'x'.repeat(91)}`;
    parts.push(header(`${name}`, '2', 0, `../../../${'y'.repeat(80)}${i}`), header(name.toUpperCase(), '0'));
    if (parts.length >= 2048) await gz.addOnce(Buffer.concat(parts.splice(0)));
  }
  if (parts.length) await gz.addOnce(Buffer.concat(parts));
  await gz.close();
  return { size: gz.written };
}

/** A deps/<n>.xml export that is well-formed and `bytes` long: a valid module with a huge Description. */
export function bigDependencyXml(name: string, bytes: number, kind: 'text' | 'attribute'): Buffer {
  const base = dependencyXml(name, '1.0.0');
  const cut = base.indexOf('</Module>');
  const filler = (n: number) =>
    kind === 'text' ? `<Description>${'d'.repeat(n)}</Description>` : `<Resource Name="${'r'.repeat(n)}"/>`;
  const overhead = Buffer.byteLength(base) + Buffer.byteLength(filler(0));
  return Buffer.from(`${base.slice(0, cut)}${filler(Math.max(0, bytes - overhead))}${base.slice(cut)}`);
}

/** `count` deps/*.xml files of `bytes` each (under the 16 MiB maxXmlSize), parsed one after another. */
export async function writeManyBigDeps(
  dest: string,
  count: number,
  bytes = 15 * MiB,
  kind: 'text' | 'attribute' = 'text',
): Promise<HostileArchive> {
  const gz = new FlushedGzipWriter(dest);
  await validStart(gz);
  for (let i = 0; i < count; i++) {
    const xml = bigDependencyXml(`dep${i}`, bytes, kind);
    await gz.addOnce(Buffer.concat([header(`deps/dep${i}.xml`, '0', xml.length), xml, padding(xml.length)]));
  }
  await gz.close();
  return { size: gz.written };
}

/** A module.xml whose Module holds elements nested `depth` deep. */
export async function writeDeepModuleXml(dest: string, depth: number): Promise<HostileArchive> {
  const xml = Buffer.from(
    moduleXml({
      name: 'deep',
      version: '1.0.0',
      checksum: null,
      extra: `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`,
    }),
  );
  const gz = new FlushedGzipWriter(dest);
  await gz.addOnce(
    Buffer.concat([
      header('deps', '5'),
      fileEntry('IRIS.DAT', Buffer.alloc(8192)),
      header('module.xml', '0', xml.length),
      xml,
      padding(xml.length),
    ]),
  );
  await gz.close();
  return { size: gz.written };
}

/** `count` pax headers of `bytes` each (a comment record) chained before one ordinary entry. */
export async function writePaxChain(dest: string, count: number, bytes = MiB - 64): Promise<HostileArchive> {
  const gz = new FlushedGzipWriter(dest);
  await validStart(gz);
  const pax = paxEntry(paxRecord('comment', 'c'.repeat(bytes)));
  for (let i = 0; i < count; i++) await gz.add(pax);
  await gz.addOnce(header('after-the-chain', '0'));
  await gz.close();
  return { size: gz.written };
}

/** A package whose IRIS.DAT is `datBytes` of zeros: about 1000:1, a decompression bomb. */
export async function writeZeroBomb(dest: string, datBytes: number): Promise<HostileArchive> {
  const gz = new FlushedGzipWriter(dest);
  await gz.addOnce(header('deps', '5'));
  await gz.addOnce(header('IRIS.DAT', '0', datBytes));
  const zeros = Buffer.alloc(MiB);
  for (let left = datBytes; left > 0; left -= MiB) await gz.add(left >= MiB ? zeros : Buffer.alloc(left));
  await gz.close();
  return { size: gz.written };
}
