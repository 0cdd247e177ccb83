import type { FindingCode } from './findings.js';

export interface NormalisedPath {
  /** "/"-separated, no leading "./", no "." segments, no doubled or trailing "/". */
  path: string;
  /** True for "./" and "." entries, which IPM's reader skips. */
  skip: boolean;
  /** Unsafe-path problems, most serious first; empty when the path is safe. */
  problems: { code: FindingCode; detail: string }[];
}

// Control characters C0, DEL and C1 have no place in a packaged file name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Normalises a raw tar path (prefix and name already joined) the way a safe reader must see it:
 * IPM's writer puts a trailing "/" on the prefix ("deps//x.xml"), other writers add "./".
 * ".." segments are kept so they can be reported, never resolved.
 */
export function normaliseEntryPath(raw: string): NormalisedPath {
  const problems: NormalisedPath['problems'] = [];
  if (raw.includes('\ufffd')) problems.push({ code: 'entry-unsafe-characters', detail: 'is not valid UTF-8' });
  if (CONTROL.test(raw)) problems.push({ code: 'entry-unsafe-characters', detail: 'holds a control character' });
  if (raw.includes('\\')) problems.push({ code: 'entry-unsafe-characters', detail: 'holds a backslash' });
  if (raw.startsWith('/') || raw.startsWith('\\') || /^[A-Za-z]:/.test(raw)) {
    problems.unshift({ code: 'entry-absolute-path', detail: 'is absolute' });
  }
  const segments = raw.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || (s.includes('\\') && s.split('\\').includes('..')))) {
    problems.unshift({ code: 'entry-parent-traversal', detail: 'has a ".." segment' });
  }
  const path = segments.join('/');
  const skip = path === '' && /^(\.\/?)+$/.test(raw);
  if (path === '' && !skip && problems.length === 0) problems.push({ code: 'entry-empty-path', detail: 'is empty' });
  return { path, skip, problems };
}

/** Longest raw name quoted in a message; a hostile archive's names may be a megabyte long. */
export const SHOWN_NAME_LENGTH = 256;

/** Shows a raw path in a message (quoted, cut to `max` characters) without letting control characters reach a terminal. */
export function printablePath(raw: string, max = SHOWN_NAME_LENGTH): string {
  return raw.length <= max ? JSON.stringify(raw) : `${JSON.stringify(raw.slice(0, max))}... (${raw.length} characters)`;
}
