import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  formatDatabaseTag,
  ipmArchiveFileName,
  mentionsDatabaseTag,
  parseDatabaseTag
} from "./chunk-TBTJLIKU.js";
import {
  IPM_CONFIG_MEDIA_TYPE,
  IPM_LAYER_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  TITLE_ANNOTATION
} from "./chunk-HY7YMROX.js";
import {
  TAG_SOURCE,
  isIrisMajorMinor,
  isPlainVersion,
  isSemver,
  isTag,
  sha256Digest
} from "./chunk-7XQEMRI4.js";
import {
  IpmDbError
} from "./chunk-PS7E4X32.js";

// src/oci/ipm-artifact.ts
var EMPTY_CONFIG = Buffer.from("{}", "utf8");
var EMPTY_CONFIG_DIGEST = sha256Digest(EMPTY_CONFIG);
var IPM_ANNOTATION_KEYS = [
  "org.opencontainers.image.title",
  "org.opencontainers.image.description",
  "org.opencontainers.image.version",
  "org.opencontainers.image.source",
  "org.opencontainers.image.created",
  "com.intersystems.ipm.allVersions",
  "com.intersystems.ipm.origin",
  "com.intersystems.ipm.deployed",
  "com.intersystems.ipm.module.v1+xml",
  "com.intersystems.ipm.platformVersion",
  "com.intersystems.ipm.packaging"
];
var ALLOWED_KEYS = new Set(IPM_ANNOTATION_KEYS);
function checkModuleVersion(version, allowPrerelease = false) {
  if (isPlainVersion(version)) return version;
  if (allowPrerelease && isSemver(version)) return version;
  if (isSemver(version)) {
    throw new IpmDbError("prerelease-version", `module version "${version}" is a prerelease or build version`, {
      hint: "IPM rebuilds a database package version as major.minor.patch when it pulls, so it cannot install this tag. Publish a plain X.Y.Z version, or pass --allow-prerelease if you know only other tools will read it."
    });
  }
  throw new IpmDbError("invalid-version", `module version "${version}" is not a semantic version`, {
    hint: "Set <Version> in module.xml to X.Y.Z (digits, no leading zeros)."
  });
}
function moduleXmlOneLine(xml) {
  return xml.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/).join("");
}
function ipmAnnotations(values) {
  const out = {};
  for (const [key, value] of Object.entries(values)) {
    if (!ALLOWED_KEYS.has(key)) {
      throw new IpmDbError("annotation-not-allowed", `annotation "${key}" is not one IPM accepts`, {
        hint: `IPM rejects manifests with annotations other than: ${IPM_ANNOTATION_KEYS.join(", ")}.`
      });
    }
    if (value === void 0) continue;
    if (typeof value !== "string") throw new IpmDbError("annotation-not-string", `annotation "${key}" is not a string`);
    out[key] = value;
  }
  return out;
}
function ipmAnnotationsFor(facts) {
  const a = {
    "org.opencontainers.image.title": facts.moduleName,
    "org.opencontainers.image.version": facts.version,
    "org.opencontainers.image.created": facts.created,
    "com.intersystems.ipm.platformVersion": facts.irisVersion,
    "com.intersystems.ipm.packaging": "database",
    "com.intersystems.ipm.module.v1+xml": moduleXmlOneLine(facts.moduleXml)
  };
  if (facts.description) a["org.opencontainers.image.description"] = facts.description;
  if (facts.source) a["org.opencontainers.image.source"] = facts.source;
  return a;
}
function buildIpmManifest(facts) {
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: IPM_CONFIG_MEDIA_TYPE, digest: EMPTY_CONFIG_DIGEST, size: EMPTY_CONFIG.length },
    layers: [
      {
        mediaType: IPM_LAYER_MEDIA_TYPE,
        digest: facts.layer.digest,
        size: facts.layer.size,
        annotations: { [TITLE_ANNOTATION]: ipmArchiveFileName(facts.moduleName, facts.version) }
      }
    ],
    annotations: ipmAnnotations(ipmAnnotationsFor(facts))
  };
}
function canonicalJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
function serializeManifest(manifest) {
  const bytes = Buffer.from(canonicalJson(manifest), "utf8");
  return { bytes, digest: sha256Digest(bytes) };
}
function ipmAcceptanceViolations(manifest, tag) {
  const v = [];
  const add = (rule, message) => v.push({ rule, message });
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) {
    add("manifest-json", "the manifest is not a JSON object");
    return v;
  }
  const m = manifest;
  if (m.schemaVersion !== 2) add("schema-version", `schemaVersion is ${String(m.schemaVersion)}, expected 2`);
  if (m.mediaType !== OCI_MANIFEST_MEDIA_TYPE) {
    add("manifest-media-type", `mediaType is "${String(m.mediaType)}", expected "${OCI_MANIFEST_MEDIA_TYPE}"`);
  }
  if (m.config?.mediaType !== IPM_CONFIG_MEDIA_TYPE) {
    add(
      "config-media-type",
      `config mediaType is "${String(m.config?.mediaType)}", expected "${IPM_CONFIG_MEDIA_TYPE}"`
    );
  }
  const layers = Array.isArray(m.layers) ? m.layers : [];
  const tarLayers = layers.filter((l) => l?.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (layers.length !== 1) add("one-layer", `the manifest has ${layers.length} layers, IPM expects exactly one`);
  if (tarLayers.length === 0) {
    add("layer-media-type", `no layer has mediaType "${IPM_LAYER_MEDIA_TYPE}" (IPM ignores +gzip and other types)`);
  }
  const title = tarLayers[0]?.annotations?.[TITLE_ANNOTATION];
  if (tarLayers[0] && !(typeof title === "string" && title.endsWith(".tgz"))) {
    add(
      "layer-title",
      `the layer title is ${title === void 0 ? "missing" : `"${title}"`}; IPM looks for a *.tgz file`
    );
  }
  const annotations = m.annotations ?? {};
  for (const key of Object.keys(annotations)) {
    if (!ALLOWED_KEYS.has(key)) add("annotation-key", `annotation "${key}" is not one of IPM's eleven keys`);
  }
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value !== "string") add("annotation-value", `annotation "${key}" is not a string`);
  }
  const version = annotations["org.opencontainers.image.version"];
  const packaging = annotations["com.intersystems.ipm.packaging"];
  const platform = annotations["com.intersystems.ipm.platformVersion"];
  if (typeof annotations[TITLE_ANNOTATION] !== "string")
    add("title", "annotation org.opencontainers.image.title (the module name) is missing");
  if (typeof annotations["com.intersystems.ipm.module.v1+xml"] !== "string") {
    add("module-xml", "annotation com.intersystems.ipm.module.v1+xml (the module manifest) is missing");
  } else if (/[\r\n]/.test(annotations["com.intersystems.ipm.module.v1+xml"])) {
    add("module-xml", "annotation com.intersystems.ipm.module.v1+xml spans several lines");
  }
  if (typeof version !== "string") add("version", "annotation org.opencontainers.image.version is missing");
  else if (!isPlainVersion(version)) {
    add("version", `version "${version}" is not plain X.Y.Z; IPM rebuilds database versions as major.minor.patch`);
  }
  if (packaging !== "database") {
    add(
      "packaging",
      `annotation com.intersystems.ipm.packaging is ${packaging === void 0 ? "missing" : `"${String(packaging)}"`}, expected "database"`
    );
  }
  if (typeof platform !== "string" || !isIrisMajorMinor(platform)) {
    add(
      "platform-version",
      `annotation com.intersystems.ipm.platformVersion is ${platform === void 0 ? "missing" : `"${String(platform)}"`}, expected IRIS major.minor`
    );
  }
  if (tag !== void 0) {
    if (!isTag(tag)) add("tag", `tag "${tag}" does not match ^${TAG_SOURCE}$`);
    else if (parseDatabaseTag(tag) === null) {
      add("tag", `tag "${tag}" is not of the form <version>_database__<IRIS major.minor> IPM looks for`);
    }
    if (typeof version === "string" && typeof platform === "string") {
      const expected = formatDatabaseTag(version, platform);
      if (tag !== expected && mentionsDatabaseTag(tag))
        add("tag", `tag "${tag}" should be "${expected}" for this version and platform`);
    }
  }
  return v;
}

export {
  EMPTY_CONFIG,
  EMPTY_CONFIG_DIGEST,
  checkModuleVersion,
  buildIpmManifest,
  canonicalJson,
  serializeManifest,
  ipmAcceptanceViolations
};
