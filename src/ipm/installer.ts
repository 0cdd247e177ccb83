/**
 * Finding the IPM to install into IRIS: an installer XML (`zpm-<version>.xml`) in the workspace,
 * a release asset downloaded once, verified against a pinned SHA-256 before use, and cached (the
 * action implements InstallerCache with @actions/cache), or the source tree of a pinned commit
 * (ipm-source.ts).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { IpmDbError, UsageError } from '../util/errors.js';
import { sha256OfFile } from '../util/file-hash.js';
import { isSemver, isSha256Hex } from '../naming/grammar.js';
import { resolveIpmSource, type IpmGitPin } from './ipm-source.js';

export type InstallerSource =
  | { kind: 'path'; path: string; sha256?: string }
  | { kind: 'version'; version: string; sha256?: string }
  /** A pinned commit's source tree; `archive` is its source archive when already fetched in this run. */
  | ({ kind: 'git'; archive?: { path: string; sha256: string } } & IpmGitPin);

export interface ResolvedInstaller {
  /** Local file to copy into the container: the installer XML, or the source tree's root folder. */
  path: string;
  /** SHA-256 of the installer XML, or of the source archive. */
  sha256: string;
  /** The IPM version, when known from the request. */
  version: string | null;
  origin: 'path' | 'cache' | 'download';
  url: string | null;
  /** Set when `path` is a source tree to install with IPM.Installer's setup. */
  git?: IpmGitPin & { archivePath: string };
}

/** The pin a resolved installer stands for, to resolve again per image without another download. */
export function pinnedSource(resolved: ResolvedInstaller): InstallerSource {
  if (resolved.git)
    return {
      kind: 'git',
      commit: resolved.git.commit,
      repository: resolved.git.repository,
      archive: { path: resolved.git.archivePath, sha256: resolved.sha256 },
    };
  return { kind: 'path', path: resolved.path, sha256: resolved.sha256 };
}

/** What the IPM pin is, for cache keys and reports: release version+sha256, installer sha256 or git commit. */
export function installerPin(resolved: ResolvedInstaller): string {
  if (resolved.git) return `git-${resolved.git.commit}`;
  return `${resolved.version ?? 'xml'}-${resolved.sha256}`;
}

/**
 * SHA-256 of release installers, only for versions whose file was actually hashed here.
 * Empty: no installer could be downloaded where this was written, so every download needs
 * --ipm-sha256 / ipm-sha256 until an entry is added from a verified download.
 */
export const KNOWN_INSTALLER_SHA256: Readonly<Record<string, string>> = {};

export interface InstallerCache {
  /** Copies the cached file for `key` to `destination`; false when there is none. */
  restore(key: string, destination: string): Promise<boolean>;
  save(key: string, source: string): Promise<void>;
}

/** Where IPM's releases publish the installer; `{version}` is replaced by the version. */
export const IPM_RELEASE_URL = 'https://github.com/intersystems/ipm/releases/download/v{version}/zpm-{version}.xml';

/** The installer's URL for `version` under a release URL template (default: IPM's GitHub releases). */
export function installerUrl(version: string, releaseUrl: string = IPM_RELEASE_URL): string {
  return releaseUrl.replaceAll('{version}', version);
}

/** `--ipm` value: a path to an XML file, or a version ("0.10.10" or "v0.10.10"). */
export async function parseInstallerSpec(
  spec: string,
  sha256: string | undefined,
  cwd: string,
): Promise<InstallerSource> {
  if (sha256 !== undefined && !isSha256Hex(sha256))
    throw new UsageError(`--ipm-sha256 must be 64 hexadecimal digits, got "${sha256}".`);
  const version = spec.replace(/^v/, '');
  const looksLikePath = spec.endsWith('.xml') || spec.includes('/') || spec.includes('\\');
  if (!looksLikePath && isSemver(version)) {
    return { kind: 'version', version, ...(sha256 ? { sha256: sha256.toLowerCase() } : {}) };
  }
  const path = resolve(cwd, spec);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile())
    throw new UsageError(
      `--ipm "${spec}" is neither an IPM version (e.g. 0.10.10) nor an installer XML file that exists.`,
    );
  return { kind: 'path', path, ...(sha256 ? { sha256: sha256.toLowerCase() } : {}) };
}

export interface ResolveOptions {
  /** Where downloads are written. */
  workDir: string;
  cache?: InstallerCache;
  /** Release URL template with `{version}` (a mirror); default IPM_RELEASE_URL. */
  releaseUrl?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** Largest installer accepted; default 64 MB. */
  maxBytes?: number;
}

