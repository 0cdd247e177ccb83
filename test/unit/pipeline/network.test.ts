// The IRIS container's default network publishes nothing (issue 12, item 10).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRunArgs } from '../../../src/iris/container.js';
import { chooseNetwork, isLoopbackHost, needsOutbound } from '../../../src/pipeline/network.js';

describe('chooseNetwork', () => {
  it('is none when nothing needs the network', () => {
    expect(chooseNetwork({ outbound: false }).network).toBe('none');
  });
  it('is the default bridge (no published port) when IPM downloads', () => {
    expect(chooseNetwork({ outbound: true }).network).toBe('bridge');
  });
  it('is host only when asked for or for a registry on the loopback', () => {
    expect(chooseNetwork({ requested: 'host', outbound: false }).network).toBe('host');
    expect(chooseNetwork({ outbound: false, irisRegistry: 'http://127.0.0.1:5000' }).network).toBe('host');
    expect(chooseNetwork({ outbound: true, irisRegistry: 'ghcr.io' }).network).toBe('bridge');
    expect(chooseNetwork({ outbound: false, irisRegistry: 'ghcr.io' }).network).toBe('none');
  });
  it('a requested network wins', () => {
    expect(chooseNetwork({ requested: 'my-net', outbound: true, irisRegistry: 'localhost:5000' })).toEqual({
      network: 'my-net',
      why: 'asked for',
    });
  });
  it.each([
    ['localhost:5000', true],
    ['127.0.0.1', true],
    ['http://127.1.2.3:80/v2', true],
    ['[::1]:5000', true],
    ['https://LOCALHOST/', true],
    ['ghcr.io', false],
    ['127.0.0.1.example.com', false],
    ['10.0.0.1:5000', false],
  ])('isLoopbackHost(%s) = %s', (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));
  it('the container default is no network, never host', () => {
    expect(buildRunArgs({ image: 'iris:2025.1', runId: 'r' }, 'n')).toContain('--network=none');
  });
});

describe('needsOutbound', () => {
  let dir = '';
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  async function moduleWith(files: Record<string, string>, dirs: string[] = []): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-network-'));
    for (const d of dirs) await mkdir(join(dir, d), { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  }
  const manifest = (deps: boolean) =>
    `<Export><Document name="m.ZPM"><Module><Name>m</Name><Version>1.0.0</Version>${
      deps
        ? '<Dependencies><ModuleReference><Name>dep</Name><Version>1.0.0</Version></ModuleReference></Dependencies>'
        : ''
    }</Module></Document></Export>`;

  it('is false for a module without dependencies or Python requirements', async () => {
    expect(await needsOutbound(await moduleWith({ 'module.xml': manifest(false) }), true)).toBe(false);
  });
  it('is true for requirements.txt unless Python dependencies are not exported', async () => {
    const d = await moduleWith({ 'module.xml': manifest(false), 'requirements.txt': 'requests\n' });
    expect(await needsOutbound(d, true)).toBe(true);
    expect(await needsOutbound(d, false)).toBe(false);
  });
  it('is true for dependencies IPM must fetch, false when .modules/ provides them', async () => {
    expect(await needsOutbound(await moduleWith({ 'module.xml': manifest(true) }), true)).toBe(true);
    await rm(dir, { recursive: true, force: true });
    expect(await needsOutbound(await moduleWith({ 'module.xml': manifest(true) }, ['.modules/dep']), true)).toBe(false);
  });
  it('reads dependencies as IPM does: a commented-out ModuleReference, or one outside Dependencies, is none', async () => {
    const commented = manifest(false).replace(
      '</Version>',
      '</Version><!-- <Dependencies><ModuleReference><Name>dep</Name></ModuleReference></Dependencies> -->',
    );
    expect(await needsOutbound(await moduleWith({ 'module.xml': commented }), true)).toBe(false);
    await rm(dir, { recursive: true, force: true });
    const elsewhere = manifest(false).replace('</Version>', '</Version><Notes><ModuleReference/></Notes>');
    expect(await needsOutbound(await moduleWith({ 'module.xml': elsewhere }), true)).toBe(false);
  });
});
