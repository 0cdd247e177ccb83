// The stand-in models an IRIS instance upgrade on a durable volume (Durable %SYS): a newer IRIS
// started on the data directory of an older one upgrades it and keeps its data; an older IRIS refuses it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { docker } from '../../support/docker-engine.js';
import { StandinContainer, ipmdbValues } from '../../standin/container.js';

describeWithDocker('iris-upgrade: an instance on a durable volume across IRIS versions (stand-in)', () => {
  let host: string;
  let image: string;
  const id = `${process.pid}-${Date.now().toString(36)}`;
  const volume = `standin-iris-upgrade-${id}`;
  const containers: StandinContainer[] = [];

  const start = async (suffix: string, version: string) => {
    const c = await StandinContainer.run(host, image, `standin-iris-upgrade-${id}-${suffix}`, {
      volume,
      env: { STANDIN_IRIS_VERSION: version },
    });
    containers.push(c);
    return c;
  };

  beforeAll(async () => {
    ({ dockerHost: host, standinImage: image } = requireDocker());
    await docker(host, ['volume', 'create', volume]);
  });
  afterAll(async () => {
    for (const c of containers) await c.remove();
    await docker(host, ['volume', 'rm', '-f', volume]).catch(() => undefined);
  });

  it('upgrades the instance for a newer IRIS, keeping its data, and refuses an older IRIS', async () => {
    const a = await start('a', '2025.1');
    expect((await a.waitReady()).code).toBe(0);
    await a.session(['set ^Kept("a")=1', 'halt']);
    await docker(host, ['stop', '-t', '30', a.name]);

    const b = await start('b', '2025.3');
    expect((await b.waitReady()).code).toBe(0);
    const r = await b.session(['write "##IPMDB kept=",$get(^Kept("a")),!', 'write "##IPMDB v=",$zversion,!', 'halt']);
    expect(ipmdbValues(r.stdout)).toMatchObject({ kept: '1', v: expect.stringContaining(' 2025.3 ') });
    const log = await b.exec(['cat', '/durable/iris/mgr/messages.log']);
    expect(log.stdout).toMatch(
      /Upgrading instance data in \/durable\/iris\/mgr\/ from IRIS 2025\.1\.0\.223\.0 to 2025\.3\.0\.223\.0/,
    );
    await docker(host, ['stop', '-t', '30', b.name]);

    const c = await start('c', '2025.1');
    const status = await docker(host, ['wait', c.name]);
    expect(status.stdout.trim()).toBe('1');
    expect(await c.logs()).toMatch(
      /belongs to IRIS 2025\.3\.0\.223\.0; this is IRIS 2025\.1\.0\.223\.0 \(downgrades are not supported\)/,
    );
  });
});
