/**
 * Binds the upgrade scenarios' ports (./ports.ts) to the container driver: sessions through
 * `iris session` in the pipeline's container, IPM operations, namespaces from IPM's
 * InitializeNamespace, and for container replacement two containers of the same image on one
 * named volume holding the IRIS data directory (Durable %SYS).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IpmDbError } from '../../util/errors.js';
import { redact } from '../../util/redact.js';
import { RUN_LABEL, removeRun, startIris, type IrisContainer } from '../../iris/container.js';
import { parseSessionOutput } from '../../iris/output.js';
import { IrisSessionRunner, sessionArgs } from '../../iris/session.js';
import { bootstrapIpm } from '../../ipm/bootstrap.js';
import { createNamespace } from '../../ipm/namespaces.js';
import { IpmOperations, type IpmTarget } from '../../ipm/operations.js';
import type { PipelineContext } from '../options.js';
import type { ReplaceableIris, UpgradeEnvironment, UpgradeIris } from './ports.js';

/** Where Durable %SYS keeps the IRIS data directory inside the container. */
const DURABLE_MOUNT = '/durable';
const DONE_MARKER = '##IPMDB upgrade-done=1';

/** One session of upgrade-stage lines; it must exit 0 and print the end marker, with no ObjectScript error outside a `try`. */
export async function runUpgradeLines(
  container: IrisContainer,
  namespace: string,
  lines: string[],
  doing: string,
  timeoutMs: number,
): Promise<string> {
  const input = [...lines, `write "${DONE_MARKER}",!`, 'halt', ''].join('\n');
  const result = await container.exec(sessionArgs(namespace), { input, timeoutMs });
  const stdout = redact(result.stdout);
  const parsed = parseSessionOutput(stdout);
  const details = [parsed.text, redact(result.stderr.trim())].filter(Boolean).join('\n');
  if (result.timedOut)
    throw new IpmDbError('session-timeout', `IRIS session in ${namespace} was stopped while ${doing}.`, { details });
  if (result.exitCode !== 0)
    throw new IpmDbError(
      'session-failed',
      `IRIS session in ${namespace} failed (exit ${result.exitCode}) while ${doing}.`,
      { details },
    );
  if (parsed.objectScriptErrors.length > 0) {
    throw new IpmDbError(
      'objectscript-error',
      `IRIS reported ${parsed.objectScriptErrors[0]} while ${doing} in ${namespace}.`,
      { details },
    );
  }
  if (!stdout.includes(DONE_MARKER))
    throw new IpmDbError('session-ended-early', `IRIS session in ${namespace} ended early while ${doing}.`, {
      details,
    });
  return stdout;
}

interface IrisParts {
  container: IrisContainer;
  target: IpmTarget;
  ops: IpmOperations;
}

function irisOf(ctx: PipelineContext, current: () => IrisParts, homeNamespace: string): UpgradeIris {
  const timeoutMs = ctx.options.timeouts?.shortMs ?? 300_000;
  return {
    createNamespace: () =>
      createNamespace(current().target, {
        homeNamespace,
        postfix: ctx.nextPostfix('UPG'),
        enableEnsemble: ctx.options.enableEnsemble ?? false,
      }),
    run: (namespace, lines, doing) => runUpgradeLines(current().container, namespace, lines, doing, timeoutMs),
    loadModule: async (namespace, hostDir) => {
      await current().ops.loadModule(namespace, hostDir);
    },
    loadPackage: (namespace, hostTgz) => current().ops.loadPackage(namespace, hostTgz),
    updateModule: (namespace, moduleName, hostTgz) => current().ops.updateModule(namespace, moduleName, hostTgz),
  };
}

function partsOf(ctx: PipelineContext, container: IrisContainer): IrisParts {
  const o = ctx.options;
  const target: IpmTarget = { sessions: new IrisSessionRunner(container), files: container };
  const ops = new IpmOperations(target, {
    ...(o.timeouts ? { timeouts: o.timeouts } : {}),
    verbose: o.verbose ?? false,
  });
  return { container, target, ops };
}

