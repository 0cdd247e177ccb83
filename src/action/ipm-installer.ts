/**
 * The action's IPM installer: none (the image's own IPM), a workspace file checked against its
 * pin, or a release downloaded from the release URL (IPM's GitHub releases or a mirror) through
 * the Actions cache.
 */
import { join } from 'node:path';
import {
  installerPin,
  pinnedSource,
  resolveInstaller,
  type InstallerCache,
  type InstallerSource,
  type ResolvedInstaller,
} from '../ipm/installer.js';
import { actionsInstallerCache, type CacheStore } from './cache-store.js';
import type { CoreIO } from './core-io.js';
import type { IpmSource } from './inputs.js';

export function resolveIpmInstaller(
  ipm: Exclude<IpmSource, { kind: 'image' }>,
  opts: { workDir: string; cache: InstallerCache },
): Promise<ResolvedInstaller> {
  if (ipm.kind === 'git')
    return resolveInstaller(
      { kind: 'git', commit: ipm.commit, repository: ipm.repository },
      { workDir: opts.workDir, cache: opts.cache },
    );
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

/**
 * The IPM every IRIS version installs (an installer file or a source archive, pinned), resolved once
 * in its own log group, with the pin that keys the warm IPM image; null to use the image's IPM.
 */
export function installerStep(
  ipm: IpmSource,
  io: CoreIO,
  cache: CacheStore,
  tempRoot: string,
): Promise<{ source: InstallerSource; pin: string } | null> {
  return io.group('IPM installer', async () => {
    if (ipm.kind === 'image') {
      io.info('ipm-git is none: using the IPM already in the image.');
      return null;
    }
    const resolved = await resolveIpmInstaller(ipm, {
      workDir: join(tempRoot, 'ipm-db-downloads'),
      cache: actionsInstallerCache(cache, join(tempRoot, 'ipm-db-cache')),
    });
    io.info(
      resolved.git
        ? `IPM source ${resolved.url} (${resolved.origin}, archive sha256 ${resolved.sha256})`
        : `IPM installer ${resolved.path} (${resolved.origin}, sha256 ${resolved.sha256})`,
    );
    return { source: pinnedSource(resolved), pin: installerPin(resolved) };
  });
}
