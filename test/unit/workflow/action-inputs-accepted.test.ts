// What the reusable workflow passes to the action, computed from its with: block for real callers
// (the e2e workflow, the starters), is accepted by the action's own input parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_IPM_GIT } from '../../../src/pipeline/defaults.js';
import { describe, expect, it } from 'vitest';
import { readActionInputs, type ActionInputs } from '../../../src/action/inputs.js';
import { evaluate, interpolate, type Contexts } from '../../support/expressions.js';
import { ACTION_CHECKOUT_PATH, callInputs, parseWorkflowText, type Job } from '../../support/workflow-rules.js';

const root = join(import.meta.dirname, '../../..');
const wf = (p: string) => parseWorkflowText(readFileSync(join(root, p), 'utf8'));
const reusable = wf('.github/workflows/ipm-database.yml');
const actionStep = reusable.jobs.flatMap((j) => j.steps).find((s) => s.uses === ACTION_CHECKOUT_PATH)!;
const SHA = 'ab'.repeat(32);

function baseContexts(callerWith: Record<string, unknown>, callerContexts: Contexts): Contexts {
  const inputs: Record<string, string | number | boolean> = {};
  for (const [name, spec] of Object.entries(callInputs(reusable))) {
    const given = callerWith[name];
    const value =
      given === undefined ? spec.default : typeof given === 'string' ? interpolate(given, callerContexts) : given;
    inputs[name] = (value ?? '') as string | number | boolean;
  }
  return {
    inputs,
    matrix: { version: '2026.1' },
    github: {
      repository_owner: 'Acme',
      actor: 'octocat',
      token: 'ghs_test',
      event_name: 'push',
      ref: 'refs/heads/main',
    },
    secrets: { 'registry-token': '', 'iris-registry-username': '', 'iris-registry-password': '' },
  };
}

/** The action's inputs as it reads them in the leg: the step's with: block over the module's ipm-db.yml. */
function actionInputsFor(caller: Job, callerContexts: Contexts): Promise<ActionInputs> {
  const ctx = baseContexts(caller.with ?? {}, callerContexts);
  const values = Object.fromEntries(Object.entries(actionStep.with ?? {}).map(([k, v]) => [k, interpolate(v, ctx)]));
  return readActionInputs({
    get: (name) => values[name] ?? '',
    env: {
      GITHUB_WORKSPACE: root,
      GITHUB_REPOSITORY_OWNER: 'Acme',
      GITHUB_ACTOR: 'octocat',
      GITHUB_REPOSITORY: 'acme/x',
    },
    event: { name: 'push', payload: {} },
    setSecret: () => {},
  });
}

