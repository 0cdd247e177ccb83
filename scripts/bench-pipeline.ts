// npm run bench:pipeline — is the action's wall time its critical path? Two IRIS versions (the
// stand-in with a latency profile: test/standin/latency.ts's real-IRIS estimates divided by
// IPM_DB_BENCH_SCALE, default 20) run every upgrade scenario (database and container from a
// previous version published to a local registry, source from its directory, fresh) in one action
// run. Printed: the sum of all stage and scenario latencies (the run done one thing at a time),
// the critical path (per version: its stages in order, the in-instance scenarios one after another
// beside the container scenario; the longest version), the achieved wall time, and last
// `pipeline wall/critical-path: <ratio>` (goal <= 1.25).
// Cold only: the warm IPM image (issue 16 item 3) is not in this branch, so every run installs IPM.
// IPM_DB_BENCH_PARALLEL sets the parallel input (default 4: two versions, each with its container scenario).
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { CacheStore } from '../src/action/cache-store.js';
import type { CoreIO } from '../src/action/core-io.js';
import { dockerCli } from '../src/action/docker-cli.js';
import { parseInputs } from '../src/action/inputs.js';
import { actionRegistryAccess } from '../src/action/registry.js';
import { run } from '../src/action/run.js';
import { pipelinePort, publishPort } from '../src/action/wiring.js';
import type { RunReport } from '../src/pipeline/run-report.js';
import { docker, startDockerEngine } from '../test/support/docker-engine.js';
import { startRegistry } from '../test/support/registry.js';
import { buildStandinImage } from '../test/standin/image.js';
import { ipmInstallerXml } from '../test/standin/ipm-installer.js';
import { LATENCY_VARIABLES, REAL_IRIS_ESTIMATES_MS, type LatencyOperation } from '../test/standin/latency.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = join(root, 'examples/example-module');
const VERSIONS = ['2025.3', '2026.1'];
const SCALE = Number(process.env.IPM_DB_BENCH_SCALE ?? 20);
const PARALLEL = process.env.IPM_DB_BENCH_PARALLEL ?? '4';
const GOAL = 1.25;

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

/** Per version: the stages before the upgrade in order, and the scenarios' own times. */
function pathOf(report: RunReport): { work: number; critical: number } {
  const stages = report.stages
    .filter((s) => s.stage !== 'upgrade' && s.stage !== 'publish')
    .reduce((t, s) => t + s.durationMs, 0);
  const inInstance = report.upgrade
    .filter((u) => u.scenario !== 'container-replacement')
    .reduce((t, u) => t + u.durationMs, 0);
  const own = report.upgrade
    .filter((u) => u.scenario === 'container-replacement')
    .reduce((t, u) => t + u.durationMs, 0);
  return { work: stages + inInstance + own, critical: stages + Math.max(inInstance, own) };
}

