// Child processes see only an allow-listed environment: never INPUT_TOKEN or another INPUT_* secret
// (issue 12, item 11). Every place that starts a child is checked with a real child.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dockerCli } from '../../../src/action/docker-cli.js';
import { childProcessRunner } from '../../../src/iris/process.js';
import { TITLE_ANNOTATION } from '../../../src/oci/media-types.js';
import { pushWithOras } from '../../../src/oci/oras-cli.js';
import { exportModuleAt } from '../../../src/pipeline/upgrade/git-source.js';
import { childEnvironment } from '../../../src/util/child-env.js';

const SECRET = 'ghs_not-a-real-token-4f1d9c';
const SECRET_NAMES = [
  'INPUT_TOKEN',
  'INPUT_PASSWORD',
  'GITHUB_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];

function expectNoSecret(envDump: string): void {
  expect(envDump).not.toContain(SECRET);
  for (const name of SECRET_NAMES) expect(envDump).not.toMatch(new RegExp(`^${name}=`, 'm'));
}

describe('childEnvironment', () => {
  it('keeps what docker, git and tar read and drops everything else', () => {
    const env = childEnvironment(
      {
        PATH: '/usr/bin',
        HOME: '/home/runner',
        DOCKER_HOST: 'unix:///x.sock',
        DOCKER_CONFIG: '/cfg',
        LC_ALL: 'C',
        INPUT_TOKEN: SECRET,
        INPUT_USERNAME: 'octo',
        GITHUB_TOKEN: SECRET,
        DOCKER_PASSWORD: SECRET,
        IPM_DB_REGISTRY_PASSWORD: SECRET,
        UNSET: undefined,
      },
      { IPMDB_SECRET: 'given explicitly' },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      DOCKER_HOST: 'unix:///x.sock',
      DOCKER_CONFIG: '/cfg',
      LC_ALL: 'C',
      IPMDB_SECRET: 'given explicitly',
    });
  });
});

describe('children started by the action and the CLI', () => {
  const saved: Record<string, string | undefined> = {};
  let bin: string;
  let log: string;

  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'ipm-db-child-env-'));
    log = join(bin, 'env.log');
    // Wrappers that record the environment they were started with, then run the real tool.
    for (const tool of ['git', 'tar', 'docker', 'oras']) {
      const real =
        tool === 'docker' || tool === 'oras'
          ? ''
          : execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
      writeFileSync(
        join(bin, tool),
        `#!/bin/sh\n{ echo "== ${tool} $*"; env; } >> '${log}'\n${real ? `exec '${real}' "$@"` : 'env'}\n`,
      );
      chmodSync(join(bin, tool), 0o755);
    }
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  beforeEach(() => {
    for (const name of [...SECRET_NAMES, 'PATH']) saved[name] = process.env[name];
    for (const name of SECRET_NAMES) process.env[name] = SECRET;
    process.env.PATH = `${bin}:${process.env.PATH ?? ''}`;
    writeFileSync(log, '');
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('the command runner (docker, timeout) passes no INPUT_TOKEN, only the extra values asked for', async () => {
    const r = await childProcessRunner.run('env', [], { timeoutMs: 30_000, env: { IPMDB_PASSWORD: 'explicit' } });
    expect(r.exitCode).toBe(0);
    expectNoSecret(r.stdout);
    expect(r.stdout).toMatch(/^PATH=/m);
    expect(r.stdout).toMatch(/^IPMDB_PASSWORD=explicit$/m);
  });

  it('the image cache docker client passes no INPUT_TOKEN', async () => {
    const { stdout } = await dockerCli(['version'], 30_000);
    expect(stdout).toMatch(/^PATH=/m);
    expectNoSecret(stdout);
  });

  it('oras passes no INPUT_TOKEN, and its password only on stdin', async () => {
    const archive = join(bin, 'demo-1.0.0-database.tgz');
    writeFileSync(archive, 'not read by the fake oras');
    const layer = { mediaType: 'application/octet-stream', digest: `sha256:${'0'.repeat(64)}`, size: 1 };
    const pushed = pushWithOras({
      archivePath: archive,
      reference: '127.0.0.1:5000/acme/demo:1.0.0',
      manifest: {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: layer,
        layers: [{ ...layer, annotations: { [TITLE_ANNOTATION]: 'demo-1.0.0-database.tgz' } }],
      },
      plainHttp: true,
      credentials: { username: 'octo', password: 'oras-password-on-stdin' },
    });
    // The fake oras prints its environment, not a digest.
    await expect(pushed).rejects.toThrow(/oras push printed no manifest digest/);
    const dump = readFileSync(log, 'utf8');
    expect(dump).toContain('== oras');
    expect(dump).toContain('--password-stdin');
    expect(dump).not.toContain('oras-password-on-stdin');
    expectNoSecret(dump);
  });

  it('git and tar of a git: previous source pass no INPUT_TOKEN', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'ipm-db-child-env-repo-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('/usr/bin/env', ['git', '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
          cwd: repo,
          env: { PATH: saved.PATH ?? '', HOME: repo },
        });
      git('init', '-q');
      writeFileSync(join(repo, 'module.xml'), '<Export/>');
      git('add', '.');
      git('commit', '-qm', 'v1');
      git('tag', 'v1');
      const exported = await exportModuleAt(repo, 'v1');
      await exported.remove();
      const dump = readFileSync(log, 'utf8');
      expect(dump).toContain('== git');
      expect(dump).toContain('== tar');
      expectNoSecret(dump);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
