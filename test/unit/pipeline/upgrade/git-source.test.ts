import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportModuleAt, gitRevision } from '../../../../src/pipeline/upgrade/git-source.js';

describe('previous release from a git revision', () => {
  let repo: string;
  const moduleDir = () => join(repo, 'modules', 'app');
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t',
      },
    });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'ipm-db-git-source-'));
    git('init', '-q');
    mkdirSync(join(moduleDir(), 'src'), { recursive: true });
    writeFileSync(join(moduleDir(), 'module.xml'), '<Version>1.0.0</Version>');
    writeFileSync(join(moduleDir(), 'src', 'A.cls'), 'v1');
    writeFileSync(join(repo, 'outside.txt'), 'not the module');
    git('add', '.');
    git('commit', '-qm', 'v1');
    git('tag', 'v1.0.0');
    writeFileSync(join(moduleDir(), 'module.xml'), '<Version>2.0.0</Version>');
    git('commit', '-qam', 'v2');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('exports only the module directory as it was at the tag, leaving the working tree alone', async () => {
    const exported = await exportModuleAt(moduleDir(), 'v1.0.0');
    try {
      expect(readFileSync(join(exported.dir, 'module.xml'), 'utf8')).toBe('<Version>1.0.0</Version>');
      expect(readFileSync(join(exported.dir, 'src', 'A.cls'), 'utf8')).toBe('v1');
      expect(existsSync(join(exported.dir, '..', '..', 'outside.txt'))).toBe(false);
      expect(readFileSync(join(moduleDir(), 'module.xml'), 'utf8')).toBe('<Version>2.0.0</Version>');
    } finally {
      await exported.remove();
    }
    expect(existsSync(exported.dir)).toBe(false);
  });

  it('says when the revision does not exist, and what to do', async () => {
    await expect(exportModuleAt(moduleDir(), 'v9.9.9')).rejects.toThrow(/git revision "v9.9.9" does not exist/);
  });

  it('reads git:<rev> and refuses what could be an option or a range', () => {
    expect(gitRevision('/some/dir')).toBeNull();
    expect(gitRevision('git:v1.0.0')).toBe('v1.0.0');
    expect(gitRevision('git:HEAD~1')).toBe('HEAD~1');
    expect(() => gitRevision('git:--output=/etc/x')).toThrow(/does not name a git revision/);
    expect(() => gitRevision('git:v1..v2')).toThrow(/does not name a git revision/);
    expect(() => gitRevision('git:')).toThrow(/does not name a git revision/);
  });
});