describe('the action accepts what the reusable workflow passes it', () => {
  it('for the e2e workflow (example module, upgrade v1 -> v2 judged by its ipm-db.yml, unit tests)', async () => {
    const caller = wf('.github/workflows/e2e.yml').jobs.find((j) => j.id === 'package')!;
    const inputs = await actionInputsFor(caller, {
      vars: { E2E_IPM_VERSION: '', E2E_IPM_SHA256: SHA },
      github: { repository_owner: 'Acme', ref: 'refs/heads/main', event_name: 'push' },
      matrix: { version: '2026.1' },
    });
    expect(inputs.images).toEqual(['containers.intersystems.com/intersystems/iris-community:2026.1']);
    expect(inputs.moduleDir).toBe(join(root, 'examples/example-module/v2'));
    expect(inputs.publish).toBe(false);
    expect(inputs.dev && inputs.runTests).toBe(true);
    expect(inputs.namespace).toBe('acme/e2e-2026.1');
    expect(inputs.artifactName).toBe('ipm-db-e2e-2026.1');
    // The workflow names the previous release; examples/example-module/v2/ipm-db.yml how to judge the upgrade.
    expect(inputs.upgrade?.previous.sourceDir).toBe(join(root, 'examples/example-module/v1'));
    expect(inputs.upgrade?.seed.map((m) => `${m.className}:${m.methodName}`)).toEqual(['DemoOrders.Setup:SeedData']);
    expect(inputs.upgrade?.checks).toHaveLength(3);
    expect(inputs.upgrade?.declared.map((d) => d.globals)).toEqual([['^DemoOrders.Settings', '^DemoOrders.StepRuns']]);
    expect(inputs.moduleSettings).toMatchObject({
      file: 'examples/example-module/v2/ipm-db.yml',
      fromFile: [{ name: 'seed-methods' }, { name: 'check-methods' }, { name: 'declared-changes' }],
      overridden: [],
    });
  });

  it("passes a boolean input at its default as empty, so the module's ipm-db.yml decides", () => {
    const expr = (name: string) =>
      String(actionStep.with?.[name])
        .trim()
        .replace(/^\$\{\{|\}\}$/g, '');
    for (const [name, dflt, other] of [
      ['dev', false, 'true'],
      ['run-tests', false, 'true'],
      ['export-python-deps', true, 'false'],
    ] as const) {
      expect(evaluate(expr(name), { inputs: { [name]: dflt } }), name).toBe('');
      expect(evaluate(expr(name), { inputs: { [name]: !dflt } }), name).toBe(other);
    }
  });

  for (const starter of [
    'workflow-templates/ipm-database-pull-request.yml',
    'workflow-templates/ipm-database-release.yml',
  ])
    it(`for ${starter}`, async () => {
      const inputs = await actionInputsFor(wf(starter).jobs[0]!, { vars: { IPM_SHA256: SHA } });
      expect(inputs.images).toEqual(['containers.intersystems.com/intersystems/iris-community:2026.1']);
      // No IPM input: the pinned default commit with database packaging.
      expect(inputs.ipm).toEqual({ kind: 'git', ...DEFAULT_IPM_GIT });
      expect(inputs.namespace).toBe('acme');
    });

  it('upgrade-source comes from the repository, or from the upgrade-source-ref checkout', () => {
    const ctx = (i: Record<string, string>) => ({
      inputs: { 'module-path': 'mod', 'upgrade-source': '', 'upgrade-source-ref': '', ...i },
    });
    const expr = String(actionStep.with?.['upgrade-source'])
      .trim()
      .replace(/^\$\{\{|\}\}$/g, '');
    expect(evaluate(expr, ctx({}))).toBe('');
    expect(evaluate(expr, ctx({ 'upgrade-source': 'old' }))).toBe('old');
    expect(evaluate(expr, ctx({ 'upgrade-source-ref': 'v1.0.0' }))).toBe('.ipm-database-previous/mod');
    expect(evaluate(expr, ctx({ 'upgrade-source-ref': 'v1.0.0', 'upgrade-source': 'old' }))).toBe(
      '.ipm-database-previous/old',
    );
  });

  it('skips a leg whose community licence expired only when the versions came from "auto"', async () => {
    const expr = String(actionStep.with?.['licence-expired'])
      .trim()
      .replace(/^\$\{\{|\}\}$/g, '');
    expect(evaluate(expr, { inputs: { 'iris-versions': 'auto' } })).toBe('skip');
    expect(evaluate(expr, { inputs: { 'iris-versions': '' } })).toBe('skip');
    expect(evaluate(expr, { inputs: { 'iris-versions': '["2025.3", "2026.1"]' } })).toBe('fail');
    const caller = wf('.github/workflows/e2e.yml').jobs.find((j) => j.id === 'package')!;
    const inputs = await actionInputsFor(caller, {
      vars: { E2E_IPM_VERSION: '', E2E_IPM_SHA256: SHA },
      github: { repository_owner: 'Acme', ref: 'refs/heads/main', event_name: 'push' },
      matrix: { version: '2026.1' },
    });
    expect(['skip', 'fail']).toContain(inputs.licenceExpired);
  });

  it('is caught passing what the action refuses (a startup-timeout that is not a duration)', async () => {
    const caller = wf('.github/workflows/e2e.yml').jobs.find((j) => j.id === 'package')!;
    const broken = { ...caller, with: { ...caller.with, 'startup-timeout': 'soon' } };
    await expect(
      actionInputsFor(broken, {
        vars: { E2E_IPM_VERSION: '', E2E_IPM_SHA256: SHA },
        github: { repository_owner: 'Acme', ref: 'refs/heads/main', event_name: 'push' },
        matrix: { version: '2026.1' },
      }),
    ).rejects.toThrow(/startup-timeout/);
  });
});
