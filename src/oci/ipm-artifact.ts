// The exact OCI form IPM's ORAS repository pushes and installs database packages from
// (docs/publishing.md, contract section 8). Everything here is pure: names, the tag, the
// manifest with its allow-listed annotations, its canonical bytes, and the acceptance rules
// `ipm-db inspect` reports.
import { IpmDbError } from '../util/errors.js';
import { TAG_SOURCE, isIrisMajorMinor, isPlainVersion, isSemver, isTag, sha256Digest } from '../naming/grammar.js';
import {
  IPM_CONFIG_MEDIA_TYPE,
  IPM_LAYER_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  TITLE_ANNOTATION,
  type OciManifest,
} from './media-types.js';
import { formatDatabaseTag, ipmArchiveFileName, mentionsDatabaseTag, parseDatabaseTag } from '../naming/ipm.js';

/** The empty JSON object IPM's client uses as the config blob. */
export const EMPTY_CONFIG = Buffer.from('{}', 'utf8');
export const EMPTY_CONFIG_DIGEST = sha256Digest(EMPTY_CONFIG);

/**
 * The only manifest annotation keys IPM accepts: it imports them into a JSON-adapted class
 * (%IPM.Repo.Oras.ArtifactMetadata) that rejects any other key, which breaks install.
 */
export const IPM_ANNOTATION_KEYS = [
  'org.opencontainers.image.title',
  'org.opencontainers.image.description',
  'org.opencontainers.image.version',
  'org.opencontainers.image.source',
  'org.opencontainers.image.created',
  'com.intersystems.ipm.allVersions',
  'com.intersystems.ipm.origin',
  'com.intersystems.ipm.deployed',
  'com.intersystems.ipm.module.v1+xml',
  'com.intersystems.ipm.platformVersion',
  'com.intersystems.ipm.packaging',
] as const;
export type IpmAnnotationKey = (typeof IPM_ANNOTATION_KEYS)[number];
export type IpmAnnotations = Partial<Record<IpmAnnotationKey, string>>;
const ALLOWED_KEYS: ReadonlySet<string> = new Set(IPM_ANNOTATION_KEYS);

/** Checks the module version IPM will be able to pull back; returns it unchanged. */
export function checkModuleVersion(version: string, allowPrerelease = false): string {
  if (isPlainVersion(version)) return version;
  if (allowPrerelease && isSemver(version)) return version;
  if (isSemver(version)) {
    throw new IpmDbError('prerelease-version', `module version "${version}" is a prerelease or build version`, {
      hint:
        'IPM rebuilds a database package version as major.minor.patch when it pulls, so it cannot install this tag. ' +
        'Publish a plain X.Y.Z version, or pass --allow-prerelease if you know only other tools will read it.',
    });
  }
  throw new IpmDbError('invalid-version', `module version "${version}" is not a semantic version`, {
    hint: 'Set <Version> in module.xml to X.Y.Z (digits, no leading zeros).',
  });
}

/**
 * module.xml as IPM's publisher puts it in the annotation: read line by line and
 * concatenated without terminators.
 */
export function moduleXmlOneLine(xml: string): string {
  return xml
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .join('');
}

/** Copies only allow-listed keys; any other key is a programming error and throws. */
export function ipmAnnotations(values: IpmAnnotations): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!ALLOWED_KEYS.has(key)) {
      throw new IpmDbError('annotation-not-allowed', `annotation "${key}" is not one IPM accepts`, {
        hint: `IPM rejects manifests with annotations other than: ${IPM_ANNOTATION_KEYS.join(', ')}.`,
      });
    }
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new IpmDbError('annotation-not-string', `annotation "${key}" is not a string`);
    out[key] = value;
  }
  return out;
}

export interface IpmPackageFacts {
  moduleName: string;
  version: string;
  irisVersion: string;
  description: string | null;
  moduleXml: string;
  source?: string;
  /** RFC 3339 time; the publisher reuses the existing one when re-publishing. */
  created: string;
  layer: { digest: string; size: number };
}

export function ipmAnnotationsFor(facts: IpmPackageFacts): IpmAnnotations {
  const a: IpmAnnotations = {
    'org.opencontainers.image.title': facts.moduleName,
    'org.opencontainers.image.version': facts.version,
    'org.opencontainers.image.created': facts.created,
    'com.intersystems.ipm.platformVersion': facts.irisVersion,
    'com.intersystems.ipm.packaging': 'database',
    'com.intersystems.ipm.module.v1+xml': moduleXmlOneLine(facts.moduleXml),
  };
  if (facts.description) a['org.opencontainers.image.description'] = facts.description;
  if (facts.source) a['org.opencontainers.image.source'] = facts.source;
  return a;
}

export function buildIpmManifest(facts: IpmPackageFacts): OciManifest {
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: IPM_CONFIG_MEDIA_TYPE, digest: EMPTY_CONFIG_DIGEST, size: EMPTY_CONFIG.length },
    layers: [
      {
        mediaType: IPM_LAYER_MEDIA_TYPE,
        digest: facts.layer.digest,
        size: facts.layer.size,
        annotations: { [TITLE_ANNOTATION]: ipmArchiveFileName(facts.moduleName, facts.version) },
      },
    ],
    annotations: ipmAnnotations(ipmAnnotationsFor(facts)),
  };
}

