import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MODULE_SETTINGS,
  ModuleSettingsError,
  describeSettingsUse,
  mergeModuleSettings,
  moduleSettingsSchema,
  parseModuleSettings,
  readModuleSettings,
  settingsError,
  settingsFileLabel,
  type ModuleSettings,
} from '../../../src/pipeline/module-settings.js';
import { UsageError } from '../../../src/util/errors.js';

const GOOD = `# demo-orders across releases
interoperability: false
run-tests: true
seed-methods:
  - DemoOrders.Setup:SeedData
check-methods:
  - DemoOrders.Checks:SettingsMigrated
  - DemoOrders.Checks:OrdersKept
declared-changes:
  DemoOrders.Update.V2:MoveBillingSettings: [^DemoOrders.Settings, ^DemoOrders.StepRuns]
upgrade-scenarios: [database, source]
`;

function problems(text: string): string {
  try {
    parseModuleSettings(text, 'mod/ipm-db.yml');
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('ipm-db.yml', () => {
  it('turns each setting into the text its action input would hold, keeping its line', () => {
    const v = parseModuleSettings(GOOD);
    expect(Object.fromEntries([...v].map(([k, x]) => [k, x.text]))).toEqual({
      interoperability: 'false',
      'run-tests': 'true',
      'seed-methods': 'DemoOrders.Setup:SeedData',
      'check-methods': 'DemoOrders.Checks:SettingsMigrated\nDemoOrders.Checks:OrdersKept',
      'declared-changes': 'DemoOrders.Update.V2:MoveBillingSettings=^DemoOrders.Settings,^DemoOrders.StepRuns',
      'upgrade-scenarios': 'database\nsource',
    });
    expect(v.get('check-methods')?.line).toBe(6);
  });

  it('an empty file has no settings', () => {
    expect(parseModuleSettings('').size).toBe(0);
    expect(parseModuleSettings('# nothing yet\n').size).toBe(0);
  });

  it('refuses unknown keys, wrong forms and duplicates, all at once, each as <file>:<line>: <key>: what to do', () => {
    const msg = problems(
      'run-tests: yes please\nseed-method:\n  - A.B:C\ncheck-methods: A.B:C\ndev: true\ndev: false\n',
    );
    expect(msg).toMatch(/^mod\/ipm-db\.yml is not valid:/);
    expect(msg).toMatch(/mod\/ipm-db\.yml:6: .*[Mm]ap keys must be unique.*; fix the YAML there\./);
    const forms = problems('run-tests: yes please\nseed-method:\n  - A.B:C\ncheck-methods: A.B:C\n');
    expect(forms).toContain('mod/ipm-db.yml:1: run-tests: must be true or false (YAML booleans, unquoted).');
    expect(forms).toMatch(/mod\/ipm-db\.yml:2: seed-method: is not a setting; use one of interoperability, dev, /);
    expect(forms).toContain('mod/ipm-db.yml:4: check-methods: must be a YAML list of names');
  });

  it('carries each problem with its file, line and key, for annotations', () => {
    let caught: unknown;
    try {
      parseModuleSettings('dev: true\nrun-tests: 1\n', 'mod/ipm-db.yml');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ModuleSettingsError);
    expect((caught as ModuleSettingsError).problems).toEqual([
      {
        file: 'mod/ipm-db.yml',
        line: 2,
        key: 'run-tests',
        message: 'must be true or false (YAML booleans, unquoted).',
      },
    ]);
    expect((caught as ModuleSettingsError).hint).toMatch(/docs\/module-settings\.md/);
  });

  it('refuses declared changes that do not map a method to globals, and lists of non-strings', () => {
    expect(problems('declared-changes:\n  - A.B:C=^G\n')).toContain('ipm-db.yml:1: declared-changes: must map');
    expect(problems('declared-changes:\n  A.B:C: []\n')).toContain('non-empty list');
    expect(problems('upgrade-globals:\n  - [^A]\n')).toContain('ipm-db.yml:1: upgrade-globals: must be a YAML list');
    expect(problems('- dev\n')).toContain('ipm-db.yml:1: the file must be a mapping');
    expect(problems('dev: [unclosed\n')).toMatch(/ipm-db\.yml:\d+: /);
  });

  it('a module without the file has no settings; a file that is there is read, named as the caller shows it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipm-db-settings-'));
    try {
      expect((await readModuleSettings(dir)).file).toBeNull();
      expect((await readModuleSettings(join(dir, 'no-such-module'))).file).toBeNull();
      await writeFile(join(dir, 'ipm-db.yml'), GOOD);
      const read = await readModuleSettings(dir, settingsFileLabel(join(dir, '..'), dir));
      expect(read.file).toBe(`${dir.split('/').pop()}/ipm-db.yml`);
      expect(read.values.get('run-tests')?.text).toBe('true');
      expect(settingsFileLabel(join(dir, 'elsewhere'), dir)).toBe(join(dir, 'ipm-db.yml'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const FILE: ModuleSettings = { file: 'mod/ipm-db.yml', values: parseModuleSettings(GOOD) };

  it('a given value wins over the file, whatever it is; the file fills in the rest', () => {
    const given: Record<string, string> = { 'run-tests': 'false', 'upgrade-from': '1.0.0' };
    const merged = mergeModuleSettings(FILE, (n) => given[n]);
    expect(merged.text('run-tests')).toBe('false');
    expect(merged.text('interoperability')).toBe('false');
    expect(merged.text('seed-methods')).toBe('DemoOrders.Setup:SeedData');
    expect(merged.text('dev')).toBeUndefined();
    expect(merged.located('run-tests')).toBeNull();
    expect(merged.located('seed-methods')).toEqual({ file: 'mod/ipm-db.yml', line: 4 });
    expect(merged.use?.overridden).toEqual([{ name: 'run-tests', line: 3 }]);
    expect(merged.use?.fromFile.map((s) => s.name)).toEqual([
      'interoperability',
      'seed-methods',
      'check-methods',
      'declared-changes',
      'upgrade-scenarios',
    ]);
  });

  it("the file's upgrade settings apply only when the run asks for an upgrade", () => {
    const merged = mergeModuleSettings(FILE, () => undefined);
    expect(merged.text('seed-methods')).toBeUndefined();
    expect(merged.text('upgrade-scenarios')).toBeUndefined();
    expect(merged.use?.unused).toContainEqual({ name: 'upgrade-scenarios', line: 11, reason: 'no upgrade runs' });
    expect(describeSettingsUse(merged.use!, 'inputs')).toEqual([
      'mod/ipm-db.yml: used interoperability (line 2), run-tests (line 3)',
      'not used: seed-methods (line 4; no upgrade runs), check-methods (line 6; no upgrade runs), declared-changes (line 9; no upgrade runs), upgrade-scenarios (line 11; no upgrade runs)',
    ]);
    for (const trigger of ['upgrade-from', 'upgrade-source', 'upgrade-scenarios'])
      expect(mergeModuleSettings(FILE, (n) => (n === trigger ? 'x' : undefined)).text('check-methods')).toContain(
        'DemoOrders.Checks:OrdersKept',
      );
    const only = mergeModuleSettings(FILE, () => undefined, ['seed-methods', 'run-tests']);
    expect(only.text('interoperability')).toBeUndefined();
    expect(only.use?.unused).toContainEqual({ name: 'interoperability', line: 2, reason: 'not used here' });
  });

  it("a problem of a value taken from the file names the file's line and key; others the input", () => {
    const merged = mergeModuleSettings(FILE, (n) => (n === 'upgrade-from' ? 'nope' : undefined));
    const err = settingsError(
      [
        { field: 'upgrade-from', message: 'is not a version.' },
        { field: 'check-methods', message: '"X" is not Package.Class:Method.' },
      ],
      merged,
      { name: (f) => `input "${f}"`, header: 'Invalid action inputs:', hint: 'Fix the step.' },
    );
    expect(err).toBeInstanceOf(ModuleSettingsError);
    expect(err!.message).toBe(
      'Invalid action inputs:\n  - input "upgrade-from": is not a version.\n  - mod/ipm-db.yml:6: check-methods: "X" is not Package.Class:Method.',
    );
    expect((err as ModuleSettingsError).problems).toEqual([
      { file: 'mod/ipm-db.yml', line: 6, key: 'check-methods', message: '"X" is not Package.Class:Method.' },
    ]);
    expect(settingsError([], merged, { name: String })).toBeNull();
    const plain = settingsError(
      [{ field: 'dev', message: 'bad.' }],
      mergeModuleSettings(FILE, () => 'x'),
      {
        name: (f) => `--${f}`,
      },
    );
    expect(plain).not.toBeInstanceOf(ModuleSettingsError);
    expect(plain!.message).toBe('--dev: bad.');
  });

  it('docs/ipm-db.schema.json is the schema of exactly these settings (npm run docs:schema writes it)', async () => {
    const published = JSON.parse(await readFile(join(import.meta.dirname, '../../../docs/ipm-db.schema.json'), 'utf8'));
    expect(published).toEqual(moduleSettingsSchema());
    expect(Object.keys(published.properties).sort()).toEqual(Object.keys(MODULE_SETTINGS).sort());
  });
});
