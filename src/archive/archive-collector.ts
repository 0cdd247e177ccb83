import { createHash } from 'node:crypto';
import { InlineHasher, type DatHasher } from './dat-hasher.js';
import { normaliseEntryPath, printablePath, SHOWN_NAME_LENGTH } from './entry-path.js';
import { clip } from './findings.js';
import type { FindingCode, FindingList } from './findings.js';
import type { ArchiveLimits } from './limits.js';
import { readModuleManifest, type ModuleManifest } from './module-manifest.js';
import type { EntryKind, InventoryEntry } from './report.js';
import type { EntryDataSink, TarEntry, TarVisitor } from './tar-stream.js';
import type { XmlResult } from './xml-reader.js';

export interface ParsedXmlEntry {
  path: string;
  xml: XmlResult;
  manifest: ModuleManifest;
}

/** What one pass over the tar stream found, for the package checks. */
export interface CollectedArchive {
  entries: InventoryEntry[];
  irisDat: { size: number; sha256: string } | null;
  /** Set when an IRIS.DAT entry was seen but is not a regular file. */
  irisDatWrongKind: EntryKind | null;
  moduleXml: ParsedXmlEntry | null;
  moduleXmlWrongKind: EntryKind | null;
  /** Every parsed deps/<dep>.xml, keyed by <dep>. */
  dependencyFiles: Map<string, ParsedXmlEntry>;
  /** "directory" when deps/ exists (explicitly or through its files), "file" when deps is a file. */
  deps: 'directory' | 'file' | null;
  uncompressedSize: number;
}

const KIND: Record<TarEntry['type'], EntryKind> = {
  file: 'file',
  directory: 'directory',
  symlink: 'symlink',
  hardlink: 'hardlink',
  chardev: 'device',
  blockdev: 'device',
  fifo: 'fifo',
  'pax-header': 'other',
  'pax-global': 'other',
  'gnu-longname': 'other',
  'gnu-longlink': 'other',
  unsupported: 'other',
};

const KIND_PROBLEM: Partial<Record<TarEntry['type'], [FindingCode, string]>> = {
  symlink: ['entry-symlink', 'is a symbolic link'],
  hardlink: ['entry-hardlink', 'is a hard link'],
  chardev: ['entry-device', 'is a character device'],
  blockdev: ['entry-device', 'is a block device'],
  fifo: ['entry-fifo', 'is a FIFO (named pipe)'],
};

function roleOf(path: string, kind: EntryKind): InventoryEntry['role'] {
  if (kind === 'directory') return 'directory';
  if (path === 'IRIS.DAT') return 'iris-dat';
  if (path === 'module.xml') return 'module-xml';
  if (/^deps\/[^/]+\.xml$/i.test(path)) return 'dependency';
  if (path.startsWith('deps-files/')) return 'dependency-file';
  if (/\.whl$/i.test(path)) return 'wheel';
  if (/\.cpf$/i.test(path)) return 'cpf';
  return 'resource';
}

class BufferSink implements EntryDataSink {
  private readonly buf: Buffer;
  private fill = 0;
  constructor(
    size: number,
    private readonly done: (data: Buffer) => void,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }
  data(chunk: Buffer): void {
    chunk.copy(this.buf, this.fill);
    this.fill += chunk.length;
  }
  end(): void {
    if (this.fill === this.buf.length) this.done(this.buf);
  }
}

class HashSink implements EntryDataSink {
  private seen = 0;
  constructor(
    private readonly hasher: DatHasher,
    private readonly size: number,
    private readonly done: () => void,
  ) {}
  data(chunk: Buffer): void {
    this.hasher.update(chunk);
    this.seen += chunk.length;
  }
  end(): void {
    if (this.seen === this.size) this.done();
  }
}

/** Turns tar entries into an inventory, hashes IRIS.DAT, parses the XML files, rejects hostile entries. */
export class ArchiveCollector implements TarVisitor {
  readonly result: CollectedArchive = {
    entries: [],
    irisDat: null,
    irisDatWrongKind: null,
    moduleXml: null,
    moduleXmlWrongKind: null,
    dependencyFiles: new Map(),
    deps: null,
    uncompressedSize: 0,
  };
  private readonly kinds = new Map<string, EntryKind>();
  /** Digest of each lower-cased path -> the path: finds case collisions without a second copy of every path. */
  private readonly lowerCase = new Map<string, string>();

  /** Longest path kept in the inventory and on findings for an unsafe or over-long path. */
  private readonly keptPathLength: number;

