import { describe, expect, it } from 'vitest';
import {
  attributeChanges,
  parseDeclaredChanges,
  undeclaredChangeProblems,
} from '../../../../src/pipeline/upgrade/declared.js';
import {
  DEFAULT_EXCLUDED_GLOBALS,
  diffFingerprints,
  selectGlobals,
  toDataFingerprint,
} from '../../../../src/pipeline/upgrade/fingerprint.js';
import { judgeSteps, rowsOfPackage, stepProblems, stepsThatRan } from '../../../../src/pipeline/upgrade/steps.js';
import type { GlobalFingerprint, UpdateStepRow } from '../../../../src/pipeline/upgrade/results.js';

function global(name: string, nodes: Record<string, string>, limit = Infinity): GlobalFingerprint {
  const entries = Object.entries(nodes);
  return {
    name,
    nodes: entries.length,
    hash: entries.length === 0 ? '' : entries.map(([k, v]) => `${k}=${v}`).join(';'),
    nodeHashes: Object.fromEntries(entries.slice(0, limit)),
  };
}

function row(className: string, methodName: string, start: string, end: string, statusOk = true): UpdateStepRow {
  return { className, methodName, primaryOnly: false, timeStampStart: start, timeStampEnd: end, statusOk };
}

describe('global selection', () => {
  const present = [
    '^DemoOrders.CustomerOrderD',
    '^DemoOrders.Settings',
    '^IPM.Storage.ModuleD',
    '^%SYS',
    '^ERRORS',
    '^Other',
  ];

  it('takes every global of the data database except the default exclusions', () => {
    expect(selectGlobals(present, { include: [], exclude: DEFAULT_EXCLUDED_GLOBALS })).toEqual([
      '^DemoOrders.CustomerOrderD',
      '^DemoOrders.Settings',
      '^Other',
    ]);
  });

  it('takes only what include names, keeping named globals that are absent so their loss shows', () => {
    expect(selectGlobals(present, { include: ['^DemoOrders.*', '^DemoOrders.StepRuns'], exclude: [] })).toEqual([
      '^DemoOrders.CustomerOrderD',
      '^DemoOrders.Settings',
      '^DemoOrders.StepRuns',
    ]);
  });

  it('refuses malformed patterns', () => {
    expect(() => selectGlobals(present, { include: ['DemoOrders'], exclude: [] })).toThrow(
      /not a global name or pattern/,
    );
    expect(() => selectGlobals(present, { include: [], exclude: ['^*'] })).toThrow(/not a global name or pattern/);
    expect(() => selectGlobals(present, { include: ['^A*B'], exclude: [] })).toThrow(/not a global name or pattern/);
  });
});

describe('fingerprint diff', () => {
  const before = toDataFingerprint([
    global('^Orders', { '^Orders': '3', '^Orders(1)': 'a', '^Orders(2)': 'b', '^Orders(3)': 'c' }),
    global('^Settings', { '^Settings("currency")': 'EUR', '^Settings("region")': 'eu' }),
    global('^Gone', { '^Gone(1)': 'x' }),
  ]);

  it('finds nothing when nothing changed', () => {
    expect(diffFingerprints(before, before)).toEqual([]);
  });

  it('lists added, removed and changed globals with node-level differences', () => {
    const after = toDataFingerprint([
      global('^Orders', { '^Orders': '3', '^Orders(1)': 'a', '^Orders(2)': 'b', '^Orders(3)': 'c' }),
      global('^Settings', { '^Settings("billing","currency")': 'EUR', '^Settings("region")': 'eu-2' }),
      global('^Gone', {}),
      global('^New', { '^New': '1' }),
    ]);
    const changes = diffFingerprints(before, after);
    expect(changes.map((c) => [c.global, c.kind, c.nodesBefore, c.nodesAfter])).toEqual([
      ['^Gone', 'removed', 1, 0],
      ['^New', 'added', 0, 1],
      ['^Settings', 'changed', 2, 2],
    ]);
    expect(changes[2]!.nodeChanges).toEqual([
      { kind: 'removed', node: '^Settings("currency")' },
      { kind: 'changed', node: '^Settings("region")' },
      { kind: 'added', node: '^Settings("billing","currency")' },
    ]);
    expect(changes[0]!.nodeChanges).toEqual([{ kind: 'removed', node: '^Gone(1)' }]);
  });

  it('gives no node-level differences when a side listed only some of its nodes', () => {
    const big = (value: string) =>
      toDataFingerprint([global('^Big', { '^Big(1)': '1', '^Big(2)': value, '^Big(3)': '3' }, 2)]);
    const [change] = diffFingerprints(big('2'), big('two'));
    expect(change!.kind).toBe('changed');
    expect(change!.nodeChanges).toBeNull();
  });

  it('treats a global missing from one side as absent there', () => {
    const changes = diffFingerprints(before, toDataFingerprint([]));
    expect(changes.map((c) => c.kind)).toEqual(['removed', 'removed', 'removed']);
  });
});

