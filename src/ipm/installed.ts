/**
 * What IPM's own module objects (`%IPM.Storage.Module`) say is installed in a namespace, read
 * through `##IPMDB` lines rather than `list` text (which shows `<ExternalName> (<name>)` for a
 * module with an external name: IPM's Main.cls ListInstalled). Pure: lines to send, values to read.
 */
import { IpmDbError } from '../util/errors.js';
import { quote } from '../iris/objectscript.js';
import { isValid } from '../iris/validate.js';

export interface ModuleState {
  version: string;
  packaging: string;
}

function moduleName(name: string): string {
  if (!isValid('module name', name)) throw new IpmDbError('unsafe-value', `"${name}" is not an IPM module name`);
  return name;
}

/** Runs `body`; an ObjectScript error becomes an `##IPMDB error=<label>|<text>` line instead of a lost line. */
export function guardedLine(label: string, body: string): string {
  return `try { ${body} } catch e { write "##IPMDB error=",${quote(label)},"|",e.DisplayString(),! }`;
}

/** `##IPMDB module=<version>|<packaging>`, or `##IPMDB module=` when the module is not installed. */
export function moduleStateLine(name: string): string {
  return guardedLine(
    `module ${name}`,
    `set m=##class(%IPM.Storage.Module).NameOpen(${quote(moduleName(name))}) ` +
      `write "##IPMDB module=",$select($isobject(m):m.VersionString_"|"_m.Packaging,1:""),!`,
  );
}

/** A session's output as the session runner returns it: its `##IPMDB` results, parsed once, and its text. */
export interface SessionLines {
  results: ReadonlyArray<{ key: string; value: string }>;
  raw: string;
}

function values(output: SessionLines, key: string): string[] {
  return output.results.filter((line) => line.key === key).map((line) => line.value);
}

export function parseModuleState(output: SessionLines): ModuleState | null {
  const [value] = values(output, 'module');
  if (value === undefined) throw new IpmDbError('upgrade-parse', 'IRIS printed no module state line');
  if (value === '') return null;
  const bar = value.lastIndexOf('|');
  return { version: value.slice(0, bar), packaging: value.slice(bar + 1) };
}

/** Errors the guarded lines reported (`##IPMDB error=<what>|<text>`), as "<what>: <text>". */
export function guardedErrors(output: SessionLines): string[] {
  return values(output, 'error').map((value) => {
    const bar = value.indexOf('|');
    return bar < 0 ? value : `${value.slice(0, bar)}: ${value.slice(bar + 1)}`;
  });
}

export function throwOnGuardedError(output: SessionLines, doing: string, code = 'objectscript-error'): void {
  const errors = guardedErrors(output);
  if (errors.length > 0)
    throw new IpmDbError(code, `${doing} failed in IRIS: ${errors.join('; ')}`, { details: output.raw });
}
