/**
 * The test attestation of the reusable workflow's publish job (pure): an in-toto test-result
 * predicate (https://github.com/in-toto/attestation/blob/main/spec/predicates/test-result.md)
 * recording, for every published digest, the IRIS version it was built and tested on, each stage and
 * upgrade-scenario verdict, the archive and IRIS.DAT checksums, the round-trip proof of the digest,
 * and every IRIS-version upgrade it took part in; plus the attestation subjects (one "<sha256 hex>  <repository>" line per digest, the
 * checksums format actions/attest reads). Schema: docs/test-result-predicate.schema.json.
 */
import type { RunReport } from '../pipeline/run-report.js';
import { isDigest } from '../naming/grammar.js';
import { parseDatabaseTag } from '../naming/ipm.js';
import { parseReference } from '../naming/reference.js';
import { IpmDbError } from '../util/errors.js';
import { roundTripStatus, type Leg, type PublishedResult } from './legs.js';

/** An in-toto ResourceDescriptor (https://github.com/in-toto/attestation/blob/main/spec/v1/resource_descriptor.md). */
export interface ResourceDescriptor {
  name: string;
  uri?: string;
  digest?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface TestResultPredicate {
  result: 'PASSED' | 'WARNED' | 'FAILED';
  configuration: ResourceDescriptor[];
  url: string;
  passedTests: string[];
  warnedTests: string[];
  failedTests: string[];
}

/** One IRIS-version upgrade (the iris-upgrade scenario) as the predicate needs it. */
export interface IrisUpgradeVerdict {
  fromIrisVersion: string;
  toIrisVersion: string;
  ok: boolean;
  /** Each judged part by name (e.g. "upgrade", "older package refused") and whether it passed. */
  checks: { name: string; ok: boolean }[];
}

export interface AttestationInput {
  legs: readonly Leg[];
  published: readonly PublishedResult[];
  irisUpgrades: readonly IrisUpgradeVerdict[];
  runUrl: string;
}

/** "ghcr.io/acme/demo-orders" of "ghcr.io/acme/demo-orders:1.0.0_database__2025.3". */
export function repositoryOf(reference: string): string {
  const { registry, repository } = parseReference(reference);
  return `${registry}/${repository}`;
}

/** IRIS major.minor a published tag was built for: "2025.3" of "1.0.0_database__2025.3". */
function irisOfTag(tag: string): string | null {
  return parseDatabaseTag(tag)?.irisMajorMinor ?? null;
}

/** The one leg report behind a published tag: the passed report of the same IRIS major.minor. */
function reportFor(item: PublishedResult, legs: readonly Leg[]): { leg: Leg; report: RunReport } {
  const iris = irisOfTag(item.tag);
  const matches = legs.flatMap((leg) =>
    leg.reports.filter((r) => r.irisVersion === iris && r.archive !== null).map((report) => ({ leg, report })),
  );
  if (!iris || matches.length !== 1)
    throw new IpmDbError(
      'attest-predicate',
      `${item.reference}: ${matches.length === 0 ? 'no' : matches.length} leg report(s) built it (IRIS ${iris ?? '?'}); exactly one is needed to attest what was tested.`,
      { hint: 'Pass the leg artifacts the publish job published from (the same directory and prefix).' },
    );
  return matches[0]!;
}

function hexOf(digest: string): string {
  if (!isDigest(digest)) throw new IpmDbError('attest-predicate', `"${digest}" is not a sha256 manifest digest.`);
  return digest.slice('sha256:'.length);
}

/** Every verdict of one leg, named "<tag> on IRIS <version>: <what>". */
function legVerdicts(label: string, report: RunReport): { passed: string[]; failed: string[] } {
  const passed: string[] = [];
  const failed: string[] = [];
  for (const s of report.stages) {
    if (s.stage === 'publish' || s.status === 'skipped') continue;
    (s.status === 'passed' ? passed : failed).push(`${label}: stage ${s.stage}`);
  }
  for (const u of report.upgrade) (u.ok ? passed : failed).push(`${label}: upgrade scenario ${u.scenario}`);
  return { passed, failed };
}

/** The test-result predicate for everything the publish job published. */
export function buildTestResultPredicate(input: AttestationInput): TestResultPredicate {
  if (input.published.length === 0)
    throw new IpmDbError('attest-predicate', 'Nothing was published, so there is nothing to attest.');
  if (!/^https:\/\/\S+$/.test(input.runUrl))
    throw new IpmDbError('attest-predicate', `--run-url "${input.runUrl}" is not an https URL of the workflow run.`);
  const configuration: ResourceDescriptor[] = [];
  const passedTests: string[] = [];
  const failedTests: string[] = [];
  const tagOfIris = new Map<string, string>();
  for (const item of input.published) {
    const { leg, report } = reportFor(item, input.legs);
    const archive = report.archive!;
    const iris = report.irisVersion!;
    tagOfIris.set(iris, item.tag);
    const common = { tag: item.tag, manifestDigest: item.digest, irisVersion: iris };
    configuration.push({
      name: item.reference,
      uri: `oci://${repositoryOf(item.reference)}@${item.digest}`,
      digest: { sha256: hexOf(item.digest) },
      annotations: {
        ...common,
        role: 'published package',
        image: report.image,
        irisBuild: report.irisBuild ?? '',
        ipmVersion: report.ipmVersion ?? '',
        module: report.module ? `${report.module.name} ${report.module.version}` : '',
        matrixVersion: leg.version,
        roundTrip: roundTripStatus(item),
      },
    });
    configuration.push({
      name: archive.fileName,
      digest: { sha256: archive.sha256 },
      annotations: { ...common, role: 'archive', size: String(archive.size) },
    });
    if (archive.irisDatSha256)
      configuration.push({
        name: `${archive.fileName}!IRIS.DAT`,
        digest: { sha256: archive.irisDatSha256 },
        annotations: { ...common, role: 'IRIS.DAT' },
      });
    const verdicts = legVerdicts(`${item.tag} on IRIS ${leg.version}`, report);
    passedTests.push(...verdicts.passed);
    failedTests.push(...verdicts.failed);
    // Read back from the registry by this digest after the push (or re-checked when unchanged).
    (roundTripStatus(item) === 'verified' ? passedTests : failedTests).push(`${item.tag}: round-trip ${item.digest}`);
  }
  for (const u of input.irisUpgrades) {
    const tag = tagOfIris.get(u.toIrisVersion) ?? `IRIS ${u.toIrisVersion} package`;
    const label = `${tag}: iris-upgrade ${u.fromIrisVersion} -> ${u.toIrisVersion}`;
    if (u.checks.length === 0) (u.ok ? passedTests : failedTests).push(label);
    for (const c of u.checks) (c.ok ? passedTests : failedTests).push(`${label}: ${c.name}`);
  }
  return {
    result: failedTests.length === 0 ? 'PASSED' : 'FAILED',
    configuration,
    url: input.runUrl,
    passedTests,
    warnedTests: [],
    failedTests,
  };
}

/**
 * The attestation subjects, in the sha256sum format actions/attest's `subject-checksums` reads:
 * one "<hex>  <repository>" line per published digest (the name is the full repository without a tag).
 */
export function attestationSubjects(published: readonly PublishedResult[]): string {
  const lines = [...new Set(published.map((p) => `${hexOf(p.digest)}  ${repositoryOf(p.reference)}`))];
  return lines.map((l) => `${l}\n`).join('');
}
