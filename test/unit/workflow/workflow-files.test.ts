import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STARTER_WORKFLOW_REFERENCE } from '../../../src/workflow/reference.js';
import { actionlint, actionParserErrors, workflowParserErrors } from '../../support/workflow-lint.js';
import {
  ACTION_CHECKOUT_PATH,
  actionInputProblems,
  actionStepCount,
  allWorkflowProblems,
  callInputs,
  parseActionText,
  parseWorkflowText,
  attestationProblems,
  callerGrantProblems,
  permissionProblems,
  pinProblems,
  pullRequestPublishProblems,
  runInterpolationProblems,
} from '../../support/workflow-rules.js';

const root = join(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const workflowFiles = ['.github/workflows', 'workflow-templates'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`),
);
const actionText = read('action.yml');
const action = parseActionText(actionText);
const reusable = parseWorkflowText(read('.github/workflows/ipm-database.yml'));

/** The reusable workflow's text with one exact piece replaced (fails loudly if the piece is gone). */
function brokenReusable(from: string, to: string): string {
  const text = read('.github/workflows/ipm-database.yml');
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('workflow files', () => {
  it('are all here: the reusable workflow, CI, end to end, and the two starters', () => {
    expect(workflowFiles.sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/codeql.yml',
      '.github/workflows/e2e.yml',
      '.github/workflows/ipm-database.yml',
      '.github/workflows/release.yml',
      'workflow-templates/ipm-database-pull-request.yml',
      'workflow-templates/ipm-database-release.yml',
    ]);
  });

  for (const file of workflowFiles) {
    it(`${file}: actionlint finds nothing`, async () => {
      expect(await actionlint(read(file), file)).toEqual([]);
    });
    it(`${file}: GitHub's workflow parser accepts it`, () => {
      expect(workflowParserErrors(read(file), file)).toEqual([]);
    });
    it(`${file}: keeps every structural rule`, () => {
      expect(allWorkflowProblems(parseWorkflowText(read(file)), action)).toEqual([]);
    });
  }

  it("action.yml: GitHub's action parser accepts it", () => {
    expect(actionParserErrors(actionText, 'action.yml')).toEqual([]);
  });

  it('the checkers fail on broken files', async () => {
    const bad = brokenReusable(
      '    runs-on: ubuntu-latest\n    timeout-minutes: 10',
      '    runs-on: ubuntu-latest\n    timeout-minutes: ten',
    );
    expect(await actionlint(bad, 'bad.yml')).not.toEqual([]);
    expect(workflowParserErrors(bad, 'bad.yml')).not.toEqual([]);
    const unknownContext = brokenReusable('${{ job.workflow_sha }}', '${{ job.workflow_shaa }}');
    expect((await actionlint(unknownContext, 'bad.yml')).join('\n')).toMatch(/workflow_shaa/);
    expect(
      actionParserErrors(actionText.replace('runs:\n  using: node24', 'runs:\n  using: node99'), 'a.yml'),
    ).not.toEqual([]);
  });
});

