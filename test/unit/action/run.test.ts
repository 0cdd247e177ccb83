// run() against in-memory ports: what the action does around the pipeline (publish gating,
// outputs before failure, state, annotations, summary), without containers.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/action/annotations.js';
import type { CacheStore } from '../../../src/action/cache.js';
import type { CoreIO } from '../../../src/action/core-io.js';
import { parseInputs } from '../../../src/action/inputs.js';
import type { ImageRunOptions, PipelinePort, PublishPort, PublishRequest } from '../../../src/action/ports.js';
import { run, type ActionDeps } from '../../../src/action/run.js';
import { IpmDbError } from '../../../src/util/errors.js';
import { run as runReport, stages } from './fixtures.js';

let ws = '';
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'ipm-db-run-'));
  await mkdir(join(ws, 'mod'));
  await writeFile(join(ws, 'mod', 'module.xml'), '<Export/>');
});
afterEach(async () => {
  await rm(ws, { recursive: true, force: true });
});

function recorder() {
  const outputs: Record<string, string> = {};
  const state: Record<string, string> = {};
  const annotations: Annotation[] = [];
  const notices: string[] = [];
  const warnings: string[] = [];
  const groups: string[] = [];
  let summary = '';
  const io: CoreIO = {
    setOutput: (n, v) => void (outputs[n] = v),
    saveState: (n, v) => void (state[n] = v),
    info: () => {},
    debug: () => {},
    notice: (m) => void notices.push(m),
    warning: (m) => void warnings.push(m),
    annotate: (a) => void annotations.push(a),
    group: async (t, fn) => {
      groups.push(t);
      return fn();
    },
    writeSummary: async (md) => {
      summary = md;
      return true;
    },
  };
  return {
    io,
    outputs,
    state,
    annotations,
    notices,
    warnings,
    groups,
    get summary() {
      return summary;
    },
  };
}

const noCache: CacheStore = { available: () => false, restore: async () => null, save: async () => false };

function inputs(extra: Record<string, string> = {}) {
  const values: Record<string, string> = {
    'module-path': 'mod',
    'iris-images': 'localhost/iris:2024.1\nlocalhost/iris:2025.1',
    token: 'tok-secret-1234',
    ...extra,
  };
  return parseInputs({
    get: (n) => values[n] ?? '',
    env: { GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY_OWNER: 'acme' },
    event: null,
    setSecret: () => {},
  });
}

function pipelineOf(
  byImage: (o: ImageRunOptions) => ReturnType<typeof runReport>,
): PipelinePort & { seen: ImageRunOptions[] } {
  const seen: ImageRunOptions[] = [];
  return {
    seen,
    runImage: async (o) => {
      seen.push(o);
      o.onResource({ kind: 'container', name: `c-${seen.length}` });
      return { report: byImage(o), logFiles: [] };
    },
  };
}

function publisherOf(fail?: Error): PublishPort & { requests: PublishRequest[] } {
  const requests: PublishRequest[] = [];
  return {
    requests,
    publish: async (r) => {
      requests.push(r);
      if (fail) throw fail;
      const tag = `1.2.3_database__${r.archivePath.includes('2024') ? '2024.1' : '2025.1'}`;
      return {
        reference: `ghcr.io/acme/demo:${tag}`,
        tag,
        digest: `sha256:${'d'.repeat(64)}`,
        unchanged: false,
        roundTrip: { status: 'verified' as const, digest: `sha256:${'d'.repeat(64)}`, layerRead: true },
      };
    },
  };
}

function deps(rec: ReturnType<typeof recorder>, pipeline: PipelinePort, publisher: PublishPort): ActionDeps {
  return {
    io: rec.io,
    pipeline,
    publisher,
    uploader: null,
    cache: noCache,
    docker: async () => ({ stdout: '' }),
    env: { RUNNER_TEMP: join(ws, 'tmp') },
    runId: 'run-1',
  };
}

const green = (o: ImageRunOptions) => {
  const v = o.image.endsWith('2024.1') ? '2024.1' : '2025.1';
  return runReport({
    image: o.image,
    irisVersion: v,
    published: null,
    archive: {
      path: `/out/${v}/demo-1.2.3-database.tgz`,
      fileName: 'demo-1.2.3-database.tgz',
      size: 10,
      sha256: (v === '2024.1' ? '1' : '2').repeat(64),
      irisDatSha256: 'e'.repeat(64),
    },
  });
};

