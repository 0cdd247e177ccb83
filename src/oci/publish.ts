// Publishes one verified database package in IPM's OCI form. Blobs go first and the
// manifest last, so a failure never leaves the tag pointing at a partial artifact; then the
// package is read back by digest and checked (src/oci/round-trip.ts).
import { stat } from 'node:fs/promises';
import type { VerificationReport } from '../archive/report.js';
import { IpmDbError } from '../util/errors.js';
import { sha256OfFile } from '../util/file-hash.js';
import { silentLogger, type Logger } from '../util/log.js';
import type { RegistryAccess } from './access.js';
import { RegistryClient, type RegistryClientOptions } from './client.js';
import {
  buildIpmManifest,
  checkModuleVersion,
  EMPTY_CONFIG,
  EMPTY_CONFIG_DIGEST,
  serializeManifest,
  type IpmPackageFacts,
} from './ipm-artifact.js';
import type { OciManifest } from './media-types.js';
import { pushWithOras } from './oras-cli.js';
import { ipmDatabaseTag, ipmRepositoryPath } from '../naming/ipm.js';
import { verifyRoundTrip, type RoundTrip, type VerifyArchiveStreamFn } from './round-trip.js';

export interface PublishedPackage {
  /** Full reference, "<registry>/<namespace>/<module>:<tag>". */
  reference: string;
  tag: string;
  /** Manifest digest, "sha256:...". */
  digest: string;
  /** true when the tag already pointed at this exact manifest and nothing was uploaded. */
  unchanged: boolean;
  roundTrip: RoundTrip;
}

/**
 * Verifies the archive at `path` (src/archive/verify.ts `verifyArchive` fits; close over any
 * expectations such as the IRIS version).
 */
export type VerifyArchiveFn = (path: string) => Promise<VerificationReport>;

/** The archive verifier, for a file before publishing and for the layer read back after. */
export interface ArchiveVerifier {
  file: VerifyArchiveFn;
  stream: VerifyArchiveStreamFn;
}

export interface PublishOptions {
  archivePath: string;
  /** A report from verifying this archive; without it, publish runs the verifier on the file. */
  report?: VerificationReport;
  verifier: ArchiveVerifier;
  /** The registry host, the namespace to publish under, plain HTTP and credentials. */
  access: RegistryAccess;
  source?: string;
  force?: boolean;
  dryRun?: boolean;
  allowPrerelease?: boolean;
  /** "oras" pushes through the oras CLI (must be on PATH); the default is this client. */
  client?: 'native' | 'oras';
  /** RFC 3339; defaults to now (a re-publish of identical content keeps the existing value). */
  created?: string;
  logger?: Logger;
  /** Retry budget, upload chunking and idle timeout of the registry client. */
  clientOptions?: RegistryClientOptions;
}

/** roundTrip is null only for a dry run (nothing was sent). */
export interface PublishResult extends Omit<PublishedPackage, 'roundTrip'> {
  roundTrip: RoundTrip | null;
  registry: string;
  repository: string;
  dryRun: boolean;
  /** Blob bytes sent to the registry (0 for a no-op or a dry run). */
  bytesUploaded: number;
  layer: { digest: string; size: number; uploaded: boolean };
  manifest: OciManifest;
}

function notVerified(message: string, hint: string): IpmDbError {
  return new IpmDbError('not-verified', message, { hint });
}

/** The facts a manifest is built from, once the report has been checked. */
export function packageFacts(
  report: VerificationReport,
  opts: { allowPrerelease?: boolean; source?: string; created: string },
): IpmPackageFacts {
  if (!report.valid) {
    const first = report.errors[0];
    throw notVerified(
      `the archive did not pass verification (${report.errors.length} error(s)${first ? `, first: ${first.message}` : ''})`,
      'Fix the package and verify it again with "ipm-db verify"; only a valid archive is published.',
    );
  }
  const module = report.module;
  if (!module) throw notVerified('the verification report names no module', 'Verify the archive again.');
  if (module.packaging !== 'database') {
    throw notVerified(
      `module ${module.name} is not a database package (Packaging is "${module.packaging ?? ''}")`,
      "Build it with IPM's package-database.",
    );
  }
  if (!module.irisVersion) {
    throw notVerified(
      `module ${module.name} names no IRIS version (SystemRequirements/@Version)`,
      "IPM needs it to build the tag; package it with IPM's package-database.",
    );
  }
  checkModuleVersion(module.version, opts.allowPrerelease);
  const facts: IpmPackageFacts = {
    moduleName: module.name,
    version: module.version,
    irisVersion: module.irisVersion,
    description: module.description,
    moduleXml: module.manifestXml,
    created: opts.created,
    layer: { digest: `sha256:${report.archive.sha256}`, size: report.archive.size },
  };
  if (opts.source) facts.source = opts.source;
  return facts;
}

function parseManifest(bytes: Buffer): Partial<OciManifest> | undefined {
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Partial<OciManifest>) : undefined;
  } catch {
    return undefined;
  }
}

/** What differs between the tag's manifest and the one about to be published, for the error. */
export function manifestDifferences(existing: Partial<OciManifest> | undefined, next: OciManifest): string {
  if (!existing) return 'the existing manifest is not JSON';
  const out: string[] = [];
  const layer = existing.layers?.[0]?.digest;
  if (layer !== next.layers[0]?.digest) out.push(`layer ${layer ?? 'missing'} there, ${next.layers[0]?.digest} here`);
  const a = existing.annotations ?? {};
  const b = next.annotations ?? {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => k !== 'org.opencontainers.image.created' && a[k] !== b[k],
  );
  if (keys.length > 0) out.push(`annotations differ: ${keys.sort().join(', ')}`);
  if (out.length === 0) out.push('manifest structure differs');
  return out.join('; ');
}

