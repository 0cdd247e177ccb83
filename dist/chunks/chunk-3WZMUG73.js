import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  IPM_CONFIG_MEDIA_TYPE,
  IPM_LAYER_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  TAG_PATTERN,
  TITLE_ANNOTATION,
  validatePathComponent,
  validateTag
} from "./chunk-HNTU2OWH.js";
import {
  IpmDbError
} from "./chunk-7JDKL6H4.js";

// src/oci/ipm-artifact.ts
import { createHash } from "node:crypto";
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
var PLAIN_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
var IRIS_MAJOR_MINOR = /^\d{4}\.\d{1,2}$/;
function sha256Digest(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
function checkModuleVersion(version, allowPrerelease = false) {
  if (PLAIN_VERSION.test(version)) return version;
  if (allowPrerelease && SEMVER.test(version)) return version;
  if (SEMVER.test(version)) {
    throw new IpmDbError("prerelease-version", `module version "${version}" is a prerelease or build version`, {
      hint: "IPM rebuilds a database package version as major.minor.patch when it pulls, so it cannot install this tag. Publish a plain X.Y.Z version, or pass --allow-prerelease if you know only other tools will read it."
    });
  }
  throw new IpmDbError("invalid-version", `module version "${version}" is not a semantic version`, {
    hint: "Set <Version> in module.xml to X.Y.Z (digits, no leading zeros)."
  });
}
function checkIrisVersion(irisVersion) {
  if (!IRIS_MAJOR_MINOR.test(irisVersion)) {
    throw new IpmDbError("invalid-iris-version", `IRIS version "${irisVersion}" is not a major.minor release`, {
      hint: "The package must name the IRIS release it was built for, e.g. 2025.1 (SystemRequirements/@Version)."
    });
  }
  return irisVersion;
}
function ipmRepository(namespace, moduleName) {
  const parts = namespace.toLowerCase().split("/").filter((p) => p.length > 0).map((p) => validatePathComponent(p, "namespace component"));
  if (parts.length === 0) {
    throw new IpmDbError("invalid-namespace", "the namespace is empty", {
      hint: "Give --namespace the registry owner, e.g. your GitHub organisation or user name in lower case."
    });
  }
  const module = validatePathComponent(moduleName.toLowerCase(), "module name (lower-cased)");
  return [...parts, module].join("/");
}
function ipmDatabaseTag(version, irisVersion) {
  return validateTag(`${version.replace(/\+/g, "_")}_database__${checkIrisVersion(irisVersion)}`);
}
function ipmLayerTitle(moduleName, version) {
  return `${moduleName}-${version}-database.tgz`;
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
        annotations: { [TITLE_ANNOTATION]: ipmLayerTitle(facts.moduleName, facts.version) }
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
  else if (!PLAIN_VERSION.test(version)) {
    add("version", `version "${version}" is not plain X.Y.Z; IPM rebuilds database versions as major.minor.patch`);
  }
  if (packaging !== "database") {
    add(
      "packaging",
      `annotation com.intersystems.ipm.packaging is ${packaging === void 0 ? "missing" : `"${String(packaging)}"`}, expected "database"`
    );
  }
  if (typeof platform !== "string" || !IRIS_MAJOR_MINOR.test(platform)) {
    add(
      "platform-version",
      `annotation com.intersystems.ipm.platformVersion is ${platform === void 0 ? "missing" : `"${String(platform)}"`}, expected IRIS major.minor`
    );
  }
  if (tag !== void 0) {
    if (!TAG_PATTERN.test(tag)) add("tag", `tag "${tag}" does not match ${TAG_PATTERN.source}`);
    else if (!/_database__\d{4}\.\d{1,2}$/.test(tag)) {
      add("tag", `tag "${tag}" is not of the form <version>_database__<IRIS major.minor> IPM looks for`);
    }
    if (typeof version === "string" && typeof platform === "string") {
      const expected = `${version.replace(/\+/g, "_")}_database__${platform}`;
      if (tag !== expected && /_database__/.test(tag))
        add("tag", `tag "${tag}" should be "${expected}" for this version and platform`);
    }
  }
  return v;
}

export {
  EMPTY_CONFIG,
  EMPTY_CONFIG_DIGEST,
  checkModuleVersion,
  ipmRepository,
  ipmDatabaseTag,
  buildIpmManifest,
  canonicalJson,
  serializeManifest,
  ipmAcceptanceViolations
};
