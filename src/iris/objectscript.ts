/**
 * The one place that turns typed operations into an ObjectScript script for a piped
 * `iris session`. Pure: no I/O. Every line it writes is one of the forms listed in
 * docs/iris-surface.md; every interpolated value is validated, then quoted.
 */
import { IpmDbError } from '../util/errors.js';
import { hasControlCharacter, unsafeValue, validate, validateNamespace } from './validate.js';

/** Values the script can compute and report back through `##IPMDB key=value` lines. */
export type Expression =
  | { kind: 'literal'; value: string }
  | { kind: 'integer'; value: number }
  | { kind: 'zversion' }
  | { kind: 'versionMajor' }
  | { kind: 'versionMinor' }
  | { kind: 'versionNumber' }
  | { kind: 'currentNamespace' }
  | { kind: 'classExists'; className: string }
  | { kind: 'ipmVersion' }
  | { kind: 'namespaceExists'; namespace: string }
  | { kind: 'environment'; name: string }
  | { kind: 'variable'; name: string }
  | { kind: 'newNamespaceConfig' };

/** One IPM shell command, built from validated parts (never from a free-form string). */
export interface IpmCommand {
  /** The command words, e.g. ["package-database", "my-module"]; each validated by its builder. */
  words: string[];
  /** Modifiers in order, e.g. [["-path", "/tmp/ipm-db/out"], ["-v"]]. */
  modifiers: Array<[string] | [string, string]>;
}

export type Operation =
  | { kind: 'emit'; key: string; expression: Expression }
  | { kind: 'set'; variable: string; expression: Expression }
  | { kind: 'switchNamespace'; namespace: string }
  | { kind: 'loadXml'; path: string }
  /** IPM's source-tree install, as IPM's CI runs it after loading preload/cls/IPM/Installer.cls. */
  | { kind: 'ipmInstallerSetup'; root: string }
  | { kind: 'initializeNamespace'; postfix: string; resultVariable: string; configVariable: string }
  | { kind: 'ipm'; command: IpmCommand }
  /**
   * A line built by another pure module from a form listed in docs/iris-surface.md (the
   * upgrade stage's queries). Checked here for control characters and marker spoofing only:
   * its builder validates what it interpolates.
   */
  | { kind: 'surfaceLine'; text: string; label?: string };

export const RESULT_PREFIX = '##IPMDB ';
/** Written before each operation so a failure or timeout can say which operation was running. */
export const STEP_KEY = 'ipmdb.step';
/** Written after the last operation: a session without it did not run to the end. */
export const DONE_KEY = 'ipmdb.done';

/** Keys under this prefix belong to the session runner. */
const RESERVED_PREFIX = 'ipmdb.';

/** An ObjectScript string literal: inner quotes doubled; control characters refused. */
export function quote(value: string): string {
  if (hasControlCharacter(value)) throw unsafeValue('string', value, 'it contains a line break or control character');
  return `"${value.replaceAll('"', '""')}"`;
}

const FAIL = "if 'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }";

export function renderExpression(e: Expression): string {
  switch (e.kind) {
    case 'literal':
      return quote(e.value);
    case 'integer':
      if (!Number.isSafeInteger(e.value)) throw unsafeValue('integer', String(e.value), 'not a safe integer');
      return String(e.value);
    case 'zversion':
      return '$zversion';
    case 'versionMajor':
      return '$system.Version.GetMajor()';
    case 'versionMinor':
      return '$system.Version.GetMinor()';
    case 'versionNumber':
      return '$system.Version.GetNumber()';
    case 'currentNamespace':
      return '$namespace';
    case 'classExists':
      return `##class(%Dictionary.CompiledClass).%ExistsId(${quote(validate('class name', e.className))})`;
    case 'ipmVersion':
      return '##class(%IPM.Main).GetVersionModule("zpm")';
    case 'namespaceExists':
      return `##class(%SYS.Namespace).Exists(${quote(validateNamespace(e.namespace))})`;
    case 'environment':
      return `$system.Util.GetEnviron(${quote(validate('environment variable name', e.name))})`;
    case 'variable':
      return validate('variable', e.name);
    case 'newNamespaceConfig':
      return '##class(%IPM.Storage.ModuleSetting.NamespaceConfig).%New()';
  }
}

/** The IPM command line, e.g. `load /tmp/ipm-db/module -dev`; every part re-checked here. */
export function renderIpmCommand(c: IpmCommand): string {
  if (c.words.length === 0) throw new IpmDbError('unsafe-value', 'Refusing an empty IPM command.');
  const parts: string[] = [];
  for (const word of c.words) parts.push(checkIpmToken(word, 'IPM argument'));
  for (const [flag, value] of c.modifiers) {
    parts.push(validate('IPM modifier', flag));
    if (value !== undefined) parts.push(checkIpmToken(value, 'IPM modifier value'));
  }
  return parts.join(' ');
}

