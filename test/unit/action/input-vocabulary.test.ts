// The action's input vocabulary: each deprecated name still works and warns once, a former and a
// current name given with different values fail, an unknown INPUT_* variable fails with the closest
// name, and iris-versions takes "auto" and a JSON list as the reusable workflow does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_INPUT_DEFAULTS, DEPRECATED_INPUTS } from '../../../src/action/input-names.js';
import { parseInputs, type ActionInputs } from '../../../src/action/inputs.js';
import { resolveAutoVersions } from '../../../src/action/iris-versions.js';
import { renderInputNames, syncInputNames } from '../../../scripts/action-inputs.js';

const root = join(import.meta.dirname, '../../..');
const JOB_TOKEN = 'ghs_jobToken0123456789abcdef';

/** What the runner hands the action: every input with its default applied, plus what `with:` gave. */
function runnerInputs(withInputs: Record<string, string>): Record<string, string> {
  const env = { GITHUB_REPOSITORY_OWNER: 'acme', GITHUB_ACTOR: 'octo', GITHUB_SERVER_URL: 'https://github.com' };
  const out: Record<string, string> = {};
  for (const [name, fallback] of Object.entries(ACTION_INPUT_DEFAULTS)) {
    if (fallback === null) continue;
    out[name] = fallback
      .replace('${{ github.repository_owner }}', env.GITHUB_REPOSITORY_OWNER)
      .replace('${{ github.actor }}', env.GITHUB_ACTOR)
      .replace('${{ github.token }}', JOB_TOKEN)
      .replace('${{ github.server_url }}/${{ github.repository }}', 'https://github.com/acme/app');
  }
  return { ...out, 'iris-versions': '2026.1', ...withInputs };
}

function parse(withInputs: Record<string, string>, extraEnv: Record<string, string> = {}): ActionInputs {
  const inputs = runnerInputs(withInputs);
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: '/ws',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_ACTOR: 'octo',
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return parseInputs({ get: (n) => inputs[n] ?? '', env, event: null, setSecret: () => {} });
}

const failure = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a failure');
};

describe('deprecated input names', () => {
  it.each([
    ['iris-flavour', 'irishealth-community', (i: ActionInputs) => i.images[0], /irishealth-community:2026\.1$/],
    ['namespace', 'Other-Org', (i: ActionInputs) => i.namespace, /^other-org$/],
    ['username', 'robot', (i: ActionInputs) => i.username, /^robot$/],
    ['token', 'pat-0123456789', (i: ActionInputs) => i.token, /^pat-0123456789$/],
    ['force', 'true', (i: ActionInputs) => String(i.force), /^true$/],
    ['timeout', '5m', (i: ActionInputs) => String(i.timeouts.totalMs), /^300000$/],
    ['artifact-name', 'mine', (i: ActionInputs) => i.artifactName, /^mine$/],
  ])('%s still works over the default of its new name, with one warning', (former, value, read, expected) => {
    const inputs = parse({ [former]: value });
    expect(read(inputs)).toMatch(expected);
    const current = DEPRECATED_INPUTS[former]!;
    expect(inputs.warnings).toEqual([`Input "${former}" is deprecated; rename it to "${current}" (same value).`]);
    expect(inputs.warnings.join('\n')).not.toContain(value === 'true' ? 'never' : value);
  });

  it('the new name alone warns about nothing', () => {
    const inputs = parse({
      'iris-flavor': 'irishealth-community',
      'registry-namespace': 'org',
      'overwrite-tags': 'true',
    });
    expect(inputs.warnings).toEqual([]);
    expect(inputs).toMatchObject({ namespace: 'org', force: true });
  });

  it('both names with the same value are accepted (one warning)', () => {
    const inputs = parse({ 'registry-namespace': 'org', namespace: 'org' });
    expect(inputs.namespace).toBe('org');
    expect(inputs.warnings).toHaveLength(1);
  });

  it.each([
    ['iris-flavour', 'iris-flavor', 'irishealth-community', 'iris'],
    ['namespace', 'registry-namespace', 'one', 'two'],
    ['username', 'registry-username', 'one', 'two'],
    ['token', 'registry-token', 'pat-one-0123', 'pat-two-4567'],
    ['force', 'overwrite-tags', 'false', 'true'],
    ['timeout', 'run-timeout', '5m', '10m'],
    ['artifact-name', 'artifact-prefix', 'one', 'two'],
  ])('%s and %s given with different values fail, naming both', (former, current, a, b) => {
    const message = failure(() => parse({ [former]: a, [current]: b }));
    expect(message).toContain(
      `input "${current}": and its former name "${former}" are both given, with different values`,
    );
    expect(message).not.toContain('pat-one');
    expect(message).not.toContain('pat-two');
  });

  it('an explicit token wins over the job token that registry-token defaults to', () => {
    expect(parse({ token: 'pat-0123456789' }).token).toBe('pat-0123456789');
    expect(parse({}).token).toBe(JOB_TOKEN);
  });
});

