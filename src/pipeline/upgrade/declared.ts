/**
 * Declared changes (pure): which globals each update step may change. A data difference after an
 * upgrade is allowed only when a step that ran in that upgrade declared the global.
 * Input form, one entry per line or separated by ";":
 *   Package.Update.V2:MoveBillingSettings=^App.Settings,^App.StepRuns
 *   Package.Update.V3:*=^App.*          (every step of that class)
 */
import { UsageError } from '../../util/errors.js';
import { assertGlobalPattern, matchesGlobal } from './fingerprint.js';
import { assertClassName, parseClassMethod } from './objectscript.js';
import type { GlobalChange } from './results.js';

export interface DeclaredChange {
  /** "Class:Method" or "Class:*" */
  step: string;
  globals: string[];
}

export function parseDeclaredChanges(text: string): DeclaredChange[] {
  const entries = text
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '' && !entry.startsWith('#'));
  return entries.map((entry) => {
    const eq = entry.indexOf('=');
    if (eq < 0) {
      throw new UsageError(
        `declared change "${entry}" has no "="`,
        'Write Class:Method=^Global1,^Global2 (one entry per line or separated by ";").',
      );
    }
    const step = entry.slice(0, eq).trim();
    if (step.endsWith(':*')) assertClassName(step.slice(0, -2), 'declared-change step class');
    else parseClassMethod(step, 'declared-change step');
    const globals = entry
      .slice(eq + 1)
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g !== '');
    if (globals.length === 0) throw new UsageError(`declared change "${entry}" names no global`);
    globals.forEach(assertGlobalPattern);
    return { step, globals };
  });
}

function declares(declaration: DeclaredChange, step: string, global: string): boolean {
  const stepMatches = declaration.step.endsWith(':*')
    ? step.startsWith(declaration.step.slice(0, -1))
    : declaration.step === step;
  return stepMatches && declaration.globals.some((pattern) => matchesGlobal(pattern, global));
}

/** Fills `declaredBy` of each change with the steps that ran in this upgrade and declared its global. */
export function attributeChanges(
  changes: readonly GlobalChange[],
  stepsThatRan: readonly string[],
  declarations: readonly DeclaredChange[],
): GlobalChange[] {
  return changes.map((change) => ({
    ...change,
    declaredBy: stepsThatRan.filter((step) => declarations.some((d) => declares(d, step, change.global))),
  }));
}

/** One problem line per change no step that ran declared. */
export function undeclaredChangeProblems(changes: readonly GlobalChange[]): string[] {
  return changes
    .filter((change) => change.declaredBy.length === 0)
    .map((change) => {
      const what =
        change.kind === 'removed'
          ? `disappeared (${change.nodesBefore} nodes before)`
          : change.kind === 'added'
            ? `appeared (${change.nodesAfter} nodes)`
            : `changed (${change.nodesBefore} -> ${change.nodesAfter} nodes)`;
      const nodes =
        change.nodeChanges && change.nodeChanges.length > 0
          ? `: ${change.nodeChanges
              .slice(0, 5)
              .map((n) => `${n.kind} ${n.node}`)
              .join(', ')}${change.nodeChanges.length > 5 ? `, and ${change.nodeChanges.length - 5} more` : ''}`
          : '';
      return `${change.global} ${what} but no update step that ran declared it${nodes}`;
    });
}
