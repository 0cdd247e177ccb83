// cache-images: an image saved with docker save into the Actions cache (the real @actions/cache
// against the loopback results service) comes back with docker load after it was removed.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actionsCacheStore } from '../../../src/action/cache-store.js';
import { dockerCli } from '../../../src/action/docker-cli.js';
import { restoreImage, saveImage } from '../../../src/action/image-cache.js';
import { startResultsService, type ResultsService } from '../../support/actions-results-service.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { docker } from '../../support/docker-engine.js';

const run = promisify(execFile);
const IMAGE = 'localhost/ipm-db-cache-probe:1';

describeWithDocker('IRIS image cache', () => {
  let host = '';
  let dir = '';
  let service: ResultsService;
  const saved = { ...process.env };

  beforeAll(async () => {
    host = requireDocker().dockerHost;
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-imgcache-'));
    await writeFile(join(dir, 'marker'), 'a tiny image\n');
    await run('tar', ['-cf', join(dir, 'root.tar'), '-C', dir, 'marker']);
    await docker(host, ['import', join(dir, 'root.tar'), IMAGE]);
    service = await startResultsService();
    Object.assign(process.env, service.env, { GITHUB_WORKSPACE: dir, RUNNER_TEMP: join(dir, 'tmp') });
  });

  afterAll(async () => {
    process.env = saved;
    await service?.close();
    if (host) await docker(host, ['rmi', '-f', IMAGE]).catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('saves the image once and loads it back after it was removed', async () => {
    const warnings: string[] = [];
    const store = actionsCacheStore((m) => warnings.push(m));
    const cacheDir = join(dir, 'images');
    const { stdout: id } = await docker(host, ['image', 'inspect', '--format', '{{.Id}}', IMAGE]);
    expect(await restoreImage(IMAGE, cacheDir, store, dockerCli, (m) => warnings.push(m))).toBe(false);
    expect(await saveImage(IMAGE, cacheDir, store, dockerCli, (m) => warnings.push(m))).toBe(true);
    expect(service.caches.filter((c) => c.finalized).map((c) => c.key)).toEqual([
      'ipm-db-image-localhost_ipm-db-cache-probe:1',
    ]);
    await docker(host, ['rmi', '-f', IMAGE]);
    await expect(docker(host, ['image', 'inspect', IMAGE])).rejects.toThrow();
    expect(await restoreImage(IMAGE, cacheDir, store, dockerCli, (m) => warnings.push(m))).toBe(true);
    expect((await docker(host, ['image', 'inspect', '--format', '{{.Id}}', IMAGE])).stdout).toBe(id);
    expect(warnings).toEqual([]);
  });
});