describe('unknown inputs', () => {
  it('fail with the name given and the closest valid name', () => {
    const message = failure(() => parse({}, { 'INPUT_IRIS-VERSION': '2026.1', INPUT_MODULE_PATH: 'x' }));
    expect(message).toContain(
      'input "iris-version": is not an input of this action (set as INPUT_IRIS-VERSION); did you mean "iris-versions"?',
    );
    expect(message).toContain(
      'input "module_path": is not an input of this action (set as INPUT_MODULE_PATH); did you mean "module-path"?',
    );
  });

  it('fail without a suggestion when no name is close', () => {
    expect(failure(() => parse({}, { INPUT_ZZZZZZZZZZZZZZZZ: 'x' }))).toMatch(
      /input "zzzzzzzzzzzzzzzz": is not an input of this action \(set as INPUT_ZZZZZZZZZZZZZZZZ\)\. /,
    );
  });

  it('every input of action.yml, deprecated ones included, is known', () => {
    expect(parse({}).warnings).toEqual([]);
  });
});

describe('the generated list of input names', () => {
  it('matches action.yml (run "npm run docs:inputs" after editing action.yml)', async () => {
    expect(await syncInputNames(true, root)).toBe(false);
  });

  it('holds every input of action.yml and its deprecated names', () => {
    const text = readFileSync(join(root, 'action.yml'), 'utf8');
    for (const name of Object.keys(ACTION_INPUT_DEFAULTS)) expect(text).toContain(`\n  ${name}:\n`);
    expect(DEPRECATED_INPUTS).toEqual({
      'iris-flavour': 'iris-flavor',
      namespace: 'registry-namespace',
      username: 'registry-username',
      token: 'registry-token',
      force: 'overwrite-tags',
      'artifact-name': 'artifact-prefix',
      timeout: 'run-timeout',
    });
  });

  it('refuses a deprecated input with a default, which would shadow its new name', () => {
    const yml =
      "inputs:\n  new-name:\n    description: x\n  old-name:\n    description: x\n    deprecationMessage: 'use new-name.'\n    default: 'a'\n";
    expect(() => renderInputNames(yml)).toThrow(/old-name must have no default/);
  });
});

describe('iris-versions in the action', () => {
  it('takes a JSON list as the reusable workflow does', () => {
    expect(parse({ 'iris-versions': '["2025.1", "2026.1"]' }).images).toEqual([
      'containers.intersystems.com/intersystems/iris-community:2025.1',
      'containers.intersystems.com/intersystems/iris-community:2026.1',
    ]);
    expect(failure(() => parse({ 'iris-versions': '["2025.1", {}]' }))).toMatch(/input "iris-versions"/);
    expect(failure(() => parse({ 'iris-versions': '[2025' }))).toMatch(
      /input "iris-versions": iris-versions "\[2025" is neither/,
    );
  });

  it('"auto" resolves from the tag list to the newest release tags not skipped, and skips an expired licence', async () => {
    const inputs = parse({ 'iris-versions': 'auto', 'iris-flavor': 'irishealth-community' });
    expect(inputs.images).toEqual([]);
    expect(inputs.licenceExpired).toBe('skip');
    const asked: unknown[] = [];
    const tags = ['2024.1', '2025.1', '2025.2', '2025.3', '2026.1', '2026.2-preview', 'latest-em'];
    const { inputs: resolved, note } = await resolveAutoVersions(inputs, async (where) => {
      asked.push(where);
      return tags;
    });
    expect(asked).toEqual([
      { registry: 'containers.intersystems.com', repository: 'intersystems/irishealth-community' },
    ]);
    expect(resolved.images).toEqual([
      'containers.intersystems.com/intersystems/irishealth-community:2026.1',
      'containers.intersystems.com/intersystems/irishealth-community:2025.3',
    ]);
    expect(note).toContain('skipped (skip-versions): 2025.2, 2025.1');
  });

  it('"auto" honours latest and skip-versions', async () => {
    const inputs = parse({ 'iris-versions': 'auto', latest: '3', 'skip-versions': '2026.1' });
    const { inputs: resolved } = await resolveAutoVersions(inputs, async () => [
      '2024.1',
      '2025.1',
      '2025.3',
      '2026.1',
    ]);
    expect(resolved.images.map((i) => i.split(':')[1])).toEqual(['2025.3', '2025.1', '2024.1']);
    expect(failure(() => parse({ 'iris-versions': 'auto', latest: '0' }))).toMatch(/input "latest"/);
    expect(failure(() => parse({ 'iris-versions': 'auto', 'skip-versions': '2025.1,bad/tag' }))).toMatch(
      /input "skip-versions"/,
    );
  });

  it('a list keeps licence-expired at fail unless it is set', () => {
    expect(parse({}).licenceExpired).toBe('fail');
    expect(parse({ 'iris-versions': 'auto', 'licence-expired': 'fail' }).licenceExpired).toBe('fail');
  });
});
