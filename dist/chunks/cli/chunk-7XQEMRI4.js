import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-PS7E4X32.js";

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

// src/naming/reference.ts
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var REGISTRY_HOST = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
var MAX_NAME_LENGTH = 255;
function validateRegistryHost(registry) {
  if (!REGISTRY_HOST.test(registry)) {
    throw new UsageError(
      `registry "${registry}" is not a host name with an optional port`,
      "Give the registry as host[:port], e.g. ghcr.io or 127.0.0.1:5000, without a scheme or path."
    );
  }
  return registry;
}
function validatePathComponent(component, what) {
  if (!PATH_COMPONENT.test(component)) {
    throw new UsageError(
      `${what} "${component}" is not a valid repository path component`,
      'Use lower-case letters and digits, separated by single ".", "_", "__" or runs of "-" (no leading or trailing separator).'
    );
  }
  return component;
}
function validateRepository(repository) {
  if (repository.length === 0) throw new UsageError("the repository name is empty");
  for (const component of repository.split("/")) validatePathComponent(component, "repository path component");
  return repository;
}
function validateTag(tag) {
  if (!isTag(tag)) {
    throw new UsageError(
      `tag "${tag}" is not a valid OCI tag`,
      'A tag is 1-128 characters of letters, digits, "_", "." and "-", not starting with "." or "-".'
    );
  }
  return tag;
}
function validateDigest(digest) {
  if (!isDigest(digest)) {
    throw new UsageError(`digest "${digest}" is not a sha256 digest`, 'Expected "sha256:" followed by 64 hex digits.');
  }
  return digest;
}
function parseReference(text, opts = {}) {
  const input = text.trim().replace(/^oci:\/\//, "");
  const at = input.indexOf("@");
  const beforeDigest = at >= 0 ? input.slice(0, at) : input;
  const digest = at >= 0 ? validateDigest(input.slice(at + 1)) : void 0;
  const slash = beforeDigest.indexOf("/");
  if (slash <= 0) {
    throw new UsageError(
      `reference "${text}" has no registry`,
      "Write it as <registry>/<namespace>/<module>[:tag], e.g. ghcr.io/acme/mymodule:1.2.3_database__2026.1."
    );
  }
  const registry = validateRegistryHost(beforeDigest.slice(0, slash));
  let path = beforeDigest.slice(slash + 1);
  let tag;
  const colon = path.lastIndexOf(":");
  if (colon >= 0) {
    tag = validateTag(path.slice(colon + 1));
    path = path.slice(0, colon);
  }
  const repository = validateRepository(path);
  if (`${registry}/${repository}`.length > MAX_NAME_LENGTH) {
    throw new UsageError(`reference "${text}" is longer than ${MAX_NAME_LENGTH} characters`);
  }
  if (opts.requireTagOrDigest && tag === void 0 && digest === void 0) {
    throw new UsageError(`reference "${text}" names no tag or digest`, 'Append ":<tag>" or "@sha256:<digest>".');
  }
  const ref = { registry, repository };
  if (tag !== void 0) ref.tag = tag;
  if (digest !== void 0) ref.digest = digest;
  return ref;
}
function formatReference(ref) {
  return `${ref.registry}/${ref.repository}${ref.tag !== void 0 ? `:${ref.tag}` : ""}${ref.digest !== void 0 ? `@${ref.digest}` : ""}`;
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
  imageTag,
  isGitCommit,
  validateRegistryHost,
  validatePathComponent,
  validateTag,
  parseReference,
  formatReference
};
