// `ipm-db run` and `ipm-db iris-upgrade` over a module's ipm-db.yml, for what is decided before any
// container starts: a bad file, or a bad value in it, is a usage error naming file, line and key.
// (The runs themselves, with the file and with flags overriding it: test/integration/upgrade/cli.test.ts.)
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';

let work = '';
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'ipm-db-cli-settings-'));
  await mkdir(join(work, 'mod'));
  await writeFile(join(work, 'mod', 'module.xml'), '<Export/>');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

// No Docker is reachable there: a run that got as far as a container would fail differently (exit 1).
const env = { PATH: process.env.PATH, DOCKER_HOST: 'unix:///nonexistent/docker.sock' };

async function run(file: string, args: string[]) {
  await writeFile(join(work, 'mod', 'ipm-db.yml'), file);
  return runCli(['run', '--module', 'mod', '--ipm-git', 'none', ...args], env, work);
}

describe('ipm-db run over ipm-db.yml', () => {
  it('refuses a bad file before anything starts, naming file, line and key', async () => {
    const r = await run('dev: true\nrun-tests: sometimes\n', []);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('mod/ipm-db.yml:2: run-tests: must be true or false');
    expect(r.stderr).toContain('docs/module-settings.md');
  });

  it("checks the file's values with the flags' own parser, naming the file's line", async () => {
    const r = await run('seed-methods:\n  - NoClass\n', ['--upgrade-source', 'mod']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('mod/ipm-db.yml:1: seed-methods: seed method "NoClass" is not of the form');
    // A flag that is given wins over the file: its own bad value is named by the flag.
    const flag = await run('seed-methods: [A.B:C]\n', ['--upgrade-source', 'mod', '--seed-methods', 'NoClass']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--seed-methods: seed method "NoClass"');
    expect(flag.stderr).not.toContain('ipm-db.yml:1');
  });

  it('a scenario the file asks for needs its previous release from the run', async () => {
    const r = await run('upgrade-scenarios: [database]\n', ['--upgrade-source', 'mod']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('mod/ipm-db.yml:1: upgrade-scenarios: upgrade scenario "database" needs');
  });

  it('takes --no-<flag> for the boolean options, and documents it', async () => {
    const help = await runCli(['run', '--help'], env, work);
    expect(help.stdout).toContain('--no-dev, --no-tests, --no-ensemble, --export-python-deps');
    const r = await run('dev: maybe\n', ['--no-dev']);
    // The file is read whatever the flags say: a bad file is refused even when every value is overridden.
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('mod/ipm-db.yml:1: dev: must be true or false');
  });
});

describe('ipm-db iris-upgrade --module-path', () => {
  it('reads the same file and names a bad value at its line, before reading the archives', async () => {
    await writeFile(join(work, 'mod', 'ipm-db.yml'), 'check-methods: [NoClass]\n');
    const r = await runCli(
      [
        'iris-upgrade',
        '--module-path',
        'mod',
        '--from-archive',
        'missing-n.tgz',
        '--from-image',
        'i:1',
        '--to-archive',
        'missing-n1.tgz',
        '--to-image',
        'i:2',
        '--ipm',
        'zpm.xml',
      ],
      env,
      work,
    );
    // Refused before the archives are read (they do not exist) or any container starts.
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('mod/ipm-db.yml:1: check-methods: check method "NoClass" is not of the form');
  });
});
