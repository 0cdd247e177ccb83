// Global and local-array references as the stand-in stores them (`^Name("a",1)`, `l(2)`), and
// IRIS's default collation over them: numeric subscripts first by value, then strings by code
// point; a node precedes its descendants. Used by $order, $query and $data.

export interface Ref {
  /** Name including "^" for globals. */
  name: string;
  subs: string[];
}

const NUMERIC = /^-?(?:[1-9]\d*|0)?(?:\.\d*[1-9])?$/;

export function isCanonicNumber(s: string): boolean {
  return s !== '' && s !== '-' && NUMERIC.test(s);
}

export function formatSubscript(s: string): string {
  return isCanonicNumber(s) ? s : `"${s.replace(/"/g, '""')}"`;
}

export function formatRef(ref: Ref): string {
  return ref.subs.length ? `${ref.name}(${ref.subs.map(formatSubscript).join(',')})` : ref.name;
}

/** Parses a reference in the stored (canonical) form. */
export function parseRef(text: string): Ref {
  const open = text.indexOf('(');
  if (open < 0) return { name: text, subs: [] };
  const subs: string[] = [];
  let i = open + 1;
  while (i < text.length && text[i] !== ')') {
    if (text[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else s += text[i++];
      }
      subs.push(s);
    } else {
      let s = '';
      while (i < text.length && text[i] !== ',' && text[i] !== ')') s += text[i++];
      subs.push(s);
    }
    if (text[i] === ',') i++;
  }
  return { name: text.slice(0, open), subs };
}

export function compareSubscript(a: string, b: string): number {
  const na = isCanonicNumber(a);
  const nb = isCanonicNumber(b);
  if (na && nb) return Number(a) - Number(b);
  if (na) return -1;
  if (nb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSubs(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = compareSubscript(a[i]!, b[i]!);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function startsWith(subs: string[], prefix: string[]): boolean {
  return prefix.every((p, i) => subs[i] === p);
}

/** $data: 0 none, 1 data only, 10 descendants only, 11 both. */
export function dataOf(keys: Iterable<string>, ref: Ref): number {
  let own = false;
  let below = false;
  for (const key of keys) {
    const r = parseRef(key);
    if (r.name !== ref.name || !startsWith(r.subs, ref.subs)) continue;
    if (r.subs.length === ref.subs.length) own = true;
    else below = true;
  }
  return (own ? 1 : 0) + (below ? 10 : 0);
}

/** $order(ref): the next subscript at ref's last level ("" when none); ref's last subscript "" starts. */
export function orderNext(keys: Iterable<string>, ref: Ref, direction: 1 | -1 = 1): string {
  if (ref.subs.length === 0) return '';
  const parent = ref.subs.slice(0, -1);
  const from = ref.subs[ref.subs.length - 1]!;
  const level = new Set<string>();
  for (const key of keys) {
    const r = parseRef(key);
    if (r.name === ref.name && r.subs.length > parent.length && startsWith(r.subs, parent))
      level.add(r.subs[parent.length]!);
  }
  const sorted = [...level].sort(compareSubscript);
  if (direction === -1) sorted.reverse();
  if (from === '') return sorted[0] ?? '';
  return sorted.find((s) => compareSubscript(s, from) * direction > 0) ?? '';
}

/** $query(ref): the next node with data after ref, in collation order ("" when none). */
export function queryNext(keys: Iterable<string>, ref: Ref): string {
  const candidates = [...keys]
    .map(parseRef)
    .filter((r) => r.name === ref.name && compareSubs(r.subs, ref.subs) > 0)
    .sort((a, b) => compareSubs(a.subs, b.subs));
  return candidates[0] ? formatRef(candidates[0]) : '';
}

/** Global names (with "^") present in a database, sorted: what $order(^$GLOBAL(...)) walks. */
export function globalNames(keys: Iterable<string>): string[] {
  return [...new Set([...keys].map((k) => parseRef(k).name))].sort();
}