describe('the reusable workflow', () => {
  it('runs this repository action in the package job, with inputs the action has', () => {
    expect(actionStepCount(reusable)).toBe(1);
    expect(actionInputProblems(reusable, action)).toEqual([]);
  });

  it('is caught passing an input the action does not have, or leaving out a required one', () => {
    const unknown = parseWorkflowText(
      brokenReusable("          publish: 'false'\n", "          publish: 'false'\n          colour: blue\n"),
    );
    expect(actionInputProblems(unknown, action)).toEqual(['job package: with.colour is not an input of action.yml']);
    const required = { inputs: { ...action.inputs, 'licence-key': { required: true } } };
    expect(actionInputProblems(reusable, required)).toEqual([
      "job package: the action's required input licence-key is not given",
    ]);
    const undeclared = parseWorkflowText(
      read('.github/workflows/ipm-database.yml').replaceAll(
        '${{ inputs.check-methods }}',
        '${{ inputs.check-method }}',
      ),
    );
    expect(actionInputProblems(undeclared, action)).toEqual([
      'inputs.check-method is used but not declared under workflow_call.inputs',
      'workflow_call input check-methods is declared but never used',
    ]);
  });

  it("runs the publish job in the caller's environment when named (none by default), and keeps every artifact retention-days long", () => {
    const yaml = parse(read('.github/workflows/ipm-database.yml')) as {
      jobs: Record<string, { environment?: unknown; steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
    };
    expect(callInputs(reusable)['publish-environment']).toMatchObject({ type: 'string', default: '' });
    expect(callInputs(reusable)['retention-days']).toMatchObject({ type: 'string', default: '' });
    expect(yaml.jobs.publish?.environment).toBe('${{ inputs.publish-environment }}');
    for (const [id, job] of Object.entries(yaml.jobs)) {
      if (id !== 'publish') expect(job.environment, id).toBeUndefined();
      for (const step of job.steps ?? [])
        if (step.uses?.startsWith('actions/upload-artifact@') || step.uses === ACTION_CHECKOUT_PATH)
          expect(step.with?.['retention-days'], `${id}: ${step.uses}`).toBe('${{ inputs.retention-days }}');
    }
  });

  it("CI's uses: ./ steps are held to the action's inputs too", () => {
    const ci = read('.github/workflows/ci.yml');
    expect(ci).toContain('          retention-days: 1\n');
    const bad = parseWorkflowText(ci.replace('          retention-days: 1\n', '          retention-dayz: 1\n'));
    expect(actionInputProblems(bad, action)).toEqual(['job action: with.retention-dayz is not an input of action.yml']);
  });

  it('declares every input the issue asks for, typed', () => {
    const inputs = callInputs(reusable);
    for (const name of [
      'module-path',
      'iris-flavour',
      'iris-versions',
      'skip-versions',
      'ipm-version',
      'dev',
      'run-tests',
      'upgrade-from',
      'publish',
      'registry',
      'namespace',
      'runner',
      'timeout-minutes',
    ])
      expect(inputs[name]?.type, name).toMatch(/^(string|boolean|number)$/);
    expect(inputs.publish?.default).toBe(false);
    expect(inputs['iris-versions']?.default).toBe('auto');
  });

  it('gives packages: write to the publish job only, and to nothing at the top', () => {
    expect(permissionProblems(reusable)).toEqual([]);
    const jobsWriting = reusable.jobs.filter((j) => (j.permissions as { packages?: string })?.packages === 'write');
    expect(jobsWriting.map((j) => j.id)).toEqual(['publish']);
    const leaky = parseWorkflowText(
      brokenReusable('      contents: read\n      packages: read\n', '      contents: read\n      packages: write\n'),
    );
    expect(permissionProblems(leaky)).toEqual(['job package has packages: write']);
    const top = parseWorkflowText(brokenReusable('permissions: {}\n', 'permissions:\n  contents: read\n'));
    expect(permissionProblems(top)).toEqual(['the top-level permissions are not {}']);
  });

  it('attests every published digest from the publish job only, never into the package repository', () => {
    expect(attestationProblems(reusable)).toEqual([]);
    const publish = reusable.jobs.find((j) => j.id === 'publish')!;
    const uses = publish.steps.map((s) => (s.uses ?? '').split('@')[0]);
    expect(uses).toEqual(expect.arrayContaining(['actions/attest-build-provenance', 'actions/attest']));
    const attest = publish.steps.find((s) => s.uses?.startsWith('actions/attest@'))!;
    expect(attest.with?.['predicate-type']).toBe('https://in-toto.io/attestation/test-result/v0.1');
    for (const file of workflowFiles) expect(attestationProblems(parseWorkflowText(read(file))), file).toEqual([]);
    const pushing = parseWorkflowText(reusable.text.replace(/push-to-registry: false/g, 'push-to-registry: true'));
    expect(attestationProblems(pushing)).toEqual([
      'job publish: actions/attest-build-provenance@a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32 does not set push-to-registry: false',
      'job publish: actions/attest@1e69f48acb82d1966a394da916b4c1698aa569d6 does not set push-to-registry: false',
    ]);
    const leaky = parseWorkflowText(
      brokenReusable(
        '      contents: read\n      packages: read\n',
        '      contents: read\n      packages: read\n      id-token: write\n',
      ),
    );
    expect(attestationProblems(leaky)).toEqual(['job package has id-token or attestations write without publishing']);
    const ungranted = parseWorkflowText(
      read('workflow-templates/ipm-database-release.yml').replace(/\s+id-token: write/, ''),
    );
    expect(attestationProblems(ungranted)).toEqual([
      'job ipm-database attests but lacks id-token: write and attestations: write',
    ]);
  });

  it('never publishes for a pull request', () => {
    expect(pullRequestPublishProblems(reusable)).toEqual([]);
    const unguarded = parseWorkflowText(
      brokenReusable(
        "\n      && github.event_name != 'pull_request' && github.event_name != 'pull_request_target'",
        '',
      ),
    );
    expect(pullRequestPublishProblems(unguarded)).toEqual([
      'job publish can publish but its if: does not exclude pull_request and pull_request_target',
    ]);
    const disjunction = parseWorkflowText(brokenReusable('&& inputs.publish\n', '&& inputs.publish || true\n'));
    expect(pullRequestPublishProblems(disjunction)).toHaveLength(1);
    const actionPublishes = parseWorkflowText(
      brokenReusable("          publish: 'false'", '          publish: ${{ inputs.publish }}'),
    );
    expect(pullRequestPublishProblems(actionPublishes)).toEqual([
      'job package can publish but its if: does not exclude pull_request and pull_request_target',
      'job package runs the action with publish on',
    ]);
  });

  it('pins every action to a full commit SHA', () => {
    expect(pinProblems(reusable)).toEqual([]);
    const tagged = parseWorkflowText(
      brokenReusable('actions/setup-node@820762786026740c76f36085b0efc47a31fe5020', 'actions/setup-node@v7'),
    );
    expect(pinProblems(tagged)).toEqual(
      expect.arrayContaining(['job versions: actions/setup-node@v7 is not pinned to a full commit SHA']),
    );
  });

  it('puts no secret, input or other expression inside run: text', () => {
    expect(runInterpolationProblems(reusable)).toEqual([]);
    const secret = parseWorkflowText(
      brokenReusable(
        'printf \'%s\' "$IRIS_REGISTRY_PASSWORD" |',
        "printf '%s' '${{ secrets.iris-registry-password }}' |",
      ),
    );
    expect(runInterpolationProblems(secret)).toEqual([
      'job package, step "Log in to the IRIS image registry": a secret is interpolated into run: (secrets.iris-registry-password)',
    ]);
    const input = parseWorkflowText(
      brokenReusable('--versions "$IRIS_VERSIONS"', '--versions "${{ inputs.iris-versions }}"'),
    );
    expect(runInterpolationProblems(input)).toEqual([
      'job versions, step "Resolve the IRIS versions": an input is interpolated into run: (inputs.iris-versions)',
    ]);
  });

  it('runs the IRIS legs as a matrix that does not stop at the first failure', () => {
    const text = read('.github/workflows/ipm-database.yml');
    expect(text).toMatch(
      /strategy:\n\s+fail-fast: false\n\s+matrix:\n\s+version: \$\{\{ fromJSON\(needs\.versions\.outputs\.versions\) \}\}/,
    );
    expect(text).toMatch(/concurrency:\n\s+group: .*github\.ref/);
  });
});

describe('the starter workflows', () => {
  it('call the reusable workflow by its release reference, verify on pull requests, publish only on v* tags', () => {
    const pr = parseWorkflowText(read('workflow-templates/ipm-database-pull-request.yml'));
    const release = parseWorkflowText(read('workflow-templates/ipm-database-release.yml'));
    for (const wf of [pr, release]) {
      expect(wf.jobs).toHaveLength(1);
      expect(wf.jobs[0]?.uses).toBe(STARTER_WORKFLOW_REFERENCE);
    }
    expect('pull_request' in pr.on).toBe(true);
    expect(pr.jobs[0]?.with?.publish ?? false).toBe(false);
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.jobs[0]?.with?.publish).toBe(true);
  });

  it('are starter workflows as GitHub reads them: a properties file each, offered where a module.xml is', () => {
    const templates = readdirSync(join(root, 'workflow-templates')).filter((f) => f.endsWith('.yml'));
    expect(templates.length).toBe(2);
    for (const file of templates) {
      const props = JSON.parse(read(`workflow-templates/${file.replace(/\.yml$/, '.properties.json')}`)) as Record<
        string,
        unknown
      >;
      expect(Object.keys(props).sort()).toEqual(['categories', 'description', 'filePatterns', 'iconName', 'name']);
      expect(props.filePatterns).toEqual(['module.xml$']);
      expect(props.iconName).toMatch(/^octicon [a-z-]+$/);
      expect(String(props.description).length).toBeGreaterThan(20);
    }
    // A starter names the branch through GitHub's placeholder, never a guessed "main".
    const pr = read('workflow-templates/ipm-database-pull-request.yml');
    expect(pr).toContain('branches: [$default-branch]');
    expect(pr).not.toMatch(/branches: \[main\]/);
  });

  it('every caller of the reusable workflow grants what its jobs request (GitHub refuses to start it otherwise)', () => {
    const callers = workflowFiles.filter((f) => /uses: .*ipm-database\.yml/.test(read(f)));
    expect(callers.length).toBeGreaterThanOrEqual(3);
    for (const file of callers) expect(callerGrantProblems(parseWorkflowText(read(file)), reusable), file).toEqual([]);
    const narrow = parseWorkflowText(
      read('workflow-templates/ipm-database-pull-request.yml').replace(
        '      packages: write\n',
        '      packages: read\n',
      ),
    );
    expect(callerGrantProblems(narrow, reusable)).toEqual([
      'job ipm-database grants packages: read, but the reusable workflow requests packages: write',
    ]);
  });

  it('a starter that publishes on pull requests is caught', () => {
    const bad = parseWorkflowText(
      read('workflow-templates/ipm-database-release.yml').replace(
        "    tags: ['v*']",
        "    tags: ['v*']\n  pull_request:",
      ),
    );
    expect(pullRequestPublishProblems(bad)).toEqual([
      'job ipm-database passes publish: true on a workflow triggered by pull requests',
    ]);
  });
});
