/**
 * The job summary: a pure Markdown builder (tested by rendering) and a small writer. GitHub
 * rejects a step summary over 1 MiB, so the builder caps its output, shortening the biggest
 * blocks (IRIS output, long lists) first and saying so at the top.
 */
import { escapeHtml, formatDuration, markdownCode, markdownLink, markdownText } from '../util/format.js';
import * as core from '@actions/core';
import { STAGES, type RunReport, type StageResult, type StageStatus } from '../pipeline/run-report.js';
import { renderUpgradeMarkdown } from '../pipeline/upgrade/markdown.js';
import { irisUpgradesOf } from './iris-upgrades.js';
import { MODULE_SETTINGS_FILE, describeSettingsUse } from '../pipeline/module-settings.js';
import { artifactUrl, ghcrPackagePage, type SummaryLinks } from './links.js';
import type { ActionOutcome, UploadedArtifact } from './outcome.js';

/** GitHub's limit is 1 MiB per step; stay clearly below it. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;
const MIN_BLOCK_BYTES = 512;

const STATUS_ICON: Record<StageStatus, string> = { passed: '✅', failed: '❌', skipped: '⏭️' };

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** A piece of the summary; shrinkable pieces carry raw text that is escaped and wrapped when rendered. */
type Block =
  | { kind: 'fixed'; text: string }
  | { kind: 'shrinkable'; raw: string; keep: 'head' | 'tail'; render: (body: string) => string; cut: number };

const fixed = (text: string): Block => ({ kind: 'fixed', text });

function detailsBlock(title: string, raw: string, keep: 'head' | 'tail'): Block {
  return {
    kind: 'shrinkable',
    raw,
    keep,
    cut: 0,
    render: (body) =>
      `<details><summary>${escapeHtml(title)}</summary>\n\n<pre>${escapeHtml(body)}</pre>\n\n</details>\n\n`,
  };
}

/** Markdown (trusted, produced by this project's renderers) folded into a <details> block. */
function markdownDetails(title: string, markdown: string): Block {
  return {
    kind: 'shrinkable',
    raw: markdown,
    keep: 'head',
    cut: 0,
    render: (body) => `<details><summary>${escapeHtml(title)}</summary>\n\n${body}\n\n</details>\n\n`,
  };
}

/** The upgrade stage's own Markdown report, without its top-level heading (the summary has one). */
function upgradeDetails(results: RunReport['upgrade']): string {
  return renderUpgradeMarkdown(results).replace(/^## [^\n]*\n+/, '');
}

function listBlock(lines: string[]): Block {
  return {
    kind: 'shrinkable',
    raw: lines.join('\n'),
    keep: 'head',
    cut: 0,
    render: (body) =>
      body
        .split('\n')
        .filter(Boolean)
        .map((l) => `- ${markdownText(l)}`)
        .join('\n') + '\n\n',
  };
}

function renderBlock(b: Block): string {
  if (b.kind === 'fixed') return b.text;
  const note = b.cut > 0 ? `[${b.cut} bytes cut to fit the job summary limit; the full text is in the artifacts]` : '';
  const body = b.cut === 0 ? b.raw : b.keep === 'tail' ? `${note}\n…${b.raw}` : `${b.raw}…\n${note}`;
  return b.render(body);
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Cuts text to at most `bytes` UTF-8 bytes from the head or the tail, never splitting a character. */
function cutTo(text: string, bytes: number, keep: 'head' | 'tail'): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= bytes) return text;
  let slice = keep === 'head' ? buf.subarray(0, bytes) : buf.subarray(buf.length - bytes);
  // Drop a partial multi-byte character at the cut edge.
  let s = slice.toString('utf8');
  if (s.includes('\uFFFD')) {
    slice = keep === 'head' ? slice.subarray(0, slice.length - 3) : slice.subarray(3);
    s = slice.toString('utf8').replace(/^\uFFFD+|\uFFFD+$/g, '');
  }
  return s;
}

