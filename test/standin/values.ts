// ObjectScript values as the stand-in models them: every scalar is a string (numbers in
// canonical form), objects are JS objects tagged with their class. A %Status is "1" when OK
// and a StatusError object otherwise (falsy, as IRIS's "0 ..." status strings are).

export interface IrisObject {
  readonly className: string;
  props: Record<string, Value>;
}

export type Value = string | IrisObject;

export interface StatusEntry {
  code: number;
  text: string;
}

export class StatusError implements IrisObject {
  readonly className = '%Library.Status';
  props: Record<string, Value> = {};
  constructor(readonly errors: StatusEntry[]) {}
  static general(text: string): StatusError {
    return new StatusError([{ code: 5001, text }]);
  }
}

export const OK = '1';

/** An ObjectScript runtime error such as <UNDEFINED> *x. */
export class IrisError extends Error {
  constructor(
    readonly errorName: string,
    readonly detail = '',
    readonly location = '',
  ) {
    super(`<${errorName}>${location}${detail ? ` *${detail}` : ''}`);
  }
}

/** A thrown %Exception (ObjectScript `throw`, $$$ThrowStatus): carries a status. */
export class IrisException extends Error {
  constructor(readonly status: StatusError) {
    super(statusText(status));
  }
}

/** Ends the session: halt (0) or $system.Process.Terminate (its code). */
export class SessionEnd extends Error {
  constructor(readonly exitCode: number) {
    super(`session ends with ${exitCode}`);
  }
}

export function isStatusError(v: Value): v is StatusError {
  return v instanceof StatusError;
}

export function statusText(s: StatusError): string {
  return s.errors.map((e) => e.text).join('; ');
}

/** The numeric interpretation of a value: its leading numeric prefix, as ObjectScript does. */
export function toNum(v: Value): number {
  if (typeof v !== 'string') return isStatusError(v) ? 0 : 0;
  const m = /^[+-]*(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/i.exec(v.trim() === v ? v : v);
  if (!m) return 0;
  const signs = /^[+-]*/.exec(v)![0];
  const negative = [...signs].filter((c) => c === '-').length % 2 === 1;
  const n = Number(m[0].slice(signs.length));
  return negative ? -n : n;
}

/** Canonical number form: no leading zero before the point, no trailing zeros, no "+". */
export function canon(n: number): string {
  if (!Number.isFinite(n)) throw new IrisError('MAXNUMBER');
  if (Number.isInteger(n)) return String(n);
  let s = String(Number(n.toPrecision(18)));
  if (s.startsWith('0.')) s = s.slice(1);
  else if (s.startsWith('-0.')) s = '-' + s.slice(2);
  return s;
}

export function truthy(v: Value): boolean {
  return toNum(v) !== 0;
}

export function bool(b: boolean): string {
  return b ? '1' : '0';
}

export function str(v: Value): string {
  if (typeof v === 'string') return v;
  if (isStatusError(v)) return `0 ${v.errors.map((e) => `$lb(${e.code},"${e.text}")`).join('')}`;
  return `${Math.floor(Math.random() * 9) + 1}@${v.className}`;
}

export function isObject(v: Value): v is IrisObject {
  return typeof v !== 'string';
}

/** ObjectScript string literal of `s` (inner quotes doubled). */
export function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
