import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  isIrisMajorMinor,
  validatePathComponent,
  validateTag
} from "./chunk-7XQEMRI4.js";
import {
  IpmDbError
} from "./chunk-PS7E4X32.js";

// src/naming/ipm.ts
var DATABASE_TAG_SEPARATOR = "_database__";
var DATABASE_TAG = /^(.+)_database__(\d{4}\.\d{1,2})$/;
function checkIrisVersion(irisVersion) {
  if (!isIrisMajorMinor(irisVersion)) {
    throw new IpmDbError("invalid-iris-version", `IRIS version "${irisVersion}" is not a major.minor release`, {
      hint: "The package must name the IRIS release it was built for, e.g. 2026.1 (SystemRequirements/@Version)."
    });
  }
  return irisVersion;
}
function ipmDatabaseTag(version, irisMajorMinor) {
  return validateTag(formatDatabaseTag(version, checkIrisVersion(irisMajorMinor)));
}
function formatDatabaseTag(version, irisMajorMinor) {
  return `${version.replace(/\+/g, "_")}${DATABASE_TAG_SEPARATOR}${irisMajorMinor}`;
}
function parseDatabaseTag(tag) {
  const m = DATABASE_TAG.exec(tag);
  return m ? { version: m[1], irisMajorMinor: m[2] } : null;
}
function mentionsDatabaseTag(tag) {
  return tag.includes(DATABASE_TAG_SEPARATOR);
}
function ipmRepositoryPath(namespace, moduleName) {
  const parts = namespace.toLowerCase().split("/").filter((p) => p.length > 0).map((p) => validatePathComponent(p, "namespace component"));
  if (parts.length === 0) {
    throw new IpmDbError("invalid-namespace", "the namespace is empty", {
      hint: "Give --namespace the registry owner, e.g. your GitHub organisation or user name in lower case."
    });
  }
  const module = validatePathComponent(moduleName.toLowerCase(), "module name (lower-cased)");
  return [...parts, module].join("/");
}
function ipmArchiveFileName(moduleName, version) {
  return `${moduleName}-${version}-database.tgz`;
}
function isIpmArchiveFileName(fileName) {
  return /-database\.tgz$/i.test(fileName);
}

export {
  ipmDatabaseTag,
  formatDatabaseTag,
  parseDatabaseTag,
  mentionsDatabaseTag,
  ipmRepositoryPath,
  ipmArchiveFileName,
  isIpmArchiveFileName
};
