/**
 * The Actions cache (@actions/cache) behind a small interface, and the IPM installer cache over
 * it. The cache is an optimisation: when the service is missing or failing, the run goes on with
 * a warning.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { InstallerCache } from '../ipm/installer.js';
import { errorMessage } from '../util/errors.js';
import { redact } from '../util/redact.js';
import { formatDuration } from '../util/format.js';

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
        warn(`${what} took over ${formatDuration(budgetMs)} (cache service slow or unavailable); going on without it.`);
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