  /** IRIS.DAT read whole; its digest may still be computing on another thread until settle(). */
  private datHashed: { size: number; hasher: DatHasher } | null = null;
  private datHasher: DatHasher | null = null;

  constructor(
    private readonly findings: FindingList,
    private readonly limits: ArchiveLimits,
    private readonly newDatHasher: (size: number) => DatHasher = () => new InlineHasher(),
  ) {
    this.keptPathLength = Math.max(limits.maxPathLength, SHOWN_NAME_LENGTH);
  }

  problem(code: FindingCode, message: string, entry?: string): void {
    this.findings.add(code, message, entry);
  }

  entry(tar: TarEntry): EntryDataSink | null | 'abort' {
    const normalised = normaliseEntryPath(tar.path);
    if (normalised.skip) return null;
    // Pre-POSIX writers mark a directory as a regular file whose name ends in "/".
    const kind = tar.type === 'file' && tar.size === 0 && tar.path.endsWith('/') ? 'directory' : KIND[tar.type];
    const shown = printablePath(tar.path);
    let safe = normalised.problems.length === 0;
    for (const p of normalised.problems) {
      this.problem(
        p.code,
        `entry ${shown} ${p.detail}. Archive paths must be relative and stay inside the archive: this archive is unsafe to extract, do not install it.`,
        clip(tar.path, this.keptPathLength),
      );
    }
    if (Buffer.byteLength(normalised.path) > this.limits.maxPathLength) {
      this.problem(
        'limit-path-length',
        `entry ${shown} has a path longer than limits.maxPathLength (${this.limits.maxPathLength} bytes).`,
        clip(normalised.path, this.keptPathLength),
      );
      safe = false;
    }
    // Unsafe paths are kept as given, cut to maxPathLength: they are never looked up, only shown.
    const path = clip(safe ? normalised.path : tar.path, this.keptPathLength);
    const kindProblem = KIND_PROBLEM[tar.type];
    if (kindProblem) {
      const target = tar.linkname ? ` to ${printablePath(tar.linkname)}` : '';
      this.problem(
        kindProblem[0],
        `entry ${shown} ${kindProblem[1]}${target}. A database package holds only regular files and directories: do not install it.`,
        path,
      );
    } else if (tar.type === 'unsupported') {
      this.problem(
        'entry-unsupported-type',
        `entry ${shown} has tar type "${printable(tar.typeflag)}", which a database package never holds. Rebuild the archive with IPM.`,
        path,
      );
    }
    const accepted = safe && (kind === 'file' || kind === 'directory');
    if (safe && tar.nameFieldFull && tar.format === 'ustar') {
      this.problem(
        'entry-name-maybe-truncated',
        `entry "${path}" fills the 99-byte ustar name field; IPM's writer cuts longer names there, so the name may be cut short. Keep packaged file names under 99 bytes.`,
        path,
      );
    }
    const inventory: InventoryEntry = { path, kind, size: tar.size, role: accepted ? roleOf(path, kind) : 'rejected' };
    if (tar.linkname && (kind === 'symlink' || kind === 'hardlink'))
      inventory.linkTarget = clip(tar.linkname, SHOWN_NAME_LENGTH);
    this.result.entries.push(inventory);
    this.result.uncompressedSize += tar.size;
    const firstKind = safe ? this.checkCollisions(path, kind) : kind;
    if (safe && kind !== 'file') {
      if (path === 'IRIS.DAT') this.result.irisDatWrongKind = kind;
      if (path === 'module.xml') this.result.moduleXmlWrongKind = kind;
    }
    if (!accepted) {
      if (safe && path === 'deps') this.result.deps = 'file';
      return this.skip(tar, path);
    }
    if (path === 'deps' || path.startsWith('deps/')) {
      if (path === 'deps' && kind === 'file') this.result.deps = this.result.deps ?? 'file';
      else this.result.deps = 'directory';
    }
    if (kind === 'directory') return null;
    const limit = path === 'IRIS.DAT' ? this.limits.maxIrisDatSize : this.limits.maxEntrySize;
    if (tar.size > limit) {
      const which = path === 'IRIS.DAT' ? 'maxIrisDatSize' : 'maxEntrySize';
      this.problem(
        'limit-entry-size',
        `entry "${path}" is ${tar.size} bytes, over limits.${which} (${limit}); verification stopped there. Raise the limit if this package is genuine.`,
        path,
      );
      return 'abort';
    }
    if (path === 'IRIS.DAT') {
      if (this.result.irisDat || firstKind !== 'file') return null;
      const hasher = this.newDatHasher(tar.size);
      this.datHasher = hasher;
      return new HashSink(hasher, tar.size, () => {
        this.datHashed = { size: tar.size, hasher };
      });
    }
    const depMatch = /^deps\/([^/]+)\.xml$/.exec(path);
    if (path === 'module.xml' || depMatch) {
      if (tar.size > this.limits.maxXmlSize) {
        this.problem(
          'limit-xml-size',
          `"${path}" is ${tar.size} bytes, over limits.maxXmlSize (${this.limits.maxXmlSize}); it was not parsed.`,
          path,
        );
        return null;
      }
      if (path === 'module.xml' && this.result.moduleXml) return null;
      if (depMatch && this.result.dependencyFiles.has(depMatch[1]!)) return null;
      return new BufferSink(tar.size, (data) => {
        const role = path === 'module.xml' ? 'module' : 'dependency';
        const parsed = { path, ...readModuleManifest(data, { maxDepth: this.limits.maxXmlDepth, role }) };
        if (path === 'module.xml') this.result.moduleXml = parsed;
        else this.result.dependencyFiles.set(depMatch![1]!, parsed);
      });
    }
    if (path.startsWith('deps/')) {
      this.problem(
        'deps-unexpected-entry',
        `"${path}" is in deps/, which should hold only <dependency>.xml files (IRIS exports of each dependency's module).`,
        path,
      );
    }
    return null;
  }

