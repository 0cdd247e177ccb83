// The module copy sent into IRIS follows a symbolic link only where it stays inside the module
// (or the repository, under .modules/); escaping, dangling and looping links are refused, naming
// the link (issue 12, item 1). A git: previous source is checked the same way.
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkModuleTree, copyModuleTree } from '../../../src/ipm/module-copy.js';
import { copyModuleIn } from '../../../src/ipm/operations.js';
import { exportModuleAt } from '../../../src/pipeline/upgrade/git-source.js';

let dir: string;
let repo: string;
let app: string;
let secret: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-module-copy-'));
  secret = join(dir, 'host-secret.json');
  await writeFile(secret, '{"auths":{"ghcr.io":{"auth":"c2VjcmV0"}}}');
  repo = join(dir, 'repo');
  app = join(repo, 'app');
  await mkdir(join(repo, '.git'), { recursive: true });
  await mkdir(join(app, 'src'), { recursive: true });
  await mkdir(join(app, '.modules'), { recursive: true });
  await mkdir(join(repo, 'dep'), { recursive: true });
  await writeFile(join(repo, 'dep/module.xml'), '<dep/>');
  await writeFile(join(app, 'module.xml'), '<app/>');
  await writeFile(join(app, 'src/A.cls'), 'Class A {}');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** copyModuleIn with a container that records whether anything was sent. */
async function sendToIris(): Promise<{ sent: boolean; error: unknown }> {
  let sent = false;
  const files = { mkdir: async () => {}, copyIn: async () => void (sent = true), copyOut: async () => {} };
  const error = await copyModuleIn(files, app, '/tmp/ipm-db/module-1').then(
    () => null,
    (e: unknown) => e,
  );
  return { sent, error };
}

describe('the module copy sent to IRIS', () => {
  it('follows links inside the module and .modules/ links inside the repository', async () => {
    await symlink('../../dep', join(app, '.modules/dep'));
    await symlink('A.cls', join(app, 'src/Alias.cls'));
    const out = join(dir, 'out');
    await copyModuleTree(app, out);
    expect(await readFile(join(out, '.modules/dep/module.xml'), 'utf8')).toBe('<dep/>');
    expect((await lstat(join(out, 'src/Alias.cls'))).isFile()).toBe(true);
    expect((await lstat(join(out, '.modules/dep'))).isDirectory()).toBe(true);
  });

  it('refuses a file link to a host file, naming the link, and sends nothing', async () => {
    await symlink(secret, join(app, 'src/config.json'));
    const { sent, error } = await sendToIris();
    expect(sent).toBe(false);
    expect(error).toMatchObject({
      code: 'module-link-refused',
      message: expect.stringContaining(
        `"src/config.json" in the module ${app} points to ${secret}, outside the module`,
      ),
    });
  });

  it('refuses a directory link outside the module (relative or absolute)', async () => {
    await symlink('../../..', join(app, 'src/up'));
    await expect(copyModuleTree(app, join(dir, 'out'))).rejects.toMatchObject({
      code: 'module-link-refused',
      message: expect.stringContaining('"src/up"'),
    });
    await rm(join(app, 'src/up'));
    await symlink('/etc', join(app, 'etc'));
    await expect(checkModuleTree(app)).rejects.toThrow(/"etc" in the module .* points to \/etc, outside the module/);
  });

  it('outside .modules/, a link to the repository is still outside the module', async () => {
    await symlink('../dep', join(app, 'dep'));
    await expect(checkModuleTree(app)).rejects.toThrow(/"dep" .* outside the module/);
  });

  it('refuses a .modules/ link outside the repository', async () => {
    await symlink(dir, join(app, '.modules/everything'));
    await expect(checkModuleTree(app)).rejects.toThrow(/".modules\/everything" .* outside the repository/);
  });

  it('without a repository, .modules/ links may not leave the module', async () => {
    await rm(join(repo, '.git'), { recursive: true });
    await symlink('../../dep', join(app, '.modules/dep'));
    await expect(checkModuleTree(app)).rejects.toThrow(/outside the repository \(.*app\)/);
  });

  it('ends loops cleanly', async () => {
    await symlink('..', join(app, 'src/loop'));
    await expect(checkModuleTree(app)).rejects.toThrow(/"src\/loop" .* a loop/);
    await rm(join(app, 'src/loop'));
    await symlink('..', join(app, '.modules/self'));
    await expect(checkModuleTree(app)).rejects.toThrow(/".modules\/self" .* a loop/);
    await rm(join(app, '.modules/self'));
    await symlink('b', join(app, 'a'));
    await symlink('a', join(app, 'b'));
    await expect(checkModuleTree(app)).rejects.toThrow(/"a" .* loops/);
  });

  it('refuses dangling links and special files', async () => {
    await symlink('missing', join(app, 'gone'));
    await expect(checkModuleTree(app)).rejects.toThrow(/"gone" .* points to nothing/);
    await rm(join(app, 'gone'));
    execFileSync('mkfifo', [join(app, 'pipe')]);
    await expect(checkModuleTree(app)).rejects.toThrow(/"pipe" .* neither a regular file nor a directory/);
  });

  it('names a link with control characters on one line', async () => {
    await symlink(secret, join(app, 'x\n::error::injected'));
    const err = (await checkModuleTree(app).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('"x\\n::error::injected"');
    expect(err.message).not.toContain('\n');
  });

  it('leaves no half-written copy behind when it refuses', async () => {
    await writeFile(join(app, 'src/B.cls'), 'Class B {}');
    await symlink(secret, join(app, 'src/zz-secret'));
    const out = join(dir, 'out');
    await expect(copyModuleTree(app, out)).rejects.toThrow();
    const copied = await readdir(join(out, 'src')).catch(() => []);
    expect(copied).not.toContain('zz-secret');
  });
});

describe('a git: previous source', () => {
  it('is refused when the revision holds a link leaving the export', async () => {
    const work = join(dir, 'git');
    await mkdir(join(work, 'mod'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd: work, stdio: 'pipe' });
    git('init', '-q');
    await writeFile(join(work, 'mod/module.xml'), '<m/>');
    await symlink(secret, join(work, 'mod/leak.json'));
    git('add', '.');
    git('commit', '-qm', 'v1');
    git('tag', 'v1');
    await expect(exportModuleAt(join(work, 'mod'), 'v1')).rejects.toMatchObject({
      code: 'module-link-refused',
      message: expect.stringContaining('"leak.json" in the module mod at git:v1 points to'),
    });
  });
});
