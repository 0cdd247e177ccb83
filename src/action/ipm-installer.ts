/**
 * The action's IPM installer: none (the image's own IPM), a workspace file checked against its
 * pin, or a release downloaded from the release URL (IPM's GitHub releases or a mirror) through
 * the Actions cache.
 */
import { join } from 'node:path';
import { resolveInstaller, type InstallerCache, type ResolvedInstaller } from '../ipm/installer.js';
import { actionsInstallerCache, type CacheStore } from './cache-store.js';
import type { CoreIO } from './core-io.js';
import type { IpmSource } from './inputs.js';

export function resolveIpmInstaller(
  ipm: Exclude<IpmSource, { kind: 'image' }>,
  opts: { workDir: string; cache: InstallerCache },
): Promise<ResolvedInstaller> {
  if (ipm.kind === 'installer')
    return resolveInstaller(
      { kind: 'path', path: ipm.path, ...(ipm.sha256 ? { sha256: ipm.sha256 } : {}) },
      { workDir: opts.workDir },
    );
  return resolveInstaller(
    { kind: 'version', version: ipm.version, sha256: ipm.sha256 },
    { workDir: opts.workDir, cache: opts.cache, releaseUrl: ipm.releaseUrl },
  );
}

/** The installer file every IRIS version loads, in its own log group; null to use the image's IPM. */
export function installerStep(
  ipm: IpmSource,
  io: CoreIO,
  cache: CacheStore,
  tempRoot: string,
): Promise<{ path: string; sha256: string } | null> {
  return io.group('IPM installer', async () => {
    if (ipm.kind === 'image') {
      io.info('No ipm-version or ipm-installer given: using the IPM already in the image.');
      return null;
    }
    const resolved = await resolveIpmInstaller(ipm, {
      workDir: join(tempRoot, 'ipm-db-downloads'),
      cache: actionsInstallerCache(cache, join(tempRoot, 'ipm-db-cache')),
    });
    io.info(`IPM installer ${resolved.path} (${resolved.origin}, sha256 ${resolved.sha256})`);
    return { path: resolved.path, sha256: resolved.sha256 };
  });
}
