/**
 * The accepted forms of a setting's value, one parser each, shared by the action's inputs and the
 * CLI's flags (and the workflow's helper commands), so "90s", "true" or "a, b" mean the same thing
 * wherever they are written.
 */

const TRUE_FORMS = ['true', 'True', 'TRUE'];
const FALSE_FORMS = ['false', 'False', 'FALSE'];

const DURATION_PART_RE = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** The longest delay a Node.js timer holds (2^31-1 ms, about 596 h); a longer one fires at once. */
export const MAX_DURATION_MS = 2 ** 31 - 1;

/** What to write instead of a value parseDuration refuses. */
export const DURATION_FORMS = 'a positive number with a unit, e.g. 90s, 10m or 1h30m (a bare number is seconds)';

/** Splits a list on newlines and commas, trimming entries and dropping empty ones. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Every entry of repeated list values ("a,b" given twice as "c"), in order, each once. */
export function parseLists(raws: readonly string[]): string[] {
  return [...new Set(raws.flatMap(parseList))];
}

/**
 * "90s", "10m", "1h30m", "500ms", or a bare number of seconds; null when not a positive duration
 * or longer than MAX_DURATION_MS.
 */
export function parseDuration(raw: string): number | null {
  const text = raw.trim();
  let total = 0;
  if (/^\d+(?:\.\d+)?$/.test(text)) total = Number(text) * 1000;
  else if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text)) return null;
  else for (const m of text.matchAll(DURATION_PART_RE)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
  const ms = Math.round(total);
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : null;
}

/** true, True, TRUE / false, False, FALSE (YAML 1.2's core booleans); null for anything else. */
export function parseBoolean(raw: string): boolean | null {
  const text = raw.trim();
  if (TRUE_FORMS.includes(text)) return true;
  if (FALSE_FORMS.includes(text)) return false;
  return null;
}

/** The edit distance of two names, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known name closest to `name` (fewest edits; a name containing the other counts as close). */
export function closestName(name: string, known: readonly string[]): string | null {
  const wanted = name.toLowerCase();
  let best: { name: string; score: number } | null = null;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    const score =
      c.includes(wanted) || wanted.includes(c) ? Math.abs(c.length - wanted.length) / 4 : editDistance(wanted, c);
    if (!best || score < best.score) best = { name: candidate, score };
  }
  return best && best.score <= Math.max(3, wanted.length / 2) ? best.name : null;
}
