/**
 * How the pipeline starts and drives an IRIS container, shared by the start stage, the install
 * and load stages and the upgrade stage's extra containers: one container spec from the
 * pipeline options, one way to wrap a container in sessions and IPM operations, one way to set
 * IPM up in it, one way to make a new namespace for a package.
 */
import { startIris, type ContainerSpec, type IrisContainer } from '../iris/container.js';
import { join } from 'node:path';
import { IrisSessionRunner } from '../iris/session.js';
import { recordTranscript } from '../iris/transcript.js';
import { bootstrapIpm, type IpmSetup } from '../ipm/bootstrap.js';
import type { ResolvedInstaller } from '../ipm/installer.js';
import { createNamespace } from '../ipm/namespaces.js';
import { IpmOperations, type IpmTarget } from '../ipm/operations.js';
import { chooseNetwork, needsOutbound } from './network.js';
import type { PipelineContext } from './context.js';

export interface DrivenContainer {
  container: IrisContainer;
  target: IpmTarget;
  ops: IpmOperations;
}

/**
 * Starts a container of the pipeline's image (its network, docker arguments, mounts and
 * environment, with `extra` mounts and environment added) and waits until IRIS is ready.
 */
export async function startPipelineIris(
  ctx: PipelineContext,
  runId: string,
  extra: {
    network?: string;
    mounts?: ContainerSpec['mounts'];
    env?: Record<string, string>;
    /** Another image than the pipeline's (its warm IPM image). */
    image?: string;
    checkCapsFalse?: boolean;
  } = {},
): Promise<DrivenContainer> {
  const o = ctx.options;
  const network = extra.network ?? o.network ?? (await defaultNetwork(ctx));
  const mounts = [...(o.mounts ?? []), ...(extra.mounts ?? [])];
  const env = { ...(o.env ?? {}), ...(extra.env ?? {}) };
  const container = await startIris(
    ctx.docker,
    {
      image: extra.image ?? o.image,
      runId,
      ...(extra.checkCapsFalse !== undefined ? { checkCapsFalse: extra.checkCapsFalse } : {}),
      network,
      ...(o.extraDockerArgs ? { extraDockerArgs: o.extraDockerArgs } : {}),
      ...(mounts.length > 0 ? { mounts } : {}),
      ...(Object.keys(env).length > 0 ? { env } : {}),
    },
    {
      logger: ctx.logger,
      ...(o.onResource ? { onResource: o.onResource } : {}),
      ...(o.timeouts?.startMs ? { runTimeoutMs: o.timeouts.startMs } : {}),
      ...(o.timeouts?.readyMs ? { readyTimeoutMs: o.timeouts.readyMs } : {}),
    },
  );
  return drive(ctx, container);
}

/** The network when none was asked for: one that publishes no IRIS port (see network.ts). */
async function defaultNetwork(ctx: PipelineContext): Promise<string> {
  const o = ctx.options;
  const choice = chooseNetwork({ outbound: await needsOutbound(o.moduleDir, o.exportPythonDeps ?? true) });
  ctx.logger.info(`IRIS container network: ${choice.network} (${choice.why})`);
  return choice.network;
}

/** Sessions, file transfer and IPM operations for a running container, with the pipeline's timeouts and verbosity. */
export function drive(ctx: PipelineContext, container: IrisContainer): DrivenContainer {
  const o = ctx.options;
  if (o.recordTranscripts) recordTranscript(container, join(o.outDir, 'transcripts', container.name));
  const target: IpmTarget = { sessions: new IrisSessionRunner(container), files: container };
  const ops = new IpmOperations(target, {
    ...(o.timeouts ? { timeouts: o.timeouts } : {}),
    verbose: o.verbose ?? false,
  });
  return { container, target, ops };
}

/** A fresh namespace `<IPM home>-<prefix><n>` with its own CODE and DATA databases and IPM mapped in. */
export function newPackageNamespace(
  ctx: PipelineContext,
  target: IpmTarget,
  homeNamespace: string,
  prefix: string,
): Promise<string> {
  return createNamespace(target, {
    homeNamespace,
    postfix: ctx.nextPostfix(prefix),
    interoperability: ctx.options.interoperability ?? false,
  });
}

/** Installs (or finds) IPM in `homeNamespace` (default USER) of a container, with the pipeline's install time limit. */
export function setUpIpm(
  ctx: PipelineContext,
  target: IpmTarget,
  installer: ResolvedInstaller | null,
  homeNamespace: string | undefined,
): Promise<IpmSetup> {
  const limit = ctx.options.timeouts?.ipmInstallMs;
  return bootstrapIpm(target, {
    installer,
    logger: ctx.logger,
    ...(homeNamespace ? { homeNamespace } : {}),
    ...(limit ? { installTimeoutMs: limit } : {}),
  });
}
