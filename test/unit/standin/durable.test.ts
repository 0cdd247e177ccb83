import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Instance } from '../../standin/instance.js';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'standin-durable-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('stand-in Durable %SYS', () => {
  it("a first start on an empty durable directory clones the image's instance; later starts keep their own", () => {
    const installEnv = { STANDIN_INSTALL_MGR: join(dir, 'install', 'mgr') + '/', STANDIN_READY_FILE: join(dir, 'r1') };
    const image = new Instance(installEnv);
    image.ensureCreated();
    image.update('USER', (c) => void (c.globals['^Warm'] = '"IPM here"'));
    image.createDatabase('APP');

    const durableEnv = {
      ...installEnv,
      ISC_DATA_DIRECTORY: join(dir, 'durable', 'iris'),
      STANDIN_READY_FILE: join(dir, 'r2'),
    };
    const durable = new Instance(durableEnv);
    durable.ensureCreated();
    const mgr = join(dir, 'durable', 'iris', 'mgr') + '/';
    expect(durable.config().databases).toEqual({
      IRISSYS: mgr,
      USER: join(mgr, 'user') + '/',
      APP: join(mgr, 'APP') + '/',
    });
    expect(durable.read('USER').globals['^Warm']).toBe('"IPM here"');
    expect(readFileSync(durable.datFile('APP'))).toEqual(readFileSync(image.datFile('APP')));

    // The clone is the instance's own from now on: the image is untouched, a restart keeps the data.
    durable.update('USER', (c) => void (c.globals['^Warm'] = '"changed"'));
    expect(image.read('USER').globals['^Warm']).toBe('"IPM here"');
    new Instance(durableEnv).ensureCreated();
    expect(durable.read('USER').globals['^Warm']).toBe('"changed"');
  });

  it('an image that never ran an instance gives a fresh, empty one', () => {
    const env = {
      STANDIN_INSTALL_MGR: join(dir, 'install', 'mgr') + '/',
      ISC_DATA_DIRECTORY: join(dir, 'durable', 'iris'),
      STANDIN_READY_FILE: join(dir, 'r'),
    };
    const durable = new Instance(env);
    durable.ensureCreated();
    expect(Object.keys(durable.config().databases).sort()).toEqual(['IRISSYS', 'USER']);
    expect(durable.read('USER').globals).toEqual({});
  });
});
