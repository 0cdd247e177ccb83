/**
 * Reads action.yml's inputs and outputs, and the `with:` block of a workflow snippet, for tests.
 * A line-based reader for the project's own, prettier-formatted YAML (two-space indents, plain
 * or quoted scalars, ">-" folded descriptions), not a general YAML parser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ActionInputMeta {
  name: string;
  description: string;
  default: string | null;
}

export interface ActionMetadata {
  inputs: ActionInputMeta[];
  outputs: { name: string; description: string }[];
  runs: Record<string, string>;
}

function unquote(raw: string): string {
  const v = raw.trim();
  if ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"'))) {
    const inner = v.slice(1, -1);
    return v.startsWith("'") ? inner.replace(/''/g, "'") : inner.replace(/\\"/g, '"');
  }
  return v;
}

/** The `key: value` pairs under a top-level section, with folded (">-") values joined by spaces. */
function section(lines: string[], name: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const start = lines.findIndex((l) => l === `${name}:`);
  if (start < 0) return out;
  let current: Map<string, string> | null = null;
  let folding: { key: string; parts: string[] } | null = null;
  const flush = () => {
    if (folding && current) current.set(folding.key, folding.parts.join(' '));
    folding = null;
  };
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const item = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line);
    if (item) {
      flush();
      current = new Map();
      out.set(item[1]!, current);
      continue;
    }
    const field = /^ {4}([A-Za-z0-9_-]+):\s*(.*)$/.exec(line);
    if (field && current) {
      flush();
      if (field[2] === '>-' || field[2] === '>') folding = { key: field[1]!, parts: [] };
      else current.set(field[1]!, unquote(field[2] ?? ''));
      continue;
    }
    if (folding && /^ {6}/.test(line)) folding.parts.push(line.trim());
  }
  flush();
  return out;
}

export function readActionMetadata(root: string): ActionMetadata {
  const lines = readFileSync(join(root, 'action.yml'), 'utf8').split('\n');
  const inputs = [...section(lines, 'inputs')].map(([name, f]) => ({
    name,
    description: f.get('description') ?? '',
    default: f.has('default') ? (f.get('default') ?? '') : null,
  }));
  const outputs = [...section(lines, 'outputs')].map(([name, f]) => ({
    name,
    description: f.get('description') ?? '',
  }));
  const runs: Record<string, string> = {};
  const at = lines.findIndex((l) => l === 'runs:');
  for (const l of lines.slice(at + 1)) {
    const m = /^ {2}([A-Za-z-]+):\s*(.*)$/.exec(l);
    if (!m) break;
    runs[m[1]!] = unquote(m[2] ?? '');
  }
  return { inputs, outputs, runs };
}

/** The `with:` entries of the first non-`actions/` `uses:` step in a fenced ```yaml block of a Markdown file. */
export function snippetInputs(markdown: string, marker: string): { uses: string; with: Record<string, string> } {
  const at = markdown.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  const block = /```ya?ml\n([\s\S]*?)```/.exec(markdown.slice(at));
  if (!block) throw new Error(`no yaml block after ${marker}`);
  const lines = block[1]!.split('\n');
  // The first step that is not one of GitHub's own actions (actions/checkout, ...).
  const usesLine = lines.findIndex((l) => /^\s*(?:- )?uses:\s*\S/.test(l) && !/uses:\s*actions\//.test(l));
  if (usesLine < 0) throw new Error('no uses: line in the snippet');
  const uses = unquote(lines[usesLine]!.replace(/^\s*(?:- )?uses:/, '').replace(/\s+#.*$/, ''));
  const withLine = lines.findIndex((l, i) => i > usesLine && /^\s*with:\s*$/.test(l));
  const indent = /^(\s*)/.exec(lines[withLine]!)![1]!.length;
  const entries: Record<string, string> = {};
  let multi: { key: string; parts: string[]; indent: number } | null = null;
  for (const l of lines.slice(withLine + 1)) {
    const ind = /^(\s*)/.exec(l)![1]!.length;
    if (multi && (ind > multi.indent || l.trim() === '')) {
      if (l.trim()) multi.parts.push(l.trim());
      continue;
    }
    if (multi) {
      entries[multi.key] = multi.parts.join('\n');
      multi = null;
    }
    if (l.trim() === '' || l.trim().startsWith('#')) continue;
    if (ind <= indent) break;
    const m = /^\s*([A-Za-z0-9_-]+):\s*(.*)$/.exec(l);
    if (!m) continue;
    const value = (m[2] ?? '').replace(/\s+#.*$/, '');
    if (value === '|' || value === '|-') multi = { key: m[1]!, parts: [], indent: ind };
    else entries[m[1]!] = unquote(value);
  }
  if (multi) entries[multi.key] = multi.parts.join('\n');
  return { uses, with: entries };
}
