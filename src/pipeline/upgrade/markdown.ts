/** Markdown for the job summary from upgrade scenario results (pure). */
import { markdownCode, markdownText } from '../../util/format.js';
import { describeOutcome } from './steps.js';
import type { DataFingerprint, GlobalChange, UpgradeScenarioResult } from './results.js';

const TITLE: Record<UpgradeScenarioResult['scenario'], string> = {
  database: 'database -> database',
  source: 'source -> database',
  fresh: 'fresh install',
  'container-replacement': 'container replacement (Durable %SYS)',
  'iris-upgrade': 'IRIS version upgrade (Durable %SYS, new IRIS image)',
};

/** Last lines of a failing step's IRIS output shown in the summary. */
const OUTPUT_LINES = 40;

/** Shown changed nodes per global before "and N more". */
const NODE_LINES = 10;

function shortHash(hash: string): string {
  return hash === '' ? 'absent' : markdownCode(hash.slice(0, 12));
}

function version(result: UpgradeScenarioResult): string {
  const before = result.moduleBefore ? result.moduleBefore.version : (result.previous.version ?? '-');
  const after = result.moduleAfter ? `${result.moduleAfter.version} (${result.moduleAfter.packaging})` : '-';
  return result.scenario === 'fresh' ? after : `${before} -> ${after}`;
}

function summaryRow(result: UpgradeScenarioResult): string {
  const ranSteps = result.steps.filter((s) => s.outcome === 'ran').length;
  const badSteps = result.steps.filter((s) => !s.ok).length;
  const steps =
    result.steps.length === 0
      ? '-'
      : `${ranSteps} ran, ${result.steps.length - ranSteps - badSteps} seeded/kept${badSteps ? `, **${badSteps} wrong**` : ''}`;
  const failedChecks = result.checks.filter((c) => !c.ok).length;
  const checks = result.checks.length === 0 ? '-' : `${result.checks.length - failedChecks}/${result.checks.length}`;
  const undeclared = result.changes.filter((c) => c.declaredBy.length === 0).length;
  const data =
    result.after === null
      ? '-'
      : `${Object.keys(result.after.globals).length} globals, ${result.changes.length} changed${undeclared ? `, **${undeclared} undeclared**` : ''}`;
  return `| ${TITLE[result.scenario]} | ${result.ok ? 'passed' : '**failed**'} | ${markdownText(version(result))} | ${steps} | ${checks} | ${data} |`;
}

function fingerprintTable(
  before: DataFingerprint | null,
  after: DataFingerprint | null,
  changes: readonly GlobalChange[],
): string[] {
  const names = [...new Set([...Object.keys(before?.globals ?? {}), ...Object.keys(after?.globals ?? {})])].sort();
  if (names.length === 0) return [];
  const byGlobal = new Map(changes.map((c) => [c.global, c]));
  const lines = [
    '| global | nodes before | hash before | nodes after | hash after | change |',
    '|---|---:|---|---:|---|---|',
  ];
  for (const name of names) {
    const b = before?.globals[name];
    const a = after?.globals[name];
    const change = byGlobal.get(name);
    const verdict = !change
      ? 'same'
      : change.declaredBy.length > 0
        ? `${change.kind}, declared by ${change.declaredBy.map(markdownCode).join(', ')}`
        : `**${change.kind}, undeclared**`;
    lines.push(
      `| ${markdownCode(name)} | ${b ? b.nodes : '-'} | ${b ? shortHash(b.hash) : '-'} | ${a ? a.nodes : '-'} | ${a ? shortHash(a.hash) : '-'} | ${verdict} |`,
    );
  }
  for (const change of changes) {
    if (!change.nodeChanges || change.nodeChanges.length === 0) continue;
    lines.push('', `${markdownCode(change.global)}:`);
    for (const node of change.nodeChanges.slice(0, NODE_LINES)) lines.push(`- ${node.kind} ${markdownCode(node.node)}`);
    if (change.nodeChanges.length > NODE_LINES) lines.push(`- and ${change.nodeChanges.length - NODE_LINES} more`);
  }
  return lines;
}

function scenarioSection(result: UpgradeScenarioResult): string[] {
  const lines = [
    `### ${TITLE[result.scenario]}: ${result.ok ? 'passed' : 'failed'}`,
    '',
    markdownText(result.message),
    '',
  ];
  if (result.previous.source !== 'none')
    lines.push(`Previous release: ${markdownCode(result.previous.reference)} (${result.previous.source})`, '');
  if (result.namespace) lines.push(`Namespace: ${markdownCode(result.namespace)}`, '');
  if (result.problems.length > 0) {
    lines.push('Problems:', ...result.problems.map((p) => `- ${markdownText(p)}`), '');
  }
  const data = fingerprintTable(result.before, result.after, result.changes);
  if (data.length > 0) lines.push('Data fingerprints:', '', ...data, '');
  if (result.steps.length > 0) {
    lines.push('| update step | outcome | before (start / end) | after (start / end) |', '|---|---|---|---|');
    const times = (row: { timeStampStart: string; timeStampEnd: string } | null) =>
      row ? `${row.timeStampStart || '(seeded)'} / ${row.timeStampEnd || '-'}` : '-';
    for (const step of result.steps) {
      const outcome = step.ok ? describeOutcome(step.outcome) : `**${describeOutcome(step.outcome)}**`;
      lines.push(`| ${markdownCode(step.step)} | ${outcome} | ${times(step.before)} | ${times(step.after)} |`);
    }
    lines.push('');
  }
  if (result.checks.length > 0) {
    lines.push('| check | returned | result |', '|---|---|---|');
    for (const check of result.checks)
      lines.push(
        `| ${markdownCode(check.check)} | ${markdownCode(check.returned) || '(empty)'} | ${check.ok ? 'ok' : '**failed**'} |`,
      );
    lines.push('');
  }
  if (result.output) {
    const tail = result.output.split('\n').slice(-OUTPUT_LINES).join('\n').replace(/```/g, "'''");
    lines.push(
      '<details><summary>IRIS output of the failing step</summary>',
      '',
      '```',
      tail,
      '```',
      '',
      '</details>',
      '',
    );
  }
  if (result.backup)
    lines.push(
      `Swap backup: ${markdownCode(result.backup.path)} ${result.backup.exists ? 'exists' : '**is missing**'}`,
      '',
    );
  return lines;
}

export function renderUpgradeMarkdown(results: readonly UpgradeScenarioResult[]): string {
  if (results.length === 0) return '## Upgrade tests\n\nNo upgrade scenario ran.\n';
  const lines = [
    '## Upgrade tests',
    '',
    '| scenario | result | module | update steps | checks | data |',
    '|---|---|---|---|---|---|',
    ...results.map(summaryRow),
    '',
  ];
  for (const result of results) lines.push(...scenarioSection(result));
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
