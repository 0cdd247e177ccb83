import { describe, expect, it } from 'vitest';
import { IpmDbError } from '../../../src/util/errors.js';
import type { Logger } from '../../../src/util/log.js';
import { silentLogger } from '../../../src/util/log.js';
import { IrisContainer } from '../../../src/iris/container.js';
import { CompileFailedError } from '../../../src/ipm/operations.js';
import type { PipelineOptions, Stage } from '../../../src/pipeline/context.js';
import { runPipeline } from '../../../src/pipeline/runner.js';
import { DEFAULT_STAGES } from '../../../src/pipeline/stages.js';
import { STAGES } from '../../../src/pipeline/run-report.js';
import { labelledEngine } from '../../support/labelled-engine.js';

/** An engine holding the run's container (label unit1) and another run's, to see what cleanup removes. */
function engine() {
  return labelledEngine({ 'ipm-db-unit1': 'unit1', 'ipm-db-other': 'other1' }, { 'ipm-db-unit1-d': 'unit1' });
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m, w) => lines.push(`error ${w?.file ? `${w.file}:${w.line} ` : ''}${m}`),
    debug: () => {},
    group: async (title, fn) => {
      lines.push(`group ${title}`);
      return fn();
    },
  };
}

function options(stages: Stage[], extra: Partial<PipelineOptions> = {}): PipelineOptions {
  return {
    image: 'iris:2025.1',
    moduleDir: '/nowhere',
    outDir: '/nowhere/out',
    logger: silentLogger,
    verifyArchive: async () => {
      throw new Error('not used');
    },
    stages,
    runId: 'unit1',
    ...extra,
  };
}

function starting(e: ReturnType<typeof engine>): Stage {
  return {
    name: 'start',
    async run(ctx) {
      ctx.docker = e.docker;
      ctx.container = new IrisContainer(ctx.docker, 'ipm-db-unit1', 'unit1', '/m');
      return 'started';
    },
  };
}

describe('runPipeline', () => {
  it('runs the default stages in the documented order', () => {
    expect(DEFAULT_STAGES.map((s) => s.name)).toEqual(STAGES.slice(0, 7));
  });

  it('times each stage, groups its log, and removes the container', async () => {
    const e = engine();
    const logger = recordingLogger();
    const report = await runPipeline(options([starting(e), { name: 'ipm', run: async () => 'ipm ok' }], { logger }));
    expect(report.ok).toBe(true);
    expect(report.stages.map((s) => [s.stage, s.status, s.message])).toEqual([
      ['start', 'passed', 'started'],
      ['ipm', 'passed', 'ipm ok'],
    ]);
    expect(report.stages.every((s) => Number.isInteger(s.durationMs))).toBe(true);
    expect(logger.lines).toContain('group start');
    expect(Object.keys(e.containers)).toEqual(['ipm-db-other']);
    expect(Object.keys(e.volumes)).toEqual([]);
  });

  it('stops at the first failure with its cause and output, skipping the rest', async () => {
    const e = engine();
    const report = await runPipeline(
      options([
        starting(e),
        {
          name: 'install',
          run: async () => {
            throw new IpmDbError('checksum-mismatch', 'zpm "load x -swap-db" failed: IRIS.DAT SHA-256 mismatch.', {
              hint: 'rebuild',
              details: 'ERROR! IRIS.DAT SHA-256 mismatch.',
            });
          },
        },
        { name: 'test', run: async () => 'never' },
      ]),
    );
    expect(report.ok).toBe(false);
    expect(report.stages[1]).toMatchObject({
      stage: 'install',
      status: 'failed',
      output: 'ERROR! IRIS.DAT SHA-256 mismatch.',
    });
    expect(report.stages[1]!.message).toContain('SHA-256 mismatch');
    expect(report.stages[2]).toMatchObject({ stage: 'test', status: 'skipped', message: 'an earlier stage failed' });
    expect(Object.keys(e.containers)).toEqual(['ipm-db-other']);
  });

  it('keeps the container when asked', async () => {
    const e = engine();
    await runPipeline(options([starting(e)], { keepContainer: true }));
    expect(e.calls).toEqual([]);
    expect(Object.keys(e.containers)).toContain('ipm-db-unit1');
  });

  it('puts compile errors in the report and annotates them', async () => {
    const logger = recordingLogger();
    const report = await runPipeline(
      options(
        [
          starting(engine()),
          {
            name: 'load',
            run: async () => {
              throw new CompileFailedError(
                'did not compile',
                [{ file: 'src/A.cls', document: 'A.cls', line: 3, message: 'Expected space' }],
                'ERROR: A.cls(x+1)',
              );
            },
          },
        ],
        { logger },
      ),
    );
    expect(report.compileErrors).toEqual([
      { file: 'src/A.cls', document: 'A.cls', line: 3, message: 'Expected space' },
    ]);
    expect(logger.lines).toContain('error src/A.cls:3 Expected space');
  });

  it('honours skip reasons and calls hooks around each stage', async () => {
    const seen: string[] = [];
    const report = await runPipeline(
      options(
        [
          { name: 'test', skip: () => 'tests not requested', run: async () => 'x' },
          { name: 'verify', run: async () => 'v' },
        ],
        {
          hooks: [
            {
              beforeStage: (s) => void seen.push(`before ${s}`),
              afterStage: (r) => void seen.push(`after ${r.stage} ${r.status}`),
            },
          ],
        },
      ),
    );
    expect(report.stages[0]).toMatchObject({ status: 'skipped', message: 'tests not requested' });
    expect(seen).toEqual(['before verify', 'after verify passed']);
  });

  it('stops before the next stage when cancelled, and still cleans up', async () => {
    const e = engine();
    const abort = new AbortController();
    const report = await runPipeline(
      options(
        [starting(e), { name: 'ipm', run: async () => void abort.abort() }, { name: 'load', run: async () => 'never' }],
        {
          signal: abort.signal,
        },
      ),
    );
    expect(report.stages.map((s) => `${s.stage}:${s.status}`)).toEqual(['start:passed', 'ipm:passed', 'load:failed']);
    expect(report.stages[2]!.message).toBe('cancelled before this stage started');
    expect(Object.keys(e.containers)).toEqual(['ipm-db-other']);
  });

  it('fails the start stage clearly when the module has no module.xml, before touching docker', async () => {
    const { stages: _stages, ...defaults } = options([]);
    const report = await runPipeline({ ...defaults, docker: { binary: 'docker-not-installed-xyz' } });
    expect(report.stages[0]).toMatchObject({ stage: 'start', status: 'failed' });
    expect(report.stages[0]!.message).toContain('No module.xml in /nowhere');
    expect(report.stages.slice(1).every((s) => s.status === 'skipped')).toBe(true);
  });
});