describe('declared changes', () => {
  it('parses entries separated by newlines or ";", with comments, patterns and class-wide steps', () => {
    expect(parseDeclaredChanges('# migrations\nA.U.V2:Move=^S, ^Runs ;A.U.V3:*=^App.*\n')).toEqual([
      { step: 'A.U.V2:Move', globals: ['^S', '^Runs'] },
      { step: 'A.U.V3:*', globals: ['^App.*'] },
    ]);
  });

  it('refuses entries it cannot read, saying how to write them', () => {
    expect(() => parseDeclaredChanges('A.U.V2:Move')).toThrow(/has no "="/);
    expect(() => parseDeclaredChanges('A.U.V2:Move=')).toThrow(/names no global/);
    expect(() => parseDeclaredChanges('Move=^S')).toThrow(/Package.Class:Method/);
    expect(() => parseDeclaredChanges('A.U.V2:Move=S')).toThrow(/not a global name or pattern/);
    expect(() => parseDeclaredChanges('x y:*=^S')).toThrow(/not a class or package name/);
  });

  const changes = diffFingerprints(
    toDataFingerprint([global('^S', { '^S(1)': 'a' }), global('^Orders', { '^Orders(1)': 'a', '^Orders(2)': 'b' })]),
    toDataFingerprint([global('^S', { '^S(1)': 'b' }), global('^Orders', { '^Orders(1)': 'a' })]),
  );
  const declarations = parseDeclaredChanges('A.U.V2:Move=^S;A.U.V1:Init=^Orders;A.U.V3:*=^Orders');

  it('credits a change only to steps that ran in this upgrade and declared the global', () => {
    const attributed = attributeChanges(changes, ['A.U.V2:Move'], declarations);
    expect(attributed.map((c) => [c.global, c.declaredBy])).toEqual([
      ['^Orders', []],
      ['^S', ['A.U.V2:Move']],
    ]);
    expect(undeclaredChangeProblems(attributed)).toEqual([
      '^Orders changed (2 -> 1 nodes) but no update step that ran declared it: removed ^Orders(2)',
    ]);
    expect(attributeChanges(changes, ['A.U.V3:Other'], declarations)[0]!.declaredBy).toEqual(['A.U.V3:Other']);
  });

  it('reports a silently dropped global', () => {
    const dropped = diffFingerprints(
      toDataFingerprint([global('^Keep', { '^Keep(1)': 'a', '^Keep(2)': 'b' })]),
      toDataFingerprint([]),
    );
    expect(undeclaredChangeProblems(attributeChanges(dropped, [], declarations))).toEqual([
      '^Keep disappeared (2 nodes before) but no update step that ran declared it: removed ^Keep(1), removed ^Keep(2)',
    ]);
  });
});

