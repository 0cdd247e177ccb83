// A tar writer that reproduces IPM's own (%IPM.Utils.FileBinaryTar, db-packaging branch),
// byte for byte where it matters to a reader: ustar headers whose directory part goes into
// the prefix field with a trailing "/", directory entries named without a trailing slash,
// numeric fields as zero-padded octal followed by a space, empty uid/gid/uname/gname,
// a byte-sum checksum, entries walked directory by directory (sub-directories first, then
// files, each by name) and no end-of-archive zero blocks. Test-only: it builds the archives
// the verifier and the IRIS stand-in must cope with, including hostile ones.
import { createGzip } from 'node:zlib';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

export const BLOCK = 512;

export type TarTypeflag = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | 'g' | 'x' | 'L' | 'K';

export interface RawHeader {
  name: string;
  prefix?: string;
  typeflag?: TarTypeflag;
  size?: number;
  mode?: number;
  mtime?: number;
  linkname?: string | undefined;
  /** Write a wrong checksum on purpose. */
  corruptChecksum?: boolean;
}

function octal(value: number, digits: number): string {
  return value.toString(8).padStart(digits, '0') + ' ';
}

/** Writes `value` into `buf` at `offset`, cut to `max - 1` bytes as IPM's TRUNCATE fields are. */
function put(buf: Buffer, offset: number, field: number, value: string, truncate: boolean): void {
  const bytes = Buffer.from(value, 'utf8');
  const len = Math.min(bytes.length, truncate ? field - 1 : field);
  bytes.copy(buf, offset, 0, len);
}

/** One 512-byte ustar header as FileBinaryTar.ConstructHeader lays it out. */
export function ipmTarHeader(h: RawHeader): Buffer {
  const buf = Buffer.alloc(BLOCK, 0);
  put(buf, 0, 100, h.name, true);
  put(buf, 100, 8, octal(h.mode ?? 0o644, 6), false);
  // uid, gid: IPM sets them to "" -> all NUL.
  put(buf, 124, 12, octal(h.size ?? 0, 11), false);
  put(buf, 136, 12, octal(h.mtime ?? 1_767_225_600, 11), false);
  buf.fill(0x20, 148, 156); // checksum field counts as spaces while summing
  put(buf, 156, 1, h.typeflag ?? '0', false);
  put(buf, 157, 100, h.linkname ?? '', true);
  put(buf, 257, 6, 'ustar', true);
  put(buf, 263, 2, '00', false);
  // uname, gname empty; devmajor/devminor "000000 "
  put(buf, 329, 8, octal(0, 6), false);
  put(buf, 337, 8, octal(0, 6), false);
  put(buf, 345, 155, h.prefix ?? '', true);
  let sum = 0;
  for (const byte of buf) sum += byte;
  if (h.corruptChecksum) sum += 1;
  buf.fill(0, 148, 156);
  put(buf, 148, 8, octal(sum, 6), false);
  return buf;
}

export function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest, 0);
}

export type EntryData = Buffer | string | { size: number; chunks: () => AsyncIterable<Buffer> | Iterable<Buffer> };

export interface ArchiveEntry {
  /** Path relative to the staging directory, "/" separated; a directory path may end with "/". */
  path: string;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink' | 'chardev' | 'blockdev' | 'fifo';
  data?: EntryData;
  linkname?: string;
  mode?: number;
}

/** Splits a staging-relative path the way ConstructTar does: prefix = parent dir + "/". */
export function splitIpmPath(path: string, isDir: boolean): { name: string; prefix: string } {
  const clean = isDir ? path.replace(/\/+$/, '') : path;
  const cut = clean.lastIndexOf('/');
  if (cut < 0) return { name: clean, prefix: '' };
  return { name: clean.slice(cut + 1), prefix: clean.slice(0, cut + 1) };
}

/**
 * Orders entries as IPM's recursive walk does: at each level sub-directories first, then files,
 * each group by name; a directory's contents follow its own entry. Directories implied by file
 * paths are added, as the staging directory on disk would have them.
 */
