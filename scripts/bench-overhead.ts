// npm run bench:overhead — the action's own overhead: the whole run (inputs -> pipeline on each
// IRIS image -> report, outputs, summary) against the IRIS stand-in with zero start delay, minus
// the time spent inside docker/IRIS child processes (every command the pipeline runs goes
// through one instrumented runner; overlapping commands are counted once). Also the start time
// of the bundled `node dist/index.js` (until it has read and rejected its inputs and exited).
// Targets: under 3 s of overhead per IRIS version, under 0.5 s to start.
// IPM_DB_BENCH_RUNS sets how many action runs are measured (default 3; the median is printed).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { CacheStore } from '../src/action/cache-store.js';
import { dockerCli } from '../src/action/docker-cli.js';
import type { CoreIO } from '../src/action/core-io.js';
import { parseInputs } from '../src/action/inputs.js';
import { actionRegistryAccess } from '../src/action/registry.js';
import { run } from '../src/action/run.js';
import { pipelinePort, publishPort } from '../src/action/wiring.js';
import { childProcessRunner, type CommandRunner } from '../src/iris/process.js';
import { docker, startDockerEngine } from '../test/support/docker-engine.js';
import { buildStandinImage } from '../test/standin/image.js';
import { ipmInstallerXml } from '../test/standin/ipm-installer.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.IPM_DB_BENCH_RUNS ?? 3);
const VERSIONS = ['2025.3', '2026.1'];
const TARGET_OVERHEAD_MS = 3000;
const TARGET_START_MS = 500;

/** Total length of the union of [start, end] intervals. */
function unionMs(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur: [number, number] | null = null;
  for (const [s, e] of sorted) {
    if (!cur || s > cur[1]) {
      if (cur) total += cur[1] - cur[0];
      cur = [s, e];
    } else cur[1] = Math.max(cur[1], e);
  }
  if (cur) total += cur[1] - cur[0];
  return total;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const silentIo: CoreIO = {
  setOutput: () => {},
  saveState: () => {},
  info: () => {},
  debug: () => {},
  notice: () => {},
  warning: (m) => console.error(`warning: ${m}`),
  annotate: () => {},
  group: (_t, fn) => fn(),
  writeBlock: () => {},
  writeSummary: async () => false,
};
const noCache: CacheStore = { available: () => false, restore: async () => null, save: async () => false };

async function main(): Promise<void> {
  const engine = await startDockerEngine();
  if (!engine.host) throw new Error(`no Docker engine: ${engine.unavailableReason}`);
  process.env.DOCKER_HOST = engine.host;
  const work = await mkdtemp(join(tmpdir(), 'ipm-db-bench-'));
  const images: string[] = [];
  try {
    const standin = (await buildStandinImage(engine.host)).tag;
    for (const v of VERSIONS) {
      const tag = `localhost/ipm-db-bench-iris:${v}`;
      const id = (await docker(engine.host, ['create', standin])).stdout.trim();
      await docker(engine.host, [
        'commit',
        '--change',
        `ENV STANDIN_IRIS_VERSION=${v}`,
        '--change',
        'ENV STANDIN_START_DELAY_MS=0',
        id,
        tag,
      ]);
      await docker(engine.host, ['rm', '-f', id]);
      images.push(tag);
    }
    const ws = join(work, 'ws');
    await cp(join(root, 'test/fixtures/standin-modules/demo-app'), ws, { recursive: true, dereference: true });
    const installer = ipmInstallerXml('0.10.10', { databasePackaging: true });
    await writeFile(join(ws, 'zpm-0.10.10.xml'), installer);
    const values: Record<string, string> = {
      'module-path': '.',
      'iris-images': images.join('\n'),
      'ipm-installer': 'zpm-0.10.10.xml',
      'ipm-sha256': createHash('sha256').update(installer).digest('hex'),
      'upload-artifacts': 'never',
    };
    const inputs = parseInputs({
      get: (n) => values[n] ?? '',
      env: { GITHUB_WORKSPACE: ws },
      event: null,
      setSecret: () => {},
    });

    const registry = actionRegistryAccess(inputs, {}, () => {});
    const rows: { wallMs: number; childMs: number; overheadMs: number; commands: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const intervals: [number, number][] = [];
      const runner: CommandRunner = {
        async run(command, args, options) {
          const t0 = performance.now();
          try {
            return await childProcessRunner.run(command, args, options);
          } finally {
            intervals.push([t0, performance.now()]);
          }
        },
      };
      const t0 = performance.now();
      const outcome = await run(inputs, {
        io: silentIo,
        pipeline: pipelinePort({ runner, registryAccess: registry }),
        publisher: publishPort({ registryAccess: registry }),
        uploader: null,
        cache: noCache,
        docker: dockerCli,
        env: { RUNNER_TEMP: join(work, `tmp-${i}`) },
        runId: `bench-${process.pid}-${i}`,
      });
      const wallMs = performance.now() - t0;
      if (!outcome.ok) throw new Error(`the benchmark run failed: ${outcome.failure?.message}`);
      const childMs = unionMs(intervals);
      rows.push({ wallMs, childMs, overheadMs: wallMs - childMs, commands: intervals.length });
    }

    const starts: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'dist/index.js')], {
        env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: join(work, 'out'), RUNNER_TEMP: work },
        encoding: 'utf8',
      });
      starts.push(performance.now() - t0);
      if (!/no IRIS image given/.test(r.stdout))
        throw new Error(`dist/index.js did not start as expected:\n${r.stdout}${r.stderr}`);
    }

    const perVersion = median(rows.map((r) => r.overheadMs)) / VERSIONS.length;
    const start = median(starts);
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(`action runs on ${VERSIONS.length} IRIS versions (stand-in, zero start delay), ${RUNS} runs:`);
    console.log('  run  wall ms  in child processes ms  overhead ms  commands');
    rows.forEach((r, i) =>
      console.log(
        `  ${String(i + 1).padStart(3)}  ${r.wallMs.toFixed(0).padStart(7)}  ${r.childMs.toFixed(0).padStart(21)}  ${r.overheadMs.toFixed(0).padStart(11)}  ${String(r.commands).padStart(8)}`,
      ),
    );
    console.log(
      `overhead per IRIS version (median): ${perVersion.toFixed(0)} ms = ${(perVersion / TARGET_OVERHEAD_MS).toFixed(3)} x the 3 s target`,
    );
    console.log(
      `node dist/index.js start to exit (median of ${starts.length}): ${start.toFixed(0)} ms = ${(start / TARGET_START_MS).toFixed(3)} x the 0.5 s target`,
    );
  } finally {
    for (const image of images) await docker(engine.host, ['rmi', '-f', image]).catch(() => undefined);
    await rm(work, { recursive: true, force: true });
    await engine.stop();
  }
}

await main();