export async function publishPackage(opts: PublishOptions): Promise<PublishResult> {
  const logger = opts.logger ?? silentLogger;
  const { access } = opts;
  const registry = access.host;
  const report = opts.report ?? (await opts.verifier.file(opts.archivePath));
  const facts = packageFacts(report, {
    allowPrerelease: opts.allowPrerelease ?? false,
    created: opts.created ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(opts.source ? { source: opts.source } : {}),
  });
  const repository = ipmRepositoryPath(access.namespace, facts.moduleName);
  const tag = ipmDatabaseTag(facts.version, facts.irisVersion);
  const reference = `${registry}/${repository}:${tag}`;
  const size = (await stat(opts.archivePath)).size;
  if (size !== report.archive.size) {
    throw notVerified(
      `${opts.archivePath} is ${size} bytes, ${report.archive.size} when it was verified`,
      'The file changed after verification: verify it again.',
    );
  }
  let manifest = buildIpmManifest(facts);
  const serialized = serializeManifest(manifest);
  const result = (
    digest: string,
    unchanged: boolean,
    bytesUploaded: number,
    uploaded: boolean,
    roundTrip: PublishResult['roundTrip'],
  ): PublishResult => ({
    reference,
    tag,
    digest,
    unchanged,
    roundTrip,
    registry,
    repository,
    dryRun: roundTrip === null,
    bytesUploaded,
    layer: { ...facts.layer, uploaded },
    manifest,
  });

  if (opts.dryRun) {
    if ((await sha256OfFile(opts.archivePath)) !== report.archive.sha256) {
      throw notVerified(`${opts.archivePath} changed since it was verified (sha256 differs)`, 'Verify it again.');
    }
    logger.info(`dry run: would publish ${reference} (manifest ${serialized.digest}); nothing was sent`);
    return result(serialized.digest, false, 0, false, null);
  }

  const client = new RegistryClient(access, { logger, ...opts.clientOptions });
  const roundTrip = async (digest: string, readLayer: boolean) => {
    const proof = await verifyRoundTrip(client, {
      repository,
      tag,
      digest,
      expected: manifest,
      readLayer,
      verifyStream: opts.verifier.stream,
      waivedRules: opts.allowPrerelease ? ['version'] : [],
    });
    logger.info(
      `round-trip: verified ${reference}@${proof.digest}${readLayer ? '' : ' (layer unchanged, not read again)'}`,
    );
    return proof;
  };

  const existing = await client.getManifest(repository, tag, 'pull,push');
  if (existing) {
    const existingManifest = parseManifest(existing.bytes);
    const existingCreated = existingManifest?.annotations?.['org.opencontainers.image.created'];
    if (existingCreated !== undefined) {
      const same = buildIpmManifest({ ...facts, created: existingCreated });
      if (serializeManifest(same).digest === existing.digest) {
        manifest = same;
        logger.info(`${reference} already holds this package (${existing.digest}); nothing to upload`);
        return result(existing.digest, true, 0, false, await roundTrip(existing.digest, false));
      }
    }
    if (!opts.force) {
      const differences = manifestDifferences(existingManifest, manifest);
      throw new IpmDbError(
        'tag-exists',
        `${reference} already exists with different content (${existing.digest}): ${differences}`,
        {
          hint: 'Released versions are immutable: bump the module version, or pass --force to overwrite the tag.',
        },
      );
    }
    logger.warn(`${reference} exists with different content (${existing.digest}); overwriting it (--force)`);
  }

  if (opts.client === 'oras') {
    const credentials = access.credentialsFor(registry);
    const digest = await pushWithOras({
      archivePath: opts.archivePath,
      reference,
      manifest,
      plainHttp: access.plainHttp,
      ...(credentials ? { credentials } : {}),
    });
    return result(digest, false, facts.layer.size, true, await roundTrip(digest, true));
  }

  await client.uploadBlobBytes(repository, EMPTY_CONFIG_DIGEST, EMPTY_CONFIG);
  let upload;
  try {
    upload = await client.uploadBlobFromFile(repository, opts.archivePath, facts.layer.digest, facts.layer.size);
  } catch (err) {
    // The registry refuses bytes that do not match the digest: tell the real reason when the file changed.
    if ((await sha256OfFile(opts.archivePath)) !== report.archive.sha256) {
      throw notVerified(
        `${opts.archivePath} changed since it was verified (sha256 differs)`,
        'Verify it again; nothing was tagged.',
      );
    }
    throw err;
  }
  if (upload.sha256 !== null && upload.sha256 !== report.archive.sha256) {
    throw notVerified(
      `the bytes uploaded from ${opts.archivePath} are not the ones verified`,
      'Verify it again; nothing was tagged.',
    );
  }
  logger.info(
    upload.skipped
      ? `layer ${facts.layer.digest} already in ${repository}`
      : `uploaded ${upload.bytesSent} bytes of ${facts.layer.digest}`,
  );
  const digest = await client.putManifest(repository, tag, serialized.bytes);
  if (digest !== serialized.digest) {
    throw new IpmDbError(
      'registry-manifest',
      `the registry stored ${reference} as ${digest}, expected ${serialized.digest}`,
    );
  }
  return result(digest, false, upload.bytesSent, !upload.skipped, await roundTrip(digest, true));
}
