/**
 * Reads the `##IPMDB <key>=<value>` lines that ./objectscript.ts makes IRIS print (pure), through
 * the driver's reader, which finds the marker after a prompt ("NS>##IPMDB ...") or other output.
 */
import { IpmDbError } from '../../util/errors.js';
import { parseSessionOutput } from '../../iris/output.js';
import { throwOnGuardedError } from '../../ipm/installed.js';
import type { CheckResult, GlobalFingerprint, UpdateStepRow } from './types.js';

export interface IpmdbLine {
  key: string;
  value: string;
}

/** Every result line in order, read by the driver's session-output reader (src/iris/output.ts). */
export function ipmdbLines(output: string): IpmdbLine[] {
  return parseSessionOutput(output).results;
}

function values(output: string, key: string): string[] {
  return ipmdbLines(output)
    .filter((line) => line.key === key)
    .map((line) => line.value);
}

export { guardedErrors as reportedErrors } from '../../ipm/installed.js';

/** Throws when a guarded line reported an ObjectScript error. */
export function throwOnReportedErrors(output: string, doing: string): void {
  throwOnGuardedError(output, doing, 'upgrade-objectscript');
}

/** Global names from `gname` lines, normalised to "^Name", sorted, unique. */
export function parseGlobalNames(output: string): string[] {
  const names = values(output, 'gname').map((name) => (name.startsWith('^') ? name : `^${name}`));
  return [...new Set(names)].sort();
}

/** Fingerprints from `node` and `global` lines; each global's nodes precede its `global` line. */
export function parseFingerprints(output: string): GlobalFingerprint[] {
  const result: GlobalFingerprint[] = [];
  let nodes: Record<string, string> = {};
  for (const { key, value } of ipmdbLines(output)) {
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

export { parseModuleState } from '../../ipm/installed.js';

export function parseUpdateSteps(output: string): UpdateStepRow[] {
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
export function parseExpectedSteps(output: string): string[] {
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

export function parseSeeded(output: string): string[] {
  return values(output, 'seeded');
}

export function parseChecks(output: string): CheckResult[] {
  return values(output, 'check').map((value) => {
    const bar = value.indexOf('|');
    const returned = bar < 0 ? '' : value.slice(bar + 1);
    return { check: bar < 0 ? value : value.slice(0, bar), returned, ok: returned === '1' };
  });
}

export function parseFileExists(output: string): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  for (const value of values(output, 'exists')) {
    const bar = value.lastIndexOf('|');
    result[value.slice(0, bar)] = value.slice(bar + 1) === '1';
  }
  return result;
}
