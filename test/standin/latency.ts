// The stand-in's latency profile: how long each IRIS/IPM operation takes, one environment
// variable per operation (0 / unset: as fast as the stand-in is). With the estimates below scaled
// down, a benchmark sees the proportions of a real run. Starting IRIS is STANDIN_START_DELAY_MS.
import { sleepSync } from './io.js';

/**
 * Each operation's variable, with an estimate of the real operation on a GitHub-hosted runner
 * (2-4 cores). These are estimates from IRIS/IPM behaviour as commonly reported, not measured
 * against a running IRIS here: IRIS start ~25 s (container start, instance start, waitReady),
 * IPM install ~40 s ($system.OBJ.Load of zpm.xml compiles the whole IPM package), module
 * load+compile ~20 s, package-database ~10 s (export, dismount, copy and hash IRIS.DAT), install
 * (`load <tgz> -swap-db`) ~8 s, update ~10 s (swap and update steps), unit tests ~15 s.
 */
export const LATENCY_VARIABLES = {
  start: 'STANDIN_START_DELAY_MS',
  'ipm-install': 'STANDIN_LATENCY_IPM_INSTALL_MS',
  load: 'STANDIN_LATENCY_LOAD_MS',
  package: 'STANDIN_LATENCY_PACKAGE_MS',
  install: 'STANDIN_LATENCY_INSTALL_MS',
  update: 'STANDIN_LATENCY_UPDATE_MS',
  test: 'STANDIN_LATENCY_TEST_MS',
} as const;
export type LatencyOperation = keyof typeof LATENCY_VARIABLES;

/** Real-IRIS estimates in ms (see above); a benchmark divides them by its scale. */
export const REAL_IRIS_ESTIMATES_MS: Record<LatencyOperation, number> = {
  start: 25_000,
  'ipm-install': 40_000,
  load: 20_000,
  package: 10_000,
  install: 8_000,
  update: 10_000,
  test: 15_000,
};

/** Waits as long as the profile says `operation` takes. */
export function pauseFor(operation: LatencyOperation, env: NodeJS.ProcessEnv): void {
  const ms = Number(env[LATENCY_VARIABLES[operation]] ?? '0');
  if (operation !== 'start' && Number.isFinite(ms) && ms > 0) sleepSync(ms);
}

/** The profile's operation an IPM shell command is (load of a .tgz is an install); null for the others. */
export function operationOfCommand(command: string, firstArgument: string | undefined): LatencyOperation | null {
  switch (command) {
    case 'load':
      return /\.(tgz|tar\.gz)$/i.test(firstArgument ?? '') ? 'install' : 'load';
    case 'install':
      return 'install';
    case 'update':
      return 'update';
    case 'test':
      return 'test';
    case 'package-database':
      return 'package';
    default:
      return null;
  }
}
