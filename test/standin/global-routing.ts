// Which database a global reference reaches in a namespace, as IRIS decides it
// (https://docs.intersystems.com/irislatest/csp/docbook/DocBook.UI.Page.cls?KEY=GORIENT_enviro_intro,
// https://docs.intersystems.com/irislatest/csp/docbook/DocBook.UI.Page.cls?KEY=RACS_Namespace_n):
//   1. an extended reference ^|"^^<directory>"|Name names the database by directory (implied
//      namespace), ^|"<NAMESPACE>"|Name routes as in that namespace;
//   2. a global mapping of the namespace (Config.MapGlobals; IPM's %IPM.Utils.Module:AddGlobalMapping),
//      exact name before a Prefix* pattern, the longest pattern first;
//   3. the code globals (class dictionary, routine sources and object code) go to the routines
//      database, as code does;
//   4. everything else goes to the namespace's globals database.
// %-globals (IRISSYS) and ^IRIS.Temp* (IRISTEMP) are not modelled: they stay in the globals database.
import { IrisError } from './values.js';
import type { Instance } from './instance.js';

/**
 * Globals that hold code and live in the routines database: routine sources and object code
 * (%Library.RoutineIndex documents ^ROUTINE, ^rMAC, ^rINC, ^rOBJ), the class dictionary (^oddDEF,
 * ^oddCOM and the other ^odd* globals) and the routine/class indexes (^rINDEX*), ^rMAP.
 */
export const CODE_GLOBAL_PATTERNS = ['^odd*', '^rINDEX*', '^rOBJ', '^rMAC', '^rINC', '^rMAP', '^ROUTINE'] as const;

/** The code globals a routines database holding classes shows in ^$GLOBAL (the stand-in keeps classes as records). */
export const CODE_GLOBALS_OF_CLASSES = ['^oddCOM', '^oddDEF', '^rINDEXCLASS', '^rMAP', '^rOBJ'];

function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

export function isCodeGlobal(name: string): boolean {
  return CODE_GLOBAL_PATTERNS.some((p) => matches(p, name));
}

function normalizeDir(dir: string): string {
  return dir.endsWith('/') ? dir : `${dir}/`;
}

/** The database a directory is (for ^^<dir> implied namespaces). */
export function databaseOfDirectory(inst: Instance, dir: string): string {
  const want = normalizeDir(dir);
  const found = Object.entries(inst.config().databases).find(([, d]) => normalizeDir(d) === want);
  if (!found) throw new IrisError('DIRECTORY', dir);
  return found[0];
}

/** The database `^Name` reaches from `namespace`, or through the extended reference environment `env`. */
export function globalDatabase(inst: Instance, namespace: string, name: string, env?: string): string {
  if (env !== undefined) {
    if (env.startsWith('^')) {
      const [, system, dir] = env.split('^');
      if (system !== '' || !dir) throw new IrisError('NAMESPACE', env);
      return databaseOfDirectory(inst, dir);
    }
    const other = inst.canonicalNamespace(env);
    if (!other) throw new IrisError('NAMESPACE', env);
    return globalDatabase(inst, other, name);
  }
  const ns = inst.namespace(namespace);
  if (!ns) throw new IrisError('NAMESPACE', namespace);
  const bare = name.replace(/^\^/, '');
  const mappings = Object.entries(ns.globalMappings ?? {});
  const exact = mappings.find(([p]) => p === bare);
  if (exact) return exact[1];
  const prefix = mappings
    .filter(([p]) => p.endsWith('*') && bare.startsWith(p.slice(0, -1)))
    .sort((a, b) => b[0].length - a[0].length)[0];
  if (prefix) return prefix[1];
  return isCodeGlobal(name) ? ns.routines : ns.globals;
}

/** `^|"<env>"|` as IRIS prints it at the front of an extended reference ("" without one). */
export function extendedPrefix(env: string | undefined): string {
  return env === undefined ? '' : `^|"${env.replace(/"/g, '""')}"|`;
}
