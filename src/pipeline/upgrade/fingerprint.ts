/** Which globals to fingerprint, and what differs between two fingerprints (pure). */
import { UsageError } from '../../util/errors.js';
import type { DataFingerprint, GlobalChange, GlobalFingerprint, NodeChange } from './results.js';

/**
 * Globals of a data database that change without the module touching them: IPM's own records
 * (module storage, update-step state), system and temporary globals, unit-test results, error log,
 * and code globals in case a namespace keeps code and data together.
 */
export const DEFAULT_EXCLUDED_GLOBALS = [
  '^IPM.*',
  '^%*',
  '^IRIS.*',
  '^ISC.*',
  '^CacheTemp*',
  '^UnitTest*',
  '^ERRORS',
  '^SPOOL',
  '^odd*',
  '^rOBJ',
  '^rMAC',
  '^rINC',
  '^rINDEX*',
  '^ROUTINE',
] as const;

const PATTERN = /^\^%?[A-Za-z0-9.]*\*?$/;

/** A global name ("^A.B") or a prefix pattern ("^A.*", "^%*"); throws a usage error otherwise. */
export function assertGlobalPattern(pattern: string): string {
  if (
    !PATTERN.test(pattern) ||
    pattern === '^' ||
    pattern === '^*' ||
    (!pattern.endsWith('*') && !/^\^%?[A-Za-z]/.test(pattern))
  ) {
    throw new UsageError(
      `"${pattern}" is not a global name or pattern`,
      'Write ^Name for one global or ^Prefix* for all globals starting with Prefix, e.g. ^MyApp.*',
    );
  }
  return pattern;
}

export function matchesGlobal(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

export interface GlobalSelection {
  /** Globals (or patterns) to fingerprint; empty = every global of the data database. */
  include: readonly string[];
  /** Patterns left out; DEFAULT_EXCLUDED_GLOBALS unless replaced. */
  exclude: readonly string[];
}

/**
 * The globals to fingerprint: those present that `include` names (or all when empty), plus every
 * exact name in `include` even when absent (so a global that disappears is seen), minus `exclude`.
 */
export function selectGlobals(present: readonly string[], selection: GlobalSelection): string[] {
  selection.include.forEach(assertGlobalPattern);
  selection.exclude.forEach(assertGlobalPattern);
  const included = (name: string) =>
    selection.include.length === 0 || selection.include.some((p) => matchesGlobal(p, name));
  const excluded = (name: string) => selection.exclude.some((p) => matchesGlobal(p, name));
  const exact = selection.include.filter((p) => !p.endsWith('*'));
  return [...new Set([...present.filter(included), ...exact])].filter((name) => !excluded(name)).sort();
}

export function toDataFingerprint(globals: readonly GlobalFingerprint[]): DataFingerprint {
  return { globals: Object.fromEntries(globals.map((g) => [g.name, g])) };
}

const ABSENT = (name: string): GlobalFingerprint => ({ name, nodes: 0, hash: '', nodeHashes: {} });

function complete(g: GlobalFingerprint): boolean {
  return Object.keys(g.nodeHashes).length === g.nodes;
}

function nodeChanges(before: GlobalFingerprint, after: GlobalFingerprint): NodeChange[] | null {
  if (!complete(before) || !complete(after)) return null;
  const changes: NodeChange[] = [];
  for (const [node, hash] of Object.entries(before.nodeHashes)) {
    const now = after.nodeHashes[node];
    if (now === undefined) changes.push({ kind: 'removed', node });
    else if (now !== hash) changes.push({ kind: 'changed', node });
  }
  for (const node of Object.keys(after.nodeHashes)) {
    if (!(node in before.nodeHashes)) changes.push({ kind: 'added', node });
  }
  return changes;
}

/**
 * Every global that differs. Globals missing from one side count as absent there, so pass
 * fingerprints of the same selection. `declaredBy` is left empty for ./declared.ts to fill.
 */
export function diffFingerprints(before: DataFingerprint, after: DataFingerprint): GlobalChange[] {
  const names = [...new Set([...Object.keys(before.globals), ...Object.keys(after.globals)])].sort();
  const changes: GlobalChange[] = [];
  for (const name of names) {
    const b = before.globals[name] ?? ABSENT(name);
    const a = after.globals[name] ?? ABSENT(name);
    if (b.nodes === a.nodes && b.hash === a.hash) continue;
    changes.push({
      global: name,
      kind: b.nodes === 0 ? 'added' : a.nodes === 0 ? 'removed' : 'changed',
      nodesBefore: b.nodes,
      nodesAfter: a.nodes,
      hashBefore: b.hash,
      hashAfter: a.hash,
      nodeChanges: nodeChanges(b, a),
      declaredBy: [],
    });
  }
  return changes;
}
