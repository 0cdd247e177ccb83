/**
 * The host copy of a module that is sent into the IRIS container. Symbolic links are resolved
 * (docker cp would copy `.modules/dep -> ../../dep` as a link that dangles in the container), but
 * only where they stay inside what the module may show IRIS: its own directory, or, for
 * dependencies under `.modules/`, the repository holding it. A link anywhere else (a runner's
 * `~/.docker/config.json`, `/etc`, another checkout) is refused, naming the link; so are links
 * that dangle or loop, and anything that is not a regular file or a directory.
 */
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { IpmDbError } from '../util/errors.js';
import { printable } from '../util/untrusted.js';

/** Directories never sent to IRIS with a module. */
const NOT_COPIED = new Set(['.git']);
/** Where IPM looks for a module's local dependencies. */
const DEPENDENCIES_DIR = '.modules';
/** Files and directories one module copy may hold (a bound against link fan-out). */
const MAX_ENTRIES = 200_000;

export interface ModuleTreeOptions {
  /** Where `.modules/` links may point; default: the nearest directory above the module holding `.git`, else the module. */
  repositoryRoot?: string;
  /** How the module is named in errors, e.g. "git:v1.0.0"; default its directory. */
  origin?: string;
}

function refused(message: string): IpmDbError {
  return new IpmDbError('module-link-refused', message, {
    hint:
      'Nothing was copied into IRIS. Replace the link with the file or directory itself, or make it point inside ' +
      `the module (links under ${DEPENDENCIES_DIR}/ may point anywhere inside the repository).`,
  });
}

function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/** The nearest directory at or above `dir` that holds `.git` (a checkout), or null. */
export async function findRepositoryRoot(dir: string): Promise<string | null> {
  for (let current = dir, i = 0; i < 256; i++) {
    if (await lstat(join(current, '.git')).catch(() => null)) return current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
  return null;
}

/**
 * Walks the module as IRIS will see it, checking every link; copies it to `destination` when one
 * is given (a directory that must not exist yet). Throws IpmDbError("module-link-refused").
 */
export async function walkModuleTree(
  moduleDir: string,
  destination: string | null,
  options: ModuleTreeOptions = {},
): Promise<void> {
  const moduleRoot = await realpath(moduleDir);
  const foundRepository = options.repositoryRoot ?? (await findRepositoryRoot(moduleRoot));
  const repositoryCandidate = foundRepository ? await realpath(foundRepository) : moduleRoot;
  const repositoryRoot = inside(moduleRoot, repositoryCandidate) ? repositoryCandidate : moduleRoot;
  const origin = options.origin ?? moduleDir;
  let entries = 0;

  const describe = (rel: string) => `"${printable(rel)}" in the module ${printable(origin)}`;

  const visit = async (realDir: string, rel: string, dest: string | null, ancestors: string[]): Promise<void> => {
    if (dest) await mkdir(dest, { mode: 0o755 });
    for (const entry of await readdir(realDir)) {
      if (NOT_COPIED.has(entry)) continue;
      if (++entries > MAX_ENTRIES)
        throw refused(
          `The module ${printable(origin)} holds more than ${MAX_ENTRIES} files once its links are followed.`,
        );
      const entryRel = rel ? `${rel}/${entry}` : entry;
      const path = join(realDir, entry);
      const target = dest ? join(dest, entry) : null;
      let real = path;
      let info = await lstat(path);
      if (info.isSymbolicLink()) {
        try {
          real = await realpath(path);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') throw refused(`The symbolic link ${describe(entryRel)} loops.`);
          throw refused(`The symbolic link ${describe(entryRel)} points to nothing (${code ?? 'unreadable'}).`);
        }
        const underDependencies = entryRel === DEPENDENCIES_DIR || entryRel.startsWith(`${DEPENDENCIES_DIR}/`);
        const root = underDependencies ? repositoryRoot : moduleRoot;
        if (!inside(real, root))
          throw refused(
            `The symbolic link ${describe(entryRel)} points to ${printable(real)}, outside the ${
              underDependencies ? 'repository' : 'module'
            } (${printable(root)}): refusing to copy it into IRIS.`,
          );
        info = await stat(real);
      }
      if (info.isDirectory()) {
        if (ancestors.includes(real))
          throw refused(`The symbolic link ${describe(entryRel)} points to a directory that contains it: a loop.`);
        await visit(real, entryRel, target, [...ancestors, real]);
      } else if (info.isFile()) {
        if (target) await copyFile(real, target, constants.COPYFILE_EXCL);
      } else {
        throw refused(`${describe(entryRel)} is neither a regular file nor a directory (a socket, FIFO or device).`);
      }
    }
  };
  await visit(moduleRoot, '', destination, [moduleRoot]);
}

/** The module copied to `destination` (which must not exist), links resolved and checked. */
export function copyModuleTree(moduleDir: string, destination: string, options: ModuleTreeOptions = {}): Promise<void> {
  return walkModuleTree(moduleDir, destination, options);
}

/** Checks every link of a module without copying it. */
export function checkModuleTree(moduleDir: string, options: ModuleTreeOptions = {}): Promise<void> {
  return walkModuleTree(moduleDir, null, options);
}