/** IPM splits its command line on spaces and reads a leading '-' as a modifier. */
function checkIpmToken(token: string, kind: string): string {
  if (typeof token !== 'string' || token.length === 0) throw unsafeValue(kind, String(token), 'it is empty');
  if (hasControlCharacter(token)) throw unsafeValue(kind, token, 'it contains a line break or control character');
  if (!/^[A-Za-z0-9/][A-Za-z0-9._+@=,/:-]*$/.test(token))
    throw unsafeValue(kind, token, 'only letters, digits and . _ + @ = , / : - are allowed, not starting with -');
  return token;
}

export function renderOperation(op: Operation): string {
  switch (op.kind) {
    case 'emit':
      return `write ${quote(`${RESULT_PREFIX}${checkKey(op.key)}=`)},${renderExpression(op.expression)},!`;
    case 'set':
      return `set ${validate('variable', op.variable)}=${renderExpression(op.expression)}`;
    case 'switchNamespace': {
      const ns = quote(validateNamespace(op.namespace));
      // A failed `set $namespace` does not end a piped session: check that the switch happened.
      return `set $namespace=${ns} if $namespace'=${ns} { do $system.Process.Terminate($job,1) }`;
    }
    case 'loadXml':
      return `set sc=$system.OBJ.Load(${quote(validate('container path', op.path))},"ck") ${FAIL}`;
    case 'ipmInstallerSetup': {
      const root = validate('container path', op.root);
      if (!root.endsWith('/'))
        throw unsafeValue('container path', root, 'setup appends "src" to it: it must end with /');
      return `set sc=##class(IPM.Installer).setup(${quote(root)},3) ${FAIL}`;
    }
    case 'initializeNamespace': {
      const postfix = quote(validate('namespace postfix', op.postfix));
      const out = validate('variable', op.resultVariable);
      const cfg = validate('variable', op.configVariable);
      return `set sc=##class(%IPM.Utils.Build).InitializeNamespace(${postfix},1,.${out},${cfg}) ${FAIL}`;
    }
    case 'ipm':
      return `set sc=##class(%IPM.Main).Shell(${quote(renderIpmCommand(op.command))}) ${FAIL}`;
    case 'surfaceLine':
      if (op.text.trim() === '') throw unsafeValue('ObjectScript line', op.text, 'it is empty');
      if (hasControlCharacter(op.text))
        throw unsafeValue('ObjectScript line', op.text, 'it contains a line break or control character');
      if (op.text.includes(`${RESULT_PREFIX}${RESERVED_PREFIX}`))
        throw unsafeValue(
          'ObjectScript line',
          op.text,
          `it writes the session runner's own ${RESERVED_PREFIX} markers`,
        );
      return op.text;
  }
}

function checkKey(key: string): string {
  validate('result key', key);
  return key;
}

/** A short human description of an operation, for "what ran" in errors (never holds secrets). */
export function describeOperation(op: Operation): string {
  switch (op.kind) {
    case 'emit':
      return `read ${op.key}`;
    case 'set':
      return `set ${op.variable}`;
    case 'switchNamespace':
      return `switch to namespace ${op.namespace}`;
    case 'loadXml':
      return `load ${op.path}`;
    case 'ipmInstallerSetup':
      return `IPM.Installer setup ${op.root}`;
    case 'initializeNamespace':
      return `create namespace -${op.postfix}`;
    case 'ipm':
      return `zpm "${renderIpmCommand(op.command)}"`;
    case 'surfaceLine':
      return op.label ?? `ObjectScript: ${op.text.length > 60 ? `${op.text.slice(0, 57)}...` : op.text}`;
  }
}

export interface RenderedScript {
  /** The script text, one command per line, ending with `halt`. */
  text: string;
  /** The script's lines, for reports. */
  lines: string[];
}

/**
 * The whole script: a step marker before each operation, a done marker after the last,
 * then `halt`. Throws IpmDbError("unsafe-value") before producing anything when any
 * value is refused.
 */
export function renderScript(operations: Operation[]): RenderedScript {
  const lines: string[] = [];
  operations.forEach((op, i) => {
    if (op.kind === 'emit' && op.key.startsWith(RESERVED_PREFIX))
      throw new IpmDbError('unsafe-value', `Result key "${op.key}" is reserved by the session runner.`);
    lines.push(marker(STEP_KEY, String(i + 1)));
    lines.push(renderOperation(op));
  });
  lines.push(marker(DONE_KEY, '1'));
  lines.push('halt');
  for (const line of lines) {
    if (hasControlCharacter(line)) throw unsafeValue('script line', line, 'it contains a control character');
  }
  return { text: lines.join('\n') + '\n', lines };
}

function marker(key: string, value: string): string {
  return `write ${quote(`${RESULT_PREFIX}${key}=`)},${quote(value)},!`;
}
