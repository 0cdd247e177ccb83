/**
 * The reusable workflow's view of its matrix legs: each leg uploads the action's JSON report and
 * archive; the report job turns them into one version x stage table, the publish job into a plan
 * of what to push. Pure: legs are data, the file scanning lives in leg-files.ts.
 */
import { STAGES, type RunReport, type StageResult } from '../pipeline/run-report.js';
import { IpmDbError, errorMessage } from '../util/errors.js';
import { formatDuration, markdownCode, markdownText } from '../util/format.js';
import { isDigest } from '../naming/grammar.js';
import { ipmDatabaseTag } from '../naming/ipm.js';
import type { RoundTrip } from '../oci/round-trip.js';

export interface Leg {
  /** The matrix value (image tag) the leg ran for. */
  version: string;
  /** The action's run reports (one per IRIS image; one in a leg); empty when none was found. */
  reports: RunReport[];
  /** Archive files found in the leg's artifact, by file name -> absolute path and size. */
  files: Map<string, { path: string; size: number }>;
}

const STATUS_MARK: Record<StageResult['status'], string> = { passed: '✅', failed: '❌', skipped: '⏭️' };
const MESSAGE_MAX = 300;

/** Accepts the action's report file: an array of run reports, or one run report. */
export function parseReportFile(text: string, source: string): RunReport[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new IpmDbError('leg-report', `${source} is not JSON.`);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  for (const r of list)
    if (!r || typeof r !== 'object' || (r as { schema?: unknown }).schema !== 'ipm-db/run-report@1')
      throw new IpmDbError('leg-report', `${source} is not an ipm-db run report (schema ipm-db/run-report@1).`);
  return list as RunReport[];
}

/** Versions in matrix order first, then any leg that was not expected. */
function orderedVersions(legs: readonly Leg[], expected: readonly string[]): string[] {
  const out = [...expected];
  for (const leg of legs) if (!out.includes(leg.version)) out.push(leg.version);
  return out;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > MESSAGE_MAX ? `${flat.slice(0, MESSAGE_MAX - 1)}…` : flat;
  return markdownText(cut);
}

/** The Markdown summary: one row per IRIS version, one column per stage, then every failure. */
export function summaryTable(legs: readonly Leg[], expected: readonly string[]): string {
  const byVersion = new Map(legs.map((l) => [l.version, l]));
  const lines = [
    '## IPM database package: every IRIS version',
    '',
    `| IRIS | ${STAGES.join(' | ')} | result | time |`,
    `| --- | ${STAGES.map(() => ':-:').join(' | ')} | --- | --- |`,
  ];
  const failures: string[] = [];
  const skippedNotes: string[] = [];
  let passed = 0;
  const versions = orderedVersions(legs, expected);
  for (const version of versions) {
    const reports = byVersion.get(version)?.reports ?? [];
    if (reports.length === 0) {
      lines.push(`| ${oneLine(version)} | ${STAGES.map(() => '—').join(' | ')} | ❌ no report | |`);
      failures.push(
        `- **${oneLine(version)}**: the leg left no report (it was cancelled, timed out or failed before the action ran); see its job log.`,
      );
      continue;
    }
    for (const r of reports) {
      const label = r.irisVersion && r.irisVersion !== version ? `${version} (${r.irisVersion})` : version;
      const cells = STAGES.map((stage) => {
        const s = r.stages.find((x) => x.stage === stage);
        return s ? STATUS_MARK[s.status] : '—';
      });
      if (r.ok) passed++;
      const result = r.ok ? '✅ passed' : r.skipped ? '⏭️ skipped (licence expired)' : '❌ failed';
      lines.push(`| ${oneLine(label)} | ${cells.join(' | ')} | ${result} | ${formatDuration(r.durationMs)} |`);
      if (r.skipped) skippedNotes.push(`- **${oneLine(label)}**: ${oneLine(r.skipped.reason)}`);
      else
        for (const s of r.stages)
          if (s.status === 'failed')
            failures.push(`- **${oneLine(label)}**, ${s.stage}: ${oneLine(s.message ?? 'failed')}`);
    }
  }
  const total = versions.reduce((n, v) => n + Math.max(1, byVersion.get(v)?.reports.length ?? 0), 0);
  lines.push('', `${passed} of ${total} IRIS versions passed. ✅ passed, ❌ failed, ⏭️ skipped, — not reached.`);
  const module = legs.flatMap((l) => l.reports).find((r) => r.module)?.module;
  if (module) lines.push('', `Module ${markdownCode(module.name)} ${oneLine(module.version)}.`);
  if (skippedNotes.length) lines.push('', '### Skipped', '', ...skippedNotes);
  if (failures.length) lines.push('', '### Failures', '', ...failures);
  return lines.join('\n') + '\n';
}

export interface PublishItem {
  version: string;
  archivePath: string;
  /** What ipm-db publish --report reads: the leg's verification report. */
  verification: NonNullable<RunReport['verification']>;
  tag: string;
}

/**
 * What the publish job pushes: one archive per expected version. Refuses (listing every problem)
 * unless every expected leg passed and left a verified archive, all legs built the same module
 * version, and no two legs would publish the same tag (IRIS major.minor).
 */
