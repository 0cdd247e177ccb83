/**
 * The pipeline's `upgrade` stage: runs the selected scenarios (./scenarios.ts) against the package
 * the earlier stages built and verified, stores every result in RunReport.upgrade, and fails when
 * any scenario failed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegistryClient } from '../../oci/client.js';
import { pullPackage } from '../../oci/pull.js';
import { parseReference } from '../../naming/reference.js';
import { IpmDbError } from '../../util/errors.js';
import { parseModuleXml } from '../../ipm/manifest.js';
import type { Stage } from '../context.js';
import { driverUpgradeEnvironment } from './driver-binding.js';
import { exportModuleAt, gitRevision } from './git-source.js';
import { renderUpgradeMarkdown } from './markdown.js';
import type { UpgradeOptions } from './settings.js';
import type { UpgradeEnvironment } from './ports.js';
import { runUpgradeScenarios } from './scenarios.js';

/** `/Export/Document/Module/UpdatePackage` of a module.xml text, or null. */
export function updatePackageOf(moduleXml: string): string | null {
  return parseModuleXml(moduleXml).updatePackage;
}

/** Pulls previous releases with the OCI client; `clientFor` gives a client (with credentials) per registry host. */
export function registryPuller(clientFor: (registry: string) => RegistryClient): UpgradeEnvironment['pull'] {
  return async (reference, dir) => {
    const ref = parseReference(reference, { requireTagOrDigest: true });
    return (await pullPackage(clientFor(ref.registry), ref, dir)).file;
  };
}

export function upgradeStage(options: UpgradeOptions, pull: UpgradeEnvironment['pull']): Stage {
  return {
    name: 'upgrade',
    skip: () => (options.scenarios.length === 0 ? 'no upgrade scenario requested' : null),
    async run(ctx) {
      const module = ctx.module;
      const archive = ctx.archive;
      const setup = ctx.setup;
      if (!module || !archive || !setup)
        throw new IpmDbError(
          'pipeline-order',
          'Internal: the upgrade stage needs a built package; an earlier stage did not run.',
        );
      const updatePackage =
        ctx.report.verification?.module?.updatePackage ??
        updatePackageOf(await readFile(join(ctx.options.moduleDir, 'module.xml'), 'utf8'));
      const revision = options.previous.sourceDir ? gitRevision(options.previous.sourceDir) : null;
      const exported = revision ? await exportModuleAt(ctx.options.moduleDir, revision) : null;
      let results;
      try {
        const resolved = exported
          ? {
              ...options,
              previous: { ...options.previous, sourceDir: exported.dir, sourceLabel: options.previous.sourceDir! },
            }
          : options;
        results = await runUpgradeScenarios(
          driverUpgradeEnvironment(ctx, pull),
          resolved,
          {
            moduleName: module.name,
            version: module.version,
            packagePath: archive.hostPath,
            updatePackage,
            irisMajorMinor: setup.iris.majorMinor,
          },
          ctx.logger,
        );
      } finally {
        await exported?.remove();
      }
      ctx.report.upgrade = results;
      const failed = results.filter((r) => !r.ok);
      if (failed.length > 0) {
        throw new IpmDbError(
          'upgrade-failed',
          `${failed.length} of ${results.length} upgrade scenario(s) failed: ${failed.map((r) => `${r.scenario}: ${r.message}`).join('; ')}`,
          {
            details: renderUpgradeMarkdown(results),
          },
        );
      }
      return `${results.length} upgrade scenario(s) passed: ${results.map((r) => r.scenario).join(', ')}`;
    },
  };
}
