/**
 * The Actions cache for warm IPM images (`warm-ipm-image: true`): before an IRIS image runs, its
 * warm image (keyed by the IRIS image id and the IPM pin, as the pipeline keys it) is restored with
 * `docker load`; after a run that committed it, it is saved with `docker save`. A missing, slow or
 * damaged entry only costs a fresh IPM install (with a warning), never the run.
 */
import { rm, stat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../util/errors.js';
import { warmImageKey, warmImageTag } from '../ipm/warm-image.js';
import { cacheKey, type CacheStore } from './cache-store.js';
import type { DockerCommand } from './docker-cli.js';

export interface WarmCacheEntry {
  tag: string;
  cacheKey: string;
  /** The image came from the cache (nothing to save afterwards). */
  restored: boolean;
}

async function imageId(docker: DockerCommand, image: string): Promise<string | null> {
  const inspect = async () => (await docker(['image', 'inspect', '--format', '{{.Id}}', image], 60_000)).stdout.trim();
  try {
    return await inspect();
  } catch {
    try {
      await docker(['pull', image], 600_000);
      return await inspect();
    } catch {
      return null;
    }
  }
}

/** Looks the warm image of `image` + `ipmPin` up in the cache and loads it; null when there is no key to use. */
export async function restoreWarmImage(
  image: string,
  ipmPin: string,
  dir: string,
  store: CacheStore,
  docker: DockerCommand,
  warn: (m: string) => void,
): Promise<WarmCacheEntry | null> {
  if (!store.available()) return null;
  const id = await imageId(docker, image);
  if (!id) return null;
  const key = warmImageKey(id, ipmPin, 'USER');
  const entry: WarmCacheEntry = { tag: warmImageTag(key), cacheKey: cacheKey('ipm-db', 'warm', key), restored: false };
  const tar = join(dir, `${key}.tar`);
  if (!(await store.restore([tar], entry.cacheKey))) return entry;
  try {
    await docker(['load', '--input', tar], 600_000);
    entry.restored = true;
  } catch (err) {
    warn(`docker load of the cached warm IPM image ${entry.tag} failed; IPM is installed afresh: ${errorMessage(err)}`);
  } finally {
    await rm(tar, { force: true });
  }
  return entry;
}

/** Saves the warm image the run committed (when it was not restored); never throws. */
export async function saveWarmImage(
  entry: WarmCacheEntry,
  dir: string,
  store: CacheStore,
  docker: DockerCommand,
  warn: (m: string) => void,
): Promise<boolean> {
  if (entry.restored || !store.available()) return false;
  const tar = join(dir, `${entry.tag.split(':').pop()}.tar`);
  try {
    await docker(['image', 'inspect', '--format', '{{.Id}}', entry.tag], 60_000);
  } catch {
    return false;
  }
  try {
    await mkdir(dir, { recursive: true });
    await docker(['image', 'save', '--output', tar, entry.tag], 600_000);
    if (!(await stat(tar)).size) return false;
    return await store.save([tar], entry.cacheKey);
  } catch (err) {
    warn(`Could not cache the warm IPM image ${entry.tag}: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm(tar, { force: true });
  }
}