/** Shrinks the biggest shrinkable blocks first until the rendered total fits `limit`. */
function fit(blocks: Block[], limit: number): { text: string; truncated: boolean } {
  let truncated = false;
  for (let round = 0; round < 200; round++) {
    const total = blocks.reduce((n, b) => n + byteLength(renderBlock(b)), 0);
    const excess = total - limit;
    if (excess <= 0) break;
    const shrinkable = blocks
      .filter(
        (b): b is Extract<Block, { kind: 'shrinkable' }> =>
          b.kind === 'shrinkable' && byteLength(b.raw) > MIN_BLOCK_BYTES,
      )
      .sort((a, b) => byteLength(b.raw) - byteLength(a.raw));
    const biggest = shrinkable[0];
    if (!biggest) break;
    const size = byteLength(biggest.raw);
    const next = shrinkable[1] ? byteLength(shrinkable[1].raw) : 0;
    // Every raw byte renders to at least one byte, so cutting `excess` raw bytes is enough; cut the
    // biggest block only down to the next biggest first, so large blocks shrink before small ones.
    let target = Math.max(MIN_BLOCK_BYTES, size - excess - 128);
    if (next > target && next < size) target = next;
    const cut = cutTo(biggest.raw, target, biggest.keep);
    biggest.cut += size - byteLength(cut);
    biggest.raw = cut;
    truncated = true;
  }
  let text = blocks.map(renderBlock).join('');
  if (byteLength(text) > limit) {
    text = cutTo(text, limit - 200, 'head') + '\n\n**Summary cut short: it exceeded the job summary limit.**\n';
    truncated = true;
  }
  return { text, truncated };
}

function stageCell(s: StageResult | undefined): string {
  if (!s) return '';
  return s.status === 'skipped' ? STATUS_ICON.skipped : `${STATUS_ICON[s.status]} ${formatDuration(s.durationMs)}`;
}

function runLabel(run: RunReport): string {
  return run.irisVersion ? `IRIS ${run.irisVersion}` : run.image;
}

function overviewTable(runs: RunReport[]): string {
  const used = STAGES.filter((st) => runs.some((r) => r.stages.some((s) => s.stage === st)));
  const head = `| IRIS | ${used.join(' | ')} | total |\n|---|${used.map(() => '---|').join('')}---|\n`;
  const rows = runs.map((r) => {
    const cells = used.map((st) => stageCell(r.stages.find((s) => s.stage === st)));
    const label = `${r.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${markdownText(runLabel(r))}<br><sub>${markdownText(r.image)}</sub>`;
    return `| ${label} | ${cells.join(' | ')} | ${formatDuration(r.durationMs)} |`;
  });
  return `${head}${rows.join('\n')}\n\n`;
}