describe('run()', () => {
  it('runs every image in order, publishes each when all passed, sets every output', async () => {
    const rec = recorder();
    const pipeline = pipelineOf(green);
    const publisher = publisherOf();
    const outcome = await run(inputs({ publish: 'true' }), deps(rec, pipeline, publisher));
    expect(outcome.ok).toBe(true);
    expect(pipeline.seen.map((o) => o.image)).toEqual(['localhost/iris:2024.1', 'localhost/iris:2025.1']);
    expect(pipeline.seen.map((o) => o.runId)).toEqual(['run-1-1', 'run-1-2']);
    expect(publisher.requests.map((r) => r.archivePath)).toEqual([
      '/out/2024.1/demo-1.2.3-database.tgz',
      '/out/2025.1/demo-1.2.3-database.tgz',
    ]);
    expect(JSON.parse(rec.outputs['round-trip']!)).toEqual([
      { reference: 'ghcr.io/acme/demo:1.2.3_database__2024.1', digest: `sha256:${'d'.repeat(64)}`, status: 'verified' },
      { reference: 'ghcr.io/acme/demo:1.2.3_database__2025.1', digest: `sha256:${'d'.repeat(64)}`, status: 'verified' },
    ]);
    expect(JSON.parse(rec.outputs['published-tags']!)).toEqual(['1.2.3_database__2024.1', '1.2.3_database__2025.1']);
    expect(rec.outputs.sha256).toBe('1'.repeat(64));
    expect(JSON.parse(rec.outputs.archives!)).toHaveLength(2);
    expect(JSON.parse(rec.outputs['iris-versions']!)).toEqual(['2024.1', '2025.1']);
    expect(rec.outputs['module-name']).toBe('demo');
    const result = JSON.parse(rec.outputs.result!) as { stages: { stage: string; status: string }[] }[];
    expect(result[1]?.stages.find((s) => s.stage === 'publish')?.status).toBe('passed');
    expect(JSON.parse(rec.state['ipm-db-resources']!)).toEqual([
      { kind: 'container', name: 'c-1' },
      { kind: 'container', name: 'c-2' },
    ]);
    expect(rec.state['ipm-db-run-id']).toBe('run-1');
    expect(rec.groups).toContain('[2025.1] publish');
    expect(rec.summary).toMatch(/^## ✅ demo 1\.2\.3/);
    expect(JSON.parse(await readFile(rec.outputs.report!, 'utf8'))).toHaveLength(2);
  });

  it('publishes nothing when one IRIS version failed, and still sets outputs and annotates', async () => {
    const rec = recorder();
    const publisher = publisherOf();
    const pipeline = pipelineOf((o) =>
      o.image.endsWith('2025.1')
        ? runReport({
            image: o.image,
            ok: false,
            stages: stages('load', 'ERROR #5475'),
            archive: null,
            published: null,
            verification: null,
            compileErrors: [{ file: 'src/Demo/A.cls', document: 'Demo.A.cls', line: 4, message: 'bad' }],
          })
        : green(o),
    );
    const outcome = await run(inputs({ publish: 'true' }), deps(rec, pipeline, publisher));
    expect(outcome.ok).toBe(false);
    expect(outcome.failure?.message).toBe('IRIS 2025.1: the load stage failed: load went wrong');
    expect(publisher.requests).toEqual([]);
    expect(rec.outputs.archive).toBe('/out/2024.1/demo-1.2.3-database.tgz');
    expect(rec.outputs['published-tags']).toBe('[]');
    expect(rec.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: 'mod/src/Demo/A.cls', startLine: 4 }),
    );
    expect(rec.summary).toContain('IRIS output of the load stage');
  });

  it('turns a publish failure into a failed publish stage with the cause, outputs still set', async () => {
    const rec = recorder();
    const outcome = await run(
      inputs({ publish: 'true' }),
      deps(
        rec,
        pipelineOf(green),
        publisherOf(new IpmDbError('registry', 'ghcr.io answered 503 five times', { hint: 'Retry later.' })),
      ),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.failure?.message).toMatch(/the publish stage failed: ghcr\.io answered 503 five times/);
    expect(rec.outputs['module-version']).toBe('1.2.3');
  });

  it('stops at the total timeout with a report for the image that hung', async () => {
    const rec = recorder();
    const hanging: PipelinePort = { runImage: () => new Promise(() => {}) };
    const outcome = await run(inputs({ timeout: '300ms' }), deps(rec, hanging, publisherOf()));
    expect(outcome.ok).toBe(false);
    expect(outcome.failure?.message).toMatch(/exceeded the timeout input/);
    expect(JSON.parse(rec.outputs.result!)).toHaveLength(1);
  });

  it('fails before any container when module.xml is missing, naming the input', async () => {
    const rec = recorder();
    const pipeline = pipelineOf(green);
    const outcome = await run(inputs({ 'module-path': 'nowhere' }), deps(rec, pipeline, publisherOf()));
    expect(outcome.failure?.message).toMatch(/input "module-path": no module.xml in nowhere/);
    expect(pipeline.seen).toEqual([]);
    expect(rec.outputs.result).toBe('[]');
  });

  it('notes a skipped artifact upload outside Actions', async () => {
    const rec = recorder();
    const outcome = await run(inputs(), deps(rec, pipelineOf(green), publisherOf()));
    expect(outcome.notices).toContain('Artifact upload skipped: not running in GitHub Actions (no results service).');
  });
});
