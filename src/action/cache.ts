/**
 * The Actions cache for downloads (the IPM installer) and, when asked, IRIS images
 * (docker save/load). The cache is an optimisation: when the service is missing or failing,
 * the run goes on with a warning.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { IpmDbError, errorMessage } from '../util/errors.js';
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

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export const IPM_RELEASE_URL = 'https://github.com/intersystems/ipm/releases/download/v{version}/zpm-{version}.xml';

export function ipmInstallerUrl(version: string, template: string | undefined): string {
  return (template || IPM_RELEASE_URL).replaceAll('{version}', version);
}

export interface CachedDownload {
  path: string;
  sha256: string;
  fromCache: boolean;
}

/**
 * The IPM installer of a release, from the cache when there, else downloaded and cached. The
 * key carries the version and, when pinned, the checksum, so a changed pin never reuses a file.
 */
export async function ipmInstaller(opts: {
  version: string;
  sha256: string | null;
  dir: string;
  urlTemplate: string | undefined;
  store: CacheStore;
  info: (message: string) => void;
}): Promise<CachedDownload> {
  const file = join(opts.dir, `ipm-${opts.version}`, `zpm-${opts.version}.xml`);
  const key = cacheKey('ipm-db', 'ipm-installer', opts.version, opts.sha256 ?? 'unpinned');
  if (opts.store.available()) {
    const hit = await opts.store.restore([dirname(file)], key);
    if (hit) {
      const data = await readFile(file).catch(() => null);
      if (data && (opts.sha256 === null || sha256Hex(data) === opts.sha256)) {
        opts.info(`IPM ${opts.version} installer restored from the cache (${key}).`);
        return { path: file, sha256: sha256Hex(data), fromCache: true };
      }
      opts.info(`Cached IPM installer ${key} did not match its checksum; downloading again.`);
    }
  }
  const url = ipmInstallerUrl(opts.version, opts.urlTemplate);
  opts.info(`Downloading the IPM ${opts.version} installer from ${url}`);
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(120_000) });
  } catch (err) {
    throw new IpmDbError(
      'ipm-download',
      `Could not download the IPM ${opts.version} installer from ${url}: ${errorMessage(err)}`,
      {
        hint: 'Check the ipm-version input, or give the installer file with ipm-installer.',
      },
    );
  }
  if (!res.ok)
    throw new IpmDbError(
      'ipm-download',
      `Downloading the IPM ${opts.version} installer from ${url} failed: HTTP ${res.status}`,
      {
        hint: `Check that IPM release v${opts.version} exists and has zpm-${opts.version}.xml, or use ipm-installer.`,
      },
    );
  const data = Buffer.from(await res.arrayBuffer());
  const actual = sha256Hex(data);
  if (opts.sha256 !== null && actual !== opts.sha256)
    throw new IpmDbError(
      'ipm-checksum',
      `The IPM ${opts.version} installer has SHA-256 ${actual}, not ${opts.sha256}.`,
      {
        hint: 'Check ipm-installer-sha256; never publish with an installer whose checksum you did not expect.',
      },
    );
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.part`, data);
  await rename(`${file}.part`, file);
  if (opts.store.available()) await opts.store.save([dirname(file)], key);
  return { path: file, sha256: actual, fromCache: false };
}

/** Verifies a local installer against its pinned checksum, when one is given. */
export async function checkInstaller(path: string, sha256: string | null): Promise<string> {
  const data = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new IpmDbError('ipm-installer', `The IPM installer ${path} cannot be read: ${err.code ?? err.message}`, {
      hint: 'Set ipm-installer to a path inside the checked-out repository.',
    });
  });
  const actual = sha256Hex(data);
  if (sha256 !== null && actual !== sha256)
    throw new IpmDbError('ipm-checksum', `The IPM installer ${path} has SHA-256 ${actual}, not ${sha256}.`, {
      hint: 'Update ipm-installer-sha256 if you changed the installer on purpose.',
    });
  return actual;
}

export type Docker = (args: string[], timeoutMs: number) => Promise<{ stdout: string }>;

export const dockerCli: Docker = async (args, timeoutMs) => {
  const { stdout } = await execFileP('docker', args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  return { stdout };
};

function imageTar(dir: string, image: string): string {
  return join(dir, `${cacheKey(image)}.tar`);
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
  const hit = await store.restore([tar], cacheKey('ipm-db', 'image', image));
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
    return await store.save([tar], cacheKey('ipm-db', 'image', image));
  } catch (err) {
    warn(`Could not cache the image ${image}: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm(tar, { force: true });
  }
}
