import { describe, expect, it } from 'vitest';
import { compareIrisVersions, consecutivePairs } from '../../../../src/pipeline/upgrade/iris-upgrade-pair.js';
import {
  classifyUpgradeFrom,
  defaultUpgradeOptions,
  irisUpgradeRequested,
  parseUpgradeOptions,
  previousReference,
  readUpgradeOptions,
} from '../../../../src/pipeline/upgrade/settings.js';

const pullFrom = { registry: 'ghcr.io', namespace: 'acme' };

describe('upgrade-from', () => {
  it('reads a .tgz as a package path, resolved by the caller', () => {
    const options = parseUpgradeOptions(
      { 'upgrade-from': ' prev/demo-1.0.0.TGZ ' },
      { resolvePath: (p, field) => `/work/${field}/${p}` },
    );
    expect(options?.previous).toMatchObject({ packagePath: '/work/upgrade-from/prev/demo-1.0.0.TGZ', pullFrom: null });
  });

  it('reads a version as one to pull from the module repository of the registry namespace', () => {
    expect(parseUpgradeOptions({ 'upgrade-from': '1.0.0' }, { pullFrom })?.previous).toMatchObject({
      version: '1.0.0',
      pullFrom,
    });
    expect(() => parseUpgradeOptions({ 'upgrade-from': '1.0.0' })).toThrow(/is a version, but there is no repository/);
  });

  it('reads anything else as a full reference, taking the version from its tag', () => {
    const options = parseUpgradeOptions({ 'upgrade-from': 'ghcr.io/acme/demo-orders:1.0.0_database__2025.1' });
    expect(options?.previous).toMatchObject({
      reference: 'ghcr.io/acme/demo-orders:1.0.0_database__2025.1',
      version: '1.0.0',
    });
    expect(() => parseUpgradeOptions({ 'upgrade-from': 'ghcr.io/acme/demo-orders' })).toThrow(/has no tag/);
  });

  it('collects every problem, each naming its setting as the caller names it', () => {
    const { options, problems } = readUpgradeOptions(
      { 'upgrade-from': '1.0.0-rc1', 'check-methods': 'Checks', 'declared-changes': 'A.B:C' },
      { pullFrom, name: (f) => `--${f}` },
    );
    expect(options).toBeNull();
    expect(problems.map((p) => p.field)).toEqual(['upgrade-from', 'check-methods', 'declared-changes']);
    expect(() => parseUpgradeOptions({ 'seed-methods': 'A.B:C' }, { name: (f) => `--${f}` })).toThrow(
      /^--seed-methods: is set but no upgrade runs; add --upgrade-from, --upgrade-source or --upgrade-scenarios\.$/,
    );
  });
});

describe('previousReference (the one place the previous release is named in a registry)', () => {
  it('lower-cases namespace and module name, as the publisher does', () => {
    expect(previousReference({ registry: '127.0.0.1:5000/', namespace: 'Acme' }, 'DemoOrders', '1.0.0', '2025.1')).toBe(
      '127.0.0.1:5000/acme/demoorders:1.0.0_database__2025.1',
    );
  });

  it('writes + as _ in the version and refuses what is not an IRIS major.minor', () => {
    expect(previousReference(pullFrom, 'demo', '1.0.0+build.7', '2024.1')).toBe(
      'ghcr.io/acme/demo:1.0.0_build.7_database__2024.1',
    );
    expect(() => previousReference(pullFrom, 'demo', '1.0.0', 'latest')).toThrow(/not a major.minor/);
  });
});

describe('classifyUpgradeFrom (shared by the action input and ipm-db run)', () => {
  it.each([
    ['prev/demo-1.0.0-database.tgz', { kind: 'archive', path: 'prev/demo-1.0.0-database.tgz' }],
    ['1.2.3', { kind: 'version', version: '1.2.3' }],
    [
      'ghcr.io/acme/demo:1.2.3_database__2026.1',
      { kind: 'reference', reference: 'ghcr.io/acme/demo:1.2.3_database__2026.1' },
    ],
    [
      `127.0.0.1:5000/acme/demo@sha256:${'a'.repeat(64)}`,
      { kind: 'reference', reference: `127.0.0.1:5000/acme/demo@sha256:${'a'.repeat(64)}` },
    ],
  ])('classifies %s', (raw, expected) => {
    expect(classifyUpgradeFrom(raw)).toEqual(expected);
  });

  it.each([
    ['ghcr.io/acme/demo', /has no tag/],
    ['previous release', /neither a \.tgz path, a version .* nor a reference/],
    ['ghcr.io/Acme/demo:1.0.0', /neither/],
    ['ghcr.io/acme/demo:bad tag', /neither/],
  ])('refuses %s', (raw, message) => {
    expect(() => classifyUpgradeFrom(raw)).toThrow(message);
  });
});

describe('iris-upgrade in upgrade-scenarios', () => {
  it('is on when the list is empty or all, or names it; off when a list leaves it out', () => {
    expect(irisUpgradeRequested('')).toBe(true);
    expect(irisUpgradeRequested(' all ')).toBe(true);
    expect(irisUpgradeRequested('database, iris-upgrade')).toBe(true);
    expect(irisUpgradeRequested('database,fresh')).toBe(false);
    const from = { 'upgrade-from': 'prev.tgz' };
    expect(parseUpgradeOptions({ ...from })).toMatchObject({
      scenarios: ['database', 'fresh', 'container-replacement'],
      irisUpgrade: true,
    });
    expect(parseUpgradeOptions({ ...from, 'upgrade-scenarios': 'database' })).toMatchObject({
      scenarios: ['database'],
      irisUpgrade: false,
    });
  });

  it('alone runs no scenario per IRIS version, and takes the seed and check methods', () => {
    const options = parseUpgradeOptions({ 'upgrade-scenarios': 'iris-upgrade', 'seed-methods': 'Demo.Seed:Orders' });
    expect(options).toMatchObject({
      scenarios: [],
      irisUpgrade: true,
      seed: [{ className: 'Demo.Seed', methodName: 'Orders' }],
    });
    expect(defaultUpgradeOptions()).toMatchObject({ scenarios: [], irisUpgrade: true, seed: [], checks: [] });
  });

  it('is listed among the choices when a scenario name is unknown', () => {
    expect(() => parseUpgradeOptions({ 'upgrade-scenarios': 'sideways' })).toThrow(
      /unknown upgrade scenario "sideways". Choose from database, source, fresh, container-replacement, iris-upgrade \(or all\)/,
    );
  });
});

describe('consecutivePairs (the action and the workflow pair IRIS versions the same way)', () => {
  it('sorts by year and release, numerically, and pairs neighbours', () => {
    const pairs = consecutivePairs(['2026.1', '2024.10', '2024.2', '2025.1'], (v) => v);
    expect(pairs.map((p) => `${p.from}->${p.to}`)).toEqual(['2024.2->2024.10', '2024.10->2025.1', '2025.1->2026.1']);
    expect(consecutivePairs(['2026.1'], (v) => v)).toEqual([]);
    expect(compareIrisVersions('2026.1', 'latest-em')).toBeLessThan(0);
  });
});
