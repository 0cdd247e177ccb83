import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { STAGES } from '../../../src/pipeline/run-report.js';
import { readLegs } from '../../../src/workflow/leg-files.js';
import {
  parsePublishResult,
  parseReportFile,
  publishedMarkdown,
  publishOutputs,
  publishPlan,
  summaryTable,
  type Leg,
  type PublishedResult,
} from '../../../src/workflow/legs.js';
import { run, stages, verification } from '../action/fixtures.js';

function leg(version: string, overrides: Parameters<typeof run>[0] = {}, size = 4096): Leg {
  const report = run({ irisVersion: version, image: `iris-community:${version}`, published: null, ...overrides });
  const files = new Map<string, { path: string; size: number }>();
  if (report.archive) files.set(report.archive.fileName, { path: `/legs/${version}/${report.archive.fileName}`, size });
  return { version, reports: [report], files };
}

describe('summary table', () => {
  it('has one row per IRIS version in matrix order and one column per stage', () => {
    const md = summaryTable(
      [leg('2026.1'), leg('2025.3', { ok: false, stages: stages('install') })],
      ['2025.3', '2026.1'],
    );
    const rows = md.split('\n').filter((l) => l.startsWith('| 20'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| 2025\.3 \| ✅ \| ✅ \| ✅ \| ✅ \| ✅ \| ❌ \| ⏭️ \| ⏭️ \| ⏭️ \| ❌ failed \|/);
    expect(rows[1]).toMatch(/^\| 2026\.1 \| (✅ \| ){9}✅ passed \| 45 s \|$/);
    expect(md).toContain(`| IRIS | ${STAGES.join(' | ')} | result | time |`);
    expect(md).toContain('1 of 2 IRIS versions passed.');
    expect(md).toContain('- **2025.3**, install: install went wrong');
  });

  it('shows a leg that left no report as failed, and escapes Markdown in messages', () => {
    const broken = stages('load');
    broken[2] = { ...broken[2]!, message: 'a | b\n<script>' };
    const md = summaryTable([leg('2025.3', { ok: false, stages: broken })], ['2025.3', '2026.1']);
    expect(md).toMatch(/\| 2026\.1 \| (— \| ){9}❌ no report \|/);
    expect(md).toContain('the leg left no report');
    expect(md).toContain('load: a \\| b &#60;script&#62;');
    expect(md).toContain('0 of 2 IRIS versions passed.');
  });

  it('names the IRIS build when the tag is not the major.minor', () => {
    expect(summaryTable([leg('latest-em', { irisVersion: '2025.1' })], ['latest-em'])).toContain(
      '| latest-em (2025.1) |',
    );
  });
});

describe('publish plan', () => {
  it('gives one verified archive per expected version, with its tag', () => {
    const plan = publishPlan([leg('2025.3'), leg('2026.1')], ['2025.3', '2026.1']);
    expect(plan.map((p) => [p.version, p.archivePath, p.tag])).toEqual([
      ['2025.3', '/legs/2025.3/demo-1.2.3-database.tgz', '1.2.3_database__2025.3'],
      ['2026.1', '/legs/2026.1/demo-1.2.3-database.tgz', '1.2.3_database__2026.1'],
    ]);
    expect(plan[0]?.verification.valid).toBe(true);
  });

  it('refuses unless every expected leg passed with a verified archive of the reported size', () => {
    const cases: [Leg[], RegExp][] = [
      [[leg('2025.3')], /IRIS 2026\.1: no leg report/],
      [[leg('2025.3'), leg('2026.1', { ok: false })], /IRIS 2026\.1: the leg failed/],
      [[leg('2025.3'), leg('2026.1', { verification: verification({ valid: false }) })], /did not pass verification/],
      [[leg('2025.3'), leg('2026.1', { archive: null })], /no verified archive/],
      [[leg('2025.3'), leg('2026.1', {}, 100)], /is 100 bytes; the report says 4096/],
      [[leg('2025.3'), { ...leg('2026.1'), files: new Map() }], /not in the leg's artifact/],
      [[leg('2025.3'), leg('2026.1', { module: { name: 'demo', version: '1.2.4' } })], /different modules or versions/],
      [[leg('2025.3'), leg('2026.1', { irisVersion: '2025.3' })], /would both publish tag 1\.2\.3_database__2025\.3/],
      [[leg('2025.3'), leg('2026.1'), leg('2024.1')], /IRIS 2024\.1: not in the matrix/],
    ];
    for (const [legs, message] of cases)
      expect(() => publishPlan(legs, ['2025.3', '2026.1']), String(message)).toThrow(message);
    expect(() => publishPlan([], [])).toThrow(/empty matrix/);
  });
});

describe('a leg skipped for an expired community licence', () => {
  const expired = (version: string) =>
    leg(version, {
      ok: false,
      irisVersion: null,
      archive: null,
      verification: null,
      module: null,
      stages: stages('start'),
      skipped: { code: 'iris-licence-expired', reason: 'The community licence of iris-community:2025.2 has expired' },
    });

  it('does not block publishing the other versions', () => {
    const plan = publishPlan([expired('2025.2'), leg('2026.1')], ['2025.2', '2026.1']);
    expect(plan.map((p) => p.version)).toEqual(['2026.1']);
    expect(() => publishPlan([expired('2025.2')], ['2025.2'])).toThrow(/every IRIS version was skipped/);
  });

  it('shows as skipped in the summary, not as a failure', () => {
    const md = summaryTable([expired('2025.2'), leg('2026.1')], ['2025.2', '2026.1']);
    expect(md).toMatch(/^\| 2025\.2 \| ❌ \|.*\| ⏭️ skipped \(licence expired\) \|/m);
    expect(md).toContain('### Skipped');
    expect(md).toContain('- **2025.2**: The community licence of iris-community:2025.2 has expired');
    expect(md).not.toContain('### Failures');
  });
});

describe('publish outputs', () => {
  it('become the workflow outputs as one-line JSON', () => {
    const a = {
      reference: 'ghcr.io/acme/demo:1.2.3_database__2025.3',
      tag: '1.2.3_database__2025.3',
      digest: `sha256:${'d'.repeat(64)}`,
      unchanged: true,
    };
    const proof = { status: 'verified' as const, digest: a.digest, layerRead: false };
    const out = publishOutputs([{ ...a, roundTrip: proof }]);
    expect(JSON.parse(out['published-references']!)).toEqual([a.reference]);
    expect(JSON.parse(out.digests!)).toEqual([a.digest]);
    expect(JSON.parse(out.published!)).toEqual([a]);
    expect(JSON.parse(out['round-trip']!)).toEqual([
      { reference: a.reference, digest: a.digest, status: 'verified', layerRead: false },
    ]);
    for (const v of Object.values(out)) expect(v).not.toContain('\n');
  });

  it('say "not verified" for a digest without a read-back proof of that same digest', () => {
    const a = {
      reference: 'ghcr.io/acme/demo:1.2.3_database__2025.3',
      tag: '1.2.3_database__2025.3',
      digest: `sha256:${'d'.repeat(64)}`,
      unchanged: false,
    };
    const other = { status: 'verified' as const, digest: `sha256:${'e'.repeat(64)}`, layerRead: true };
    const statuses = (r: PublishedResult) =>
      (JSON.parse(publishOutputs([r])['round-trip']!) as { status: string }[])[0]!.status;
    expect(statuses({ ...a, roundTrip: null })).toBe('not verified');
    expect(statuses({ ...a, roundTrip: other })).toBe('not verified');
    expect(publishedMarkdown([{ ...a, roundTrip: null }])).toMatch(/\| pushed \| not verified \|$/m);
  });

  it('read the round-trip proof from the JSON of ipm-db publish', () => {
    const digest = `sha256:${'d'.repeat(64)}`;
    const json = (roundTrip: unknown) =>
      JSON.stringify({ reference: 'r', tag: 't', digest, unchanged: false, roundTrip });
    expect(parsePublishResult(json({ status: 'verified', digest, layerRead: true }), 'r.json').roundTrip).toEqual({
      status: 'verified',
      digest,
      layerRead: true,
    });
    expect(parsePublishResult(json(null), 'r.json').roundTrip).toBeNull();
    expect(parsePublishResult(json({ status: 'failed', digest }), 'r.json').roundTrip).toBeNull();
  });

  it('only from the JSON of ipm-db publish', () => {
    expect(() => parsePublishResult('{"reference":"x","tag":"t","digest":"md5:1"}', 'r.json')).toThrow(
      /not the JSON of "ipm-db publish --json"/,
    );
    expect(() => parsePublishResult('nope', 'r.json')).toThrow(/not JSON/);
  });
});

describe('report files', () => {
  it('accept the array the action writes for all runs, or one run', () => {
    expect(parseReportFile(JSON.stringify([run()]), 'a')).toHaveLength(1);
    expect(parseReportFile(JSON.stringify(run()), 'a')).toHaveLength(1);
    expect(() => parseReportFile('{"schema":"other"}', 'a.json')).toThrow(/not an ipm-db run report/);
  });
});

describe('downloaded leg artifacts', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function writeLeg(version: string, report: object, archiveBytes: number | null): Promise<void> {
    const legDir = join(dir, 'legs', `ipm-db-leg-${version}`);
    await mkdir(join(legDir, 'run-1'), { recursive: true });
    await writeFile(join(legDir, 'ipm-db-report.json'), JSON.stringify([report]));
    await writeFile(join(legDir, 'run-1', 'ipm-db-report.json'), JSON.stringify(report));
    if (archiveBytes !== null)
      await writeFile(join(legDir, 'run-1', 'demo-1.2.3-database.tgz'), Buffer.alloc(archiveBytes));
  }

  function io() {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c) => (out += String(c)));
    stderr.on('data', (c) => (err += String(c)));
    return { io: { stdout, stderr, env: {}, cwd: dir }, out: () => out, err: () => err };
  }

  it('are read per leg folder, each run once, archives found by name; the CLI plans and summarises them', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-legs-'));
    await writeLeg('2025.3', run({ irisVersion: '2025.3', published: null }), 4096);
    await writeLeg('2026.1', run({ irisVersion: '2026.1', published: null }), 4096);
    await mkdir(join(dir, 'legs', 'other-artifact'));
    const legs = await readLegs(join(dir, 'legs'), 'ipm-db-leg-');
    expect(legs.map((l) => [l.version, l.reports.length, [...l.files.keys()]])).toEqual([
      ['2025.3', 1, ['demo-1.2.3-database.tgz']],
      ['2026.1', 1, ['demo-1.2.3-database.tgz']],
    ]);

    const plan = io();
    const code = await main(
      ['legs', 'publish-plan', 'legs', '--prefix', 'ipm-db-leg-', '--expected', '["2025.3","2026.1"]', '--out', 'plan'],
      plan.io,
    );
    expect(plan.err()).toBe('');
    expect(code).toBe(0);
    const lines = plan
      .out()
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines.map(([a]) => a)).toEqual([
      join(dir, 'legs/ipm-db-leg-2025.3/run-1/demo-1.2.3-database.tgz'),
      join(dir, 'legs/ipm-db-leg-2026.1/run-1/demo-1.2.3-database.tgz'),
    ]);
    const verify = JSON.parse(await readFile(lines[0]![1]!, 'utf8')) as { schema: string; valid: boolean };
    expect(verify).toMatchObject({ schema: 'ipm-db/verify-report@1', valid: true });

    const summary = io();
    expect(
      await main(
        ['legs', 'summary', 'legs', '--prefix', 'ipm-db-leg-', '--expected', '["2025.3","2026.1","2024.1"]'],
        summary.io,
      ),
    ).toBe(0);
    expect(summary.out()).toContain('2 of 3 IRIS versions passed.');
  });

  it('one matching artifact is downloaded without its folder: it is the one leg, versioned by its image tag', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-legs-'));
    const flat = join(dir, 'flat');
    await mkdir(join(flat, 'run-1'), { recursive: true });
    const report = run({
      image: 'containers.intersystems.com/intersystems/iris-community:2026.1',
      irisVersion: '2026.1',
    });
    await writeFile(join(flat, 'ipm-db-report.json'), JSON.stringify([report]));
    await writeFile(join(flat, 'run-1', 'demo-1.2.3-database.tgz'), Buffer.alloc(4096));
    const legs = await readLegs(flat, 'ipm-db-leg-');
    expect(legs.map((l) => [l.version, l.reports.length, [...l.files.keys()]])).toEqual([
      ['2026.1', 1, ['demo-1.2.3-database.tgz']],
    ]);
    expect(publishPlan(legs, ['2026.1']).map((p) => p.tag)).toEqual(['1.2.3_database__2026.1']);
    expect(await readLegs(join(flat, 'run-1'), 'ipm-db-leg-')).toEqual([]);
  });

  it('a leg with a missing archive stops the plan with exit status 1 and says why', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-legs-'));
    await writeLeg('2025.3', run({ irisVersion: '2025.3', published: null }), null);
    const plan = io();
    const code = await main(
      ['legs', 'publish-plan', 'legs', '--prefix', 'ipm-db-leg-', '--expected', '["2025.3"]', '--out', 'plan'],
      plan.io,
    );
    expect(code).toBe(1);
    expect(plan.err()).toMatch(
      /Nothing was published:\n {2}- IRIS 2025\.3: demo-1\.2\.3-database\.tgz is not in the leg's artifact/,
    );
    expect(plan.out()).toBe('');
  });

  it('publish-outputs turns publish results into GITHUB_OUTPUT lines', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-legs-'));
    await mkdir(join(dir, 'published'));
    const result = {
      reference: 'ghcr.io/acme/demo:1.2.3_database__2025.3',
      tag: '1.2.3_database__2025.3',
      digest: `sha256:${'e'.repeat(64)}`,
      unchanged: false,
      bytesUploaded: 10,
    };
    await writeFile(join(dir, 'published', '1.json'), JSON.stringify(result, null, 2));
    const outFile = join(dir, 'github-output');
    const out = io();
    const code = await main(['legs', 'publish-outputs', 'published', '--github-output'], {
      ...out.io,
      env: { GITHUB_OUTPUT: outFile },
    });
    expect(code).toBe(0);
    const written = await readFile(outFile, 'utf8');
    expect(written).toBe(out.out());
    expect(written).toContain(`published-references=["${result.reference}"]\n`);
    expect(written).toContain(`digests=["${result.digest}"]\n`);
  });
});