describe('update-step rules', () => {
  const expected = ['P.U.V1:Init', 'P.U.V2:Move'];
  const seededV1 = row('P.U.V1', 'Init', '', '2026-01-01 10:00:00');

  it('accepts a fresh install that seeded every step', () => {
    const verdicts = judgeSteps('fresh', expected, [], [seededV1, row('P.U.V2', 'Move', '', '2026-01-01 10:00:00')]);
    expect(verdicts.map((v) => [v.step, v.outcome, v.ok])).toEqual([
      ['P.U.V1:Init', 'seeded', true],
      ['P.U.V2:Move', 'seeded', true],
    ]);
    expect(stepProblems(verdicts)).toEqual([]);
  });

  it('flags a step that ran on a fresh install, and one never recorded', () => {
    const verdicts = judgeSteps(
      'fresh',
      expected,
      [],
      [row('P.U.V1', 'Init', '2026-01-01 10:00:00', '2026-01-01 10:00:00')],
    );
    expect(verdicts.map((v) => v.outcome)).toEqual(['ran-on-fresh-install', 'missing']);
    expect(stepProblems(verdicts)).toEqual([
      'update step P.U.V1:Init ran on a fresh install, where IPM must only seed it',
      'update step P.U.V2:Move is declared by the installed step classes but IPM never recorded it as done',
    ]);
  });

  it('accepts an upgrade that ran the new step once and left the seeded one alone', () => {
    const verdicts = judgeSteps(
      'upgrade',
      expected,
      [seededV1],
      [seededV1, row('P.U.V2', 'Move', '2026-01-02 10:00:00', '2026-01-02 10:00:01')],
    );
    expect(verdicts.map((v) => v.outcome)).toEqual(['kept', 'ran']);
    expect(stepsThatRan(verdicts)).toEqual(['P.U.V2:Move']);
    expect(stepProblems(verdicts)).toEqual([]);
  });

  it('catches a step that runs twice: done before, timestamps moved', () => {
    const verdicts = judgeSteps(
      'upgrade',
      expected,
      [seededV1],
      [
        row('P.U.V1', 'Init', '2026-01-02 10:00:00', '2026-01-02 10:00:00'),
        row('P.U.V2', 'Move', '2026-01-02 10:00:00', '2026-01-02 10:00:01'),
      ],
    );
    expect(verdicts[0]!.outcome).toBe('ran-again');
    expect(stepProblems(verdicts)).toEqual([
      'update step P.U.V1:Init had already run (or been seeded) before the upgrade and ran again',
    ]);
  });

  it('catches a new step that never runs: seeded instead, or not recorded', () => {
    expect(
      judgeSteps('upgrade', expected, [seededV1], [seededV1, row('P.U.V2', 'Move', '', '2026-01-02 10:00:00')])[1]!
        .outcome,
    ).toBe('seeded-not-run');
    expect(judgeSteps('upgrade', expected, [seededV1], [seededV1])[1]!.outcome).toBe('missing');
  });

  it('catches a step new in this release that an earlier install already marked done', () => {
    const seededMove = row('P.U.V2', 'Move', '', '2026-01-01 10:00:00');
    const verdicts = judgeSteps('upgrade', expected, [seededV1, seededMove], [seededV1, seededMove], ['P.U.V1:Init']);
    expect(verdicts.map((v) => v.outcome)).toEqual(['kept', 'done-before-release']);
    expect(stepProblems(verdicts)).toEqual([
      'update step P.U.V2:Move is new in this release but was already marked done before the upgrade (an earlier install seeded it), so its migration never ran',
    ]);
    // without the previous release's step list the same tables look fine
    expect(judgeSteps('upgrade', expected, [seededV1, seededMove], [seededV1, seededMove]).map((v) => v.ok)).toEqual([
      true,
      true,
    ]);
  });

  it('accepts re-running a step that had failed before, and flags one that fails now', () => {
    const failedBefore = row('P.U.V2', 'Move', '2026-01-01 10:00:00', '2026-01-01 10:00:01', false);
    const rerun = row('P.U.V2', 'Move', '2026-01-02 10:00:00', '2026-01-02 10:00:01');
    expect(judgeSteps('upgrade', expected, [seededV1, failedBefore], [seededV1, rerun])[1]!.outcome).toBe('ran');
    expect(judgeSteps('upgrade', expected, [seededV1], [seededV1, { ...rerun, statusOk: false }])[1]!.outcome).toBe(
      'failed',
    );
  });

  it('keeps only the rows of the module update package', () => {
    const rows = [
      seededV1,
      row('P.U.Version', 'X', '', '1'),
      row('Other.U.V1', 'Init', '', '1'),
      row('P.U.V10', 'Y', '', '1'),
    ];
    expect(rowsOfPackage(rows, 'P.U').map((r) => `${r.className}:${r.methodName}`)).toEqual([
      'P.U.V1:Init',
      'P.U.Version:X',
      'P.U.V10:Y',
    ]);
  });
});
