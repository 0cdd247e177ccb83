import { describe, expect, it } from 'vitest';
import { updatePackageOf, upgradeStage } from '../../../src/pipeline/upgrade/stage.js';
import { parseUpgradeOptions } from '../../../src/pipeline/upgrade/options.js';
import type { PipelineContext } from '../../../src/pipeline/options.js';

describe('upgrade stage', () => {
  it('reads <UpdatePackage> from a module.xml', () => {
    expect(updatePackageOf('<Module><UpdatePackage> My.Upd </UpdatePackage></Module>')).toBe('My.Upd');
    expect(updatePackageOf('<Module><Name>x</Name></Module>')).toBeNull();
  });

  it('is skipped when no scenario is requested and refuses to run without a built package', async () => {
    const none = upgradeStage(
      { ...parseUpgradeOptions({ 'upgrade-scenarios': 'fresh' })!, scenarios: [] },
      async () => '',
    );
    expect(none.name).toBe('upgrade');
    expect(none.skip!({} as PipelineContext)).toBe('no upgrade scenario requested');
    const fresh = upgradeStage(parseUpgradeOptions({ 'upgrade-scenarios': 'fresh' })!, async () => '');
    expect(fresh.skip!({} as PipelineContext)).toBeNull();
    await expect(fresh.run({ module: null, archive: null, setup: null } as unknown as PipelineContext)).rejects.toThrow(
      /needs a built package/,
    );
  });
});
