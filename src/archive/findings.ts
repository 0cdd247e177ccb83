import type { Finding, FindingSeverity } from './report.js';

/**
 * Every finding the verifier can report: its stable code, severity and meaning.
 * docs/verify-report.md lists the same codes (a test keeps the two in step).
 */
export const FINDING_CATALOG = {
  // gzip layer
  'gzip-invalid-header': [
    'error',
    'The file does not start with a valid gzip header (empty, not gzip, or unsupported flags).',
  ],
  'gzip-corrupt': ['error', 'The deflate data inside the gzip member is corrupt.'],
  'gzip-truncated': ['error', 'The file ends before the gzip member (data or 8-byte trailer) is complete.'],
  'gzip-crc-mismatch': ['error', "The gzip trailer's CRC-32 does not match the decompressed data."],
  'gzip-size-mismatch': ['error', "The gzip trailer's length (ISIZE) does not match the decompressed data."],
  'gzip-multiple-members': ['error', 'A second gzip member follows the first; IPM writes exactly one.'],
  'gzip-trailing-data': ['error', 'Bytes that are not a gzip member follow the gzip member (zero padding or garbage).'],
  // tar layer
  'tar-empty': ['error', 'The decompressed stream holds no tar entry.'],
  'tar-header-checksum': ['error', 'A tar header block fails its checksum; parsing stops there.'],
  'tar-header-invalid': ['error', 'A tar header has an unreadable numeric field; parsing stops there.'],
  'tar-extension-invalid': ['error', 'A pax extended header or GNU long-name record is malformed.'],
  'tar-truncated': ['error', 'The tar stream ends inside a header, an entry or its padding.'],
  'tar-trailing-data': [
    'error',
    'Non-zero data follows the end-of-archive zero blocks, or a partial block ends the stream.',
  ],
  'tar-no-end-marker': ['info', "The tar stream has no end-of-archive zero blocks, as IPM's own writer produces."],
  // entries
  'entry-absolute-path': ['error', 'An entry path is absolute (starts with "/", "\\" or a drive letter).'],
  'entry-parent-traversal': ['error', 'An entry path has a ".." segment.'],
  'entry-unsafe-characters': ['error', 'An entry path holds a backslash, a control character or invalid UTF-8.'],
  'entry-empty-path': ['error', 'An entry has an empty path.'],
  'entry-symlink': ['error', 'A symbolic link entry.'],
  'entry-hardlink': ['error', 'A hard link entry.'],
  'entry-device': ['error', 'A character or block device entry.'],
  'entry-fifo': ['error', 'A FIFO (named pipe) entry.'],
  'entry-unsupported-type': [
    'error',
    'An entry of a tar type the verifier does not accept (sparse, volume label, ...).',
  ],
  'entry-duplicate': ['error', 'Two entries have the same path after normalisation.'],
  'entry-path-conflict': ['error', 'An entry lies below a path that another entry makes a regular file.'],
  'entry-case-collision': ['warning', 'Two paths differ only in letter case (they collide on Windows and macOS).'],
  'entry-name-maybe-truncated': [
    'warning',
    "A name fills ustar's 99-byte name field; IPM's writer silently cuts longer names.",
  ],
  // limits
  'limit-entry-count': ['error', 'More entries than limits.maxEntries; parsing stops.'],
  'limit-total-size': ['error', 'The decompressed stream exceeds limits.maxTotalSize; parsing stops.'],
  'limit-entry-size': [
    'error',
    'An entry exceeds limits.maxEntrySize (limits.maxIrisDatSize for IRIS.DAT); parsing stops.',
  ],
  'limit-xml-size': ['error', 'module.xml or a deps/*.xml exceeds limits.maxXmlSize; it is not parsed.'],
  'limit-header-extension-size': [
    'error',
    'A pax header or GNU long-name record exceeds limits.maxHeaderExtensionSize.',
  ],
  'limit-path-length': ['error', 'An entry path exceeds limits.maxPathLength.'],
  'limit-xml-depth': ['error', 'module.xml or a deps/*.xml nests elements deeper than limits.maxXmlDepth.'],
  'limit-compression-ratio': [
    'error',
    'The archive decompresses to more than limits.maxCompressionRatio times its size (past the grace size); parsing stops.',
  ],
  'limit-findings': [
    'info',
    'More findings of one severity than limits.maxFindings; the rest are counted, not listed.',
  ],
  // IRIS.DAT
  'iris-dat-missing': ['error', 'No regular file IRIS.DAT at the top level of the archive.'],
  'iris-dat-empty': ['error', 'IRIS.DAT is empty.'],
  'iris-dat-size-unaligned': ['warning', 'IRIS.DAT size is not a multiple of 8192 bytes (the IRIS block size).'],
  // XML
  'xml-doctype': ['error', 'An XML file has a DOCTYPE (DTD or entity declarations); it is rejected, never expanded.'],
  'xml-not-well-formed': ['error', 'An XML file is not well-formed (or not valid UTF-8).'],
  'xml-unsupported-encoding': ['error', 'An XML file declares an encoding other than UTF-8, US-ASCII or ISO-8859-1.'],
  // module.xml
  'module-xml-missing': ['error', 'No regular file module.xml at the top level of the archive.'],
  'module-xml-layout': ['error', 'module.xml is not laid out as /Export/Document/Module.'],
  'module-element-duplicate': [
    'error',
    'module.xml repeats an element that must appear once (Name, Version, Packaging, Checksum, ...).',
  ],
  'module-name-missing': ['error', 'module.xml has no Module/Name.'],
  'module-version-missing': ['error', 'module.xml has no Module/Version.'],
  'module-version-not-semver': ['warning', 'Module/Version is not a semantic version (X.Y.Z[-pre][+build]).'],
  'packaging-not-database': ['error', 'Module/Packaging is missing or is not "database".'],
  'checksum-missing': ['error', 'module.xml has no Module/Checksum.'],
  'checksum-algorithm': ['error', 'Checksum/@Algorithm is not "SHA-256".'],
  'checksum-malformed': ['error', 'The Checksum text is not 64 hexadecimal digits.'],
  'checksum-mismatch': ['error', 'The SHA-256 of IRIS.DAT differs from the Checksum in module.xml.'],
  'iris-version-missing': ['error', 'module.xml has no SystemRequirements/@Version.'],
  'iris-version-malformed': ['error', 'SystemRequirements/@Version is not of the form YYYY.N.'],
  'iris-version-mismatch': ['error', 'SystemRequirements/@Version differs from the IRIS version the caller expects.'],
  'module-name-mismatch': ['error', 'Module/Name differs from the name the caller expects.'],
  'module-version-mismatch': ['error', 'Module/Version differs from the version the caller expects.'],
  'file-name-mismatch': [
    'error',
    "The file name follows IPM's <name>-<version>-database.tgz pattern but disagrees with module.xml.",
  ],
  'file-name-nonstandard': ['info', "The file name does not follow IPM's <name>-<version>-database.tgz pattern."],
  // deps/
  'deps-missing': ['error', 'No deps/ directory (IPM requires it, even empty).'],
  'deps-unexpected-entry': ['warning', 'deps/ holds something other than <dependency>.xml files.'],
  'dependency-layout': ['error', 'A deps/<dep>.xml is not an IRIS export /Export/Document[@name]/Module.'],
  'dependency-name-mismatch': [
    'error',
    'A deps/<dep>.xml does not export <dep>.ZPM (Document name or Module/Name differ).',
  ],
  'dependency-file-missing': ['warning', 'module.xml declares a dependency for which deps/ has no <dep>.xml.'],
  // test resources
  'built-with-test-resources': [
    'info',
    'Test-scoped files (Scope="test"/"verify") are in the archive: built with -dev.',
  ],
  'built-without-test-resources': ['info', 'Test-scoped files declared in module.xml are absent: built without -dev.'],
  'test-resources-undetermined': ['info', 'Whether test resources were packaged cannot be told from the archive.'],
} as const satisfies Record<string, readonly [FindingSeverity, string]>;

