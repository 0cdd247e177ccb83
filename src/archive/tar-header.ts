export const BLOCK_SIZE = 512;

export type TarEntryType =
  | 'file'
  | 'directory'
  | 'symlink'
  | 'hardlink'
  | 'chardev'
  | 'blockdev'
  | 'fifo'
  | 'pax-header'
  | 'pax-global'
  | 'gnu-longname'
  | 'gnu-longlink'
  | 'unsupported';

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file', // contiguous file: an ordinary file to every reader
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'chardev',
  '4': 'blockdev',
  '5': 'directory',
  '6': 'fifo',
  x: 'pax-header',
  g: 'pax-global',
  L: 'gnu-longname',
  K: 'gnu-longlink',
};

export interface TarHeader {
  /** Path as the header spells it: ustar prefix + "/" + name, before any pax/GNU override. */
  path: string;
  /** True when the name field is used to its 99th byte: IPM's writer cuts longer names there. */
  nameFieldFull: boolean;
  size: number;
  typeflag: string;
  type: TarEntryType;
  linkname: string;
  format: 'ustar' | 'gnu' | 'v7';
}

export type HeaderResult =
  { ok: true; header: TarHeader } | { ok: false; code: 'tar-header-checksum' | 'tar-header-invalid'; detail: string };

const ZERO_BLOCK = Buffer.alloc(BLOCK_SIZE);

export function isZeroBlock(block: Buffer): boolean {
  return block.equals(ZERO_BLOCK);
}

/** Whether every byte of `buf` is zero, without a per-byte JavaScript loop. */
export function isAllZero(buf: Buffer): boolean {
  for (let off = 0; off < buf.length; off += BLOCK_SIZE) {
    const part = buf.subarray(off, Math.min(off + BLOCK_SIZE, buf.length));
    if (!part.equals(ZERO_BLOCK.subarray(0, part.length))) return false;
  }
  return true;
}

function cString(block: Buffer, start: number, length: number): string {
  const end = block.indexOf(0, start);
  return block.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}

/**
 * A numeric header field: octal digits padded with spaces or NULs (IPM writes "00000001234 "),
 * or GNU base-256 (first byte's high bit set) for values too large for octal. null when unreadable.
 */
export function parseNumericField(block: Buffer, start: number, length: number): number | null {
  const first = block[start]!;
  if (first & 0x80) {
    if (first === 0xff) return null; // negative base-256
    let value = first & 0x7f;
    for (let i = 1; i < length; i++) {
      value = value * 256 + block[start + i]!;
      if (value > Number.MAX_SAFE_INTEGER) return null;
    }
    return value;
  }
  let i = start;
  const end = start + length;
  while (i < end && (block[i] === 0x20 || block[i] === 0)) i++;
  let value = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = block[i]!;
    if (c === 0x20 || c === 0) break;
    if (c < 0x30 || c > 0x37) return null;
    value = value * 8 + (c - 0x30);
    digits++;
  }
  for (; i < end; i++) if (block[i] !== 0x20 && block[i] !== 0) return null;
  return digits === 0 ? 0 : value;
}

function checksums(block: Buffer): { unsigned: number; signed: number } {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : block[i]!;
    unsigned += b;
    signed += b >= 128 ? b - 256 : b;
  }
  return { unsigned, signed };
}

/** Parses one 512-byte header block that is not all zeros. */
export function parseTarHeader(block: Buffer): HeaderResult {
  const stored = parseNumericField(block, 148, 8);
  const { unsigned, signed } = checksums(block);
  if (stored === null || (stored !== unsigned && stored !== signed)) {
    return {
      ok: false,
      code: 'tar-header-checksum',
      detail: `header checksum field reads ${stored === null ? 'unreadable' : stored} but the header sums to ${unsigned}`,
    };
  }
  const size = parseNumericField(block, 124, 12);
  if (size === null) return { ok: false, code: 'tar-header-invalid', detail: 'the size field is not a number' };
  const magic = block.toString('latin1', 257, 263);
  const format = magic === 'ustar\0' ? 'ustar' : magic === 'ustar ' ? 'gnu' : 'v7';
  const name = cString(block, 0, 100);
  const prefix = format === 'ustar' ? cString(block, 345, 155) : '';
  const typeflag = String.fromCharCode(block[156]!);
  const type = TYPES[typeflag] ?? 'unsupported';
  return {
    ok: true,
    header: {
      path: prefix === '' ? name : `${prefix}/${name}`,
      nameFieldFull: Buffer.byteLength(name) >= 99,
      size: type === 'directory' || type === 'symlink' || type === 'hardlink' ? 0 : size,
      typeflag,
      type,
      linkname: cString(block, 157, 100),
      format,
    },
  };
}

/** Records of a pax extended header ("<len> <key>=<value>\n" repeated). Throws on malformed data. */
export function parsePaxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) break; // NUL padding after the last record
    const space = data.indexOf(0x20, pos);
    if (space < 0 || space - pos > 20) throw new Error(`pax record at byte ${pos} has no length`);
    const lengthText = data.toString('latin1', pos, space);
    if (!/^[1-9][0-9]*$/.test(lengthText)) throw new Error(`pax record at byte ${pos} has length "${lengthText}"`);
    const length = Number(lengthText);
    const end = pos + length;
    if (end > data.length || data[end - 1] !== 0x0a) throw new Error(`pax record at byte ${pos} overruns its length`);
    const record = data.toString('utf8', space + 1, end - 1);
    const eq = record.indexOf('=');
    if (eq <= 0) throw new Error(`pax record at byte ${pos} has no key=value`);
    records.set(record.slice(0, eq), record.slice(eq + 1));
    pos = end;
  }
  return records;
}
