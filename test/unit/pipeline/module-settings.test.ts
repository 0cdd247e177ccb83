import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MODULE_SETTINGS,
  moduleSettingsSchema,
  parseModuleSettings,
  readModuleSettings,
  settingLocation,
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
    expect(settingLocation({ file: '/m/ipm-db.yml', values: v }, 'check-methods')).toBe('ipm-db.yml:6 (check-methods)');
    expect(settingLocation({ file: '/m/ipm-db.yml', values: v }, 'dev')).toBeNull();
  });

  it('an empty file has no settings', () => {
    expect(parseModuleSettings('').size).toBe(0);
    expect(parseModuleSettings('# nothing yet\n').size).toBe(0);
  });

  it('refuses unknown keys, wrong forms and duplicates, all at once, each with its line', () => {
    const msg = problems(
      'run-tests: yes please\nseed-method:\n  - A.B:C\ncheck-methods: A.B:C\ndev: true\ndev: false\n',
    );
    expect(msg).toMatch(/^mod\/ipm-db\.yml is not valid:/);
    expect(msg).toMatch(/line 6: .*[Mm]ap keys must be unique/);
    const forms = problems('run-tests: yes please\nseed-method:\n  - A.B:C\ncheck-methods: A.B:C\n');
    expect(forms).toContain('line 1: run-tests: must be true or false');
    expect(forms).toMatch(/line 2: unknown setting "seed-method"; the settings are interoperability, dev, /);
    expect(forms).toContain('line 4: check-methods: must be a list of names');
  });

  it('refuses declared changes that do not map a method to globals, and lists of non-strings', () => {
    expect(problems('declared-changes:\n  - A.B:C=^G\n')).toContain('line 1: declared-changes: must map');
    expect(problems('declared-changes:\n  A.B:C: []\n')).toContain('non-empty list');
    expect(problems('upgrade-globals:\n  - [^A]\n')).toContain('line 1: upgrade-globals: must be a list');
    expect(problems('- dev\n')).toContain('line 1: the file must be a mapping');
    expect(problems('dev: [unclosed\n')).toMatch(/line \d+: /);
  });

  it('a module without the file has no settings; a file that is there is read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipm-db-settings-'));
    try {
      expect((await readModuleSettings(dir)).file).toBeNull();
      await writeFile(join(dir, 'ipm-db.yml'), GOOD);
      const read = await readModuleSettings(dir);
      expect(read.file).toBe(join(dir, 'ipm-db.yml'));
      expect(read.values.get('run-tests')?.text).toBe('true');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('docs/ipm-db.schema.json is the schema of exactly these settings (npm run docs:schema writes it)', async () => {
    const published = JSON.parse(await readFile(join(import.meta.dirname, '../../../docs/ipm-db.schema.json'), 'utf8'));
    expect(published).toEqual(moduleSettingsSchema());
    expect(Object.keys(published.properties).sort()).toEqual(Object.keys(MODULE_SETTINGS).sort());
  });
});