/** Starts a container of the pipeline's image with its IRIS data directory on `volume`. */
async function startOnVolume(ctx: PipelineContext, runId: string, volume: string): Promise<IrisContainer> {
  const o = ctx.options;
  return startIris(
    ctx.docker,
    {
      image: o.image,
      runId,
      // No network: the pipeline's own IRIS may already hold the host's IRIS ports, and these
      // containers need none (packages are copied in, previous releases pulled on the host).
      network: 'none',
      ...(o.extraDockerArgs ? { extraDockerArgs: o.extraDockerArgs } : {}),
      mounts: [...(o.mounts ?? []), { source: volume, target: DURABLE_MOUNT }],
      env: { ...(o.env ?? {}), ISC_DATA_DIRECTORY: `${DURABLE_MOUNT}/iris` },
    },
    {
      logger: ctx.logger,
      ...(o.timeouts?.startMs ? { runTimeoutMs: o.timeouts.startMs } : {}),
      ...(o.timeouts?.readyMs ? { readyTimeoutMs: o.timeouts.readyMs } : {}),
    },
  );
}

async function startDurable(ctx: PipelineContext): Promise<ReplaceableIris> {
  const setup = ctx.setup;
  if (!setup) throw new IpmDbError('pipeline-order', 'Internal: IPM is not set up; the ipm stage did not run.');
  const suffix = ctx.nextPostfix('D').toLowerCase();
  const volume = `ipm-db-${ctx.runId}-${suffix}`;
  // Labelled with the run id, so the run's final cleanup (and the action's post step) removes it.
  await ctx.docker.check('docker-volume-failed', 'docker volume create', [
    'volume',
    'create',
    '--label',
    `${RUN_LABEL}=${ctx.runId}`,
    volume,
  ]);
  // A new named volume is root's; IRIS runs as irisowner and must create <volume>/iris itself.
  await ctx.docker.check(
    'docker-volume-failed',
    'Giving the durable volume to irisowner',
    [
      'run',
      '--rm',
      '--network',
      'none',
      '--user',
      'root',
      '--label',
      `${RUN_LABEL}=${ctx.runId}`,
      '--mount',
      `type=volume,source=${volume},target=${DURABLE_MOUNT}`,
      '--entrypoint',
      '/bin/sh',
      ctx.options.image,
      '-c',
      `command -v chown >/dev/null 2>&1 || exit 0; chown irisowner ${DURABLE_MOUNT}`,
    ],
    { timeoutMs: 120_000 },
  );
  const runIds = [`${ctx.runId}-${suffix}a`, `${ctx.runId}-${suffix}b`];
  let generation = 0;
  let parts: IrisParts | null = null;
  const dispose = async () => {
    for (const runId of runIds) await removeRun(ctx.docker, runId).catch(() => undefined);
    await ctx.docker.call(['volume', 'rm', '-f', volume], { timeoutMs: 60_000 }).catch(() => undefined);
  };
  try {
    const first = partsOf(ctx, await startOnVolume(ctx, runIds[0]!, volume));
    parts = first;
    await bootstrapIpm(first.target, {
      installer: setup.installedFrom,
      logger: ctx.logger,
      homeNamespace: setup.homeNamespace,
      ...(ctx.options.timeouts?.ipmInstallMs ? { installTimeoutMs: ctx.options.timeouts.ipmInstallMs } : {}),
    });
  } catch (err) {
    await dispose();
    throw err;
  }
  const current = () => parts!;
  return {
    ...irisOf(ctx, current, setup.homeNamespace),
    async replace() {
      const old = current().container;
      // A clean IRIS shutdown (SIGTERM to the entry point) before the data directory changes hands.
      await ctx.docker.check('docker-stop-failed', `Stopping ${old.name}`, ['stop', '-t', '120', old.name], {
        timeoutMs: 180_000,
      });
      await removeRun(ctx.docker, runIds[generation]!);
      generation++;
      const next = await startOnVolume(ctx, runIds[generation]!, volume);
      parts = partsOf(ctx, next);
    },
    dispose,
  };
}

export function driverUpgradeEnvironment(ctx: PipelineContext, pull: UpgradeEnvironment['pull']): UpgradeEnvironment {
  const { container, target, ops, setup } = ctx;
  if (!container || !target || !ops || !setup) {
    throw new IpmDbError('pipeline-order', 'Internal: the container is not ready; an earlier stage did not run.');
  }
  return {
    iris: irisOf(ctx, () => ({ container, target, ops }), setup.homeNamespace),
    startDurable: () => startDurable(ctx),
    pull,
    tempDir: () => mkdtemp(join(tmpdir(), 'ipm-db-previous-')),
  };
}
