import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheStore } from '../../../src/action/cache-store.js';
import type { DockerCommand } from '../../../src/action/docker-cli.js';
import { restoreWarmImage, saveWarmImage } from '../../../src/action/warm-cache.js';
import { warmImageKey, warmImageTag } from '../../../src/ipm/warm-image.js';

const ID = `sha256:${'1'.repeat(64)}`;
const PIN = `git-${'a'.repeat(40)}`;
const TAG = warmImageTag(warmImageKey(ID, PIN, 'USER'));
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-warmcache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A cache holding files by key; a docker whose image list and load/save are in memory. */
function fakes(opts: { cached?: string; loadFails?: boolean; localWarm?: boolean }) {
  const saved = new Map<string, string>();
  const calls: string[][] = [];
  const store: CacheStore = {
    available: () => true,
    restore: async ([path], key) => {
      if (opts.cached === undefined) return null;
      await writeFile(path!, opts.cached);
      return key;
    },
    save: async ([path], key) => {
      saved.set(key, path!);
      return true;
    },
  };
  const docker: DockerCommand = async (args) => {
    calls.push(args);
    if (args[0] === 'image' && args[1] === 'inspect') {
      if (args[4] === TAG && !opts.localWarm) throw new Error('No such image');
      return { stdout: `${ID}\n` };
    }
    if (args[0] === 'load' && opts.loadFails) throw new Error('unexpected EOF');
    if (args[0] === 'image' && args[1] === 'save') await writeFile(args[3]!, 'tar bytes');
    return { stdout: '' };
  };
  return { store, docker, saved, calls };
}

describe('warm IPM images in the Actions cache', () => {
  it('are restored by the key of the IRIS image id and IPM pin, and not saved again', async () => {
    const f = fakes({ cached: 'tar' });
    const warnings: string[] = [];
    const entry = await restoreWarmImage('iris:2026.1', PIN, dir, f.store, f.docker, (m) => warnings.push(m));
    expect(entry).toMatchObject({ tag: TAG, restored: true });
    expect(f.calls.some((c) => c[0] === 'load')).toBe(true);
    expect(await saveWarmImage(entry!, dir, f.store, f.docker, (m) => warnings.push(m))).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('a damaged entry warns and leaves the run to install IPM; the committed image is saved afterwards', async () => {
    const f = fakes({ cached: 'garbage', loadFails: true, localWarm: true });
    const warnings: string[] = [];
    const entry = await restoreWarmImage('iris:2026.1', PIN, dir, f.store, f.docker, (m) => warnings.push(m));
    expect(entry!.restored).toBe(false);
    expect(warnings[0]).toMatch(/docker load of the cached warm IPM image .* failed; IPM is installed afresh/);
    expect(await saveWarmImage(entry!, dir, f.store, f.docker, () => {})).toBe(true);
    expect([...f.saved.keys()]).toEqual([entry!.cacheKey]);
  });

  it('nothing is saved when the run committed no warm image', async () => {
    const f = fakes({});
    const entry = await restoreWarmImage('iris:2026.1', PIN, dir, f.store, f.docker, () => {});
    expect(entry!.restored).toBe(false);
    expect(await saveWarmImage(entry!, dir, f.store, f.docker, () => {})).toBe(false);
    expect(f.saved.size).toBe(0);
  });
});
