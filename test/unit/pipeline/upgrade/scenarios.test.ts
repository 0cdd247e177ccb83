import { describe, expect, it } from 'vitest';
import { parseUpgradeOptions, type UpgradeText } from '../../../../src/pipeline/upgrade/settings.js';
import { Limiter } from '../../../../src/util/limiter.js';
import { type NewRelease, runUpgradeScenarios } from '../../../../src/pipeline/upgrade/scenarios.js';
import { silentLogger } from '../../../../src/util/log.js';
import {
  FakeDurable,
  type FakeIris,
  fakeEnvironment,
  type FakeRelease,
  type Faults,
  FakeIris as Iris,
} from '../../../support/fake-upgrade-iris.js';

// demo-orders v1 and v2 (examples/example-module), their step, seed and check bodies in TypeScript.
const S = '^DemoOrders.Settings';
const O = '^DemoOrders.CustomerOrderD';
const R = '^DemoOrders.StepRuns';

function seedData(g: Parameters<FakeRelease['methods'][string]>[0]): void {
  g.set(S, `${S}("currency")`, 'EUR');
  g.set(S, `${S}("region")`, 'eu-west');
  for (const [id, row] of [
    ['1', 'ACME Corp|120.5'],
    ['2', 'Globex|75'],
    ['3', 'Initech|1999.99'],
  ]) {
    g.set(O, O, id!);
    g.set(O, `${O}(${id})`, row!);
  }
}

const v1: FakeRelease = {
  version: '1.0.0',
  irisVersion: '2025.1',
  steps: { 'DemoOrders.Update.V1': ['InitSettings'] },
  bodies: {
    'DemoOrders.Update.V1:InitSettings': (g) => {
      g.set(S, `${S}("currency")`, g.get(S, `${S}("currency")`) ?? 'EUR');
      g.set(R, `${R}("V1","InitSettings")`, String(Number(g.get(R, `${R}("V1","InitSettings")`) ?? 0) + 1));
    },
  },
  methods: { 'DemoOrders.Setup:SeedData': seedData },
};

const v2: FakeRelease = {
  version: '2.0.0',
  irisVersion: '2025.1',
  steps: { 'DemoOrders.Update.V1': ['InitSettings'], 'DemoOrders.Update.V2': ['MoveBillingSettings'] },
  bodies: {
    ...v1.bodies,
    'DemoOrders.Update.V2:MoveBillingSettings': (g) => {
      g.set(
        S,
        `${S}("billing","currency")`,
        g.get(S, `${S}("billing","currency")`) ?? g.get(S, `${S}("currency")`) ?? 'EUR',
      );
      g.set(S, `${S}("billing","taxRate")`, g.get(S, `${S}("billing","taxRate")`) ?? '.2');
      g.kill(S, `${S}("currency")`);
      const key = `${R}("V2","MoveBillingSettings")`;
      g.set(R, key, String(Number(g.get(R, key) ?? 0) + 1));
    },
  },
  methods: {
    'DemoOrders.Setup:SeedData': seedData,
    'DemoOrders.Checks:SettingsMigrated': (g) =>
      g.get(S, `${S}("billing","currency")`) && !g.get(S, `${S}("currency")`) ? '1' : '0',
    'DemoOrders.Checks:OrdersKept': (g) => (Number(g.get(O, O) ?? 0) >= 3 ? '1' : '0'),
    'DemoOrders.Checks:MigrationRanAtMostOnce': (g) =>
      Number(g.get(R, `${R}("V2","MoveBillingSettings")`) ?? 0) <= 1 ? '1' : '0',
  },
};

const release: NewRelease = {
  moduleName: 'demo-orders',
  version: '2.0.0',
  packagePath: '/out/demo-orders-2.0.0-database.tgz',
  updatePackage: 'DemoOrders.Update',
  irisMajorMinor: '2025.1',
};

const REF = 'localhost:5000/acme/demo-orders:1.0.0_database__2025.1';
const packages = {
  '/out/demo-orders-2.0.0-database.tgz': v2,
  '/pulled/demo-orders-1.0.0-database.tgz': v1,
  '/src/v1': v1,
};

