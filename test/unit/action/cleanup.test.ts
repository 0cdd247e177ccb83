import { describe, expect, it } from 'vitest';
import { cleanup, parseResources, ResourceLedger, STATE_RESOURCES } from '../../../src/action/cleanup.js';
import type { Docker } from '../../../src/action/docker-cli.js';

/** A docker CLI double holding named containers/volumes with run labels; records every call. */
function engine(containers: Record<string, string>, volumes: Record<string, string>, failRm: string[] = []) {
  const calls: string[][] = [];
  const docker: Docker = async (args) => {
    calls.push(args);
    if (args[0] === 'ps')
      return {
        stdout:
          Object.entries(containers)
            .map(([n, l]) => `${n}\t${l}`)
            .join('\n') + '\n',
      };
    if (args[0] === 'volume' && args[1] === 'ls')
      return {
        stdout: Object.entries(volumes)
          .map(([n, l]) => `${n}\t${l}`)
          .join('\n'),
      };
    const name = args[args.length - 1]!;
    if (failRm.includes(name)) throw new Error(`Error response from daemon: ${name} is busy`);
    if (args[0] === 'rm') {
      if (!(name in containers)) throw new Error(`Error: No such container: ${name}`);
      delete containers[name];
    } else if (args[0] === 'volume' && args[1] === 'rm') delete volumes[name];
    return { stdout: '' };
  };
  return { docker, calls, containers, volumes };
}

describe('cleanup', () => {
  it('removes the recorded and labelled containers and volumes of this run only', async () => {
    const e = engine(
      { 'ipm-db-a': 'run7-1', 'ipm-db-b': 'run7-2', other: 'run70-1', foreign: '' },
      { 'vol-a': 'run7-1', 'vol-x': 'run8-1' },
    );
    const r = await cleanup('run7', [{ kind: 'container', name: 'ipm-db-gone' }], e.docker);
    expect(Object.keys(e.containers).sort()).toEqual(['foreign', 'other']);
    expect(Object.keys(e.volumes)).toEqual(['vol-x']);
    expect(r.removed.map((x) => x.name).sort()).toEqual(['ipm-db-a', 'ipm-db-b', 'vol-a']);
    expect(r.problems).toEqual([]);
    expect(e.calls.find((c) => c[0] === 'ps')).toContain('label=ipm-db.run');
  });

  it('collects failures as problems instead of throwing', async () => {
    const e = engine({ 'ipm-db-a': 'run7-1' }, {}, ['ipm-db-a']);
    const r = await cleanup('run7', [], e.docker);
    expect(r.problems).toEqual(['Removing container ipm-db-a failed: Error response from daemon: ipm-db-a is busy']);
  });

  it('ignores a malformed run id rather than passing it to docker', async () => {
    const e = engine({}, {});
    await cleanup('run7 --all', [], e.docker);
    expect(e.calls).toEqual([]);
  });
});

describe('ResourceLedger / parseResources', () => {
  it('saves the whole list on each new resource and reads it back', () => {
    const saved: Record<string, string> = {};
    const ledger = new ResourceLedger((n, v) => void (saved[n] = v));
    ledger.record({ kind: 'container', name: 'c1' });
    ledger.record({ kind: 'container', name: 'c1' });
    ledger.record({ kind: 'volume', name: 'v1' });
    expect(parseResources(saved[STATE_RESOURCES]!)).toEqual([
      { kind: 'container', name: 'c1' },
      { kind: 'volume', name: 'v1' },
    ]);
  });
  it('drops entries that are not plain names', () => {
    expect(
      parseResources(
        '[{"kind":"container","name":"-rf"},{"kind":"container","name":"ok"},{"kind":"image","name":"x"}]',
      ),
    ).toEqual([{ kind: 'container', name: 'ok' }]);
    expect(parseResources('not json')).toEqual([]);
  });
});
