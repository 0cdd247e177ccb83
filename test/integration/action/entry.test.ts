// The bundled entry points as the runner runs them, for what needs no container: input errors,
// a missing module, the token never leaking, and a post step with nothing to do.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionHarness, defaultContext } from './action-runner.js';

let ws = '';
let harness: ActionHarness;

beforeAll(async () => {
  ws = await mkdtemp(join(tmpdir(), 'ipm-db-ws-'));
  await mkdir(join(ws, 'module'));
  harness = await ActionHarness.create(defaultContext(ws));
});
afterAll(async () => {
  await harness?.dispose();
  await rm(ws, { recursive: true, force: true });
});

describe('dist/index.js', () => {
  it('fails on bad inputs with one error naming each input, before saving any state', async () => {
    const r = await harness.main({
      'iris-versions': '2025.1',
      dev: 'yes',
      'upload-artifacts': 'sometimes',
      'startup-timeout': 'soon',
    });
    expect(r.code).toBe(1);
    const error = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toMatch(/input "dev": "yes" is not a boolean/);
    expect(error).toMatch(/input "upload-artifacts"/);
    expect(error).toMatch(/input "startup-timeout"/);
    expect(r.state).toEqual({});
    expect(r.stdout).toContain(`::add-mask::${harness.ctx.token}`);
    expect(r.stdout.replace(`::add-mask::${harness.ctx.token}`, '')).not.toContain(harness.ctx.token);
  });

  it('fails on a missing module.xml with outputs set and a summary explaining it', async () => {
    const r = await harness.main({ 'module-path': 'module', 'iris-versions': '2025.1' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::input "module-path": no module.xml in module/);
    expect(r.outputs.result).toBe('[]');
    expect(r.outputs.archive).toBe('');
    expect(r.summary).toMatch(/\[!CAUTION\]\n> input &#34;module-path&#34;: no module.xml in module/);
    expect(r.state['ipm-db-run-id']).toMatch(/^4242-[0-9a-f]{8}$/);
    for (const text of [r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs)])
      expect(text.replace(`::add-mask::${harness.ctx.token}`, '')).not.toContain(harness.ctx.token);
  });

  it('refuses a bad ipm-db.yml before saving any state: the error names file, line and key, annotated there', async () => {
    await mkdir(join(ws, 'settings-mod'));
    await writeFile(join(ws, 'settings-mod', 'module.xml'), '<Export/>');
    await writeFile(join(ws, 'settings-mod', 'ipm-db.yml'), 'dev: true\nrun-tests: sometimes\n');
    const r = await harness.main({ 'module-path': 'settings-mod', 'iris-versions': '2025.1' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error title=ipm-db.yml%3A run-tests,file=settings-mod/ipm-db.yml,line=2::run-tests: must be true or false',
    );
    expect(r.stdout).toMatch(
      /::error::settings-mod\/ipm-db\.yml is not valid:%0A {2}settings-mod\/ipm-db\.yml:2: run-tests: /,
    );
    expect(r.state).toEqual({});
  });

  it('names the image input when it is not an image reference (none given means the default image)', async () => {
    const r = await harness.main({ 'iris-images': 'Not An Image' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/input "iris-images": "Not An Image" is not an image reference/);
  });
});

describe('dist/post.js', () => {
  it('has nothing to do when the main step created nothing', async () => {
    const r = await harness.post({});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing to clean up');
  });

  it('only warns when docker is unreachable', async () => {
    await writeFile(join(ws, 'marker'), '');
    const broken = await ActionHarness.create(defaultContext(ws), { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    try {
      const r = await broken.post({
        'ipm-db-run-id': 'run-x',
        'ipm-db-resources': JSON.stringify([{ kind: 'container', name: 'ipm-db-x' }]),
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/::warning::(Listing the run's containers failed|Removing container ipm-db-x failed)/);
    } finally {
      await broken.dispose();
    }
  });
});
