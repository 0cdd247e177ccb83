/**
 * Turns run reports into GitHub annotations: compile errors on the repository file and line,
 * verification findings as warnings/errors, and failed unit tests (./test-failures.ts, read from
 * each run's JUnit file) on the test class's file and method line. GitHub shows only the first few annotations of a
 * kind per step, so the first MAX_PER_LEVEL of each level are annotated and the rest returned
 * as overflow for the job summary.
 */
import { join, relative, sep } from 'node:path';
import type { RunReport } from '../pipeline/run-report.js';

export const MAX_PER_LEVEL = 10;

export type AnnotationLevel = 'error' | 'warning';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title: string;
  /** Repository-relative path with "/" separators. */
  file?: string;
  startLine?: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** One line per annotation that did not fit, for the summary. */
  overflow: string[];
}

export interface SourceRoots {
  /** The repository checkout (GITHUB_WORKSPACE). */
  workspace: string;
  /** Absolute module directory; compile error files are relative to it. */
  moduleDir: string;
}

function irisLabel(run: RunReport): string {
  return run.irisVersion ? `IRIS ${run.irisVersion}` : run.image;
}

export function repositoryPath(roots: SourceRoots, moduleRelative: string): string | null {
  const rel = relative(roots.workspace, join(roots.moduleDir, moduleRelative));
  if (rel.startsWith('..') || rel === '') return null;
  return rel.split(sep).join('/');
}

/** `testFailures[i]` are the failed-test annotations of `runs[i]`. */
export function planAnnotations(
  runs: RunReport[],
  roots: SourceRoots,
  testFailures: readonly (readonly Annotation[])[] = [],
): AnnotationPlan {
  const all: { annotation: Annotation; where: string[] }[] = [];
  const seen = new Map<string, { annotation: Annotation; where: string[] }>();
  const add = (a: Annotation, where: string) => {
    const key = `${a.level}\0${a.file ?? ''}\0${a.startLine ?? ''}\0${a.message}`;
    const existing = seen.get(key);
    if (existing) {
      if (!existing.where.includes(where)) existing.where.push(where);
      return;
    }
    const entry = { annotation: a, where: [where] };
    seen.set(key, entry);
    all.push(entry);
  };

  for (const [i, run] of runs.entries()) {
    const where = irisLabel(run);
    for (const ce of run.compileErrors) {
      const file = ce.file ? repositoryPath(roots, ce.file) : null;
      // IRIS prints one error in two forms (ERROR: ... and ERROR #5475: ...); keep one annotation.
      const text = ce.message.replace(/^[\s:]+/, '');
      const a: Annotation = {
        level: 'error',
        title: `Compile error in ${ce.document}`,
        message: file ? text : `${ce.document}${ce.line ? ` line ${ce.line}` : ''}: ${text}`,
      };
      if (file) a.file = file;
      if (file && ce.line) a.startLine = ce.line;
      add(a, where);
    }
    const v = run.verification;
    if (v) {
      for (const f of v.errors)
        add(
          { level: 'error', title: `Package verification: ${f.code}`, message: withEntry(f.message, f.entry) },
          where,
        );
      for (const f of v.warnings)
        add(
          { level: 'warning', title: `Package verification: ${f.code}`, message: withEntry(f.message, f.entry) },
          where,
        );
    }
    for (const a of testFailures[i] ?? []) add(a, where);
  }

  const counts: Record<AnnotationLevel, number> = { error: 0, warning: 0 };
  const annotations: Annotation[] = [];
  const overflow: string[] = [];
  for (const { annotation, where } of all) {
    const a = { ...annotation, title: `${annotation.title} (${where.join(', ')})` };
    if (counts[a.level] < MAX_PER_LEVEL) {
      counts[a.level]++;
      annotations.push(a);
    } else {
      const at = a.file ? `${a.file}${a.startLine ? `:${a.startLine}` : ''}: ` : '';
      overflow.push(`${a.level}: ${at}${a.message} — ${a.title}`);
    }
  }
  return { annotations, overflow };
}

function withEntry(message: string, entry: string | undefined): string {
  return entry ? `${entry}: ${message}` : message;
}
