import { describe, expect, it } from 'vitest';
import { parseUpgradeOptions, upgradeFromInputs } from '../../../src/pipeline/upgrade/options.js';

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
