/**
 * The verification report: what `ipm-db verify --json` prints, what the pipeline, the job
 * summary and the publisher read. Documented field by field in docs/verify-report.md.
 * Fields may be added in a later schema version; none is renamed or removed within one.
 */
import type { ArchiveLimits } from './limits.js';

export const VERIFY_REPORT_SCHEMA = 'ipm-db/verify-report@1';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable machine-readable code, e.g. "checksum-mismatch", "entry-absolute-path". */
  code: string;
  severity: FindingSeverity;
  /** The archive entry concerned, normalised, when there is one. */
  entry?: string;
  /** What was wrong, what was expected, and what to do. */
  message: string;
}

/** "file" and "directory" are the only kinds a valid package holds; the others are always errors. */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'hardlink' | 'device' | 'fifo' | 'other';

export interface InventoryEntry {
  /** Normalised path: no "./", no doubled or trailing "/". */
  path: string;
  kind: EntryKind;
  size: number;
  /** Role IPM gives the entry; "rejected" for unsafe paths and for links, devices, FIFOs and other types. */
  role:
    | 'iris-dat'
    | 'module-xml'
    | 'dependency'
    | 'dependency-file'
    | 'wheel'
    | 'cpf'
    | 'resource'
    | 'directory'
    | 'rejected';
  /** Link target, for symbolic and hard links. */
  linkTarget?: string;
}

export interface DependencyReport {
  name: string;
  /** Version range declared in module.xml, when declared there. */
  declaredVersion: string | null;
  /** Version found in deps/<name>.xml, when the file is there. */
  packagedVersion: string | null;
  /** Normalised path of deps/<name>.xml, or null when the archive has none. */
  depsFile: string | null;
}

export interface ModuleReport {
  name: string;
  version: string;
  description: string | null;
  /** <Packaging> text; "database" for a database package. */
  packaging: string | null;
  /** SystemRequirements/@Version: the IRIS major.minor the package installs on. */
  irisVersion: string | null;
  /** Other SystemRequirements attributes kept by IPM (Interoperability, Health, ...). */
  systemRequirements: Record<string, string>;
  /** <UpdatePackage>, when the module declares update steps. */
  updatePackage: string | null;
  /** Resources declared with Scope="test" or "verify". */
  testResources: string[];
  /** The module.xml text exactly as archived (UTF-8), for the OCI manifest annotation. */
  manifestXml: string;
}

export interface VerificationReport {
  schema: typeof VERIFY_REPORT_SCHEMA;
  valid: boolean;
  archive: {
    path: string;
    fileName: string;
    /** Compressed size in bytes. */
    size: number;
    /** SHA-256 of the .tgz file itself (the OCI layer digest, without "sha256:"). */
    sha256: string;
    /** Total of all entry sizes after decompression. */
    uncompressedSize: number;
    entryCount: number;
    /** Bytes after the gzip member (always an error when non-zero). */
    trailingBytes: number;
    /** End-of-archive zero blocks in the tar stream: 0 for IPM's own writer, 2 or more for tar(1). */
    endOfArchiveBlocks: number;
    /** False when verification stopped early (corrupt data or a limit): later entries were not seen. */
    fullyRead: boolean;
  };
  module: ModuleReport | null;
  irisDat: { size: number; sha256: string } | null;
  checksum: {
    algorithm: string | null;
    expected: string | null;
    actual: string | null;
    match: boolean;
  };
  dependencies: DependencyReport[];
  /** true when test-scoped resources were packaged (built with -dev), false when not, null when unknown. */
  builtWithTestResources: boolean | null;
  entries: InventoryEntry[];
  errors: Finding[];
  warnings: Finding[];
  infos: Finding[];
  /** What the caller asked the package to be (absent when not asked). */
  expected: { irisVersion?: string; moduleName?: string; moduleVersion?: string };
  /** The limits this verification ran with. */
  limits: ArchiveLimits;
  /** Milliseconds the verification took. */
  durationMs: number;
}
