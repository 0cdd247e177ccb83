import { describe, expect, it } from 'vitest';
import { cleanup, parseResources, ResourceLedger, STATE_RESOURCES } from '../../../src/action/cleanup.js';
import { labelledEngine as engine } from '../../support/labelled-engine.js';

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
