/**
 * Whether a database package's dependencies are really there after an install (pure: lines to send,
 * results to judge). IPM's package-database (pull request #1121, Lifecycle/Database.cls) compiles
 * only the module's own resources into a fresh routines database and ships the dependencies as
 * manifests in deps/; the install registers those manifests but brings no code. So the driver checks,
 * for each dependency, that IPM has a module record and that the classes of its resources exist.
 */
import { IpmDbError } from '../util/errors.js';
import { parseSessionOutput } from '../iris/output.js';
import { quote } from '../iris/objectscript.js';
import { isValid } from '../iris/validate.js';
import { guardedLine } from './installed.js';

export interface DependencyState {
  name: string;
  /** The installed version, or null when IPM has no record of the module. */
  version: string | null;
  /** Resources of the dependency's module record (.CLS, .PKG, .INC) and whether their code exists. */
  resources: Array<{ name: string; present: boolean }>;
}

/**
 * `##IPMDB dep=<name>|<version or empty>` then `##IPMDB depres=<name>|<resource>|<1/0>` per class,
 * package or include-file resource of the dependency's `%IPM.Storage.Module` record.
 */
export function dependencyCheckLine(name: string): string {
  if (!isValid('module name', name)) throw new IpmDbError('unsafe-value', `"${name}" is not an IPM module name`);
  const q = quote(name);
  const each =
    `set n=m.Resources.GetAt(i).Name,t=$zconvert($extract(n,$length(n)-3,$length(n)),"U"),b=$extract(n,1,$length(n)-4) ` +
    `if t=".CLS" { write "##IPMDB depres=",${q},"|",n,"|",##class(%Dictionary.CompiledClass).%ExistsId(b),! } ` +
    `elseif t=".PKG" { kill c set sc=$system.OBJ.GetPackageList(.c,b) write "##IPMDB depres=",${q},"|",n,"|",$data(c)\\10,! } ` +
    `elseif t=".INC" { write "##IPMDB depres=",${q},"|",n,"|",##class(%Library.RoutineMgr).Exists(n),! }`;
  return guardedLine(
    `dependency ${name}`,
    `set m=##class(%IPM.Storage.Module).NameOpen(${q}) ` +
      `write "##IPMDB dep=",${q},"|",$select($isobject(m):m.VersionString,1:""),! ` +
      `if $isobject(m) { for i=1:1:m.Resources.Count() { ${each} } }`,
  );
}

export function parseDependencyStates(output: string): DependencyState[] {
  const states = new Map<string, DependencyState>();
  for (const { key, value } of parseSessionOutput(output).results) {
    if (key === 'dep') {
      const bar = value.indexOf('|');
      const name = value.slice(0, bar);
      const version = value.slice(bar + 1);
      states.set(name, { name, version: version === '' ? null : version, resources: [] });
    } else if (key === 'depres') {
      const [name, resource, present] = value.split('|');
      const state = states.get(name ?? '');
      if (state && resource) state.resources.push({ name: resource, present: present === '1' });
    }
  }
  return [...states.values()];
}

/** One sentence per dependency that is not installed or whose code is missing; empty when all are there. */
export function dependencyProblems(states: DependencyState[], expected: string[]): string[] {
  const problems: string[] = [];
  for (const name of expected) {
    const state = states.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!state || state.version === null) {
      problems.push(`dependency ${name} is not installed (IPM has no module record for it)`);
      continue;
    }
    const missing = state.resources.filter((r) => !r.present).map((r) => r.name);
    if (missing.length > 0)
      problems.push(
        `dependency ${name} ${state.version} is registered but its code is missing: ${missing.join(', ')} not found`,
      );
  }
  return problems;
}

export function missingDependencyError(problems: string[], module: string, namespace: string): IpmDbError {
  return new IpmDbError(
    'dependency-code-missing',
    `After installing ${module} into ${namespace}: ${problems.join('; ')}.`,
    {
      hint:
        "IPM's package-database (pull request #1121) compiles only the module's own resources into IRIS.DAT and ships " +
        'dependencies as manifests in deps/, so their code is not installed with the package. Use an IPM build that ' +
        'packages dependency code, or install the dependencies into a database mapped into the namespace.',
    },
  );
}

/**
 * A failed package-database whose compile log says a class's superclass does not exist
 * (`ERROR #5373: Class 'B', used by 'A:super', does not exist`): the superclass is outside the module.
 */
export function superclassNotPackaged(text: string, module: string): IpmDbError | null {
  const m = /#5373: Class '([^']+)', used by '([^':]+):super', does not exist/.exec(text);
  if (!m) return null;
  return new IpmDbError(
    'superclass-not-packaged',
    `package-database ${module} could not compile ${m[2]}: its superclass ${m[1]} is not part of the module.`,
    {
      hint:
        "IPM's package-database compiles only the module's own resources, in a fresh routines database where the " +
        "dependencies' classes are not visible (Lifecycle/Database.cls RemapRoutinesDB, LoadResourcesIntoDatabase). " +
        `Move ${m[1]} into the module or stop extending it, or use an IPM build that packages dependency code.`,
      details: text,
    },
  );
}
