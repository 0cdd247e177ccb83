import { describe, expect, it } from 'vitest';
import { renderUpgradeMarkdown } from '../../../../src/pipeline/upgrade/markdown.js';
import type { UpgradeScenarioResult } from '../../../../src/pipeline/upgrade/results.js';

const seededInit = {
  className: 'P.U.V1',
  methodName: 'Init',
  primaryOnly: false,
  timeStampStart: '',
  timeStampEnd: '2026-01-01 10:00:00',
  statusOk: true,
};

function result(overrides: Partial<UpgradeScenarioResult>): UpgradeScenarioResult {
  return {
    scenario: 'database',
    ok: true,
    message: 'demo-orders 1.0.0 -> 2.0.0: data kept, 1 step ran once, 2 checks passed',
    previous: {
      source: 'registry',
      reference: 'localhost:5000/acme/demo-orders:1.0.0_database__2025.1',
      version: '1.0.0',
    },
    namespace: 'USER-UPG1',
    moduleBefore: { version: '1.0.0', packaging: 'database' },
    moduleAfter: { version: '2.0.0', packaging: 'database' },
    before: {
      globals: {
        '^Orders': { name: '^Orders', nodes: 4, hash: 'AAAAAAAAAAAAAAAAbefore=', nodeHashes: {} },
        '^Settings': { name: '^Settings', nodes: 2, hash: 'SSSSSSSSSSSSSSSSbefore=', nodeHashes: {} },
      },
    },
    after: {
      globals: {
        '^Orders': { name: '^Orders', nodes: 4, hash: 'AAAAAAAAAAAAAAAAbefore=', nodeHashes: {} },
        '^Settings': { name: '^Settings', nodes: 3, hash: 'TTTTTTTTTTTTTTTTafter=', nodeHashes: {} },
      },
    },
    changes: [
      {
        global: '^Settings',
        kind: 'changed',
        nodesBefore: 2,
        nodesAfter: 3,
        hashBefore: 'SSSSSSSSSSSSSSSSbefore=',
        hashAfter: 'TTTTTTTTTTTTTTTTafter=',
        nodeChanges: [{ kind: 'added', node: '^Settings("billing","currency")' }],
        declaredBy: ['P.U.V2:Move'],
      },
    ],
    steps: [
      {
        step: 'P.U.V1:Init',
        outcome: 'kept',
        ok: true,
        before: seededInit,
        after: seededInit,
      },
      {
        step: 'P.U.V2:Move',
        outcome: 'ran',
        ok: true,
        before: null,
        after: {
          className: 'P.U.V2',
          methodName: 'Move',
          primaryOnly: false,
          timeStampStart: '2026-01-02 10:00:00',
          timeStampEnd: '2026-01-02 10:00:01',
          statusOk: true,
        },
      },
    ],
    checks: [{ check: 'P.Checks:OrdersKept', returned: '1', ok: true }],
    backup: { path: '/usr/irissys/mgr/upg1-code/IRIS_UPG1-CODE_20260102100000.DAT', exists: true },
    problems: [],
    durationMs: 1234,
    ...overrides,
  };
}

describe('upgrade report Markdown', () => {
  it('summarises each scenario in one row and details it below', () => {
    const md = renderUpgradeMarkdown([
      result({}),
      result({
        scenario: 'fresh',
        previous: { source: 'none', reference: '', version: null },
        steps: [],
        checks: [],
        before: null,
        changes: [],
        backup: null,
      }),
    ]);
    expect(md).toContain(
      '| database -> database | passed | 1.0.0 -&#62; 2.0.0 (database) | 1 ran, 1 seeded/kept | 1/1 | 2 globals, 1 changed |',
    );
    expect(md).toContain('| fresh install | passed | 2.0.0 (database) | - | - | 2 globals, 0 changed |');
    expect(md).toContain('Previous release: `localhost:5000/acme/demo-orders:1.0.0_database__2025.1` (registry)');
    expect(md).toContain('| `^Orders` | 4 | `AAAAAAAAAAAA` | 4 | `AAAAAAAAAAAA` | same |');
    expect(md).toContain(
      '| `^Settings` | 2 | `SSSSSSSSSSSS` | 3 | `TTTTTTTTTTTT` | changed, declared by `P.U.V2:Move` |',
    );
    expect(md).toContain('- added `^Settings("billing","currency")`');
    expect(md).toContain(
      '| `P.U.V1:Init` | was done before and not run again | (seeded) / 2026-01-01 10:00:00 | (seeded) / 2026-01-01 10:00:00 |',
    );
    expect(md).toContain('| `P.U.V2:Move` | ran once | - | 2026-01-02 10:00:00 / 2026-01-02 10:00:01 |');
    expect(md).toContain('| `P.Checks:OrdersKept` | `1` | ok |');
    expect(md).toContain('Swap backup: `/usr/irissys/mgr/upg1-code/IRIS_UPG1-CODE_20260102100000.DAT` exists');
    expect(md).not.toMatch(/\n{3}/);
  });

  it('makes failures stand out and lists every problem', () => {
    const md = renderUpgradeMarkdown([
      result({
        ok: false,
        message: 'data changed that no update step declared',
        problems: [
          '^Orders disappeared (4 nodes before) but no update step that ran declared it',
          'check P.Checks:OrdersKept returned 0',
        ],
        changes: [
          {
            global: '^Orders',
            kind: 'removed',
            nodesBefore: 4,
            nodesAfter: 0,
            hashBefore: 'A',
            hashAfter: '',
            nodeChanges: Array.from({ length: 12 }, (_, i) => ({ kind: 'removed' as const, node: `^Orders(${i})` })),
            declaredBy: [],
          },
        ],
        checks: [{ check: 'P.Checks:OrdersKept', returned: '0', ok: false }],
        backup: { path: '/b|x.DAT', exists: false },
        output: Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n') + '\nERROR! ```boom```',
      }),
    ]);
    expect(md).toContain('| database -> database | **failed** |');
    expect(md).toContain('**1 undeclared**');
    expect(md).toContain('- ^Orders disappeared (4 nodes before) but no update step that ran declared it');
    expect(md).toContain('**removed, undeclared**');
    expect(md).toContain('- and 2 more');
    expect(md).toContain('| `P.Checks:OrdersKept` | `0` | **failed** |');
    expect(md).toContain('Swap backup: `/b\\|x.DAT` **is missing**');
    expect(md).toContain('<details><summary>IRIS output of the failing step</summary>\n\n```\nline 12\n');
    expect(md).not.toContain('line 11\n');
    expect(md).toContain("ERROR! '''boom'''\n```");
  });

  it('says so when no scenario ran', () => {
    expect(renderUpgradeMarkdown([])).toBe('## Upgrade tests\n\nNo upgrade scenario ran.\n');
  });
});