  private skip(tar: TarEntry, path: string): null | 'abort' {
    if (tar.size > this.limits.maxEntrySize) {
      this.problem(
        'limit-entry-size',
        `entry "${path}" is ${tar.size} bytes, over limits.maxEntrySize (${this.limits.maxEntrySize}); verification stopped there.`,
        path,
      );
      return 'abort';
    }
    return null;
  }

  /** Records `path`, reports a duplicate or a case collision; returns the kind first recorded at `path`. */
  private checkCollisions(path: string, kind: EntryKind): EntryKind {
    const previous = this.kinds.get(path);
    if (previous !== undefined) {
      this.problem(
        'entry-duplicate',
        `"${path}" appears more than once in the archive (as ${previous}, then as ${kind}); an extractor would silently keep one of them. Rebuild the archive with IPM.`,
        path,
      );
      return previous;
    }
    this.kinds.set(path, kind);
    const lower = createHash('sha1').update(path.toLowerCase()).digest('base64');
    const other = this.lowerCase.get(lower);
    if (other !== undefined) {
      this.problem(
        'entry-case-collision',
        `"${path}" and "${other}" differ only in letter case; on Windows or macOS one overwrites the other.`,
        path,
      );
    } else {
      this.lowerCase.set(lower, path);
    }
    return kind;
  }

  /** The hasher of IRIS.DAT, once its entry has started (to be told about every output chunk). */
  get irisDatHasher(): DatHasher | null {
    return this.datHasher;
  }

  /** After decompression has ended: waits for IRIS.DAT's digest (when IRIS.DAT was read whole). */
  async settle(): Promise<void> {
    if (this.datHashed) {
      this.result.irisDat = { size: this.datHashed.size, sha256: await this.datHashed.hasher.digest() };
    } else {
      this.close();
    }
  }

  /** Releases the IRIS.DAT hasher when verification ends without a digest. */
  close(): void {
    this.datHasher?.close();
  }

  /**
   * After the last entry: reports entries lying below a path that another entry makes a regular
   * file (or link...). Sorting with "/" as the lowest character puts every path's descendants right
   * after it, so this costs one sort however deep the paths are, and no memory per path segment.
   */
  finish(): void {
    const items = [...this.kinds];
    items.sort(([a], [b]) => compareSlashFirst(a, b));
    for (let i = 0; i + 1 < items.length; i++) {
      const [path, kind] = items[i]!;
      const [next] = items[i + 1]!;
      const below = next.length > path.length && next.charCodeAt(path.length) === SLASH && next.startsWith(path);
      if (kind !== 'directory' && below) {
        this.problem(
          'entry-path-conflict',
          `"${next}" lies below "${path}", which the archive makes a ${kind}; an extractor would fail or replace one with the other.`,
          next,
        );
      }
    }
  }
}

const SLASH = 0x2f;

/** String order in which "/" sorts before every other character, so a path's descendants follow it. */
function compareSlashFirst(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return (x === SLASH ? -1 : x) - (y === SLASH ? -1 : y);
  }
  return a.length - b.length;
}

function printable(flag: string): string {
  return JSON.stringify(flag).slice(1, -1);
}