export async function resolveInstaller(source: InstallerSource, options: ResolveOptions): Promise<ResolvedInstaller> {
  if (source.kind === 'git') {
    const pin = { commit: source.commit, repository: source.repository };
    const tree = await resolveIpmSource(pin, source.archive, {
      workDir: options.workDir,
      ...(options.cache ? { cache: options.cache } : {}),
      download: (url) =>
        downloadBytes(url, { ...options, maxBytes: options.maxBytes ?? 256 * 1024 * 1024 }, 'the IPM source archive'),
    });
    return {
      path: tree.root,
      sha256: tree.archiveSha256,
      version: null,
      origin: tree.origin,
      url: tree.url,
      git: { ...pin, archivePath: tree.archivePath },
    };
  }
  if (source.kind === 'path') {
    const actual = await sha256OfFile(source.path);
    if (source.sha256 && actual !== source.sha256)
      throw new IpmDbError(
        'installer-checksum-mismatch',
        `The IPM installer ${source.path} has SHA-256 ${actual}, not the pinned ${source.sha256}.`,
        {
          hint: 'Use the installer the checksum was taken from, or update the pinned checksum.',
        },
      );
    return { path: source.path, sha256: actual, version: null, origin: 'path', url: null };
  }
  const expected = source.sha256 ?? KNOWN_INSTALLER_SHA256[source.version];
  const url = installerUrl(source.version, options.releaseUrl);
  if (!expected)
    throw new UsageError(
      `No SHA-256 is known for IPM ${source.version}: pass --ipm-sha256 <hex> (action input ipm-sha256) with the checksum of ${url}.`,
      'Compute it once with: curl -sL <url> | sha256sum',
    );
  await mkdir(options.workDir, { recursive: true });
  const destination = join(options.workDir, `zpm-${source.version}.xml`);
  const key = `ipm-installer-${source.version}-${expected}`;
  if (options.cache && (await options.cache.restore(key, destination).catch(() => false))) {
    const cached = await sha256OfFile(destination).catch(() => '');
    if (cached === expected)
      return { path: destination, sha256: expected, version: source.version, origin: 'cache', url };
    await rm(destination, { force: true });
  }
  const bytes = await downloadBytes(url, options, 'the IPM installer');
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected)
    throw new IpmDbError(
      'installer-checksum-mismatch',
      `The IPM installer downloaded from ${url} has SHA-256 ${actual}, not the pinned ${expected}.`,
      {
        hint: 'The file was not used. Check the pinned checksum against the release.',
      },
    );
  const partial = `${destination}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, destination);
  if (options.cache) await options.cache.save(key, destination).catch(() => {});
  return { path: destination, sha256: actual, version: source.version, origin: 'download', url };
}

async function downloadBytes(url: string, options: ResolveOptions, what: string): Promise<Buffer> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  let response: Response;
  try {
    response = await fetchImpl(url, { redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 120_000) });
  } catch (err) {
    throw new IpmDbError(
      'installer-download-failed',
      `Could not download ${what} from ${url}: ${(err as Error).message}.`,
      {
        hint: 'Check the network, or pass a local installer file with --ipm <path>.',
        cause: err,
      },
    );
  }
  if (!response.ok)
    throw new IpmDbError('installer-download-failed', `Downloading ${url} answered HTTP ${response.status}.`, {
      hint: 'Check that the IPM version has a release with a zpm-<version>.xml asset, or that the commit exists in the repository.',
    });
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > maxBytes)
    throw new IpmDbError('installer-download-failed', `${url} is ${length} bytes, more than the ${maxBytes} accepted.`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > maxBytes)
    throw new IpmDbError(
      'installer-download-failed',
      `${url} is ${body.length} bytes, more than the ${maxBytes} accepted.`,
    );
  return body;
}

/** A cache in a local directory, for the CLI (the action uses @actions/cache instead). */
export function directoryCache(dir: string): InstallerCache {
  const fileFor = (key: string) =>
    join(dir, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}${key.startsWith('ipm-source-') ? '.tar.gz' : '.xml'}`);
  return {
    async restore(key, destination) {
      const file = fileFor(key);
      if (!(await stat(file).catch(() => null))) return false;
      await copyFile(file, destination);
      return true;
    },
    async save(key, source) {
      await mkdir(dir, { recursive: true });
      await copyFile(source, fileFor(key));
    },
  };
}