/** JSON with object keys sorted at every level and no whitespace: equal manifests give equal bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function serializeManifest(manifest: OciManifest): { bytes: Buffer; digest: string } {
  const bytes = Buffer.from(canonicalJson(manifest), 'utf8');
  return { bytes, digest: sha256Digest(bytes) };
}

export interface RuleViolation {
  rule: string;
  message: string;
}

/**
 * Every reason IPM would refuse (or mis-install) this manifest under this tag; empty when
 * it would accept it.
 */
export function ipmAcceptanceViolations(manifest: unknown, tag: string | undefined): RuleViolation[] {
  const v: RuleViolation[] = [];
  const add = (rule: string, message: string) => v.push({ rule, message });
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    add('manifest-json', 'the manifest is not a JSON object');
    return v;
  }
  const m = manifest as Partial<OciManifest> & Record<string, unknown>;
  if (m.schemaVersion !== 2) add('schema-version', `schemaVersion is ${String(m.schemaVersion)}, expected 2`);
  if (m.mediaType !== OCI_MANIFEST_MEDIA_TYPE) {
    add('manifest-media-type', `mediaType is "${String(m.mediaType)}", expected "${OCI_MANIFEST_MEDIA_TYPE}"`);
  }
  if (m.config?.mediaType !== IPM_CONFIG_MEDIA_TYPE) {
    add(
      'config-media-type',
      `config mediaType is "${String(m.config?.mediaType)}", expected "${IPM_CONFIG_MEDIA_TYPE}"`,
    );
  }
  const layers = Array.isArray(m.layers) ? m.layers : [];
  const tarLayers = layers.filter((l) => l?.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (layers.length !== 1) add('one-layer', `the manifest has ${layers.length} layers, IPM expects exactly one`);
  if (tarLayers.length === 0) {
    add('layer-media-type', `no layer has mediaType "${IPM_LAYER_MEDIA_TYPE}" (IPM ignores +gzip and other types)`);
  }
  const title = tarLayers[0]?.annotations?.[TITLE_ANNOTATION];
  if (tarLayers[0] && !(typeof title === 'string' && title.endsWith('.tgz'))) {
    add(
      'layer-title',
      `the layer title is ${title === undefined ? 'missing' : `"${title}"`}; IPM looks for a *.tgz file`,
    );
  }
  const annotations = (m.annotations ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(annotations)) {
    if (!ALLOWED_KEYS.has(key)) add('annotation-key', `annotation "${key}" is not one of IPM's eleven keys`);
  }
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value !== 'string') add('annotation-value', `annotation "${key}" is not a string`);
  }
  const version = annotations['org.opencontainers.image.version'];
  const packaging = annotations['com.intersystems.ipm.packaging'];
  const platform = annotations['com.intersystems.ipm.platformVersion'];
  if (typeof annotations[TITLE_ANNOTATION] !== 'string')
    add('title', 'annotation org.opencontainers.image.title (the module name) is missing');
  if (typeof annotations['com.intersystems.ipm.module.v1+xml'] !== 'string') {
    add('module-xml', 'annotation com.intersystems.ipm.module.v1+xml (the module manifest) is missing');
  } else if (/[\r\n]/.test(annotations['com.intersystems.ipm.module.v1+xml'] as string)) {
    add('module-xml', 'annotation com.intersystems.ipm.module.v1+xml spans several lines');
  }
  if (typeof version !== 'string') add('version', 'annotation org.opencontainers.image.version is missing');
  else if (!isPlainVersion(version)) {
    add('version', `version "${version}" is not plain X.Y.Z; IPM rebuilds database versions as major.minor.patch`);
  }
  if (packaging !== 'database') {
    add(
      'packaging',
      `annotation com.intersystems.ipm.packaging is ${packaging === undefined ? 'missing' : `"${String(packaging)}"`}, expected "database"`,
    );
  }
  if (typeof platform !== 'string' || !isIrisMajorMinor(platform)) {
    add(
      'platform-version',
      `annotation com.intersystems.ipm.platformVersion is ${platform === undefined ? 'missing' : `"${String(platform)}"`}, expected IRIS major.minor`,
    );
  }
  if (tag !== undefined) {
    if (!isTag(tag)) add('tag', `tag "${tag}" does not match ^${TAG_SOURCE}$`);
    else if (parseDatabaseTag(tag) === null) {
      add('tag', `tag "${tag}" is not of the form <version>_database__<IRIS major.minor> IPM looks for`);
    }
    if (typeof version === 'string' && typeof platform === 'string') {
      const expected = formatDatabaseTag(version, platform);
      if (tag !== expected && mentionsDatabaseTag(tag))
        add('tag', `tag "${tag}" should be "${expected}" for this version and platform`);
    }
  }
  return v;
}