export function orderLikeIpm(entries: ArchiveEntry[]): ArchiveEntry[] {
  interface Node {
    entry?: ArchiveEntry;
    dirs: Map<string, Node>;
    files: Map<string, ArchiveEntry>;
  }
  const root: Node = { dirs: new Map(), files: new Map() };
  const dirNode = (parts: string[]): Node => {
    let node = root;
    let so = '';
    for (const part of parts) {
      so += part + '/';
      let next = node.dirs.get(part);
      if (!next) {
        next = { entry: { path: so, type: 'dir' }, dirs: new Map(), files: new Map() };
        node.dirs.set(part, next);
      }
      node = next;
    }
    return node;
  };
  for (const e of entries) {
    const parts = e.path.replace(/\/+$/, '').split('/');
    if ((e.type ?? 'file') === 'dir') dirNode(parts).entry = { ...e, type: 'dir' };
    else dirNode(parts.slice(0, -1)).files.set(parts[parts.length - 1]!, e);
  }
  const out: ArchiveEntry[] = [];
  const walk = (node: Node): void => {
    for (const key of [...node.dirs.keys()].sort()) {
      const child = node.dirs.get(key)!;
      out.push(child.entry!);
      walk(child);
    }
    for (const key of [...node.files.keys()].sort()) out.push(node.files.get(key)!);
  };
  walk(root);
  return out;
}

const TYPEFLAGS: Record<NonNullable<ArchiveEntry['type']>, TarTypeflag> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  chardev: '3',
  blockdev: '4',
  dir: '5',
  fifo: '6',
};

function dataSize(data: EntryData | undefined): number {
  if (data === undefined) return 0;
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (Buffer.isBuffer(data)) return data.length;
  return data.size;
}

/** The uncompressed tar stream of `entries`, in the order given (use orderLikeIpm for IPM's). */
export async function* ipmTarStream(entries: ArchiveEntry[]): AsyncGenerator<Buffer> {
  for (const e of entries) {
    const type = e.type ?? 'file';
    const size = type === 'file' ? dataSize(e.data) : 0;
    const { name, prefix } = splitIpmPath(e.path, type === 'dir');
    yield ipmTarHeader({
      name,
      prefix,
      typeflag: TYPEFLAGS[type],
      size,
      mode: e.mode ?? (type === 'dir' ? 0o755 : 0o644),
      linkname: e.linkname,
    });
    if (type !== 'file' || size === 0) continue;
    const data = e.data!;
    if (typeof data === 'string') yield Buffer.from(data);
    else if (Buffer.isBuffer(data)) yield data;
    else {
      let written = 0;
      for await (const chunk of data.chunks()) {
        written += chunk.length;
        yield chunk;
      }
      if (written !== size) throw new Error(`entry ${e.path}: declared ${size} bytes, produced ${written}`);
    }
    yield padding(size);
  }
}

export async function ipmTarBuffer(entries: ArchiveEntry[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of ipmTarStream(entries)) parts.push(chunk);
  return Buffer.concat(parts);
}

/** A gzipped archive in memory, for small test archives. */
export async function ipmArchiveBuffer(entries: ArchiveEntry[], opts: { ipmOrder?: boolean } = {}): Promise<Buffer> {
  return gzipSync(await ipmTarBuffer(opts.ipmOrder === false ? entries : orderLikeIpm(entries)));
}

/** Streams a gzipped archive to `dest`, for archives too large to hold in memory. */
export async function writeIpmArchive(
  dest: string,
  entries: ArchiveEntry[],
  opts: { ipmOrder?: boolean; gzipLevel?: number } = {},
): Promise<void> {
  const ordered = opts.ipmOrder === false ? entries : orderLikeIpm(entries);
  await pipeline(
    Readable.from(ipmTarStream(ordered)),
    createGzip({ level: opts.gzipLevel ?? 6 }),
    createWriteStream(dest),
  );
}

/** The uncompressed tar of in-memory entries, synchronously (for the IRIS stand-in's session). */
export function ipmTarBufferSync(entries: ArchiveEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const type = e.type ?? 'file';
    if (type === 'file' && e.data !== undefined && typeof e.data !== 'string' && !Buffer.isBuffer(e.data)) {
      throw new Error(`entry ${e.path}: ipmTarBufferSync takes Buffer or string data only`);
    }
    const data = type === 'file' ? Buffer.from((e.data as Buffer | string | undefined) ?? '') : Buffer.alloc(0);
    const { name, prefix } = splitIpmPath(e.path, type === 'dir');
    parts.push(
      ipmTarHeader({
        name,
        prefix,
        typeflag: TYPEFLAGS[type],
        size: data.length,
        mode: e.mode ?? (type === 'dir' ? 0o755 : 0o644),
        linkname: e.linkname,
      }),
      data,
      padding(data.length),
    );
  }
  return Buffer.concat(parts);
}