export function publishPlan(legs: readonly Leg[], expected: readonly string[]): PublishItem[] {
  const problems: string[] = [];
  const items: PublishItem[] = [];
  const byVersion = new Map(legs.map((l) => [l.version, l]));
  if (expected.length === 0) problems.push('no IRIS versions were expected (empty matrix).');
  for (const version of expected) {
    const leg = byVersion.get(version);
    const report = leg?.reports[0];
    if (!leg || !report) {
      problems.push(`IRIS ${version}: no leg report was downloaded.`);
      continue;
    }
    if (leg.reports.length !== 1) {
      problems.push(`IRIS ${version}: the leg holds ${leg.reports.length} run reports; one was expected.`);
      continue;
    }
    if (report.skipped) continue;
    if (!report.ok) {
      problems.push(`IRIS ${version}: the leg failed; nothing is published unless every version passed.`);
      continue;
    }
    const { archive, verification, module, irisVersion } = report;
    if (!archive || !verification || !module || !irisVersion) {
      problems.push(`IRIS ${version}: the report has no verified archive.`);
      continue;
    }
    if (!verification.valid) {
      problems.push(`IRIS ${version}: the archive did not pass verification.`);
      continue;
    }
    const file = leg.files.get(archive.fileName);
    if (!file) {
      problems.push(`IRIS ${version}: ${archive.fileName} is not in the leg's artifact.`);
      continue;
    }
    if (file.size !== archive.size) {
      problems.push(`IRIS ${version}: ${archive.fileName} is ${file.size} bytes; the report says ${archive.size}.`);
      continue;
    }
    let tag: string;
    try {
      tag = ipmDatabaseTag(module.version, irisVersion);
    } catch (err) {
      problems.push(`IRIS ${version}: ${errorMessage(err)}.`);
      continue;
    }
    items.push({ version, archivePath: file.path, verification, tag });
  }
  for (const extra of legs)
    if (!expected.includes(extra.version)) problems.push(`IRIS ${extra.version}: not in the matrix.`);
  const modules = new Set(
    legs
      .flatMap((l) => l.reports)
      .map((r) => (r.module ? `${r.module.name} ${r.module.version}` : null))
      .filter(Boolean),
  );
  if (modules.size > 1) problems.push(`the legs built different modules or versions: ${[...modules].join(', ')}.`);
  const seen = new Map<string, string>();
  for (const item of items) {
    const other = seen.get(item.tag);
    if (other)
      problems.push(`IRIS ${other} and ${item.version} would both publish tag ${item.tag} (same IRIS major.minor).`);
    else seen.set(item.tag, item.version);
  }
  if (items.length === 0 && problems.length === 0 && expected.length > 0)
    problems.push('every IRIS version was skipped (expired community licences); no package was built.');
  if (problems.length)
    throw new IpmDbError('publish-plan', `Nothing was published:\n  - ${problems.join('\n  - ')}`, {
      hint: 'Publishing needs every IRIS version green; fix the failing legs and re-run the workflow.',
    });
  return items;
}

export interface PublishedResult {
  reference: string;
  tag: string;
  digest: string;
  unchanged: boolean;
  /** The read-back proof (src/oci/round-trip.ts) of this digest; null when the result carries none for it. */
  roundTrip: RoundTrip | null;
}

/** "verified" when the package was read back by its digest and passed every check, else "not verified". */
export function roundTripStatus(r: PublishedResult): 'verified' | 'not verified' {
  return r.roundTrip?.status === 'verified' && r.roundTrip.digest === r.digest ? 'verified' : 'not verified';
}

/** The reusable workflow's outputs from the results `ipm-db publish --json` printed. */
export function publishOutputs(results: readonly PublishedResult[]): Record<string, string> {
  return {
    'published-references': JSON.stringify(results.map((r) => r.reference)),
    digests: JSON.stringify(results.map((r) => r.digest)),
    published: JSON.stringify(
      results.map((r) => ({ reference: r.reference, tag: r.tag, digest: r.digest, unchanged: r.unchanged })),
    ),
    'round-trip': JSON.stringify(
      results.map((r) => ({
        reference: r.reference,
        digest: r.digest,
        status: roundTripStatus(r),
        layerRead: r.roundTrip?.layerRead ?? false,
      })),
    ),
  };
}

/** The publish job's summary: every reference with its digest, and whether it was already there. */
export function publishedMarkdown(results: readonly PublishedResult[]): string {
  const lines = ['## Published', '', '| reference | digest | | round-trip |', '| --- | --- | --- | --- |'];
  for (const r of results)
    lines.push(
      `| ${markdownCode(r.reference)} | ${markdownCode(r.digest)} | ${r.unchanged ? 'unchanged (already there)' : 'pushed'} | ${roundTripStatus(r)} |`,
    );
  if (results.length === 0) lines.push('| (nothing) | | | |');
  return lines.join('\n') + '\n';
}

export function parsePublishResult(text: string, source: string): PublishedResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new IpmDbError('publish-result', `${source} is not JSON.`);
  }
  const r = parsed as (Partial<Omit<PublishedResult, 'roundTrip'>> & { roundTrip?: unknown }) | null;
  if (
    !r ||
    typeof r.reference !== 'string' ||
    typeof r.tag !== 'string' ||
    typeof r.digest !== 'string' ||
    !isDigest(r.digest)
  )
    throw new IpmDbError('publish-result', `${source} is not the JSON of "ipm-db publish --json".`);
  return {
    reference: r.reference,
    tag: r.tag,
    digest: r.digest,
    unchanged: r.unchanged === true,
    roundTrip: parseRoundTrip(r.roundTrip),
  };
}

function parseRoundTrip(value: unknown): RoundTrip | null {
  const t = value as Partial<RoundTrip> | null | undefined;
  if (!t || t.status !== 'verified' || typeof t.digest !== 'string' || !isDigest(t.digest)) return null;
  return { status: 'verified', digest: t.digest, layerRead: t.layerRead === true };
}
