// The action's inputs over a module's ipm-db.yml, read from a real module directory: the file fills
// in what the step leaves empty, a given input wins (false included), and a bad file or a bad value
// in it fails before anything runs, named by its file, line and key.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readActionInputs } from '../../../src/action/inputs.js';
import { settingsAnnotations } from '../../../src/action/settings-annotations.js';
import { ModuleSettingsError } from '../../../src/pipeline/module-settings.js';

let ws = '';
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'ipm-db-settings-ws-'));
  await mkdir(join(ws, 'mod'));
  await writeFile(join(ws, 'mod', 'module.xml'), '<Export/>');
});
afterEach(async () => {
  await rm(ws, { recursive: true, force: true });
});

const SETTINGS = `interoperability: true
dev: true
export-python-deps: false
seed-methods: [Demo.Setup:Seed]
check-methods:
  - Demo.Checks:Kept
declared-changes:
  Demo.Update.V2:Move: [^Demo.Settings]
`;

async function read(inputs: Record<string, string>, file: string | null = SETTINGS) {
  if (file !== null) await writeFile(join(ws, 'mod', 'ipm-db.yml'), file);
  const values: Record<string, string> = { 'module-path': 'mod', 'ipm-git': 'none', ...inputs };
  return readActionInputs({
    get: (name) => values[name] ?? '',
    env: { GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY_OWNER: 'acme' },
    event: null,
    setSecret: () => {},
  });
}

async function refusal(inputs: Record<string, string>, file: string): Promise<ModuleSettingsError> {
  const err = await read(inputs, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModuleSettingsError);
  return err as ModuleSettingsError;
}

describe('the action over ipm-db.yml', () => {
  it('takes what the step leaves empty from the file, and says so', async () => {
    const i = await read({});
    expect([i.interoperability, i.dev, i.exportPythonDeps, i.runTests]).toEqual([true, true, false, false]);
    // No upgrade asked for: the upgrade settings stay unused, and are no error.
    expect(i.upgrade).toBeNull();
    expect(i.moduleSettings).toEqual({
      file: 'mod/ipm-db.yml',
      fromFile: [
        { name: 'interoperability', line: 1 },
        { name: 'dev', line: 2 },
        { name: 'export-python-deps', line: 3 },
      ],
      overridden: [],
      unused: [
        { name: 'seed-methods', line: 4, reason: 'no upgrade runs' },
        { name: 'check-methods', line: 5, reason: 'no upgrade runs' },
        { name: 'declared-changes', line: 7, reason: 'no upgrade runs' },
      ],
    });
  });

  it('uses the upgrade settings of the file when the step names a previous release', async () => {
    const i = await read({ 'upgrade-source': 'mod' });
    expect(i.upgrade?.seed).toEqual([{ className: 'Demo.Setup', methodName: 'Seed' }]);
    expect(i.upgrade?.checks).toEqual([{ className: 'Demo.Checks', methodName: 'Kept' }]);
    expect(i.upgrade?.declared).toEqual([{ step: 'Demo.Update.V2:Move', globals: ['^Demo.Settings'] }]);
  });

  it('lets an input that is given win over the file, false included; an empty input does not', async () => {
    const i = await read({
      interoperability: 'false',
      dev: '',
      'export-python-deps': 'true',
      'upgrade-source': 'mod',
      'check-methods': 'Demo.Checks:Other',
    });
    expect([i.interoperability, i.dev, i.exportPythonDeps]).toEqual([false, true, true]);
    expect(i.upgrade?.checks).toEqual([{ className: 'Demo.Checks', methodName: 'Other' }]);
    expect(i.upgrade?.seed).toEqual([{ className: 'Demo.Setup', methodName: 'Seed' }]);
    expect(i.moduleSettings?.overridden.map((s) => s.name)).toEqual([
      'interoperability',
      'export-python-deps',
      'check-methods',
    ]);
  });

  it('is the defaults without a file', async () => {
    const i = await read({}, null);
    expect([i.interoperability, i.dev, i.exportPythonDeps, i.runTests]).toEqual([false, false, true, false]);
    expect(i.moduleSettings).toBeNull();
  });

  it('refuses a bad file before anything runs, naming file, line and key, each problem an annotation there', async () => {
    const err = await refusal({}, 'dev: true\nrun-tests: yes please\ncheck-method: [A.B:C]\n');
    expect(err.message).toContain('mod/ipm-db.yml:2: run-tests: must be true or false');
    expect(err.message).toContain('mod/ipm-db.yml:3: check-method: is not a setting; use one of');
    expect(err.hint).toMatch(/docs\/module-settings\.md/);
    expect(settingsAnnotations(err.problems)).toEqual([
      {
        level: 'error',
        title: 'ipm-db.yml: run-tests',
        message: 'run-tests: must be true or false (YAML booleans, unquoted).',
        file: 'mod/ipm-db.yml',
        startLine: 2,
      },
      expect.objectContaining({ title: 'ipm-db.yml: check-method', file: 'mod/ipm-db.yml', startLine: 3 }),
    ]);
  });

  it("checks the file's values with the inputs' own parsers: a bad one is named at its line, beside bad inputs", async () => {
    const err = await refusal(
      { 'upgrade-source': 'mod', 'upload-artifacts': 'sometimes' },
      'seed-methods:\n  - NoClass\ncheck-methods: [A.B:C]\n',
    );
    expect(err.message).toMatch(/^Invalid action inputs:/);
    expect(err.message).toContain('input "upload-artifacts": "sometimes" is not a policy');
    expect(err.message).toContain(
      'mod/ipm-db.yml:1: seed-methods: seed method "NoClass" is not of the form Package.Class:Method.',
    );
    expect(err.problems.map((p) => [p.line, p.key])).toEqual([[1, 'seed-methods']]);
    // database needs a previous package; the file asked for it, so the file's line is named.
    const scenarios = await refusal({ 'upgrade-source': 'mod' }, 'dev: false\nupgrade-scenarios: [database]\n');
    expect(scenarios.message).toMatch(/mod\/ipm-db\.yml:2: upgrade-scenarios: upgrade scenario "database" needs/);
    // A list item that the inputs' separators would split is refused in the file.
    const split = await refusal({}, 'check-methods:\n  - A.B:C, A.B:D\n');
    expect(split.message).toContain('mod/ipm-db.yml:1: check-methods: must be a YAML list of names, each without');
  });
});
