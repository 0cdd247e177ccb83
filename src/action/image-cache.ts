/**
 * IRIS images in the Actions cache (input cache-images): `docker image save` after a miss,
 * `docker load` on a hit. Never fails the run: a broken entry is pulled again.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../util/errors.js';
import { cacheKey, type CacheStore } from './cache-store.js';
import type { DockerCommand } from './docker-cli.js';

function imageTar(dir: string, image: string): string {
  return join(dir, `${cacheKey(image)}.tar`);
}

/** The one cache key of an IRIS image: what saveImage stores under and restoreImage looks up. */
function imageCacheKey(image: string): string {
  return cacheKey('ipm-db', 'image', image);
}

/** Loads an IRIS image from the cache; true when it is now in the local engine. */
export async function restoreImage(
  image: string,
  dir: string,
  store: CacheStore,
  docker: DockerCommand,
  warn: (m: string) => void,
): Promise<boolean> {
  if (!store.available()) return false;
  const tar = imageTar(dir, image);
  const hit = await store.restore([tar], imageCacheKey(image));
  if (!hit) return false;
  try {
    await docker(['load', '--input', tar], 600_000);
    return true;
  } catch (err) {
    warn(`docker load of the cached ${image} failed; it will be pulled: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm(tar, { force: true });
  }
}

/** Saves a local IRIS image to the cache (after a miss); never throws. */
export async function saveImage(
  image: string,
  dir: string,
  store: CacheStore,
  docker: DockerCommand,
  warn: (m: string) => void,
): Promise<boolean> {
  if (!store.available()) return false;
  const tar = imageTar(dir, image);
  try {
    await mkdir(dir, { recursive: true });
    await docker(['image', 'save', '--output', tar, image], 600_000);
    if (!(await stat(tar)).size) return false;
    return await store.save([tar], imageCacheKey(image));
  } catch (err) {
    warn(`Could not cache the image ${image}: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm(tar, { force: true });
  }
}
