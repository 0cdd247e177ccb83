/**
 * The Actions cache for downloads (the IPM installer) and, when asked, IRIS images
 * (docker save/load). The cache is an optimisation: when the service is missing or failing,
 * the run goes on with a warning.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { installerUrl, resolveInstaller, type InstallerCache, type ResolvedInstaller } from '../ipm/installer.js';
import { childEnvironment } from '../util/child-env.js';
import { IpmDbError, errorMessage } from '../util/errors.js';
import type { IpmSource } from './inputs.js';
import { redact } from '../util/redact.js';

const execFileP = promisify(execFile);

export interface CacheStore {
  available(): boolean;
  /** The matched key, or null on a miss; never throws. */
  restore(paths: string[], key: string): Promise<string | null>;
  /** true when saved; never throws. */
  save(paths: string[], key: string): Promise<boolean>;
}

/**
 * The @actions/cache store; the package is loaded on first use to keep the action's start fast.
 * Each operation gets `budgetMs`: the client retries an unavailable service for about a minute,
 * which a cache is not worth; after the budget the run goes on (the retries end on their own).
 */
export function actionsCacheStore(
  warn: (message: string) => void,
  env: Record<string, string | undefined> = process.env,
  budgetMs = 20_000,
): CacheStore {
  const load = () => import('@actions/cache');
  const bounded = async <T>(what: string, op: () => Promise<T>, fallback: T): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), budgetMs);
    });
    try {
      const result = await Promise.race([op(), late]);
      if (result === 'late') {
        warn(
          `${what} took over ${Math.round(budgetMs / 1000)} s (cache service slow or unavailable); going on without it.`,
        );
        return fallback;
      }
      return result;
    } catch (err) {
      warn(`${what} failed; going on without it: ${redact(errorMessage(err))}`);
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    // Mirrors cache.isFeatureAvailable() without loading the package.
    available: () => Boolean(env.ACTIONS_CACHE_SERVICE_V2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL),
    restore: (paths, key) =>
      bounded(`Cache restore of ${key}`, async () => (await (await load()).restoreCache(paths, key)) ?? null, null),
    save: (paths, key) =>
      bounded(`Cache save of ${key}`, async () => (await (await load()).saveCache(paths, key)) !== -1, false),
  };
}

/** Cache keys may not hold commas and are at most 512 characters. */
export function cacheKey(...parts: string[]): string {
  return parts
    .map((p) => p.replace(/[^A-Za-z0-9._@:+-]+/g, '_'))
    .join('-')
    .slice(0, 512);
}

/**
 * The driver's installer cache (src/ipm/installer.ts) over the Actions cache: one file per key,
 * under a fixed directory so the cache version (derived from the paths) is the same every run.
 */
export function actionsInstallerCache(store: CacheStore, dir: string): InstallerCache {
  const fileFor = (key: string) => join(dir, cacheKey(key), 'zpm.xml');
  return {
    async restore(key, destination) {
      if (!store.available()) return false;
      const file = fileFor(key);
      if (!(await store.restore([dirname(file)], cacheKey('ipm-db', key)))) return false;
      await copyFile(file, destination);
      return true;
    },
    async save(key, source) {
      if (!store.available()) return;
      const file = fileFor(key);
      await mkdir(dirname(file), { recursive: true });
      await copyFile(source, file);
      await store.save([dirname(file)], cacheKey('ipm-db', key));
    },
  };
}

/**
 * The IPM installer to load: a workspace file checked against its pin, or a release downloaded
 * (from `releaseUrl` when it is not GitHub's) through the Actions cache.
 */
export async function resolveIpmInstaller(
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
  const official = installerUrl(ipm.version);
  const wanted = ipm.releaseUrl.replaceAll('{version}', ipm.version);
  try {
    return await resolveInstaller(
      { kind: 'version', version: ipm.version, sha256: ipm.sha256 },
      {
        workDir: opts.workDir,
        cache: opts.cache,
        fetchImpl: (url, init) => fetch(String(url) === official ? wanted : url, init),
      },
    );
  } catch (err) {
    // The resolver names the release URL; say where the file really came from.
    if (err instanceof IpmDbError && wanted !== official && err.message.includes(official))
      throw new IpmDbError(err.code, err.message.replaceAll(official, wanted), {
        ...(err.hint ? { hint: err.hint } : {}),
        ...(err.details ? { details: err.details } : {}),
        cause: err,
      });
    throw err;
  }
}

export type Docker = (args: string[], timeoutMs: number) => Promise<{ stdout: string }>;

export const dockerCli: Docker = async (args, timeoutMs) => {
  const { stdout } = await execFileP('docker', args, {
    env: childEnvironment(),
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { stdout };
};

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
  docker: Docker,
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
  docker: Docker,
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
