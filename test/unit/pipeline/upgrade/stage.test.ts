import { describe, expect, it } from 'vitest';
import { updatePackageOf, upgradeStage } from '../../../../src/pipeline/upgrade/stage.js';
import { parseUpgradeOptions } from '../../../../src/pipeline/upgrade/settings.js';
import type { PipelineContext } from '../../../../src/pipeline/context.js';

describe('upgrade stage', () => {
  it('reads <UpdatePackage> from a module.xml', () => {
    const module = (body: string) => `<Export><Document name="x.ZPM"><Module>${body}</Module></Document></Export>`;
    expect(updatePackageOf(module('<Name>x</Name><UpdatePackage> My.Upd </UpdatePackage>'))).toBe('My.Upd');
    expect(updatePackageOf(module('<Name>x</Name>'))).toBeNull();
    // Only the module's own element counts, not text that looks like it in a comment or elsewhere.
    expect(updatePackageOf(module('<!-- <UpdatePackage>Old.Upd</UpdatePackage> --><Name>x</Name>'))).toBeNull();
    expect(updatePackageOf('<Export><UpdatePackage>Stray.Upd</UpdatePackage></Export>')).toBeNull();
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
