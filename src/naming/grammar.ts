// The grammars every layer checks values against: sha256 hex and digests, semantic versions,
// IRIS major.minor, image references and tags, IPM module names. Pure; the lowest layer above
// util/, so archive/, iris/, ipm/, oci/ and everything above may import it.
import { createHash } from 'node:crypto';

/** 64 hex digits in either case, as `sha256sum` and IPM's `Checksum:` line print them. */
export const SHA256_HEX_SOURCE = '[0-9a-fA-F]{64}';
/** An OCI sha256 digest: "sha256:" and 64 lower-case hex digits. */
export const DIGEST_SOURCE = 'sha256:[0-9a-f]{64}';
/** An OCI tag (distribution grammar): 1-128 characters, not starting with "." or "-". */
export const TAG_SOURCE = '[A-Za-z0-9_][A-Za-z0-9._-]{0,127}';

const SHA256_HEX = new RegExp(`^${SHA256_HEX_SOURCE}$`);
const DIGEST = new RegExp(`^${DIGEST_SOURCE}$`);
const TAG = new RegExp(`^${TAG_SOURCE}$`);

/** Semantic Versioning 2.0.0 (what IPM's %IPM.General.SemanticVersion parses). */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const PLAIN_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** An IRIS release as SystemRequirements/@Version and the OCI tag carry it: "2026.1". */
const IRIS_MAJOR_MINOR = /^(\d{4})\.(\d{1,2})$/;
/** A full IRIS version whose first two parts are major.minor: "2026.1", "2026.1.0.230.0". */
const IRIS_VERSION = /^(\d{4})\.(\d{1,2})(\.[0-9A-Za-z.]*)?$/;
/** IPM module names: letters, digits, '.', '-', '_' (IPM lower-cases them for file names and repositories). */
export const MODULE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/**
 * A Docker image reference: [host[:port]/]path[:tag][@sha256:digest], lower-case path
 * components; never starts with '-' so it cannot become a docker flag.
 */
export const IMAGE_REFERENCE = new RegExp(
  `^[a-z0-9][a-z0-9._-]*(?::[0-9]+)?(?:/[a-z0-9][a-z0-9._-]*)*(?::${TAG_SOURCE})?(?:@${DIGEST_SOURCE})?$`,
);

export function isSha256Hex(text: string): boolean {
  return SHA256_HEX.test(text);
}

export function isDigest(text: string): boolean {
  return DIGEST.test(text);
}

/** "sha256:<hex>" of the bytes. */
export function sha256Digest(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function isTag(text: string): boolean {
  return TAG.test(text);
}

export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}

/** major.minor.patch without prerelease or build (what IPM rebuilds a database package version as). */
export function isPlainVersion(version: string): boolean {
  return PLAIN_VERSION.test(version);
}

export function isIrisMajorMinor(version: string): boolean {
  return IRIS_MAJOR_MINOR.test(version);
}

/** "2026.1", "2026.1.0.227.0" -> "2026.1" ("2026.01" -> "2026.1"); null when not an IRIS version. */
export function irisMajorMinor(version: string): string | null {
  const m = IRIS_VERSION.exec(version.trim());
  return m ? `${m[1]}.${Number(m[2])}` : null;
}

/** Year and release of a major.minor release tag ("2026.1"); null for anything else. */
export function parseIrisMajorMinor(version: string): { major: number; minor: number } | null {
  const m = IRIS_MAJOR_MINOR.exec(version);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

export function isModuleName(name: string): boolean {
  return MODULE_NAME.test(name);
}

export function isImageReference(image: string): boolean {
  return IMAGE_REFERENCE.test(image);
}

/** The tag of an image reference, ignoring a registry port and a digest; null when it has none. */
export function imageTag(image: string): string | null {
  const withoutDigest = image.split('@')[0] ?? '';
  const last = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon < 0 ? null : last.slice(colon + 1);
}

/** A full git commit id (SHA-1 object name): 40 hex digits in either case; what pins IPM's source. */
const GIT_COMMIT = /^[0-9a-fA-F]{40}$/;

export function isGitCommit(text: string): boolean {
  return GIT_COMMIT.test(text);
}
