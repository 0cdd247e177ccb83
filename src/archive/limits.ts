import { UsageError } from '../util/errors.js';

/** Caps that keep a hostile archive (tar bomb, endless headers) from exhausting time or memory. */
export interface ArchiveLimits {
  /** Most entries (files, directories, links...) the tar stream may hold. */
  maxEntries: number;
  /** Most bytes the decompressed tar stream may hold (headers, data and padding together). */
  maxTotalSize: number;
  /** Largest IRIS.DAT accepted. */
  maxIrisDatSize: number;
  /** Largest size of any other single entry. */
  maxEntrySize: number;
  /** Largest module.xml or deps/*.xml accepted (they are held in memory to be parsed). */
  maxXmlSize: number;
  /** Largest pax extended header or GNU long name/link record. */
  maxHeaderExtensionSize: number;
  /** Longest entry path, in bytes after normalisation. */
  maxPathLength: number;
  /** How long a single read of the archive may wait for data before verification gives up. */
  readStallTimeoutMs: number;
  /** Deepest element nesting accepted in module.xml and deps/*.xml (IPM's manifests are a few levels deep). */
  maxXmlDepth: number;
  /** Decompressed bytes allowed per compressed byte read, once past compressionRatioGraceSize. */
  maxCompressionRatio: number;
  /** Decompressed bytes always allowed before maxCompressionRatio applies (small packages compress very well). */
  compressionRatioGraceSize: number;
  /** Most findings of each severity kept in the report; the rest are counted in one limit-findings note. */
  maxFindings: number;
  /** Longest finding message kept, in characters; longer ones are cut (quoted names are cut first). */
  maxFindingLength: number;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export const DEFAULT_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  maxEntries: 50_000,
  maxTotalSize: 64 * GiB,
  maxIrisDatSize: 64 * GiB,
  maxEntrySize: 4 * GiB,
  maxXmlSize: 16 * MiB,
  maxHeaderExtensionSize: 1 * MiB,
  maxPathLength: 1024,
  readStallTimeoutMs: 60_000,
  maxXmlDepth: 256,
  maxCompressionRatio: 200,
  compressionRatioGraceSize: 1 * GiB,
  maxFindings: 1000,
  maxFindingLength: 2000,
});

/** The defaults overridden by `partial`; each given value must be a positive safe integer. */
export function resolveLimits(partial: Partial<ArchiveLimits> = {}): ArchiveLimits {
  const limits: ArchiveLimits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(partial) as [keyof ArchiveLimits, unknown][]) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_LIMITS)) {
      throw new UsageError(
        `unknown archive limit "${key}"`,
        `Known limits: ${Object.keys(DEFAULT_LIMITS).join(', ')}.`,
      );
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      throw new UsageError(`archive limit ${key} must be a positive integer, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}