const inputs: UpgradeText = {
  'upgrade-scenarios': 'all',
  'upgrade-from': '1.0.0',
  'upgrade-source': '/src/v1',
  'seed-methods': 'DemoOrders.Setup:SeedData',
  'check-methods':
    'DemoOrders.Checks:SettingsMigrated, DemoOrders.Checks:OrdersKept, DemoOrders.Checks:MigrationRanAtMostOnce',
  'declared-changes': 'DemoOrders.Update.V2:MoveBillingSettings=^DemoOrders.Settings,^DemoOrders.StepRuns',
};
const pullFrom = { registry: 'localhost:5000', namespace: 'acme' };
/** The parsed options; every text here is valid. */
const optionsOf = (text: UpgradeText) => parseUpgradeOptions(text, { pullFrom })!;

async function run(
  overrides: UpgradeText = {},
  faults: Faults = {},
  setup: { pkgs?: Record<string, FakeRelease>; registry?: Record<string, string>; slots?: Limiter } = {},
) {
  const pkgs = setup.pkgs ?? packages;
  const iris: FakeIris = new Iris('2025.1', pkgs, faults);
  const durables: FakeDurable[] = [];
  const env = fakeEnvironment(
    iris,
    () => (durables[durables.length] = new FakeDurable('2025.1', pkgs, faults)),
    setup.registry ?? { [REF]: '/pulled/demo-orders-1.0.0-database.tgz' },
    setup.slots ?? null,
  );
  const results = await runUpgradeScenarios(env, optionsOf({ ...inputs, ...overrides }), release, silentLogger);
  return { results, iris, durables, env };
}

