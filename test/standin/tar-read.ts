// Extracts a (gzipped) tar the way IPM's own reader does: ustar prefix + name joined (a
// doubled "/" collapsed), "./" entries skipped and a leading "./" stripped, no end blocks
// required; refuses paths that would leave the target directory.
import { gunzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

function field(buf: Buffer, offset: number, length: number): string {
  const raw = buf.subarray(offset, offset + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? length : nul).toString('utf8');
}

export interface TarEntryInfo {
  path: string;
  type: 'file' | 'dir' | 'other';
  size: number;
}

export function extractTgz(archive: Buffer, target: string): TarEntryInfo[] {
  const tar = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : archive;
  const root = resolve(target);
  mkdirSync(root, { recursive: true });
  const entries: TarEntryInfo[] = [];
  let pos = 0;
  while (pos + 512 <= tar.length) {
    const header = tar.subarray(pos, pos + 512);
    if (header.every((b) => b === 0)) break;
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const typeflag = String.fromCharCode(header[156] ?? 48);
    let path = (prefix ? `${prefix}/${name}` : name).replace(/\/{2,}/g, '/');
    if (path.startsWith('./')) path = path.slice(2);
    const dataStart = pos + 512;
    pos = dataStart + Math.ceil(size / 512) * 512;
    if (path === '' || path === '.' || path === './') continue;
    const dest = resolve(root, path);
    if (dest !== root && !dest.startsWith(root + sep))
      throw new Error(`archive entry ${path} leaves the target directory`);
    if (typeflag === '5') {
      mkdirSync(dest, { recursive: true });
      entries.push({ path: path.replace(/\/$/, ''), type: 'dir', size: 0 });
    } else if (typeflag === '0' || typeflag === '\0') {
      mkdirSync(join(dest, '..'), { recursive: true });
      writeFileSync(dest, tar.subarray(dataStart, dataStart + size));
      entries.push({ path, type: 'file', size });
    } else entries.push({ path, type: 'other', size });
  }
  return entries;
}