async function main(): Promise<void> {
  const engine = await startDockerEngine();
  if (!engine.host) throw new Error(`no Docker engine: ${engine.unavailableReason}`);
  process.env.DOCKER_HOST = engine.host;
  const work = await mkdtemp(join(tmpdir(), 'ipm-db-bench-'));
  const images: string[] = [];
  const registry = await startRegistry({ auth: 'none' });
  try {
    const standin = (await buildStandinImage(engine.host)).tag;
    const profile = Object.entries(LATENCY_VARIABLES).map(
      ([op, name]) => `${name}=${Math.round(REAL_IRIS_ESTIMATES_MS[op as LatencyOperation] / SCALE)}`,
    );
    for (const v of VERSIONS) {
      const tag = `localhost/ipm-db-bench-iris:${v}`;
      const id = (await docker(engine.host, ['create', standin])).stdout.trim();
      const env = [`STANDIN_IRIS_VERSION=${v}`, ...profile].flatMap((e) => ['--change', `ENV ${e}`]);
      await docker(engine.host, ['commit', ...env, id, tag]);
      await docker(engine.host, ['rm', '-f', id]);
      images.push(tag);
    }
    const installer = ipmInstallerXml('0.10.10', { databasePackaging: true });
    const installerPath = join(work, 'zpm-0.10.10.xml');
    await writeFile(installerPath, installer);
    const base: Record<string, string> = {
      'iris-images': images.join('\n'),
      'ipm-installer': installerPath,
      'ipm-sha256': createHash('sha256').update(installer).digest('hex'),
      'upload-artifacts': 'never',
      summary: 'false',
      registry: registry.host,
      'registry-plain-http': 'true',
      namespace: 'acme',
      token: 'bench-token',
      parallel: PARALLEL,
    };
    const action = async (values: Record<string, string>, n: number) => {
      const inputs = parseInputs({
        get: (name) => values[name] ?? '',
        env: { GITHUB_WORKSPACE: EXAMPLE },
        event: null,
        setSecret: () => {},
      });
      const access = actionRegistryAccess(inputs, {}, () => {});
      const t0 = performance.now();
      const outcome = await run(inputs, {
        io: silentIo,
        pipeline: pipelinePort({ registryAccess: access }),
        publisher: publishPort({ registryAccess: access }),
        uploader: null,
        cache: noCache,
        docker: dockerCli,
        env: { RUNNER_TEMP: join(work, `tmp-${n}`) },
        runId: `bench-${process.pid}-${n}`,
      });
      if (!outcome.ok) throw new Error(`benchmark run ${n} failed: ${outcome.failure?.message}`);
      return { outcome, wallMs: performance.now() - t0 };
    };

    // Setup, not measured: the previous release (1.0.0) published for both IRIS versions.
    await action({ ...base, 'module-path': 'v1', publish: 'true' }, 0);
    const { outcome, wallMs } = await action(
      {
        ...base,
        'module-path': 'v2',
        'upgrade-from': '1.0.0',
        'upgrade-source': 'v1',
        'upgrade-scenarios': 'all',
        'seed-methods': 'DemoOrders.Setup:SeedData',
        'check-methods':
          'DemoOrders.Checks:SettingsMigrated,DemoOrders.Checks:OrdersKept,DemoOrders.Checks:MigrationRanAtMostOnce',
        'declared-changes': 'DemoOrders.Update.V2:MoveBillingSettings=^DemoOrders.Settings,^DemoOrders.StepRuns',
      },
      1,
    );
    const paths = outcome.runs.map(pathOf);
    const sum = paths.reduce((t, p) => t + p.work, 0);
    const critical = Math.max(...paths.map((p) => p.critical));
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(`latency profile (real-IRIS estimates / ${SCALE}): ${profile.join(' ')}`);
    console.log(`parallel: ${PARALLEL}; IRIS versions: ${VERSIONS.join(', ')}; cold (every run installs IPM)`);
    console.log('warm: not measured (the warm IPM image of issue 16 item 3 is not in this branch)');
    for (const r of outcome.runs) {
      const p = pathOf(r);
      console.log(
        `  IRIS ${r.irisVersion}: ${r.stages.map((s) => `${s.stage} ${s.durationMs}`).join(', ')}; scenarios ${r.upgrade
          .map((u) => `${u.scenario} ${u.durationMs}`)
          .join(', ')}; work ${p.work} ms, path ${p.critical} ms`,
      );
    }
    console.log(`sum of stage latencies: ${sum.toFixed(0)} ms`);
    console.log(`critical path: ${critical.toFixed(0)} ms`);
    console.log(`achieved wall time: ${wallMs.toFixed(0)} ms (goal <= ${GOAL} x the critical path)`);
    console.log(`pipeline wall/critical-path: ${(wallMs / critical).toFixed(3)}`);
  } finally {
    await registry.stop();
    for (const image of images) await docker(engine.host, ['rmi', '-f', image]).catch(() => undefined);
    await rm(work, { recursive: true, force: true });
    await engine.stop();
  }
}

await main();