describe('upgrade scenarios over demo-orders v1 -> v2', () => {
  it('pass every scenario, proving data, steps, module state, checks and backup', async () => {
    const { results, durables, env } = await run();
    expect(results.map((r) => [r.scenario, r.ok, r.problems])).toEqual([
      ['database', true, []],
      ['source', true, []],
      ['fresh', true, []],
      ['container-replacement', true, []],
    ]);
    const database = results[0]!;
    expect(database.previous).toEqual({ source: 'registry', reference: REF, version: '1.0.0' });
    expect(env.pulls).toEqual([REF]); // pulled once, shared by database and container
    expect(env.removedDirs).toEqual(['/tmp/fake-pull']); // and its download directory removed afterwards
    expect(database.moduleBefore).toEqual({ version: '1.0.0', packaging: 'database' });
    expect(database.moduleAfter).toEqual({ version: '2.0.0', packaging: 'database' });
    expect(database.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['DemoOrders.Update.V1:InitSettings', 'kept'],
      ['DemoOrders.Update.V2:MoveBillingSettings', 'ran'],
    ]);
    expect(database.changes.map((c) => [c.global, c.kind, c.declaredBy])).toEqual([
      [S, 'changed', ['DemoOrders.Update.V2:MoveBillingSettings']],
      [R, 'added', ['DemoOrders.Update.V2:MoveBillingSettings']],
    ]);
    expect(database.changes[0]!.nodeChanges!.map((n) => `${n.kind} ${n.node}`).sort()).toEqual([
      `added ${S}("billing","currency")`,
      `added ${S}("billing","taxRate")`,
      `removed ${S}("currency")`,
    ]);
    expect(Object.keys(database.before!.globals)).toEqual([O, S]); // ^IPM.* left out
    expect(Object.keys(database.after!.globals)).toEqual([O, S, R]);
    expect(database.before!.globals[O]!.hash).toBe(database.after!.globals[O]!.hash);
    expect(database.checks.map((c) => c.ok)).toEqual([true, true, true]);
    expect(database.backup).toEqual({ path: expect.stringMatching(/IRIS_USER-UPG1-CODE_\d+\.DAT$/), exists: true });
    expect(database.message).toBe(
      'demo-orders 1.0.0 -> 2.0.0: 3 global(s) fingerprinted, 2 changed (all declared), 1 update step(s) ran once, 3 check(s) returned 1',
    );
    expect(results[1]!.moduleBefore).toEqual({ version: '1.0.0', packaging: 'module' });
    expect(results[2]!.steps.map((s) => s.outcome)).toEqual(['seeded', 'seeded']);
    expect(durables).toHaveLength(1);
    expect(durables[0]!.replaced).toBe(1);
    expect(durables[0]!.disposed).toBe(true);
    expect(durables[0]!.calls.indexOf('replace container')).toBeLessThan(
      durables[0]!.calls.findIndex((c) => c.startsWith('update ')),
    );
  });

  it('catch an update step that runs twice', async () => {
    const { results } = await run({ 'upgrade-scenarios': 'database' }, { rerunDoneSteps: true });
    expect(results[0]!.ok).toBe(false);
    expect(results[0]!.problems).toContain(
      'update step DemoOrders.Update.V1:InitSettings had already run (or been seeded) before the upgrade and ran again',
    );
  });

  it('catch an update step that never runs', async () => {
    const { results } = await run({ 'upgrade-scenarios': 'source' }, { seedOnUpdate: true });
    expect(results[0]!.ok).toBe(false);
    expect(results[0]!.problems).toEqual([
      'update step DemoOrders.Update.V2:MoveBillingSettings is new in this upgrade but was only seeded: its migration never ran',
      'check DemoOrders.Checks:SettingsMigrated returned "0", not 1',
    ]);
  });

  it('catch a migration that never runs because the previous release already shipped its step (through the checks)', async () => {
    // IPM's table cannot show it: the earlier install seeded the step, so the update skips it.
    const leaky: FakeRelease = { ...v1, steps: { ...v1.steps, 'DemoOrders.Update.V2': ['MoveBillingSettings'] } };
    const { results } = await run(
      { 'upgrade-scenarios': 'database', 'upgrade-from': '/leaky.tgz' },
      {},
      { pkgs: { ...packages, '/leaky.tgz': leaky } },
    );
    expect(results[0]!.steps.map((s) => s.outcome)).toEqual(['kept', 'kept']);
    expect(results[0]!.ok).toBe(false);
    expect(results[0]!.problems).toEqual(['check DemoOrders.Checks:SettingsMigrated returned "0", not 1']);
  });

  it('catch a package that silently drops a global, with a node-level diff', async () => {
    const { results } = await run({ 'upgrade-scenarios': 'database' }, { dropGlobal: O });
    expect(results[0]!.ok).toBe(false);
    expect(results[0]!.problems[0]).toBe(
      `${O} disappeared (4 nodes before) but no update step that ran declared it: removed ${O}, removed ${O}(1), removed ${O}(2), removed ${O}(3)`,
    );
    expect(results[0]!.problems).toContain('check DemoOrders.Checks:OrdersKept returned "0", not 1');
  });

  it('fail changes no step declared', async () => {
    const { results } = await run({ 'upgrade-scenarios': 'database', 'declared-changes': '' });
    expect(results[0]!.problems).toEqual([
      expect.stringMatching(
        /^\^DemoOrders\.Settings changed \(2 -> 3 nodes\) but no update step that ran declared it: removed/,
      ),
      `${R} appeared (1 nodes) but no update step that ran declared it: added ${R}("V2","MoveBillingSettings")`,
    ]);
  });

  it('refuse a previous release built for another IRIS version with IPM message', async () => {
    const v1Other = { ...v1, irisVersion: '2024.1' };
    const { results } = await run(
      { 'upgrade-scenarios': 'database', 'upgrade-from': '/old.tgz' },
      {},
      { pkgs: { ...packages, '/old.tgz': v1Other } },
    );
    expect(results[0]!.ok).toBe(false);
    expect(results[0]!.message).toBe(
      'The module cannot be installed on the current version (2025.1) of the system, version "2024.1" is required',
    );
    expect(results[0]!.output).toBeUndefined();
    expect(results[0]!.previous).toEqual({ source: 'path', reference: '/old.tgz', version: null });
  });

  it('refuse a pulled previous release tagged for another IRIS version with IPM message', async () => {
    const other = 'localhost:5000/acme/demo-orders:1.0.0_database__2024.1';
    const { results, env } = await run(
      { 'upgrade-scenarios': 'database', 'upgrade-from': other },
      {},
      {
        pkgs: { ...packages, '/pulled/2024.tgz': { ...v1, irisVersion: '2024.1' } },
        registry: { [other]: '/pulled/2024.tgz' },
      },
    );
    expect(env.pulls).toEqual([other]);
    expect(results[0]!.previous).toEqual({ source: 'registry', reference: other, version: '1.0.0' });
    expect(results[0]!.message).toMatch(
      /^The module cannot be installed on the current version \(2025\.1\) of the system, version "2024\.1" is required$/,
    );
  });

  it('fail clearly, naming the reference, when the previous release is not in the registry', async () => {
    const { results, iris } = await run({ 'upgrade-scenarios': 'database' }, {}, { registry: {} });
    expect(results[0]!.ok).toBe(false);
    expect(results[0]!.message).toBe(`${REF} does not exist`);
    expect(results[0]!.output).toBeUndefined();
    expect(iris.calls.some((c) => c.startsWith('update'))).toBe(false);
  });

  it('report a seed method that does not exist and stop before upgrading', async () => {
    const { results, iris } = await run({ 'upgrade-scenarios': 'database', 'seed-methods': 'DemoOrders.Setup:Nope' });
    expect(results[0]!.message).toBe(
      'Writing data with the seed methods failed in IRIS: DemoOrders.Setup:Nope: <CLASS DOES NOT EXIST> *DemoOrders.Setup',
    );
    expect(iris.calls.some((c) => c.startsWith('update'))).toBe(false);
  });

  it('report a missing swap backup line', async () => {
    const { results } = await run({ 'upgrade-scenarios': 'fresh' }, { noBackup: true });
    expect(results[0]!.problems).toEqual([
      'the swap printed no "Backup:" line, so no backup of the replaced routines database can be shown',
    ]);
  });
});

