import { describe, expect, it } from 'vitest';
import {
  classifyUpgradeFrom,
  parseUpgradeOptions,
  upgradeFromInputs,
} from '../../../../src/pipeline/upgrade/options.js';

describe('upgrade-from', () => {
  it('reads a .tgz as a package path, resolved by the caller', () => {
    expect(upgradeFromInputs(' prev/demo-1.0.0.TGZ ', null, (p) => `/work/${p}`)).toEqual({
      previousPackage: '/work/prev/demo-1.0.0.TGZ',
    });
  });

  it('reads a version as one to pull from the repository', () => {
    expect(upgradeFromInputs('1.0.0', 'ghcr.io/acme/demo-orders')).toEqual({
      previousVersion: '1.0.0',
      previousRepository: 'ghcr.io/acme/demo-orders',
    });
    expect(() => upgradeFromInputs('1.0.0', null)).toThrow(/is a version, but there is no repository/);
  });

  it('reads anything else as a full reference, which parseUpgradeOptions then checks', () => {
    const inputs = upgradeFromInputs('ghcr.io/acme/demo-orders:1.0.0_database__2025.1', null);
    expect(inputs).toEqual({ previousReference: 'ghcr.io/acme/demo-orders:1.0.0_database__2025.1' });
    expect(parseUpgradeOptions({ ...inputs, scenarios: 'database' }).previous.version).toBe('1.0.0');
    expect(() => parseUpgradeOptions(upgradeFromInputs('ghcr.io/acme/demo-orders', null))).toThrow(/has no tag/);
    expect(() => parseUpgradeOptions(upgradeFromInputs('1.0.0-rc1', 'r.io/a/m'))).toThrow(/not MAJOR.MINOR.PATCH/);
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
