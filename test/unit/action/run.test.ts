// run() against in-memory ports: what the action does around the pipeline (publish gating,
// outputs before failure, crashed and timed-out runs, artifacts, image cache, state, annotations,
// summary), without containers. The fakes only answer what each test tells them to.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/action/annotations.js';
import type { ArtifactUploader } from '../../../src/action/artifacts.js';
import type { CacheStore } from '../../../src/action/cache-store.js';
import type { CoreIO } from '../../../src/action/core-io.js';
import type { DockerCommand } from '../../../src/action/docker-cli.js';
import { parseInputs, readActionInputs } from '../../../src/action/inputs.js';
import type { ImageRunOptions, PipelinePort, PublishPort, PublishRequest } from '../../../src/action/ports.js';
import { run, type ActionDeps } from '../../../src/action/run.js';
import type { PublishedPackage } from '../../../src/oci/publish.js';
import type { RunReport } from '../../../src/pipeline/run-report.js';
import { silentLogger } from '../../../src/util/log.js';
import { IpmDbError } from '../../../src/util/errors.js';
import { irisUpgradeReport, run as runReport, stages } from './fixtures.js';

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
  /** Everything written to the log, in order: single lines, and each block as its title then its lines. */
  const log: string[] = [];
  let summary = '';
  const io: CoreIO = {
    setOutput: (n, v) => void (outputs[n] = v),
    saveState: (n, v) => void (state[n] = v),
    info: (m) => void log.push(m),
    debug: () => {},
    notice: (m) => void notices.push(m),
    warning: (m) => void warnings.push(m),
    annotate: (a) => void annotations.push(a),
    group: async (t, fn) => {
      groups.push(t);
      return fn();
    },
    writeBlock: (title, lines) => void log.push(`== ${title}`, ...lines.map((l) => `   ${l.text}`)),
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
    log,
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
    'ipm-git': 'none',
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

/** An iris-upgrade that passes, between the IRIS versions the images' tags name. */
const passingIrisUpgrade: PipelinePort['runIrisUpgrade'] = async (o) =>
  irisUpgradeReport(o.from.image.split(':').at(-1)!, o.to.image.split(':').at(-1)!);

/** A pipeline that answers each image with the report `byImage` builds, and records the options it got. */
function pipelineOf(
  byImage: (o: ImageRunOptions) => RunReport,
  logFiles: (o: ImageRunOptions) => Promise<string[]> = async () => [],
): PipelinePort & { seen: ImageRunOptions[] } {
  const seen: ImageRunOptions[] = [];
  return {
    seen,
    runIrisUpgrade: passingIrisUpgrade,
    runImage: async (o) => {
      seen.push(o);
      o.onResource({ kind: 'container', name: `c-${seen.length}` });
      return { report: byImage(o), logFiles: await logFiles(o) };
    },
  };
}

/** A publisher that answers each archive with the result the test gave it, and records every request. */
function publisherOf(answers: Record<string, PublishedPackage> | Error): PublishPort & { requests: PublishRequest[] } {
  const requests: PublishRequest[] = [];
  return {
    requests,
    publish: async (r) => {
      requests.push(r);
      if (answers instanceof Error) throw answers;
      const answer = answers[r.archivePath];
      if (!answer) throw new Error(`the test gave no answer for ${r.archivePath}`);
      return answer;
    },
  };
}

const published = (n: number): PublishedPackage => ({
  reference: `registry.test/acme/demo:published-${n}`,
  tag: `published-${n}`,
  digest: `sha256:${String(n).repeat(64)}`,
  unchanged: false,
  roundTrip: { status: 'verified', digest: `sha256:${String(n).repeat(64)}`, layerRead: true },
});
const bothPublished = {
  '/out/2024.1/demo-1.2.3-database.tgz': published(1),
  '/out/2025.1/demo-1.2.3-database.tgz': published(2),
};

function deps(
  rec: ReturnType<typeof recorder>,
  pipeline: PipelinePort,
  publisher: PublishPort,
  extra: Partial<ActionDeps> = {},
): ActionDeps {
  return {
    io: rec.io,
    pipeline,
    publisher,
    uploader: null,
    cache: noCache,
    docker: async () => ({ stdout: '' }),
    env: { RUNNER_TEMP: join(ws, 'tmp') },
    runId: 'run-1',
    ...extra,
  };
}

/** A passed run of the IRIS version the image's tag names, with its own archive. */
const green = (o: ImageRunOptions) => {
  const v = o.image.split(':').at(-1)!;
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

const failedAtLoad = (o: ImageRunOptions) =>
  runReport({
    image: o.image,
    irisVersion: '2025.1',
    ok: false,
    stages: stages('load', 'ERROR #5475'),
    archive: null,
    published: null,
    verification: null,
    compileErrors: [{ file: 'src/Demo/A.cls', document: 'Demo.A.cls', line: 4, message: 'bad' }],
  });

describe('run()', () => {
  it('runs every image in order, publishes each when all passed, sets every output from what was published', async () => {
    const rec = recorder();
    const pipeline = pipelineOf(green);
    const publisher = publisherOf(bothPublished);
    // One container at a time: with more, which image reaches the pipeline first depends on the machine's load.
    const outcome = await run(inputs({ publish: 'true', parallel: '1' }), deps(rec, pipeline, publisher));
    expect(outcome.ok).toBe(true);
    // Both run at once (parallel defaults to the machine), so they may reach the pipeline in either order.
    expect(pipeline.seen.map((o) => `${o.image} ${o.runId}`).sort()).toEqual([
      'localhost/iris:2024.1 run-1-1',
      'localhost/iris:2025.1 run-1-2',
    ]);
    expect(publisher.requests.map((r) => r.archivePath)).toEqual([
      '/out/2024.1/demo-1.2.3-database.tgz',
      '/out/2025.1/demo-1.2.3-database.tgz',
    ]);
    // The outputs carry what the publisher answered, in image order.
    expect(JSON.parse(rec.outputs['published-tags']!)).toEqual(['published-1', 'published-2']);
    expect(JSON.parse(rec.outputs['published-references']!)).toEqual([
      'registry.test/acme/demo:published-1',
      'registry.test/acme/demo:published-2',
    ]);
    expect(JSON.parse(rec.outputs.digests!)).toEqual([`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`]);
    expect(JSON.parse(rec.outputs['round-trip']!)).toEqual([
      { reference: 'registry.test/acme/demo:published-1', digest: `sha256:${'1'.repeat(64)}`, status: 'verified' },
      { reference: 'registry.test/acme/demo:published-2', digest: `sha256:${'2'.repeat(64)}`, status: 'verified' },
    ]);
    expect(rec.outputs.sha256).toBe('1'.repeat(64));
    expect(JSON.parse(rec.outputs.archives!)).toHaveLength(2);
    expect(JSON.parse(rec.outputs['iris-versions']!)).toEqual(['2024.1', '2025.1']);
    expect(rec.outputs['module-name']).toBe('demo');
    const result = JSON.parse(rec.outputs.result!) as {
      stages: { stage: string; status: string; message: string }[];
    }[];
    expect(result[1]?.stages.find((s) => s.stage === 'publish')).toMatchObject({
      status: 'passed',
      message: 'registry.test/acme/demo:published-2, round-trip: verified',
    });
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
    const publisher = publisherOf(bothPublished);
    const pipeline = pipelineOf((o) => (o.image.endsWith('2025.1') ? failedAtLoad(o) : green(o)));
    const outcome = await run(inputs({ publish: 'true' }), deps(rec, pipeline, publisher));
    expect(outcome.ok).toBe(false);
    expect(outcome.failure?.message).toBe('IRIS 2025.1: the load stage failed: load went wrong');
    expect(publisher.requests).toEqual([]);
    expect(outcome.runs[0]!.stages.at(-1)).toMatchObject({
      stage: 'publish',
      status: 'skipped',
      message: 'not every IRIS version passed; nothing is published',
    });
    expect(rec.outputs.archive).toBe('/out/2024.1/demo-1.2.3-database.tgz');
    expect(rec.outputs['published-tags']).toBe('[]');
    expect(rec.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', file: 'mod/src/Demo/A.cls', startLine: 4 }),
    );
    expect(rec.summary).toContain('IRIS output of the load stage');
  });

  it('with licence-expired: skip, an expired licence skips its image with a warning and publishes the others', async () => {
    const expired = (o: ImageRunOptions) =>
      o.image.endsWith('2025.1')
        ? runReport({
            image: o.image,
            ok: false,
            irisVersion: null,
            stages: stages('start').map((s) => (s.stage === 'start' ? { ...s, code: 'iris-licence-expired' } : s)),
            archive: null,
            published: null,
            verification: null,
          })
        : green(o);
    const rec = recorder();
    const publisher = publisherOf(bothPublished);
    const outcome = await run(
      inputs({ publish: 'true', 'licence-expired': 'skip' }),
      deps(rec, pipelineOf(expired), publisher),
    );
    expect(outcome.ok).toBe(true);
    expect(publisher.requests.map((r) => r.archivePath)).toEqual(['/out/2024.1/demo-1.2.3-database.tgz']);
    expect(rec.warnings.join('\n')).toMatch(/localhost\/iris:2025\.1 skipped: its community licence has expired/);
    const reports = JSON.parse(rec.outputs.result!) as {
      skipped?: { code: string };
      stages: { stage: string; status: string }[];
    }[];
    expect(reports[1]!.skipped).toMatchObject({ code: 'iris-licence-expired' });
    expect(reports[1]!.stages.find((s) => s.stage === 'publish')!.status).toBe('skipped');

    const strict = recorder();
    const failing = await run(
      inputs({ publish: 'true' }),
      deps(strict, pipelineOf(expired), publisherOf(bothPublished)),
    );
    expect(failing.ok).toBe(false);
    expect(strict.warnings).toEqual([]);

    const coreLimit = (o: ImageRunOptions) => {
      const r = expired(o);
      r.stages = r.stages.map((s) => (s.code ? { ...s, code: 'iris-licence-core-limit' } : s));
      return r;
    };
    const cores = await run(
      inputs({ 'licence-expired': 'skip' }),
      deps(recorder(), pipelineOf(coreLimit), publisherOf(bothPublished)),
    );
    expect(cores.ok).toBe(false);
  });

  it('turns a publish failure into a failed publish stage with its cause, hint and details; outputs still set', async () => {
    const rec = recorder();
    const publisher = publisherOf(
      new IpmDbError('registry', 'ghcr.io answered 503 five times', { hint: 'Retry later.', details: 'HTTP 503' }),
    );
    const outcome = await run(inputs({ publish: 'true' }), deps(rec, pipelineOf(green), publisher));
    expect(outcome.ok).toBe(false);
    expect(outcome.failure?.message).toBe(
      'IRIS 2024.1: the publish stage failed: ghcr.io answered 503 five times (Retry later.)',
    );
    expect(outcome.runs[0]!.stages.at(-1)).toMatchObject({ stage: 'publish', status: 'failed', output: 'HTTP 503' });
    // The first failure stops publishing: the second archive is never sent.
    expect(publisher.requests).toHaveLength(1);
    expect(rec.outputs['module-version']).toBe('1.2.3');
    expect(rec.outputs['published-tags']).toBe('[]');
  });

  it('reports a run that crashed at the stage it was in, keeping the hint and the details', async () => {
    const rec = recorder();
    const crashing: PipelinePort = {
      runIrisUpgrade: passingIrisUpgrade,
      runImage: async (o) => {
        o.onStage('start');
        o.onStage('ipm');
        o.onStage('load');
        throw new IpmDbError('docker', 'the Docker engine went away', { hint: 'Check the runner.', details: 'EOF' });
      },
    };
    const outcome = await run(inputs(), deps(rec, crashing, publisherOf({})));
    expect(outcome.runs[0]!.stages).toEqual([
      {
        stage: 'load',
        status: 'failed',
        durationMs: expect.any(Number),
        message: 'the Docker engine went away (Check the runner.)',
        code: 'docker',
        output: 'EOF',
      },
      { stage: 'publish', status: 'skipped', durationMs: 0, message: 'publish is not true' },
    ]);
    expect(outcome.failure?.message).toBe(
      'localhost/iris:2024.1: the load stage failed: the Docker engine went away (Check the runner.)',
    );
    const result = JSON.parse(rec.outputs.result!) as { stages: { stage: string; status: string }[] }[];
    expect(result[0]!.stages[0]).toMatchObject({ stage: 'load', status: 'failed' });
  });

  it('stops at the total timeout, reporting the stage the hung run was in with the hint', async () => {
    const rec = recorder();
    const hanging: PipelinePort & { images: string[] } = {
      images: [],
      runIrisUpgrade: passingIrisUpgrade,
      runImage(o) {
        this.images.push(o.image);
        o.onStage('start');
        o.onStage('ipm');
        return new Promise(() => {});
      },
    };
    const outcome = await run(inputs({ timeout: '300ms', parallel: '1' }), deps(rec, hanging, publisherOf({})));
    expect(outcome.ok).toBe(false);
    expect(hanging.images).toEqual(['localhost/iris:2024.1']);
    expect(outcome.runs).toHaveLength(1);
    expect(outcome.runs[0]!.stages.slice(0, 1)).toEqual([
      expect.objectContaining({
        stage: 'ipm',
        status: 'failed',
        message:
          'The whole run exceeded the run-timeout input (300 ms). (Raise the run-timeout input, or run fewer IRIS versions per job (a matrix).)',
      }),
    ]);
    expect(outcome.failure?.message).toMatch(/^localhost\/iris:2024\.1: the ipm stage failed: The whole run exceeded/);
  });

  it('uploads on failure only the failed image: its archive unzipped on its own, and a zip of its report and logs', async () => {
    const rec = recorder();
    const uploads: {
      name: string;
      files: string[];
      root: string;
      retentionDays: number | null;
      skipArchive: boolean;
      bytes: string;
    }[] = [];
    const uploader: ArtifactUploader = {
      upload: async (name, files, root, options) => {
        const bytes = options.skipArchive ? await readFile(files[0]!, 'utf8') : '';
        uploads.push({ name, files: [...files].sort(), root, ...options, bytes });
        return { id: uploads.length, size: 100 };
      },
    };
    const elsewhere = join(ws, 'elsewhere.tgz');
    await writeFile(elsewhere, 'tgz');
    const pipeline = pipelineOf(
      (o) =>
        o.image.endsWith('2025.1')
          ? { ...failedAtLoad(o), archive: { ...green(o).archive!, path: elsewhere } }
          : green(o),
      async (o) => {
        await writeFile(join(o.outDir, 'container.log'), 'log');
        return [join(o.outDir, 'container.log')];
      },
    );
    const outcome = await run(
      inputs({ 'upload-artifacts': 'failure', 'retention-days': '7' }),
      deps(rec, pipeline, publisherOf({}), { uploader, env: { RUNNER_TEMP: join(ws, 'tmp'), GITHUB_JOB: 'build' } }),
    );
    const dir = join(ws, 'tmp', 'ipm-db', 'run-1', 'localhost-iris-2025.1');
    const archiveName = 'ipm-db-2025.1-build-demo-1.2.3-database.tgz';
    expect(uploads).toEqual([
      {
        name: archiveName,
        root: join(dir, 'unzipped-artifact'),
        files: [join(dir, 'unzipped-artifact', archiveName)],
        retentionDays: 7,
        skipArchive: true,
        bytes: 'tgz',
      },
      {
        name: 'ipm-db-2025.1-build',
        root: dir,
        files: [join(dir, 'container.log'), join(dir, 'ipm-db-report.json')],
        retentionDays: 7,
        skipArchive: false,
        bytes: '',
      },
    ]);
    expect(outcome.artifacts.map((a) => [a.name, a.id, a.zipped, [...a.files].sort()])).toEqual([
      [archiveName, 1, false, [elsewhere]],
      ['ipm-db-2025.1-build', 2, true, uploads[1]!.files],
    ]);
    const report = JSON.parse(await readFile(join(dir, 'ipm-db-report.json'), 'utf8')) as RunReport;
    expect(report.stages.find((s) => s.status === 'failed')?.stage).toBe('load');
  });

  it('puts the archive into the zip artifact, with a warning, when it cannot be uploaded on its own', async () => {
    const rec = recorder();
    const uploads: { name: string; files: string[]; retentionDays: number | null }[] = [];
    const uploader: ArtifactUploader = {
      upload: async (name, files, _root, options) => {
        if (options.skipArchive) throw new Error('skipArchive is not supported by this server');
        uploads.push({ name, files: [...files].sort(), retentionDays: options.retentionDays });
        return { id: 9, size: 100 };
      },
    };
    const pipeline = pipelineOf(
      (o) => ({ ...green(o), archive: { ...green(o).archive!, path: join(o.outDir, 'demo-1.2.3-database.tgz') } }),
      async (o) => {
        await writeFile(join(o.outDir, 'demo-1.2.3-database.tgz'), 'tgz');
        return [];
      },
    );
    const outcome = await run(
      inputs({ 'iris-images': 'localhost/iris:2024.1' }),
      deps(rec, pipeline, publisherOf({}), { uploader, env: { RUNNER_TEMP: join(ws, 'tmp'), GITHUB_JOB: 'build' } }),
    );
    const dir = join(ws, 'tmp', 'ipm-db', 'run-1', 'localhost-iris-2024.1');
    expect(uploads).toEqual([
      {
        name: 'ipm-db-2024.1-build',
        files: [join(dir, 'demo-1.2.3-database.tgz'), join(dir, 'ipm-db-report.json')],
        retentionDays: null,
      },
    ]);
    expect(outcome.artifacts.map((a) => a.zipped)).toEqual([true]);
    expect(rec.warnings.join('\n')).toContain(
      'Uploading the archive as ipm-db-2024.1-build-demo-1.2.3-database.tgz failed (skipArchive is not supported by this server); it goes into the zip artifact ipm-db-2024.1-build.',
    );
  });

  it('annotates each failed unit test on its class file and method line, from the JUnit file of the run', async () => {
    const rec = recorder();
    await mkdir(join(ws, 'mod', 'tests', 'Demo'), { recursive: true });
    await writeFile(
      join(ws, 'mod', 'tests', 'Demo', 'Tests.cls'),
      'Class Demo.Tests Extends %UnitTest.TestCase\n{\n\nMethod TestSum()\n{\n}\n}\n',
    );
    const junit = join(ws, 'junit-demo.xml');
    await writeFile(
      junit,
      '<testsuites><testsuite name="Demo"><testsuite name="Demo.Tests"><testcase name="TestSum"><failure type="cache-error" message="AssertEquals: 1+1 is 2"></failure></testcase></testsuite></testsuite></testsuites>',
    );
    const pipeline = pipelineOf((o) => ({
      ...green(o),
      ok: false,
      stages: stages('test', '1 failure(s).'),
      junitPath: o.image.endsWith('2025.1') ? junit : null,
    }));
    await run(inputs(), deps(rec, pipeline, publisherOf({})));
    expect(rec.annotations.filter((a) => a.title.startsWith('Unit test failed'))).toEqual([
      {
        level: 'error',
        title: 'Unit test failed: Demo.Tests:TestSum (IRIS 2025.1)',
        message: 'AssertEquals: 1+1 is 2',
        file: 'mod/tests/Demo/Tests.cls',
        startLine: 4,
      },
    ]);
  });

  it('loads cached images before their run and saves only the images that were not in the cache', async () => {
    const rec = recorder();
    const saved: string[] = [];
    const cache: CacheStore = {
      available: () => true,
      restore: async (_paths, key) => (key.includes('2024.1') ? key : null),
      save: async (_paths, key) => {
        saved.push(key);
        return true;
      },
    };
    const commands: string[][] = [];
    const docker: DockerCommand = async (args) => {
      commands.push(args);
      const output = args.indexOf('--output');
      if (output >= 0) await writeFile(args[output + 1]!, 'image tar');
      return { stdout: '' };
    };
    const pipeline = pipelineOf((o) => {
      // The cached image is loaded before its run starts.
      expect(commands.map((c) => c[0])).toEqual(['load']);
      return green(o);
    });
    await run(inputs({ 'cache-images': 'true' }), deps(rec, pipeline, publisherOf({}), { cache, docker }));
    expect(commands.map((c) => [c[0], c.at(-1)])).toEqual([
      ['load', expect.stringMatching(/2024\.1\.tar$/)],
      ['image', 'localhost/iris:2025.1'],
    ]);
    expect(saved).toEqual([expect.stringContaining('localhost_iris:2025.1')]);
  });

  it('runs the IRIS versions concurrently, never more at once than the parallel input', async () => {
    const rec = recorder();
    let open = 0;
    let most = 0;
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    let onStart: (() => void) | null = null;
    const pipeline: PipelinePort = {
      runIrisUpgrade: passingIrisUpgrade,
      runImage: async (o) => {
        open++;
        most = Math.max(most, open);
        started.push(o.image);
        onStart?.();
        await new Promise<void>((resolve) => finish.set(o.image, resolve));
        open--;
        return { report: green(o), logFiles: [] };
      },
    };
    const startedCount = (n: number) =>
      new Promise<void>((resolve) => {
        onStart = () => started.length >= n && resolve();
        onStart();
      });
    const images = ['localhost/iris:2023.1', 'localhost/iris:2024.1', 'localhost/iris:2025.1'];
    const done = run(inputs({ 'iris-images': images.join('\n'), parallel: '2' }), deps(rec, pipeline, publisherOf({})));
    await startedCount(2);
    await new Promise((resolve) => setImmediate(resolve));
    // The first two start together (each after creating its directory), in either order.
    expect([...started].sort()).toEqual(images.slice(0, 2));
    finish.get(images[1]!)!();
    await startedCount(3);
    expect(started[2]).toBe(images[2]);
    finish.get(images[0]!)!();
    finish.get(images[2]!)!();
    const outcome = await done;
    expect(most).toBe(2);
    // Reports stay in input order, whatever order the runs ended in.
    expect(outcome.runs.map((r) => r.image)).toEqual(images);
  });

  it("writes each IRIS version's stage as one whole group, never interleaving two versions line by line", async () => {
    const rec = recorder();
    // The two versions log in turns inside their load stage: A1, B1, A2, B2.
    const gate = () => {
      let open!: () => void;
      return { passed: new Promise<void>((resolve) => (open = resolve)), open: () => open() };
    };
    const b1Written = gate();
    const a2Written = gate();
    const pipeline: PipelinePort = {
      runIrisUpgrade: passingIrisUpgrade,
      runImage: async (o, logger) => {
        const v = o.image.endsWith('2024.1') ? 'A' : 'B';
        await logger.group('load', async () => {
          logger.info(`${v}1`);
          if (v === 'A') {
            await b1Written.passed;
            logger.info('A2');
            a2Written.open();
          } else {
            b1Written.open();
            await a2Written.passed;
            logger.info('B2');
          }
        });
        logger.info(`${v} done`);
        return { report: green(o), logFiles: [] };
      },
    };
    await run(inputs({ parallel: '2' }), deps(rec, pipeline, publisherOf({})));
    const blocks = rec.log.filter((l) => l.startsWith('== ['));
    expect(blocks.sort()).toEqual(['== [2024.1] load', '== [2025.1] load']);
    for (const [title, v] of [
      ['== [2024.1] load', 'A'],
      ['== [2025.1] load', 'B'],
    ] as const) {
      const at = rec.log.indexOf(title);
      expect(rec.log.slice(at + 1, at + 3)).toEqual([`   ${v}1`, `   ${v}2`]);
    }
    expect(rec.log).toContain('[2024.1] A done');
    expect(rec.log).toContain('[2025.1] B done');
  });

  it('fails before any container when module.xml is missing, naming the input', async () => {
    const rec = recorder();
    const pipeline = pipelineOf(green);
    const outcome = await run(inputs({ 'module-path': 'nowhere' }), deps(rec, pipeline, publisherOf({})));
    expect(outcome.failure?.message).toMatch(/input "module-path": no module.xml in nowhere/);
    expect(pipeline.seen).toEqual([]);
    expect(rec.outputs.result).toBe('[]');
  });

  it("runs with the module's ipm-db.yml under the inputs, and says in the summary and reports what came from it", async () => {
    await writeFile(join(ws, 'mod', 'ipm-db.yml'), 'interoperability: true\nrun-tests: true\ndev: true\n');
    const values: Record<string, string> = {
      'module-path': 'mod',
      'iris-images': 'localhost/iris:2025.1',
      'ipm-git': 'none',
      dev: 'false',
    };
    const fromFile = await readActionInputs({
      get: (n) => values[n] ?? '',
      env: { GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY_OWNER: 'acme' },
      event: null,
      setSecret: () => {},
    });
    const rec = recorder();
    const pipeline = pipelineOf(green);
    const outcome = await run(fromFile, deps(rec, pipeline, publisherOf({})));
    expect(pipeline.seen.map((o) => [o.interoperability, o.runTests, o.dev])).toEqual([[true, true, false]]);
    expect(outcome.runs[0]!.moduleSettings).toEqual({
      file: 'mod/ipm-db.yml',
      fromFile: [
        { name: 'interoperability', line: 1 },
        { name: 'run-tests', line: 2 },
      ],
      overridden: [{ name: 'dev', line: 3 }],
      unused: [],
    });
    expect(rec.summary).toContain('**Module settings** (ipm-db.yml)');
    expect(rec.summary).toContain('- mod/ipm-db.yml: used interoperability (line 1), run-tests (line 2)');
    expect(rec.summary).toContain('- overridden by inputs: dev (line 3)');
  });

  it('notes a skipped artifact upload outside Actions', async () => {
    const rec = recorder();
    const outcome = await run(inputs(), deps(rec, pipelineOf(green), publisherOf({})));
    expect(outcome.notices).toContain('Artifact upload skipped: not running in GitHub Actions (no results service).');
  });
});

describe('run(): iris-upgrade between consecutive IRIS versions', () => {
  type UpgradeCall = Parameters<PipelinePort['runIrisUpgrade']>[0];
  function withUpgrades(
    byImage: (o: ImageRunOptions) => RunReport,
    answer: PipelinePort['runIrisUpgrade'] = passingIrisUpgrade,
  ) {
    const pipeline = pipelineOf(byImage);
    const calls: UpgradeCall[] = [];
    pipeline.runIrisUpgrade = (o, logger) => {
      calls.push(o);
      return answer(o, logger);
    };
    return Object.assign(pipeline, { calls });
  }
  const three = 'localhost/iris:2026.1\nlocalhost/iris:2024.1\nlocalhost/iris:2025.1';

  it('runs each pair sorted by version with the packages those runs built, after every run, and reports it everywhere', async () => {
    const rec = recorder();
    const pipeline = withUpgrades(green);
    const publisher = publisherOf({
      '/out/2024.1/demo-1.2.3-database.tgz': published(1),
      '/out/2025.1/demo-1.2.3-database.tgz': published(2),
      '/out/2026.1/demo-1.2.3-database.tgz': published(3),
    });
    const outcome = await run(
      inputs({
        'iris-images': three,
        publish: 'true',
        'seed-methods': 'Demo.Seed:Orders',
        'upgrade-scenarios': 'iris-upgrade',
      }),
      deps(rec, pipeline, publisher),
    );
    expect(outcome.ok).toBe(true);
    expect(pipeline.calls.map((c) => [c.from.image, c.from.archive, c.to.image, c.to.archive])).toEqual([
      [
        'localhost/iris:2024.1',
        '/out/2024.1/demo-1.2.3-database.tgz',
        'localhost/iris:2025.1',
        '/out/2025.1/demo-1.2.3-database.tgz',
      ],
      [
        'localhost/iris:2025.1',
        '/out/2025.1/demo-1.2.3-database.tgz',
        'localhost/iris:2026.1',
        '/out/2026.1/demo-1.2.3-database.tgz',
      ],
    ]);
    // The upgrade settings go with it; only iris-upgrade was asked for, so no upgrade stage per version.
    expect(pipeline.calls[0]!.upgrade.seed).toEqual([{ className: 'Demo.Seed', methodName: 'Orders' }]);
    expect(pipeline.seen.every((o) => o.upgrade === null)).toBe(true);
    expect(pipeline.calls.map((c) => c.runId)).toEqual(['run-1-upgrade-1', 'run-1-upgrade-2']);
    expect(publisher.requests).toHaveLength(3);
    expect(JSON.parse(rec.outputs['iris-upgrades']!)).toEqual([
      { from: '2024.1', to: '2025.1', status: 'passed', message: 'demo upgraded from IRIS 2024.1 to 2025.1' },
      { from: '2025.1', to: '2026.1', status: 'passed', message: 'demo upgraded from IRIS 2025.1 to 2026.1' },
    ]);
    const byVersion = Object.fromEntries(outcome.runs.map((r) => [r.irisVersion, r.irisUpgrade ?? null]));
    expect(byVersion['2024.1']).toBeNull();
    expect(byVersion['2026.1']).toMatchObject({ fromIrisVersion: '2025.1', status: 'passed', report: { ok: true } });
    const written = JSON.parse(await readFile(rec.outputs.report!, 'utf8')) as RunReport[];
    expect(written.find((r) => r.irisVersion === '2025.1')?.irisUpgrade?.fromIrisVersion).toBe('2024.1');
    expect(rec.summary).toContain('### IRIS upgrades (Durable %SYS)');
    expect(rec.summary).toContain('| IRIS 2025.1 -> 2026.1 | ✅ passed | demo upgraded from IRIS 2025.1 to 2026.1 |');
    expect(rec.summary).toContain('package for 2025.1 refused on 2026.1');
  });

  it('fails the step and publishes nothing when an upgrade fails, or when IRIS N+1 never got ready', async () => {
    for (const answer of [
      async (o: UpgradeCall) => irisUpgradeReport('2024.1', o.to.image.split(':').at(-1)!, false),
      async () => {
        throw new IpmDbError('iris-upgrade', 'IRIS 2025.1 did not get ready for the upgrade: licence');
      },
    ]) {
      const rec = recorder();
      const publisher = publisherOf(bothPublished);
      const outcome = await run(inputs({ publish: 'true' }), deps(rec, withUpgrades(green, answer), publisher));
      expect(outcome.ok).toBe(false);
      expect(outcome.failure?.message).toMatch(
        /^iris-upgrade IRIS 2024\.1 -> 2025\.1: (upgrade: update -swap-db failed|IRIS 2025\.1 did not get ready)/,
      );
      expect(publisher.requests).toEqual([]);
      expect(outcome.runs.map((r) => r.stages.at(-1)?.message)).toEqual([
        'iris-upgrade IRIS 2024.1 -> 2025.1 failed; nothing is published',
        'iris-upgrade IRIS 2024.1 -> 2025.1 failed; nothing is published',
      ]);
      expect(JSON.parse(rec.outputs['iris-upgrades']!)[0]).toMatchObject({ status: 'failed' });
      expect(rec.summary).toContain('| IRIS 2024.1 -> 2025.1 | ❌ failed |');
    }
  });

  it('skips a pair whose run was skipped for its licence or failed, with the reason, and runs the others', async () => {
    const rec = recorder();
    const pipeline = withUpgrades((o) =>
      o.image.endsWith('2024.1')
        ? runReport({
            image: o.image,
            irisVersion: null,
            ok: false,
            stages: [
              {
                stage: 'start',
                status: 'failed',
                durationMs: 5,
                code: 'iris-licence-expired',
                message: 'licence expired',
              },
            ],
            archive: null,
            verification: null,
            published: null,
          })
        : green(o),
    );
    const outcome = await run(
      inputs({ 'iris-images': three, 'licence-expired': 'skip' }),
      deps(rec, pipeline, publisherOf({})),
    );
    expect(outcome.ok).toBe(true);
    expect(pipeline.calls.map((c) => `${c.from.image} -> ${c.to.image}`)).toEqual([
      'localhost/iris:2025.1 -> localhost/iris:2026.1',
    ]);
    const [first] = JSON.parse(rec.outputs['iris-upgrades']!) as { status: string; message: string }[];
    expect(first).toMatchObject({ status: 'skipped' });
    expect(first!.message).toMatch(/^the IRIS 2024\.1 run was skipped \(licence expired\): nothing to upgrade with$/);

    const failing = recorder();
    const broken = withUpgrades((o) => (o.image.endsWith('2025.1') ? failedAtLoad(o) : green(o)));
    await run(inputs(), deps(failing, broken, publisherOf({})));
    expect(broken.calls).toEqual([]);
    expect(JSON.parse(failing.outputs['iris-upgrades']!)).toEqual([
      {
        from: '2024.1',
        to: '2025.1',
        status: 'skipped',
        message: 'the IRIS 2025.1 run failed at load: nothing to upgrade with',
      },
    ]);
  });

  it('does not run when upgrade-scenarios leaves iris-upgrade out, or with one IRIS version', async () => {
    const off = withUpgrades(green);
    const rec = recorder();
    await run(inputs({ 'upgrade-scenarios': 'fresh' }), deps(rec, off, publisherOf({})));
    const single = withUpgrades(green);
    await run(inputs({ 'iris-images': 'localhost/iris:2025.1' }), deps(recorder(), single, publisherOf({})));
    expect([off.calls.length, single.calls.length]).toEqual([0, 0]);
    expect(rec.outputs['iris-upgrades']).toBe('[]');
    expect(rec.summary).not.toContain('IRIS upgrades');
  });

  it('runs no more pairs at once than the parallel input', async () => {
    let open = 0;
    let most = 0;
    const pipeline = withUpgrades(green, async (o) => {
      open++;
      most = Math.max(most, open);
      await new Promise((resolve) => setImmediate(resolve));
      open--;
      return passingIrisUpgrade(o, silentLogger);
    });
    const images = ['2023.1', '2024.1', '2025.1', '2026.1'].map((v) => `localhost/iris:${v}`).join('\n');
    await run(inputs({ 'iris-images': images, parallel: '1' }), deps(recorder(), pipeline, publisherOf({})));
    expect(pipeline.calls).toHaveLength(3);
    expect(most).toBe(1);
  });
});