describe('the container scenario beside the others', () => {
  const inIris = (timeline: string[]) => timeline.filter((c) => c.startsWith('iris: '));
  const inDurable = (timeline: string[]) => timeline.filter((c) => c.startsWith('durable: '));

  it('runs in its own container while the others run, when a container slot is free, and gives the slot back', async () => {
    const slots = new Limiter(2);
    await slots.acquire(); // the pipeline's own container
    const { results, iris } = await run({}, {}, { slots });
    expect(results.map((r) => [r.scenario, r.ok])).toEqual([
      ['database', true],
      ['source', true],
      ['fresh', true],
      ['container-replacement', true],
    ]);
    const t = iris.timeline;
    // The durable container was at work before the pipeline's IRIS finished its first scenario.
    const firstUpdateInIris = t.findIndex((c) => c.startsWith('iris: update '));
    expect(t.findIndex((c) => c.startsWith('durable: '))).toBeLessThan(firstUpdateInIris);
    expect(t.findIndex((c) => c.startsWith('durable: update '))).toBeLessThan(t.lastIndexOf(inIris(t).at(-1)!));
    expect(slots.inUse).toBe(1);
  });

  it('runs after the others when every slot is taken', async () => {
    const slots = new Limiter(1);
    await slots.acquire();
    const { results, iris } = await run({}, {}, { slots });
    expect(results.every((r) => r.ok)).toBe(true);
    const t = iris.timeline;
    expect(t.indexOf(inDurable(t)[0]!)).toBeGreaterThan(t.lastIndexOf(inIris(t).at(-1)!));
    expect(slots.inUse).toBe(1);
  });
});

describe('upgrade options', () => {
  it('selects every scenario the inputs allow for "all"', () => {
    expect(optionsOf({ 'upgrade-scenarios': 'all' }).scenarios).toEqual(['fresh']);
    expect(optionsOf({ 'upgrade-source': '/s' }).scenarios).toEqual(['source', 'fresh', 'container-replacement']);
    expect(optionsOf({ 'upgrade-from': '/p.tgz' }).scenarios).toEqual(['database', 'fresh', 'container-replacement']);
  });

  it('says what a requested scenario lacks, naming the setting', () => {
    expect(() => optionsOf({ 'upgrade-scenarios': 'database' })).toThrow(
      /^upgrade-scenarios: upgrade scenario "database" needs the previous release as a database package/,
    );
    expect(() => optionsOf({ 'upgrade-scenarios': 'source,fresh' })).toThrow(
      /"source" needs the previous release as source/,
    );
    expect(() => optionsOf({ 'upgrade-scenarios': 'rollback' })).toThrow(/unknown upgrade scenario "rollback"/);
    expect(() => optionsOf({ 'upgrade-from': '1.0.0-rc1' })).toThrow(/^upgrade-from: .*not MAJOR.MINOR.PATCH/);
    expect(() => optionsOf({ 'upgrade-scenarios': 'fresh', 'check-methods': 'Checks' })).toThrow(
      /^check-methods: check method "Checks"/,
    );
    expect(() => optionsOf({ 'upgrade-from': 'r.io/n/m' })).toThrow(/has no tag/);
    expect(() => optionsOf({ 'upgrade-from': `r.io/n/m@sha256:${'a'.repeat(64)}` })).toThrow(/has no tag/);
    expect(optionsOf({ 'upgrade-from': 'r.io:5000/n/m:1.2.3_database__2025.1' }).previous.version).toBe('1.2.3');
  });

  it('keeps the default exclusions unless replaced', () => {
    expect(optionsOf({ 'upgrade-scenarios': 'fresh' }).globals.exclude).toContain('^IPM.*');
    expect(optionsOf({ 'upgrade-scenarios': 'fresh', 'upgrade-exclude-globals': '^Tmp*' }).globals.exclude).toEqual([
      '^Tmp*',
    ]);
  });
});
