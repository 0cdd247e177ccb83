import { describe, expect, it } from 'vitest';
import { buildSummary, formatBytes } from '../../../src/action/summary.js';
import { outcome, run, stages } from './fixtures.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('buildSummary', () => {
  it('renders a green run: title, overview table, archive facts, dependencies, warnings, publish', () => {
    const md = buildSummary(outcome());
    expect(md).toMatch(/^## ✅ demo 1\.2\.3\n/);
    const header = md.split('\n').find((l) => l.startsWith('| IRIS |'));
    expect(header).toBe(
      '| IRIS | start | ipm | load | package | verify | install | test | upgrade | publish | total |',
    );
    const row = md.split('\n').find((l) => l.startsWith('| ✅ IRIS 2025.1'));
    expect(row?.split(' | ')).toHaveLength(11);
    expect(row).toContain('✅ 1 s');
    expect(md).toContain('| archive | `demo-1.2.3-database.tgz` (4.0 KiB) |');
    expect(md).toContain(`| sha256 | \`${'a'.repeat(64)}\` |`);
    expect(md).toContain(`| IRIS.DAT sha256 | \`${'b'.repeat(64)}\` |`);
    expect(md).toContain('- dep-module 1.0.2');
    expect(md).toContain('- warning iris-dat-size: IRIS.DAT: not a multiple of 8192 bytes');
    expect(md).toContain('| published | `ghcr.io/acme/demo:1.2.3_database__2025.1` |');
    expect(md).toContain(`| digest | \`sha256:${'c'.repeat(64)}\` |`);
    expect(md).toContain(
      `| round-trip | verified \`sha256:${'c'.repeat(64)}\` (read back by digest, layer verified again) |`,
    );
    expect(md).not.toContain('<details>');
  });

  it('renders a failure with the stage message and the escaped IRIS output in <details>', () => {
    const irisOutput = 'ERROR #5475: Error compiling routine: Demo.Broken.cls <SYNTAX> </pre><script>alert(1)</script>';
    const failed = run({
      ok: false,
      stages: stages('load', irisOutput),
      archive: null,
      published: null,
      verification: null,
    });
    const md = buildSummary(
      outcome({
        ok: false,
        runs: [failed],
        failure: { message: 'Compiling demo failed', hint: 'Fix the class', details: null },
      }),
    );
    expect(md).toMatch(/^## ❌ demo 1\.2\.3/);
    expect(md).toContain('> [!CAUTION]\n> Compiling demo failed<br>Fix the class');
    expect(md).toContain('**load failed:** load went wrong');
    const details = /<details><summary>IRIS output of the load stage<\/summary>\n\n<pre>([\s\S]*?)<\/pre>/.exec(md);
    expect(details?.[1]).toContain('&#60;SYNTAX&#62;');
    expect(details?.[1]).not.toContain('<script>');
    expect(details?.[1]).not.toContain('</pre>');
    const row = md.split('\n').find((l) => l.startsWith('| ❌ IRIS 2025.1'));
    expect(row).toContain('❌ 1.5 s');
    expect(row).toContain('⏭️');
  });

  it('has one row per IRIS version and a section per run', () => {
    const md = buildSummary(
      outcome({ runs: [run(), run({ irisVersion: '2024.1', image: 'localhost/iris-standin:2024.1' })] }),
    );
    expect(md.match(/^\| ✅ IRIS 20\d\d\.1/gm)).toHaveLength(2);
    expect(md.match(/^### /gm)).toHaveLength(2);
  });

  it('lists notices, annotation overflow, upgrade results and artifacts', () => {
    const md = buildSummary(
      outcome({
        notices: ['publishing is refused on a pull_request event from fork mallory/app'],
        annotationOverflow: ['error: src/A.cls:3: bad — Compile error'],
        runs: [
          run({
            upgrade: [
              {
                scenario: 'database',
                ok: true,
                message: '2 steps ran once',
                previous: { source: 'path', reference: '/prev.tgz', version: '1.0.0' },
                namespace: 'USER-UPG',
                moduleBefore: null,
                moduleAfter: null,
                before: null,
                after: null,
                changes: [],
                steps: [],
                checks: [],
                backup: null,
                problems: [],
                durationMs: 10,
              },
            ],
          }),
        ],
        artifacts: [{ name: 'ipm-db-2025.1-build', id: 7, size: 5000, files: ['a', 'b'], zipped: true }],
      }),
    );
    expect(md).toContain('> [!NOTE]\n> publishing is refused');
    expect(md).toContain('**More annotations (1 not shown inline)**');
    expect(md).toContain('- error: src/A.cls:3: bad — Compile error');
    expect(md).toContain('| database | ✅ | 2 steps ran once |');
    expect(md).toContain('<details><summary>Upgrade details: fingerprints, update steps, checks</summary>');
    expect(md).toContain('| scenario | result | module | update steps | checks | data |');
    expect(md).not.toContain('## Upgrade tests');
    expect(md).toContain('- `ipm-db-2025.1-build` (4.9 KiB, 2 files, zipped)');
  });

  it('links each artifact to its download in the run, and a GHCR package to its page', () => {
    const md = buildSummary(
      outcome({
        artifacts: [
          { name: 'ipm-db-2025.1-build-demo-1.2.3-database.tgz', id: 8, size: 4096, files: ['x'], zipped: false },
          { name: 'ipm-db-2025.1-build', id: 9, size: 5000, files: ['a', 'b'], zipped: true },
          { name: 'no-id', id: null, size: 1, files: ['c'], zipped: true },
        ],
        links: { runUrl: 'https://github.com/acme/demo/actions/runs/4242', sourceUrl: 'https://github.com/acme/demo' },
      }),
    );
    expect(md).toContain(
      '- [`ipm-db-2025.1-build-demo-1.2.3-database.tgz`](https://github.com/acme/demo/actions/runs/4242/artifacts/8) (4.0 KiB, the archive itself, not zipped)',
    );
    expect(md).toContain(
      '- [`ipm-db-2025.1-build`](https://github.com/acme/demo/actions/runs/4242/artifacts/9) (4.9 KiB, 2 files, zipped)',
    );
    expect(md).toContain('- `no-id` (1 B, 1 file, zipped)');
    expect(md).toContain(
      '| published | `ghcr.io/acme/demo:1.2.3_database__2025.1` · [package page](https://github.com/acme/demo/pkgs/container/demo) |',
    );
  });

  it('links no package page for another registry, and escapes what it shows', () => {
    const md = buildSummary(
      outcome({
        runs: [
          run({
            published: {
              reference: 'registry.example/acme/demo:1.2.3',
              tag: '1.2.3',
              digest: 'sha256:' + 'c'.repeat(64),
              unchanged: true,
              roundTrip: { status: 'verified', digest: 'sha256:' + 'c'.repeat(64), layerRead: false },
            },
          }),
        ],
        artifacts: [{ name: 'a|b](x)', id: 3, size: 1, files: ['a'], zipped: true }],
        links: { runUrl: 'https://github.com/acme/demo/actions/runs/1', sourceUrl: 'https://github.com/acme/demo' },
      }),
    );
    expect(md).toContain('| published | `registry.example/acme/demo:1.2.3` (unchanged) |');
    expect(md).not.toContain('package page');
    expect(md).toContain('- [`a\\|b](x)`](https://github.com/acme/demo/actions/runs/1/artifacts/3)');
  });

  it('stays under the limit by shortening the biggest block first, and says so', () => {
    const huge = 'x'.repeat(3_000_000) + 'THE-END';
    const small = 'small output that must survive';
    const r1 = run({ ok: false, stages: stages('load', huge) });
    const r2 = run({ ok: false, irisVersion: '2024.1', stages: stages('install', small) });
    const md = buildSummary(outcome({ ok: false, runs: [r1, r2] }));
    expect(bytes(md)).toBeLessThanOrEqual(1_000_000);
    expect(bytes(md)).toBeGreaterThan(900_000);
    expect(md).toContain('[!WARNING]');
    expect(md).toContain('THE-END');
    expect(md).toMatch(/\[\d+ bytes cut to fit the job summary limit/);
    expect(md).toContain(small);
    expect(md).toContain(`| sha256 | \`${'a'.repeat(64)}\` |`);
  });

  it('respects a small limit with many blocks and multi-byte text', () => {
    const many = Array.from({ length: 400 }, (_, i) => `error: src/F${i}.cls:1: ünïcödé — ✗`);
    const md = buildSummary(
      outcome({ annotationOverflow: many, runs: [run({ ok: false, stages: stages('verify', '€'.repeat(50_000)) })] }),
      20_000,
    );
    expect(bytes(md)).toBeLessThanOrEqual(20_000);
    expect(md).not.toContain('\uFFFD');
    expect(md).toContain('[!WARNING]');
  });
});

describe('formatting helpers', () => {
  it('formats sizes', () => {
    expect(formatBytes(100)).toBe('100 B');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MiB');
  });
});

describe('buildSummary: IRIS assumptions', () => {
  it('lists every probed assumption and says how many do not hold', () => {
    const holding = run({
      assumptions: [
        { name: 'piped-session-no-echo', holds: true, expected: 'no echo', saw: 'no echo' },
        { name: 'exit-status-terminate', holds: true, expected: 'exit 1', saw: 'exit 1' },
      ],
    });
    const md = buildSummary(outcome({ runs: [holding] }));
    expect(md).toContain('**IRIS assumptions:** all 2 probed hold');
    expect(md).toMatch(/\| `exit-status-terminate` \| ✅ \| exit 1 \| exit 1 \|/);
    const broken = run({
      assumptions: [
        { name: 'piped-session-no-echo', holds: true, expected: 'no echo', saw: 'no echo' },
        { name: 'exit-status-terminate', holds: false, expected: 'exit 1', saw: 'exit 0' },
      ],
    });
    expect(buildSummary(outcome({ runs: [broken] }))).toContain('**IRIS assumptions:** 1 of 2 do not hold');
    expect(buildSummary(outcome({ runs: [run()] }))).not.toContain('IRIS assumptions');
  });
});
