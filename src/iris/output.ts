/**
 * Reading what a piped `iris session` printed. Pure. A piped session prints the namespace
 * prompt ("USER>", "USER 1d1>") before each command's output; results come back only
 * through `##IPMDB key=value` lines (the marker may follow other output on its line),
 * everything else is IRIS/IPM output shown to people. The one reader of these lines.
 */
import { DONE_KEY, RESULT_PREFIX, STEP_KEY } from './objectscript.js';

const PROMPT = /^(?:%?[A-Za-z][A-Za-z0-9_-]*(?: \d+[a-z]\d*)?>)+/;
const RESULT = new RegExp(`^${RESULT_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([a-z][A-Za-z0-9_.-]*)=(.*)$`);
/** How IRIS reports an ObjectScript error at the prompt: `<UNDEFINED> *x`, `<NAMESPACE>`, `<SYNTAX>zfoo+1^Bar.1`. */
const OBJECTSCRIPT_ERROR = /^<[A-Z][A-Z ]{1,40}>(?=$|[ *%A-Za-z0-9^+])/;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** One output line without the prompt, the carriage return and ANSI colours. */
export function stripPrompt(line: string): string {
  return line.replace(/\r$/, '').replace(ANSI, '').replace(PROMPT, '');
}

export interface SessionOutput {
  /** Values from `##IPMDB key=value` lines (the last one wins); the runner's own markers excluded. */
  values: Map<string, string>;
  /** Every `##IPMDB key=value` line in order (repeated keys kept); the runner's own markers excluded. */
  results: Array<{ key: string; value: string }>;
  /** The number of the last operation that started (1-based), 0 when none did. */
  lastStep: number;
  /** true when the script's final marker was printed: every operation ran. */
  completed: boolean;
  /** IRIS/IPM output without prompts or result lines, for people. */
  text: string;
  /** ObjectScript errors IRIS printed at the prompt (they never end a piped session by themselves). */
  objectScriptErrors: string[];
}

export function parseSessionOutput(raw: string): SessionOutput {
  const values = new Map<string, string>();
  const results: Array<{ key: string; value: string }> = [];
  let lastStep = 0;
  let completed = false;
  const text: string[] = [];
  const objectScriptErrors: string[] = [];
  for (const rawLine of raw.split('\n')) {
    const line = stripPrompt(rawLine);
    // Output without a final line break (a method's own `write`) puts the marker mid-line.
    const at = line.indexOf(RESULT_PREFIX);
    const m = at < 0 ? null : RESULT.exec(line.slice(at));
    if (m) {
      const [, key, value] = m as unknown as [string, string, string];
      if (at > 0) text.push(line.slice(0, at));
      // The runner's own markers count only in their exact form, never as part of an echoed script line.
      if (key === STEP_KEY) lastStep = /^\d+$/.test(value) ? Number.parseInt(value, 10) : lastStep;
      else if (key === DONE_KEY) completed = completed || value === '1';
      else {
        values.set(key, value);
        results.push({ key, value });
      }
      continue;
    }
    if (OBJECTSCRIPT_ERROR.test(line)) objectScriptErrors.push(line.trim());
    text.push(line);
  }
  return { values, results, lastStep, completed, text: trimBlankLines(text).join('\n'), objectScriptErrors };
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  const out: string[] = [];
  for (const l of lines.slice(start, end)) {
    // Collapse runs of blank lines IRIS prints between prompts.
    if (l.trim() === '' && out.length > 0 && out[out.length - 1]!.trim() === '') continue;
    out.push(l);
  }
  return out;
}

/** The last `n` lines of a text, for error details. */
export function tail(text: string, n: number): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  return lines.slice(Math.max(0, lines.length - n)).join('\n');
}
