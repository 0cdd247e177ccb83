// npm run bench:pipeline — is the action's wall time its critical path? Two IRIS versions (the
// stand-in with a latency profile: test/standin/latency.ts's real-IRIS estimates divided by
// IPM_DB_BENCH_SCALE, default 20) run every upgrade scenario (database and container from a
// previous version published to a local registry, source from its directory, fresh) in one action
// run. Printed: the sum of all stage and scenario latencies (the run done one thing at a time),
// the critical path (per version: its stages in order, the in-instance scenarios one after another
// beside the container scenario; the longest version; then the iris-upgrade pair between the two
// versions, which starts when both are done) and the achieved wall time, for two runs:
// cold (warm-ipm-image on, no warm image yet: IPM installed, then the warm image committed) and
// warm (the same run again: every container starts from the warm image and no IPM install may
// happen, which the run report's ipmInstalls shows; the script fails otherwise). Last line:
// `pipeline wall/critical-path: <ratio>`, the worse of the two (goal <= 1.25).
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

/** Containers IPM was installed in: the versions' runs and their iris-upgrade pairs. */
function ipmInstallsOf(runs: RunReport[]): string[] {
  return runs.flatMap((r) => [...(r.ipmInstalls ?? []), ...(r.irisUpgrade?.report?.ipmInstalls ?? [])]);
}

/** Prints one run's figures; returns its wall/critical-path ratio. */
function report(label: string, runs: RunReport[], wallMs: number): number {
  const paths = runs.map(pathOf);
  // The iris-upgrade pairs start once every version's run is done, and run beside each other.
  const pairs = runs.flatMap((r) => (r.irisUpgrade ? [r.irisUpgrade] : []));
  const pairsMs = pairs.map((p) => p.durationMs);
  const sum = paths.reduce((t, p) => t + p.work, 0) + pairsMs.reduce((t, ms) => t + ms, 0);
  const critical = Math.max(...paths.map((p) => p.critical)) + Math.max(0, ...pairsMs);
  const installs = ipmInstallsOf(runs).length;
  console.log(`${label}: IPM installed in ${installs} container(s)`);
  for (const r of runs) {
    const p = pathOf(r);
    console.log(
      `  IRIS ${r.irisVersion}: ${r.stages.map((s) => `${s.stage} ${s.durationMs}`).join(', ')}; scenarios ${r.upgrade
        .map((u) => `${u.scenario} ${u.durationMs}`)
        .join(', ')}; work ${p.work} ms, path ${p.critical} ms`,
    );
  }
  for (const p of pairs)
    console.log(`  iris-upgrade ${p.fromIrisVersion} -> ${p.toIrisVersion}: ${p.status}, ${p.durationMs} ms`);
  console.log(`  ${label} sum of stage latencies: ${sum.toFixed(0)} ms`);
  console.log(`  ${label} critical path: ${critical.toFixed(0)} ms`);
  console.log(`  ${label} achieved wall time: ${wallMs.toFixed(0)} ms (goal <= ${GOAL} x the critical path)`);
  console.log(`  ${label} wall/critical-path: ${(wallMs / critical).toFixed(3)}`);
  return wallMs / critical;
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
    const installer = ipmInstallerXml('0.10.10', { databasePackaging: true, dependencyCode: true });
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
    const measured = (n: number) =>
      action(
        {
          ...base,
          'warm-ipm-image': 'true',
          'module-path': 'v2',
          'upgrade-from': '1.0.0',
          'upgrade-source': 'v1',
          'upgrade-scenarios': 'all',
          'seed-methods': 'DemoOrders.Setup:SeedData',
          'check-methods':
            'DemoOrders.Checks:SettingsMigrated,DemoOrders.Checks:OrdersKept,DemoOrders.Checks:MigrationRanAtMostOnce',
          'declared-changes': 'DemoOrders.Update.V2:MoveBillingSettings=^DemoOrders.Settings,^DemoOrders.StepRuns',
        },
        n,
      );
    const cold = await measured(1);
    const warm = await measured(2);
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(`latency profile (real-IRIS estimates / ${SCALE}): ${profile.join(' ')}`);
    console.log(`parallel: ${PARALLEL}; IRIS versions: ${VERSIONS.join(', ')}`);
    const coldRatio = report('cold', cold.outcome.runs, cold.wallMs);
    const warmRatio = report('warm', warm.outcome.runs, warm.wallMs);
    const installs = ipmInstallsOf(warm.outcome.runs);
    const fromWarm = warm.outcome.runs.every((r) =>
      r.stages.some((s) => s.stage === 'ipm' && s.message?.includes('warm image')),
    );
    if (installs.length > 0 || !fromWarm) {
      throw new Error(
        `the warm run installed IPM (in ${installs.join(', ') || 'none'}) or did not start from the warm image`,
      );
    }
    console.log('warm run: every container started from the warm IPM image; no IPM install (run reports)');
    console.log(`pipeline wall/critical-path: ${Math.max(coldRatio, warmRatio).toFixed(3)}`);
  } finally {
    await registry.stop();
    for (const image of images) await docker(engine.host, ['rmi', '-f', image]).catch(() => undefined);
    await rm(work, { recursive: true, force: true });
    await engine.stop();
  }
}

await main();
