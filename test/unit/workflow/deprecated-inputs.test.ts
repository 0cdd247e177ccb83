// The reusable workflow's former input names: still accepted ("former || current"), described as
// deprecated, warned about once in the versions job, refused beside a different current value; and
// no workflow of this repository uses a former name of the action or of the reusable workflow.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPRECATED_INPUTS } from '../../../src/action/input-names.js';
import { evaluate, interpolate } from '../../support/expressions.js';
import {
  ACTION_CHECKOUT_PATH,
  callInputs,
  deprecatedNameProblems,
  deprecatedWorkflowInputs,
  parseActionText,
  parseWorkflowText,
} from '../../support/workflow-rules.js';

const root = join(import.meta.dirname, '../../..');
const text = readFileSync(join(root, '.github/workflows/ipm-database.yml'), 'utf8');
const reusable = parseWorkflowText(text);
const action = parseActionText(readFileSync(join(root, 'action.yml'), 'utf8'));
const checkStep = reusable.jobs
  .find((j) => j.id === 'versions')!
  .steps.find((s) => s.name === 'Check for deprecated inputs')!;
const actionWith = reusable.jobs.flatMap((j) => j.steps).find((s) => s.uses === ACTION_CHECKOUT_PATH)!.with!;

function inputsWith(given: Record<string, string | boolean>): Record<string, string | boolean | number> {
  const out: Record<string, string | boolean | number> = {};
  for (const [name, spec] of Object.entries(callInputs(reusable)))
    out[name] = (given[name] ?? spec.default ?? '') as string | boolean | number;
  return out;
}

/** Runs the versions job's check step with bash, its env: evaluated for these caller inputs. */
function runCheck(given: Record<string, string | boolean>): { status: number | null; out: string } {
  const ctx = { inputs: inputsWith(given) };
  const env = Object.fromEntries(
    Object.entries((checkStep as { env?: Record<string, string> }).env ?? {}).map(([k, v]) => [k, interpolate(v, ctx)]),
  );
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', checkStep.run!], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  // Only the workflow commands: a shell start-up file of this machine may print its own lines.
  const commands = (r.stdout + r.stderr).split('\n').filter((l) => l.startsWith('::'));
  return { status: r.status, out: commands.join('\n') };
}

describe('deprecated inputs of the reusable workflow', () => {
  it('are the former names, each described "Deprecated: use <current>"', () => {
    expect(deprecatedWorkflowInputs(reusable)).toEqual({
      'iris-flavour': 'iris-flavor',
      namespace: 'registry-namespace',
      force: 'overwrite-tags',
    });
  });

  it('resolve to the value the caller gave under either name', () => {
    const flavor = String(actionWith['iris-flavor']).replace(/^\$\{\{|\}\}$/g, '');
    expect(evaluate(flavor, { inputs: inputsWith({}) })).toBe('iris-community');
    expect(evaluate(flavor, { inputs: inputsWith({ 'iris-flavour': 'irishealth-community' }) })).toBe(
      'irishealth-community',
    );
    expect(evaluate(flavor, { inputs: inputsWith({ 'iris-flavor': 'iris' }) })).toBe('iris');
    const ns = String(actionWith['registry-namespace']).replace(/^\$\{\{|\}\}$/g, '');
    const ctx = (i: Record<string, string>) => ({ inputs: inputsWith(i), github: { repository_owner: 'Acme' } });
    expect(evaluate(ns, ctx({}))).toBe('Acme');
    expect(evaluate(ns, ctx({ namespace: 'old' }))).toBe('old');
    expect(evaluate(ns, ctx({ 'registry-namespace': 'new' }))).toBe('new');
    const publish = reusable.jobs
      .find((j) => j.id === 'publish')!
      .steps.find((s) => s.name === 'Publish every package');
    const overwrite = String((publish as { env?: Record<string, string> }).env?.OVERWRITE_TAGS).replace(
      /^\$\{\{|\}\}$/g,
      '',
    );
    expect(evaluate(overwrite, { inputs: inputsWith({ force: true }) })).toBe(true);
    expect(evaluate(overwrite, { inputs: inputsWith({ 'overwrite-tags': true }) })).toBe(true);
    expect(evaluate(overwrite, { inputs: inputsWith({}) })).toBe(false);
  });

  it('warn once per former name used, and nothing for current names', () => {
    const none = runCheck({ 'iris-flavor': 'iris', 'registry-namespace': 'org', 'overwrite-tags': true });
    expect(none).toEqual({ status: 0, out: '' });
    const old = runCheck({ 'iris-flavour': 'iris', namespace: 'org', force: true });
    expect(old.status).toBe(0);
    expect(old.out.split('\n')).toEqual([
      '::warning::Input iris-flavour is deprecated; rename it to iris-flavor (same value).',
      '::warning::Input namespace is deprecated; rename it to registry-namespace (same value).',
      '::warning::Input force is deprecated; rename it to overwrite-tags (same value).',
    ]);
  });

  it('fail when a former and a current name are given with different values', () => {
    const both = runCheck({
      'iris-flavour': 'iris',
      'iris-flavor': 'irishealth',
      namespace: 'a',
      'registry-namespace': 'b',
    });
    expect(both.status).toBe(1);
    expect(both.out).toContain(
      '::error::iris-flavor and its former name iris-flavour are both given, with different values',
    );
    expect(both.out).toContain('::error::registry-namespace and its former name namespace are both given');
    expect(runCheck({ namespace: 'a', 'registry-namespace': 'a' }).status).toBe(0);
  });
});

describe("this repository's workflows", () => {
  it('flag a deprecated action input or reusable-workflow input', () => {
    const broken = parseWorkflowText(
      text.replace(
        '          registry-token: ${{ secrets.registry-token || github.token }}',
        '          token: ${{ secrets.registry-token || github.token }}',
      ),
    );
    expect(deprecatedNameProblems(broken, action)).toEqual([
      `job package: with.token is deprecated (token is deprecated; use registry-token.)`,
    ]);
    const caller = parseWorkflowText(
      'on: push\njobs:\n  ipm:\n    uses: ./.github/workflows/ipm-database.yml\n    with:\n      namespace: x\n',
    );
    expect(deprecatedNameProblems(caller, action, reusable)).toEqual([
      'job ipm: with.namespace is deprecated; use registry-namespace',
    ]);
  });

  it("action.yml's deprecated inputs are the ones the action resolves", () => {
    const fromYaml = Object.fromEntries(
      Object.entries(action.inputs)
        .filter(([, spec]) => spec.deprecationMessage)
        .map(([name, spec]) => [name, /use ([a-z0-9-]+)\.$/.exec(spec.deprecationMessage!)![1]]),
    );
    expect(fromYaml).toEqual(DEPRECATED_INPUTS);
  });
});
