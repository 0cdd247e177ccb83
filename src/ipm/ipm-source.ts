/**
 * IPM from a pinned source commit (contract section 9 (b), issue 11): the repository's source
 * archive of one commit (`<repository>/archive/<commit>.tar.gz`) is downloaded once, cached under
 * the commit, unpacked on the host with the archive reader's path checks, and handed to the
 * bootstrap as a tree to copy into the container and install the way IPM's own CI does.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { normaliseEntryPath, printablePath } from '../archive/entry-path.js';
import { TarStreamParser } from '../archive/tar-stream.js';
import { isGitCommit } from '../naming/grammar.js';
import { IpmDbError, UsageError } from '../util/errors.js';

export const DEFAULT_IPM_REPOSITORY = 'https://github.com/intersystems/ipm';

/** Files a tree must hold to be installed as IPM's CI installs it (Dockerfile + iris.script of intersystems/ipm). */
export const IPM_INSTALLER_CLASS_FILE = 'preload/cls/IPM/Installer.cls';
const REQUIRED_FILES = [IPM_INSTALLER_CLASS_FILE, 'module.xml'];
const REQUIRED_DIRS = ['src'];

export interface IpmGitPin {
  /** 40 lower-case hexadecimal digits. */
  commit: string;
  /** https URL of the repository, no trailing "/" or ".git". */
  repository: string;
}

/** A full commit id; anything else (branch, tag, short hash) is refused: a pin must not move. */
export function parseIpmCommit(raw: string, input = '--ipm-git'): string {
  const text = raw.trim();
  if (isGitCommit(text)) return text.toLowerCase();
  if (/^[0-9a-fA-F]{4,39}$/.test(text))
    throw new UsageError(
      `${input} "${text}" is a short commit hash; a pin must be the full 40-hexadecimal-digit commit.`,
      `Expand it with: git rev-parse ${text} (in a clone of the IPM repository).`,
    );
  throw new UsageError(
    `${input} "${text}" is not a commit: a branch or tag name moves, so it cannot pin IPM.`,
    'Give the full 40-hexadecimal-digit commit, e.g. from: git ls-remote https://github.com/intersystems/ipm <branch>',
  );
}

/**
 * The repository URL: https (http only for a loopback host, as tests serve it), no credentials,
 * query or fragment; a trailing "/" or ".git" is dropped.
 */
export function parseIpmRepository(raw: string, input = '--ipm-git-repository'): string {
  const text = raw.trim() || DEFAULT_IPM_REPOSITORY;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${input} "${text}" is not a URL.`, `Write e.g. ${DEFAULT_IPM_REPOSITORY}`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new UsageError(`${input} "${text}" must be an https URL.`, `Write e.g. ${DEFAULT_IPM_REPOSITORY}`);
  if (url.username || url.password)
    throw new UsageError(
      `${input} must not carry credentials.`,
      'The source archive of a public repository needs none; use a public mirror.',
    );
  if (url.search || url.hash)
    throw new UsageError(
      `${input} "${text}" must not have a query or fragment.`,
      `Write e.g. ${DEFAULT_IPM_REPOSITORY}`,
    );
  const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  if (!/^(\/[A-Za-z0-9._-]+)+$/.test(path))
    throw new UsageError(
      `${input} "${text}" does not name a repository (owner/name).`,
      `Write e.g. ${DEFAULT_IPM_REPOSITORY}`,
    );
  return `${url.protocol}//${url.host}${path}`;
}

export function sourceArchiveUrl(pin: IpmGitPin): string {
  return `${pin.repository}/archive/${pin.commit}.tar.gz`;
}

/** The folder a GitHub source archive unpacks to: `<repository name>-<commit>`. */
export function expectedTopFolder(pin: IpmGitPin): string {
  return `${pin.repository.split('/').pop()!}-${pin.commit}`;
}