function runBlocks(run: RunReport, links: SummaryLinks): Block[] {
  const out: Block[] = [
    fixed(`### ${run.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${markdownText(runLabel(run))}\n\n`),
  ];
  const facts: string[] = [`| image | ${markdownCode(run.image)} |`];
  if (run.irisBuild) facts.push(`| IRIS build | ${markdownText(run.irisBuild)} |`);
  if (run.ipmVersion) facts.push(`| IPM | ${markdownText(run.ipmVersion)} |`);
  if (run.archive) {
    facts.push(`| archive | ${markdownCode(run.archive.fileName)} (${formatBytes(run.archive.size)}) |`);
    facts.push(`| sha256 | \`${run.archive.sha256}\` |`);
    if (run.archive.irisDatSha256) facts.push(`| IRIS.DAT sha256 | \`${run.archive.irisDatSha256}\` |`);
  }
  if (run.published) {
    const page = ghcrPackagePage(run.published.reference, links.sourceUrl);
    facts.push(
      `| published | ${markdownCode(run.published.reference)}${run.published.unchanged ? ' (unchanged)' : ''}${page ? ` · ${markdownLink('package page', page)}` : ''} |`,
    );
    facts.push(`| digest | ${markdownCode(run.published.digest)} |`);
    const proof = run.published.roundTrip;
    facts.push(
      `| round-trip | ${proof.status} ${markdownCode(proof.digest)}${proof.layerRead ? ' (read back by digest, layer verified again)' : ' (manifest re-checked, layer unchanged)'} |`,
    );
  }
  out.push(fixed(`| | |\n|---|---|\n${facts.join('\n')}\n\n`));

  const failed = run.stages.find((s) => s.status === 'failed');
  if (failed)
    out.push(fixed(`**${markdownText(failed.stage)} failed:** ${markdownText(failed.message ?? 'no message')}\n\n`));

  const deps = run.verification?.dependencies ?? [];
  if (deps.length) {
    out.push(fixed(`**Dependencies (${deps.length})**\n\n`));
    out.push(
      listBlock(
        deps.map(
          (d) =>
            `${d.name} ${d.packagedVersion ?? d.declaredVersion ?? '(version unknown)'}${d.depsFile ? '' : ' — not in deps/'}`,
        ),
      ),
    );
  }
  const findings = [...(run.verification?.errors ?? []), ...(run.verification?.warnings ?? [])];
  if (findings.length) {
    out.push(fixed(`**Verification findings (${findings.length})**\n\n`));
    out.push(listBlock(findings.map((f) => `${f.severity} ${f.code}: ${f.entry ? `${f.entry}: ` : ''}${f.message}`)));
  }
  if (run.compileErrors.length) {
    out.push(fixed(`**Compile errors (${run.compileErrors.length})**\n\n`));
    out.push(
      listBlock(run.compileErrors.map((c) => `${c.file ?? c.document}${c.line ? `:${c.line}` : ''}: ${c.message}`)),
    );
  }
  if (run.upgrade.length) {
    out.push(
      fixed(
        `**Upgrade**\n\n| scenario | result | detail |\n|---|---|---|\n${run.upgrade
          .map(
            (u) =>
              `| ${markdownText(u.scenario)} | ${u.ok ? STATUS_ICON.passed : STATUS_ICON.failed} | ${markdownText(u.message)} |`,
          )
          .join('\n')}\n\n`,
      ),
    );
    out.push(markdownDetails('Upgrade details: fingerprints, update steps, checks', upgradeDetails(run.upgrade)));
  }
  const probes = run.assumptions ?? [];
  if (probes.length) {
    const broken = probes.filter((p) => !p.holds);
    out.push(
      fixed(
        `**IRIS assumptions:** ${broken.length === 0 ? `all ${probes.length} probed hold` : `${broken.length} of ${probes.length} do not hold`}\n\n| assumption | holds | expected | saw |\n|---|---|---|---|\n${probes
          .map(
            (p) =>
              `| ${markdownCode(p.name)} | ${p.holds ? STATUS_ICON.passed : STATUS_ICON.failed} | ${markdownText(p.expected)} | ${markdownText(p.saw)} |`,
          )
          .join('\n')}\n\n`,
      ),
    );
  }
  for (const s of run.stages) {
    // A failed upgrade's output is the upgrade Markdown, already shown above.
    if (s.stage === 'upgrade' && run.upgrade.length) continue;
    if (s.status === 'failed' && s.output)
      out.push(detailsBlock(`IRIS output of the ${s.stage} stage`, s.output, 'tail'));
  }
  return out;
}

/** The iris-upgrade scenario between consecutive IRIS versions: one row per pair, then each one's details. */
function irisUpgradeBlocks(runs: RunReport[]): Block[] {
  const upgrades = irisUpgradesOf(runs);
  if (upgrades.length === 0) return [];
  const rows = upgrades.map(
    (u) =>
      `| IRIS ${markdownText(u.fromIrisVersion)} -> ${markdownText(u.toIrisVersion)} | ${STATUS_ICON[u.status]} ${u.status} | ${markdownText(u.message)} |`,
  );
  const out: Block[] = [
    fixed(`### IRIS upgrades (Durable %SYS)\n\n| upgrade | result | detail |\n|---|---|---|\n${rows.join('\n')}\n\n`),
  ];
  for (const u of upgrades) {
    if (!u.report) continue;
    const checks = u.report.checks.map(
      (c) => `- ${c.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${markdownText(c.name)}: ${markdownText(c.detail)}`,
    );
    out.push(
      markdownDetails(
        `IRIS ${u.fromIrisVersion} -> ${u.toIrisVersion}: checks, fingerprints, update steps`,
        `${checks.join('\n')}\n\n${upgradeDetails([u.report.scenario])}`,
      ),
    );
  }
  return out;
}

