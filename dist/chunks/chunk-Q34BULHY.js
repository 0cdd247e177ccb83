import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/naming/grammar.ts
import { createHash } from "node:crypto";
var SHA256_HEX_SOURCE = "[0-9a-fA-F]{64}";
var DIGEST_SOURCE = "sha256:[0-9a-f]{64}";
var TAG_SOURCE = "[A-Za-z0-9_][A-Za-z0-9._-]{0,127}";
var SHA256_HEX = new RegExp(`^${SHA256_HEX_SOURCE}$`);
var DIGEST = new RegExp(`^${DIGEST_SOURCE}$`);
var TAG = new RegExp(`^${TAG_SOURCE}$`);
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
var PLAIN_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
var IRIS_MAJOR_MINOR = /^(\d{4})\.(\d{1,2})$/;
var IRIS_VERSION = /^(\d{4})\.(\d{1,2})(\.[0-9A-Za-z.]*)?$/;
var MODULE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
var IMAGE_REFERENCE = new RegExp(
  `^[a-z0-9][a-z0-9._-]*(?::[0-9]+)?(?:/[a-z0-9][a-z0-9._-]*)*(?::${TAG_SOURCE})?(?:@${DIGEST_SOURCE})?$`
);
function isSha256Hex(text) {
  return SHA256_HEX.test(text);
}
function isDigest(text) {
  return DIGEST.test(text);
}
function sha256Digest(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
function isTag(text) {
  return TAG.test(text);
}
function isSemver(version) {
  return SEMVER.test(version);
}
function isPlainVersion(version) {
  return PLAIN_VERSION.test(version);
}
function isIrisMajorMinor(version) {
  return IRIS_MAJOR_MINOR.test(version);
}
function irisMajorMinor(version) {
  const m = IRIS_VERSION.exec(version.trim());
  return m ? `${m[1]}.${Number(m[2])}` : null;
}
function parseIrisMajorMinor(version) {
  const m = IRIS_MAJOR_MINOR.exec(version);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}
function isModuleName(name) {
  return MODULE_NAME.test(name);
}
function isImageReference(image) {
  return IMAGE_REFERENCE.test(image);
}
function imageTag(image) {
  const withoutDigest = image.split("@")[0] ?? "";
  const last = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
  const colon = last.indexOf(":");
  return colon < 0 ? null : last.slice(colon + 1);
}
var GIT_COMMIT = /^[0-9a-fA-F]{40}$/;
function isGitCommit(text) {
  return GIT_COMMIT.test(text);
}

export {
  SHA256_HEX_SOURCE,
  DIGEST_SOURCE,
  TAG_SOURCE,
  SEMVER,
  MODULE_NAME,
  IMAGE_REFERENCE,
  isSha256Hex,
  isDigest,
  sha256Digest,
  isTag,
  isSemver,
  isPlainVersion,
  isIrisMajorMinor,
  irisMajorMinor,
  parseIrisMajorMinor,
  isModuleName,
  isImageReference,
  imageTag,
  isGitCommit
};
