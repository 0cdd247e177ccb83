import { IpmDbError } from '../util/errors.js';
import { IMAGE_REFERENCE, MODULE_NAME, SEMVER } from '../naming/grammar.js';

/**
 * Strict patterns for every value the driver interpolates into an ObjectScript script or a
 * docker argument. A value that fails its pattern is rejected before anything runs: the
 * session runner never has to escape anything but the doubled quote.
 */
export type ValueKind =
  | 'module name'
  | 'module version'
  | 'namespace'
  | 'namespace postfix'
  | 'container path'
  | 'class name'
  | 'environment variable name'
  | 'result key'
  | 'variable'
  | 'IPM modifier'
  | 'container name'
  | 'image'
  | 'label value';

const PATTERNS: Record<ValueKind, RegExp> = {
  'module name': MODULE_NAME,
  'module version': SEMVER,
  // %SYS, or letters/digits/'-'/'_' starting with a letter (what InitializeNamespace produces, e.g. USER-PKG).
  namespace: /^(%SYS|[A-Z][A-Z0-9_-]{0,62})$/,
  'namespace postfix': /^[A-Z][A-Z0-9]{0,15}$/,
  // Absolute, no spaces (IPM's shell splits arguments on spaces), no '..' segment.
  'container path': /^(?=.{1,1024}$)(\/(?!\.\.?(\/|$))[A-Za-z0-9._+@=,-]+)+\/?$/,
  'class name': /^%?[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/,
  'environment variable name': /^[A-Z_][A-Z0-9_]{0,63}$/,
  'result key': /^[a-z][A-Za-z0-9_.-]{0,63}$/,
  variable: /^[a-zA-Z][a-zA-Z0-9]{0,30}(\.[A-Z][A-Za-z0-9]{0,62})?$/,
  'IPM modifier': /^-[a-z][a-z-]{0,40}$/,
  'container name': /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/,
  image: IMAGE_REFERENCE,
  'label value': /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/,
};

/** Line breaks and other control characters, including the Unicode line/paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

function preview(value: string): string {
  const shown = JSON.stringify(value);
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}

export function unsafeValue(kind: string, value: string, why: string): IpmDbError {
  return new IpmDbError('unsafe-value', `Refusing ${kind} ${preview(value)}: ${why}.`, {
    hint: 'Nothing was sent to IRIS. Use a value made only of the characters the pattern allows.',
  });
}

/** Returns the value when it matches its pattern, throws IpmDbError("unsafe-value") otherwise. */
export function validate(kind: ValueKind, value: string): string {
  if (typeof value !== 'string') throw unsafeValue(kind, String(value), 'not a string');
  if (hasControlCharacter(value)) throw unsafeValue(kind, value, 'it contains a line break or control character');
  if (!PATTERNS[kind].test(value)) throw unsafeValue(kind, value, `it does not match ${PATTERNS[kind].source}`);
  return value;
}

export function isValid(kind: ValueKind, value: string): boolean {
  return typeof value === 'string' && !hasControlCharacter(value) && PATTERNS[kind].test(value);
}

/** Namespaces are case-insensitive in IRIS; the driver always uses upper case. */
export function validateNamespace(value: string): string {
  return validate('namespace', typeof value === 'string' ? value.toUpperCase() : value);
}