/** Cache key of a pin: the commit names the content; the repository keeps forks apart. */
export function sourceCacheKey(pin: IpmGitPin): string {
  const repo = createHash('sha256').update(pin.repository).digest('hex').slice(0, 12);
  return `ipm-source-${repo}-${pin.commit}`;
}

export interface UnpackLimits {
  maxEntries: number;
  maxTotalSize: number;
}

const DEFAULT_LIMITS: UnpackLimits = { maxEntries: 50_000, maxTotalSize: 512 * 1024 * 1024 };

interface Entry {
  path: string;
  kind: 'file' | 'directory';
  data: Buffer[];
}

function invalid(pin: IpmGitPin, message: string): IpmDbError {
  return new IpmDbError('ipm-source-invalid', `The source archive ${sourceArchiveUrl(pin)} ${message}`, {
    hint: 'Check the commit and ipm-git-repository: the archive must be the repository snapshot GitHub serves for that commit.',
  });
}

/**
 * Unpacks a source archive into `destination` (replaced), checking that every entry lies under
 * the expected top folder, is a plain file or directory with a safe path, and that the tree holds
 * what the installer needs. Returns the tree root. Files get mode 0666 and directories 0777,
 * as IPM's CI does (`chmod -R 777`): IRIS runs as irisowner, not as the files' owner.
 */
export async function unpackSourceArchive(
  archive: Buffer,
  pin: IpmGitPin,
  destination: string,
  limits: UnpackLimits = DEFAULT_LIMITS,
): Promise<string> {
  const top = expectedTopFolder(pin);
  const entries = await readEntries(archive, pin, top, limits);
  const partial = `${destination}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  try {
    await mkdir(partial, { recursive: true });
    for (const e of entries) {
      const target = join(partial, e.path);
      if (e.kind === 'directory') await mkdir(target, { recursive: true, mode: 0o777 });
      else {
        await mkdir(dirname(target), { recursive: true, mode: 0o777 });
        await writeFile(target, Buffer.concat(e.data));
        await chmod(target, 0o666);
      }
    }
    await makeDirectoriesWritable(partial, entries);
    const root = join(partial, top);
    for (const f of REQUIRED_FILES)
      if (!(await stat(join(root, f)).catch(() => null))?.isFile())
        throw invalid(pin, `has no ${top}/${f}: it is not an IPM source tree IPM's installer can set up.`);
    for (const d of REQUIRED_DIRS)
      if (!(await stat(join(root, d)).catch(() => null))?.isDirectory())
        throw invalid(pin, `has no ${top}/${d}/ folder: it is not an IPM source tree.`);
    await rm(destination, { recursive: true, force: true });
    await rename(partial, destination);
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
  return join(destination, top);
}

async function makeDirectoriesWritable(root: string, entries: Entry[]): Promise<void> {
  const dirs = new Set<string>();
  for (const e of entries) {
    const parts = e.path.split('/');
    for (let i = 1; i <= (e.kind === 'directory' ? parts.length : parts.length - 1); i++)
      dirs.add(parts.slice(0, i).join('/'));
  }
  for (const d of dirs) await chmod(join(root, d), 0o777);
}