export type FindingCode = keyof typeof FINDING_CATALOG;

export function severityOf(code: FindingCode): FindingSeverity {
  return FINDING_CATALOG[code][0];
}

export interface FindingCaps {
  /** Most findings kept per severity. */
  maxFindings: number;
  /** Longest message kept, in characters. */
  maxFindingLength: number;
  /** Longest entry path kept on a finding, in characters. */
  maxPathLength: number;
}

const UNCAPPED: FindingCaps = { maxFindings: Infinity, maxFindingLength: Infinity, maxPathLength: Infinity };

/**
 * A flat copy of `text`. V8 may represent a slice, trim or split result as a view that keeps the
 * whole original alive (a 1 MiB pax path, a 15 MiB XML text); whatever outlives parsing is detached.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/** `text` cut to `max` characters, marked with "..." when cut, detached from the original. */
export function clip(text: string, max: number): string {
  return detach(text.length <= max ? text : `${text.slice(0, Math.max(0, max - 3))}...`);
}

/**
 * Collects findings in the order found; severity always comes from the catalog. Keeps at most
 * caps.maxFindings per severity (so an error is always listed when there is one) with clipped
 * text; the rest are counted and summarised by finish().
 */
export class FindingList {
  readonly all: Finding[] = [];
  private readonly kept: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  private readonly omitted: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  private readonly codes = new Set<FindingCode>();

  constructor(private readonly caps: FindingCaps = UNCAPPED) {}

  add(code: FindingCode, message: string, entry?: string): void {
    const severity = severityOf(code);
    this.codes.add(code);
    if (this.kept[severity] >= this.caps.maxFindings) {
      this.omitted[severity]++;
      return;
    }
    this.kept[severity]++;
    const finding: Finding = { code, severity, message: clip(message, this.caps.maxFindingLength) };
    if (entry !== undefined) finding.entry = clip(entry, Math.max(this.caps.maxPathLength, 256));
    this.all.push(finding);
  }

  /** Adds the limit-findings note when findings were left out. */
  finish(): void {
    const { error, warning, info } = this.omitted;
    if (error + warning + info === 0) return;
    this.all.push({
      code: 'limit-findings',
      severity: severityOf('limit-findings'),
      message:
        `${error} more errors, ${warning} more warnings and ${info} more notes were found but not listed ` +
        `(limits.maxFindings is ${this.caps.maxFindings} per severity). Fix the listed ones, or raise the limit to see the rest.`,
    });
  }

  has(code: FindingCode): boolean {
    return this.codes.has(code);
  }

  get hasErrors(): boolean {
    return this.kept.error > 0;
  }

  bySeverity(severity: FindingSeverity): Finding[] {
    return this.all.filter((f) => f.severity === severity);
  }
}
