/**
 * The pipeline's use of warm IPM images (src/ipm/warm-image.ts): the start stage starts from one
 * when it exists for this IRIS image and IPM pin, the ipm stage checks IPM in it (falling back to a
 * fresh install on anything wrong, with a warning) or, after a fresh install, commits one.
 */
import { needsCheckCapsFalse } from '../iris/container.js';
import { errorMessage } from '../util/errors.js';
import { resolveInstaller, installerPin, type ResolvedInstaller } from '../ipm/installer.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  baseImageId,
  commitWarmImage,
  dropWarmImage,
  warmImageExists,
  warmImageKey,
  warmImageTag,
} from '../ipm/warm-image.js';
import type { IpmSetup } from '../ipm/bootstrap.js';
import { setUpIpm, startPipelineIris, type DrivenContainer } from './containers.js';
import type { PipelineContext } from './context.js';

export interface WarmState {
  key: string;
  /** Id of the IRIS image the warm image is made from. */
  baseId: string;
  tag: string;
  /** The container was started from the warm image. */
  used: boolean;
}

const installers = new WeakMap<PipelineContext, Promise<ResolvedInstaller | null>>();
const warmStates = new WeakMap<PipelineContext, WarmState | null>();

/** The run's IPM, resolved once (download, cache) whichever stage asks first. */
export function pipelineInstaller(ctx: PipelineContext): Promise<ResolvedInstaller | null> {
  let p = installers.get(ctx);
  if (!p) {
    const o = ctx.options;
    p = o.installer
      ? resolveInstaller(o.installer, {
          workDir: join(tmpdir(), 'ipm-db-installers'),
          ...(o.installerCache ? { cache: o.installerCache } : {}),
        })
      : Promise.resolve(null);
    installers.set(ctx, p);
  }
  return p;
}

export function warmState(ctx: PipelineContext): WarmState | null {
  return warmStates.get(ctx) ?? null;
}

/** The warm IPM image an IRIS image has for this run's IPM pin; null when its image id or the IPM cannot be read. */
async function warmIdentity(ctx: PipelineContext, image: string): Promise<Omit<WarmState, 'used'> | null> {
  const installer = await pipelineInstaller(ctx);
  const baseId = installer ? await baseImageId(ctx.docker, image) : null;
  if (!installer || !baseId) return null;
  const key = warmImageKey(baseId, installerPin(installer), ctx.options.homeNamespace ?? 'USER');
  return { key, baseId, tag: warmImageTag(key) };
}

/** Starts the run's container: from its warm image when asked for and present, else from the IRIS image. */
export async function startWithWarmImage(ctx: PipelineContext): Promise<DrivenContainer> {
  const o = ctx.options;
  if (!o.warmIpmImage || !o.installer) return startPipelineIris(ctx, ctx.runId);
  const identity = await warmIdentity(ctx, o.image);
  if (!identity) {
    ctx.logger.warn(`No warm IPM image for ${o.image}: its image id could not be read.`);
    return startPipelineIris(ctx, ctx.runId);
  }
  const state: WarmState = { ...identity, used: false };
  const { tag } = state;
  warmStates.set(ctx, state);
  if (!(await warmImageExists(ctx.docker, tag))) return startPipelineIris(ctx, ctx.runId);
  try {
    const driven = await startPipelineIris(ctx, ctx.runId, {
      image: tag,
      checkCapsFalse: needsCheckCapsFalse(o.image),
    });
    state.used = true;
    ctx.logger.info(`Started from the warm IPM image ${tag}`);
    return driven;
  } catch (err) {
    ctx.logger.warn(
      `The warm IPM image ${tag} did not start (${errorMessage(err)}); starting ${o.image} and installing IPM afresh.`,
    );
    await dropWarmImage(ctx.docker, tag);
    return startPipelineIris(ctx, ctx.runId);
  }
}

/**
 * IPM in the run's container: checked in a warm container (a failed check replaces the container
 * with a fresh one and installs), installed otherwise, then committed as the warm image when asked.
 */
export async function setUpIpmWarm(ctx: PipelineContext, installer: ResolvedInstaller | null): Promise<IpmSetup> {
  const o = ctx.options;
  const state = warmState(ctx);
  if (state?.used) {
    try {
      const setup = await setUpIpm(ctx, ctx.target!, null, o.homeNamespace);
      return { ...setup, installedFrom: installer };
    } catch (err) {
      ctx.logger.warn(
        `The warm IPM image ${state.tag} failed the IPM check (${errorMessage(err)}); installing IPM afresh in a new container.`,
      );
      state.used = false;
      await dropWarmImage(ctx.docker, state.tag);
      await ctx.container!.remove();
      const driven = await startPipelineIris(ctx, ctx.runId);
      ctx.container = driven.container;
      ctx.target = driven.target;
      ctx.ops = driven.ops;
    }
  }
  const setup = await setUpIpm(ctx, ctx.target!, installer, o.homeNamespace);
  if (installer) recordIpmInstall(ctx, ctx.container!.name);
  if (state && o.warmIpmImage) {
    try {
      await commitWarmImage(ctx.container!, state.tag, state.key, state.baseId, {
        logger: ctx.logger,
        ...(o.timeouts?.readyMs ? { readyTimeoutMs: o.timeouts.readyMs } : {}),
        image: o.image,
      });
      ctx.logger.info(`Committed the warm IPM image ${state.tag}`);
    } catch (err) {
      if (!(await ctx.container!.isRunning()).running) throw err;
      ctx.logger.warn(`Could not commit the warm IPM image ${state.tag}: ${errorMessage(err)}`);
    }
  }
  return setup;
}

/** Notes in the run report that IPM was installed in `container`. */
export function recordIpmInstall(ctx: PipelineContext, container: string): void {
  (ctx.report.ipmInstalls ??= []).push(container);
}

/**
 * The warm IPM image further containers of the run's own IRIS image (upgrade scenarios on a
 * durable volume) start from: the one this run started from or committed; null when there is none.
 */
export async function warmImageForScenarios(ctx: PipelineContext): Promise<string | null> {
  const state = warmState(ctx);
  if (!state || !ctx.options.warmIpmImage) return null;
  return state.used || (await warmImageExists(ctx.docker, state.tag)) ? state.tag : null;
}

/**
 * The warm IPM image of another IRIS image of the run (the iris-upgrade scenario's IRIS N, whose
 * own run committed it), for this run's IPM pin; null when warm images are off or it does not exist.
 */
export async function warmImageOf(ctx: PipelineContext, image: string): Promise<string | null> {
  if (!ctx.options.warmIpmImage || !ctx.options.installer) return null;
  const identity = await warmIdentity(ctx, image);
  return identity && (await warmImageExists(ctx.docker, identity.tag)) ? identity.tag : null;
}

/**
 * IPM in a further container: checked when it started from the warm image (Durable %SYS clones the
 * image's databases, IPM included), installed otherwise, or when the check fails (with a warning).
 */
export async function setUpScenarioIpm(
  ctx: PipelineContext,
  driven: DrivenContainer,
  fromWarmImage: boolean,
  installer: ResolvedInstaller | null,
  homeNamespace: string,
): Promise<void> {
  if (fromWarmImage) {
    try {
      await setUpIpm(ctx, driven.target, null, homeNamespace);
      return;
    } catch (err) {
      ctx.logger.warn(
        `IPM was not usable in ${driven.container.name}, started from the warm IPM image (${errorMessage(err)}); installing it afresh.`,
      );
    }
  }
  await setUpIpm(ctx, driven.target, installer, homeNamespace);
  if (installer) recordIpmInstall(ctx, driven.container.name);
}
