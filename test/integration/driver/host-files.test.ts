// No host file reaches IRIS through a module's links, and nothing IRIS leaves behind is followed on
// the host when copied out (issue 12, item 1), against the stand-in on a real Docker engine.
import { cp, lstat, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { newRunId, removeRun, startIris, type IrisContainer } from '../../../src/iris/container.js';
import { Docker } from '../../../src/iris/docker.js';
import { IrisSessionRunner } from '../../../src/iris/session.js';
import { IpmOperations } from '../../../src/ipm/operations.js';
import { silentLogger } from '../../../src/util/log.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/standin-modules');
const SECRET_TEXT = '{"auths":{"ghcr.io":{"auth":"aG9zdC1zZWNyZXQ="}}}';

describeWithDocker('host files and the IRIS container', () => {
  let docker: Docker;
  let image: string;
  let work: string;
  let secret: string;
  let container: IrisContainer;
  const runId = newRunId();

  beforeAll(async () => {
    const ctx = requireDocker();
    docker = new Docker({ host: ctx.dockerHost });
    image = ctx.standinImage;
    work = await mkdtemp(join(tmpdir(), 'ipm-db-host-files-'));
    secret = join(work, 'docker-config.json');
    await writeFile(secret, SECRET_TEXT);
    container = await startIris(
      docker,
      { image, runId, network: 'none', env: { STANDIN_START_DELAY_MS: '200' } },
      { logger: silentLogger, readyTimeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await removeRun(docker, runId).catch(() => {});
    await rm(work, { recursive: true, force: true });
  });

  afterEach(async () => {
    const leftovers = (await import('node:fs/promises')).readdir(work);
    expect((await leftovers).filter((f) => f.startsWith('.ipm-db-copy-'))).toEqual([]);
  });

  /** Runs node in the container (the stand-in image has node and sh, no coreutils). */
  async function inContainer(script: string): Promise<{ exitCode: number; stdout: string }> {
    const r = await container.exec(['node', '-e', script], { timeoutMs: 30_000 });
    return { exitCode: r.exitCode, stdout: r.stdout };
  }

  it('a module linking to a host file is refused before anything is copied into IRIS', async () => {
    const module = join(work, 'repo', 'leaky-app');
    await cp(join(FIXTURES, 'other-app'), module, { recursive: true });
    await symlink(secret, join(module, 'src', 'config.json'));
    const ops = new IpmOperations({ sessions: new IrisSessionRunner(container), files: container });
    await expect(ops.loadModule('USER', module)).rejects.toMatchObject({
      code: 'module-link-refused',
      message: expect.stringContaining(`"src/config.json" in the module ${module} points to ${secret}`),
    });
    const found = await inContainer(`
      const fs = require('fs'), path = require('path');
      const hits = [];
      const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p); else if (e.isFile() && fs.readFileSync(p, 'utf8').includes('aG9zdC1zZWNyZXQ=')) hits.push(p);
      } };
      walk('/tmp');
      console.log(JSON.stringify(hits));`);
    expect(found.exitCode).toBe(0);
    expect(JSON.parse(found.stdout.trim())).toEqual([]);
  });

  it('copies a regular file out', async () => {
    expect((await inContainer(`require('fs').writeFileSync('/tmp/ipm-db/plain.txt', 'plain')`)).exitCode).toBe(0);
    const host = join(work, 'plain.txt');
    await container.copyOut('/tmp/ipm-db/plain.txt', host);
    expect(await readFile(host, 'utf8')).toBe('plain');
  });

  it.each([
    ['a symbolic link to a host path', 'link', `require('fs').symlinkSync(process.argv[1], '/tmp/ipm-db/link')`],
    ['a directory', 'dir', `require('fs').mkdirSync('/tmp/ipm-db/dir/sub', { recursive: true })`],
  ])('refuses to copy out %s and leaves nothing on the host', async (_what, name, script) => {
    const made = await container.exec(['node', '-e', script, secret], { timeoutMs: 30_000 });
    expect(made.exitCode).toBe(0);
    const host = join(work, `${name}.out`);
    await expect(container.copyOut(`/tmp/ipm-db/${name}`, host)).rejects.toMatchObject({
      code: 'container-file-refused',
    });
    await expect(lstat(host)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never reads a host file through a link where messages.log should be', async () => {
    const made = await container.exec(
      ['node', '-e', `require('fs').symlinkSync(process.argv[1], '/tmp/ipm-db/messages.log')`, secret],
      { timeoutMs: 30_000 },
    );
    expect(made.exitCode).toBe(0);
    await expect(container.readFile('/tmp/ipm-db/messages.log')).rejects.toMatchObject({
      code: 'container-file-refused',
    });
  });
});