async function readEntries(archive: Buffer, pin: IpmGitPin, top: string, limits: UnpackLimits): Promise<Entry[]> {
  const entries: Entry[] = [];
  const problems: string[] = [];
  let total = 0;
  const parser = new TarStreamParser(
    {
      entry(header) {
        const name = normaliseEntryPath(header.path);
        if (name.skip) return null;
        if (name.problems.length > 0) {
          problems.push(`entry ${printablePath(header.path)} ${name.problems[0]!.detail}`);
          return 'abort';
        }
        if (name.path !== top && !name.path.startsWith(`${top}/`)) {
          problems.push(`entry ${printablePath(header.path)} is not under ${top}/`);
          return 'abort';
        }
        if (header.type !== 'file' && header.type !== 'directory') {
          problems.push(`entry ${printablePath(header.path)} is a ${header.type}; only files and folders are expected`);
          return 'abort';
        }
        const entry: Entry = { path: name.path, kind: header.type, data: [] };
        entries.push(entry);
        if (header.type === 'directory') return null;
        total += header.size;
        return { data: (chunk) => entry.data.push(Buffer.from(chunk)), end: () => {} };
      },
      problem(code, message) {
        if (code !== 'tar-no-end-marker' && code !== 'tar-trailing-data') problems.push(message);
      },
    },
    { maxEntries: limits.maxEntries, maxTotalSize: limits.maxTotalSize, maxHeaderExtensionSize: 1024 * 1024 },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const gunzip = createGunzip();
      gunzip.on('data', (chunk: Buffer) => parser.write(chunk));
      gunzip.on('end', () => resolve());
      gunzip.on('error', reject);
      gunzip.end(archive);
    });
  } catch (err) {
    throw invalid(pin, `is not a gzip file: ${(err as Error).message}.`);
  }
  parser.end();
  if (problems.length > 0) throw invalid(pin, `cannot be used: ${problems[0]}.`);
  if (entries.length === 0) throw invalid(pin, 'is empty.');
  if (total > limits.maxTotalSize) throw invalid(pin, `unpacks to more than ${limits.maxTotalSize} bytes.`);
  return entries;
}

export interface ResolvedIpmSource {
  /** Root of the unpacked tree on the host (the folder holding module.xml). */
  root: string;
  /** SHA-256 of the source archive as downloaded or cached. */
  archiveSha256: string;
  /** Where the archive is kept while this run lasts (what the action hands to each image's run). */
  archivePath: string;
  url: string;
  origin: 'path' | 'cache' | 'download';
}

export interface SourceFetchOptions {
  workDir: string;
  cache?: {
    restore(key: string, destination: string): Promise<boolean>;
    save(key: string, source: string): Promise<void>;
  };
  download: (url: string) => Promise<Buffer>;
}

/**
 * The tree of a pinned commit: from a local archive already fetched in this run (checked
 * against its recorded SHA-256), from the cache (a damaged entry is dropped and fetched again),
 * or downloaded and then cached.
 */
export async function resolveIpmSource(
  pin: IpmGitPin,
  local: { path: string; sha256: string } | undefined,
  options: SourceFetchOptions,
): Promise<ResolvedIpmSource> {
  await mkdir(options.workDir, { recursive: true });
  const url = sourceArchiveUrl(pin);
  const tree = join(options.workDir, `ipm-source-${pin.commit}`);
  if (local) {
    const bytes = await readFile(local.path);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== local.sha256)
      throw new IpmDbError(
        'installer-checksum-mismatch',
        `The IPM source archive ${local.path} has SHA-256 ${sha}, not the ${local.sha256} recorded when it was fetched.`,
      );
    const root = await unpackSourceArchive(bytes, pin, tree);
    return { root, archiveSha256: sha, archivePath: local.path, url, origin: 'path' };
  }
  const archivePath = join(options.workDir, `${sourceCacheKey(pin)}.tar.gz`);
  const key = sourceCacheKey(pin);
  if (options.cache && (await options.cache.restore(key, archivePath).catch(() => false))) {
    const bytes = await readFile(archivePath).catch(() => null);
    if (bytes) {
      try {
        const root = await unpackSourceArchive(bytes, pin, tree);
        const sha = createHash('sha256').update(bytes).digest('hex');
        return { root, archiveSha256: sha, archivePath, url, origin: 'cache' };
      } catch {
        // A damaged cache entry: fetch the archive again.
      }
    }
    await rm(archivePath, { force: true });
  }
  const bytes = await options.download(url);
  const root = await unpackSourceArchive(bytes, pin, tree);
  const partial = `${archivePath}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, archivePath);
  if (options.cache) await options.cache.save(key, archivePath).catch(() => {});
  const sha = createHash('sha256').update(bytes).digest('hex');
  return { root, archiveSha256: sha, archivePath, url, origin: 'download' };
}
