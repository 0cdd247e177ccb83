/**
 * Turns the `##IPMDB <key>=<value>` results that ./objectscript.ts makes IRIS print into the
 * upgrade stage's types (pure). The session runner has already read them out of the output
 * (src/iris/output.ts, the one reader of session output); nothing here reads raw text.
 */
import { IpmDbError } from '../../util/errors.js';
import { guardedErrors, parseModuleState as parseInstalledModule, throwOnGuardedError } from '../../ipm/installed.js';
import type { LinesOutput } from './ports.js';
import type { CheckResult, GlobalFingerprint, ModuleState, UpdateStepRow } from './results.js';

function values(output: LinesOutput, key: string): string[] {
  return output.results.filter((line) => line.key === key).map((line) => line.value);
}

/** The `##IPMDB key=value` results of a session, in order. */
export function ipmdbLines(output: LinesOutput): LinesOutput['results'] {
  return output.results;
}

/** Errors the guarded lines reported (`##IPMDB error=<what>|<text>`), as "<what>: <text>". */
export function reportedErrors(output: LinesOutput): string[] {
  return guardedErrors(output);
}

/** Throws when a guarded line reported an ObjectScript error. */
export function throwOnReportedErrors(output: LinesOutput, doing: string): void {
  throwOnGuardedError(output, doing, 'upgrade-objectscript');
}

/** Global names from `gname` lines, normalised to "^Name", sorted, unique. */
export function parseGlobalNames(output: LinesOutput): string[] {
  const names = values(output, 'gname').map((name) => (name.startsWith('^') ? name : `^${name}`));
  return [...new Set(names)].sort();
}

/** Fingerprints from `node` and `global` lines; each global's nodes precede its `global` line. */
export function parseFingerprints(output: LinesOutput): GlobalFingerprint[] {
  const result: GlobalFingerprint[] = [];
  let nodes: Record<string, string> = {};
  for (const { key, value } of output.results) {
    if (key === 'node') {
      const bar = value.lastIndexOf('|');
      if (bar > 0) nodes[value.slice(0, bar)] = value.slice(bar + 1);
    } else if (key === 'global') {
      const [name, count, hash, extra] = value.split('|');
      const nodeCount = Number(count);
      if (!name || extra !== undefined || hash === undefined || !Number.isInteger(nodeCount) || nodeCount < 0) {
        throw new IpmDbError('upgrade-parse', `unreadable fingerprint line "##IPMDB global=${value}"`);
      }
      result.push({ name, nodes: nodeCount, hash, nodeHashes: nodes });
      nodes = {};
    }
  }
  return result;
}

/** The module's installed version and packaging, from IPM's module object (src/ipm/installed.ts). */
export function parseModuleState(output: LinesOutput): ModuleState | null {
  return parseInstalledModule(output);
}

export function parseUpdateSteps(output: LinesOutput): UpdateStepRow[] {
  return values(output, 'step').map((value) => {
    const fields = value.split('|');
    if (fields.length !== 6 || (fields[0] !== 'any' && fields[0] !== 'primary')) {
      throw new IpmDbError('upgrade-parse', `unreadable update-step line "##IPMDB step=${value}"`);
    }
    const [kind, className, methodName, timeStampStart, timeStampEnd, ok] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      className,
      methodName,
      primaryOnly: kind === 'primary',
      timeStampStart,
      timeStampEnd,
      statusOk: ok === '1',
    };
  });
}

/** The steps the installed step classes declare, "Class:Method", in IPM's running order. */
export function parseExpectedSteps(output: LinesOutput): string[] {
  const steps: string[] = [];
  for (const value of values(output, 'expected')) {
    const [className, ordered, primaryOnly, extra] = value.split('|');
    for (const list of [ordered, primaryOnly]) {
      let methods: unknown;
      try {
        methods = JSON.parse(list ?? '');
      } catch {
        methods = null;
      }
      if (extra !== undefined || !Array.isArray(methods) || !methods.every((m) => typeof m === 'string')) {
        throw new IpmDbError(
          'upgrade-parse',
          `step class ${className}: GetOrderedMethods did not return a JSON array of names ("${value}")`,
        );
      }
      for (const method of methods as string[]) steps.push(`${className}:${method}`);
    }
  }
  return steps;
}

export function parseSeeded(output: LinesOutput): string[] {
  return values(output, 'seeded');
}

export function parseChecks(output: LinesOutput): CheckResult[] {
  return values(output, 'check').map((value) => {
    const bar = value.indexOf('|');
    const returned = bar < 0 ? '' : value.slice(bar + 1);
    return { check: bar < 0 ? value : value.slice(0, bar), returned, ok: returned === '1' };
  });
}

export function parseFileExists(output: LinesOutput): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  for (const value of values(output, 'exists')) {
    const bar = value.lastIndexOf('|');
    result[value.slice(0, bar)] = value.slice(bar + 1) === '1';
  }
  return result;
}