/** The artifact's name (a link to its download when the run is known), its size and what it holds. */
function artifactLine(a: UploadedArtifact, links: SummaryLinks): string {
  const url = artifactUrl(links.runUrl, a.id);
  const name = url ? markdownLink(a.name, url, { code: true }) : markdownCode(a.name);
  const what = a.zipped
    ? `${a.files.length} ${a.files.length === 1 ? 'file' : 'files'}, zipped`
    : 'the archive itself, not zipped';
  return `${name} (${formatBytes(a.size)}, ${what})`;
}

/** Renders the whole summary as Markdown, at most `limit` bytes. */
export function buildSummary(outcome: ActionOutcome, limit = SUMMARY_LIMIT_BYTES): string {
  const first = outcome.runs.find((r) => r.module)?.module;
  const title = first ? `${first.name} ${first.version}` : 'IPM database package';
  const blocks: Block[] = [
    fixed(`## ${outcome.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${markdownText(title)}\n\n`),
  ];
  const truncationNoteIndex = blocks.length;
  if (outcome.failure) {
    blocks.push(
      fixed(
        `> [!CAUTION]\n> ${markdownText(outcome.failure.message)}${outcome.failure.hint ? `<br>${markdownText(outcome.failure.hint)}` : ''}\n\n`,
      ),
    );
    if (outcome.failure.details) blocks.push(detailsBlock('Details', outcome.failure.details, 'tail'));
  }
  for (const n of outcome.notices) blocks.push(fixed(`> [!NOTE]\n> ${markdownText(n)}\n\n`));
  if (outcome.moduleSettings)
    blocks.push(
      fixed(
        `**Module settings** (${MODULE_SETTINGS_FILE})\n\n${describeSettingsUse(outcome.moduleSettings, 'inputs')
          .map((l) => `- ${markdownText(l)}`)
          .join('\n')}\n\n`,
      ),
    );
  if (outcome.runs.length) blocks.push(fixed(overviewTable(outcome.runs)));
  blocks.push(...irisUpgradeBlocks(outcome.runs));
  for (const run of outcome.runs) blocks.push(...runBlocks(run, outcome.links));
  if (outcome.annotationOverflow.length) {
    blocks.push(fixed(`**More annotations (${outcome.annotationOverflow.length} not shown inline)**\n\n`));
    blocks.push(listBlock(outcome.annotationOverflow));
  }
  if (outcome.artifacts.length) {
    blocks.push(
      fixed(`**Artifacts**\n\n${outcome.artifacts.map((a) => `- ${artifactLine(a, outcome.links)}`).join('\n')}\n\n`),
    );
  }
  blocks.push(fixed(`<sub>Total ${formatDuration(outcome.durationMs)}</sub>\n`));

  const note = `> [!WARNING]\n> Parts of this summary were shortened to stay under GitHub's 1 MiB job summary limit; the full output is in the artifacts.\n\n`;
  const first_try = fit(blocks.map(cloneBlock), limit);
  if (!first_try.truncated) return first_try.text;
  blocks.splice(truncationNoteIndex, 0, fixed(note));
  return fit(blocks, limit).text;
}

function cloneBlock(b: Block): Block {
  return { ...b };
}

/** Appends the summary to GITHUB_STEP_SUMMARY; does nothing outside Actions. */
export async function writeSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  await core.summary.addRaw(markdown).write();
  return true;
}
