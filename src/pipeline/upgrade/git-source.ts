/**
 * The previous release as source from a git tag (or any commit) of the module's own repository:
 * `upgrade-source: git:v1.0.0` exports the module directory as it was at v1.0.0 (`git archive`,
 * the user's working tree is left alone) into a temporary directory.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { checkModuleTree } from '../../ipm/module-copy.js';
import { IpmDbError, UsageError } from '../../util/errors.js';
import { runCommand } from '../../iris/process.js';
import { formatDuration } from '../../util/format.js';

const GIT_TIMEOUT_MS = 120_000;

export const GIT_SOURCE_PREFIX = 'git:';

/** The git revision of a `git:<rev>` source, or null for a plain directory. */
export function gitRevision(source: string): string | null {
  if (!source.startsWith(GIT_SOURCE_PREFIX)) return null;
  const rev = source.slice(GIT_SOURCE_PREFIX.length);
  // A revision, never an option: git would read "-..." as one.
  if (!/^[A-Za-z0-9_][A-Za-z0-9._/^~-]*$/.test(rev) || rev.includes('..')) {
    throw new UsageError(`"${source}" does not name a git revision`, 'Write git:<tag or commit>, e.g. git:v1.0.0.');
  }
  return rev;
}

/** Runs a command in `cwd` with the driver's runner; its stdout, or an error with what it printed. */
async function run(command: string, cwd: string, args: string[]): Promise<string> {
  const result = await runCommand(command, args, { cwd, timeoutMs: GIT_TIMEOUT_MS });
  if (result.exitCode === 0 && !result.timedOut) return result.stdout.trim();
  const why = result.timedOut ? `did not finish within ${formatDuration(GIT_TIMEOUT_MS)}` : `exit ${result.exitCode}`;
  throw new IpmDbError(
    'upgrade-git-source',
    `${command} ${args.join(' ')} failed in ${cwd}: ${result.stderr.trim() || why}`,
  );
}

const git = (cwd: string, args: string[]) => run('git', cwd, args);

/**
 * Exports `moduleDir` as it was at `revision` into a new temporary directory and returns the
 * module directory inside it, plus a function that removes the export.
 */
export async function exportModuleAt(
  moduleDir: string,
  revision: string,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const top = await git(moduleDir, ['rev-parse', '--show-toplevel']);
  const path = relative(top, moduleDir).split(sep).join('/') || '.';
  await git(top, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).catch(() => {
    throw new IpmDbError('upgrade-git-source', `git revision "${revision}" does not exist in ${top}`, {
      hint: 'Fetch tags first (actions/checkout with fetch-depth: 0), or give the previous release another way.',
    });
  });
  const dest = await mkdtemp(join(tmpdir(), 'ipm-db-previous-source-'));
  const remove = () => rm(dest, { recursive: true, force: true });
  try {
    const archive = join(dest, 'export.tar');
    await git(top, ['archive', '--format=tar', `--output=${archive}`, revision, '--', path]);
    await run('tar', dest, ['-xf', archive, '-C', dest]);
    await rm(archive);
    const dir = join(dest, path);
    if (!(await stat(join(dir, 'module.xml')).catch(() => null))) {
      throw new IpmDbError('upgrade-git-source', `${path}/module.xml does not exist at ${revision}`);
    }
    // The revision's links are the history's, not the checkout's: none may leave the export.
    await checkModuleTree(dir, { repositoryRoot: dest, origin: `${path} at git:${revision}` });
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
