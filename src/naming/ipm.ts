// IPM's naming rules for database packages (docs/publishing.md): the OCI tag, the repository
// path, and the archive file name. Pure.
import { IpmDbError } from '../util/errors.js';
import { isIrisMajorMinor } from './grammar.js';
import { validatePathComponent, validateTag } from './reference.js';

const DATABASE_TAG_SEPARATOR = '_database__';
const DATABASE_TAG = /^(.+)_database__(\d{4}\.\d{1,2})$/;

export function checkIrisVersion(irisVersion: string): string {
  if (!isIrisMajorMinor(irisVersion)) {
    throw new IpmDbError('invalid-iris-version', `IRIS version "${irisVersion}" is not a major.minor release`, {
      hint: 'The package must name the IRIS release it was built for, e.g. 2026.1 (SystemRequirements/@Version).',
    });
  }
  return irisVersion;
}

/** `<version, "+" -> "_">_database__<IRIS major.minor>`: the tag IPM publishes and pulls; throws when invalid. */
export function ipmDatabaseTag(version: string, irisMajorMinor: string): string {
  return validateTag(formatDatabaseTag(version, checkIrisVersion(irisMajorMinor)));
}

/** The same tag without checking either part (for reports that list what is wrong). */
export function formatDatabaseTag(version: string, irisMajorMinor: string): string {
  return `${version.replace(/\+/g, '_')}${DATABASE_TAG_SEPARATOR}${irisMajorMinor}`;
}

/** The version and IRIS major.minor a database tag names; null when the tag is not of that form. */
export function parseDatabaseTag(tag: string): { version: string; irisMajorMinor: string } | null {
  const m = DATABASE_TAG.exec(tag);
  return m ? { version: m[1]!, irisMajorMinor: m[2]! } : null;
}

/** Whether the tag names any database package (has the `_database__` separator at all). */
export function mentionsDatabaseTag(tag: string): boolean {
  return tag.includes(DATABASE_TAG_SEPARATOR);
}

/**
 * `<namespace>/<module>`, both lower-cased (GHCR requires it; GitHub owners are case-insensitive),
 * each component checked against the distribution grammar.
 */
export function ipmRepositoryPath(namespace: string, moduleName: string): string {
  const parts = namespace
    .toLowerCase()
    .split('/')
    .filter((p) => p.length > 0)
    .map((p) => validatePathComponent(p, 'namespace component'));
  if (parts.length === 0) {
    throw new IpmDbError('invalid-namespace', 'the namespace is empty', {
      hint: 'Give --namespace the registry owner, e.g. your GitHub organisation or user name in lower case.',
    });
  }
  const module = validatePathComponent(moduleName.toLowerCase(), 'module name (lower-cased)');
  return [...parts, module].join('/');
}

/** `<module>-<version>-database.tgz`: the file package-database writes and the OCI layer title. */
export function ipmArchiveFileName(moduleName: string, version: string): string {
  return `${moduleName}-${version}-database.tgz`;
}

/** Whether a file name follows the `<name>-<version>-database.tgz` pattern at all. */
export function isIpmArchiveFileName(fileName: string): boolean {
  return /-database\.tgz$/i.test(fileName);
}
