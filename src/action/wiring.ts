/**
 * Binds the action's ports to the pipeline (src/pipeline: driver stages start..test), the
 * streaming verifier (src/archive) and the OCI publisher (src/oci).
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyArchive } from '../archive/verify.js';
import { containerNameFor, type IrisContainer } from '../iris/container.js';
import type { CommandRunner } from '../iris/process.js';
import { verifyArchiveStream } from '../archive/verify.js';
import { accessForHost, type RegistryAccess } from '../oci/access.js';
import { publishPackage } from '../oci/publish.js';
import { RegistryClient } from '../oci/client.js';
import type { PipelineHooks, PipelineOptions, Stage } from '../pipeline/context.js';
import { runPipeline } from '../pipeline/runner.js';
import { DEFAULT_STAGES } from '../pipeline/stages.js';
import type { UpgradeOptions } from '../pipeline/upgrade/settings.js';
import { registryPuller, upgradeStage } from '../pipeline/upgrade/stage.js';
import { runIrisUpgradePair } from '../pipeline/upgrade/iris-upgrade-pair.js';
import type { Logger } from '../util/log.js';
import type { StageResult } from '../pipeline/run-report.js';
import { redact } from '../util/redact.js';
import type { ImageRunOptions, PipelinePort, PublishPort } from './ports.js';
import { withActionRegistryHint } from './registry.js';

export interface WiringOptions {
  /** Runs every docker command; the default runs them through src/iris/process.ts (tests and the bench wrap it). */
  runner?: CommandRunner;
  /** The registry to publish to and pull previous versions from (src/action/registry.ts builds it from the inputs). */
  registryAccess: RegistryAccess;
}

export function pipelinePort(wiring: WiringOptions): PipelinePort {
  return {
    async runImage(o, logger) {
      const stages = o.upgrade ? [...DEFAULT_STAGES, upgradeStageFor(o.upgrade, logger, wiring)] : DEFAULT_STAGES;
      const record: PipelineHooks = {
        // Recorded before docker creates anything (the runner also reports each one as it creates it).
        beforeStage: (stage, ctx) => {
          o.onStage(stage);
          if (stage === 'start') o.onResource({ kind: 'container', name: containerNameFor(ctx.runId) });
        },
        afterStage: async (result, ctx) => {
          if (result.status === 'failed') await saveFailureLogs(o.outDir, result, ctx.container);
        },
      };
      const report = await runPipeline({
        image: o.image,
        moduleDir: o.moduleDir,
        outDir: o.outDir,
        installer: o.ipmInstaller,
        warmIpmImage: o.warmIpmImage,
        dev: o.dev,
        exportPythonDeps: o.exportPythonDeps,
        interoperability: o.interoperability,
        runTests: o.runTests,
        onResource: o.onResource,
        signal: o.signal,
        containerSlots: o.containerSlots,
        keepContainer: o.keepContainer,
        recordTranscripts: o.recordTranscripts,
        runId: o.runId,
        logger,
        verifyArchive: (path, expected) => verifyArchive(path, expected),
        hooks: [record],
        stages,
        ...(wiring.runner ? { docker: { runner: wiring.runner } } : {}),
        timeouts: pipelineTimeouts(o.timeouts),
      });
      const logFiles = (await readdir(o.outDir).catch(() => []))
        .filter((f) => /\.log$/i.test(f))
        .map((f) => join(o.outDir, f));
      return { report, logFiles };
    },
    runIrisUpgrade: (o, logger) =>
      runIrisUpgradePair(o.from, o.to, o.upgrade, {
        installer: o.ipmInstaller,
        interoperability: o.interoperability,
        warmIpmImage: o.warmIpmImage,
        onResource: o.onResource,
        signal: o.signal,
        containerSlots: o.containerSlots,
        keepContainer: o.keepContainer,
        runId: o.runId,
        logger,
        ...(wiring.runner ? { docker: { runner: wiring.runner } } : {}),
        timeouts: pipelineTimeouts(o.timeouts),
      }),
  };
}

/** The pipeline's time limits from the action's startup-timeout and command-timeout. */
function pipelineTimeouts(t: ImageRunOptions['timeouts']): NonNullable<PipelineOptions['timeouts']> {
  return {
    readyMs: t.startupMs,
    ipmInstallMs: t.commandMs,
    loadMs: t.commandMs,
    packageMs: t.commandMs,
    installMs: t.commandMs,
    testMs: t.commandMs,
  };
}

/**
 * The upgrade stage: a previous release is pulled with what the registry access gives its host
 * (the action's token for the action's registry; a docker login entry, or nothing, elsewhere).
 */
function upgradeStageFor(upgrade: UpgradeOptions, logger: Logger, wiring: WiringOptions): Stage {
  const pull = registryPuller((other) => new RegistryClient(accessForHost(wiring.registryAccess, other), { logger }));
  return upgradeStage(upgrade, async (reference, dir) => {
    try {
      return await pull(reference, dir);
    } catch (err) {
      throw withActionRegistryHint(err);
    }
  });
}

/**
 * On a failed stage, the files the artifact carries: the IRIS output that explains the failure,
 * the container's log and messages.log (before the runner removes the container). Never throws.
 */
async function saveFailureLogs(outDir: string, result: StageResult, container: IrisContainer | null): Promise<void> {
  await mkdir(outDir, { recursive: true }).catch(() => {});
  if (result.output) await writeFile(join(outDir, `${result.stage}-output.log`), redact(result.output)).catch(() => {});
  if (!container) return;
  const logs = await container.docker.call(['logs', container.name], { timeoutMs: 30_000 }).catch(() => null);
  if (logs) await writeFile(join(outDir, 'container.log'), redact(`${logs.stdout}${logs.stderr}`)).catch(() => {});
  await container.copyOut(container.messagesLogPath, join(outDir, 'messages.log'), 60_000).catch(() => {});
}

export function publishPort(wiring: WiringOptions): PublishPort {
  return {
    async publish(r, logger) {
      try {
        const published = await publishPackage({
          archivePath: r.archivePath,
          report: r.verification,
          verifier: {
            file: (path) => verifyArchive(path),
            stream: (chunks, fileName) => verifyArchiveStream(chunks, { path: fileName, fileName }),
          },
          access: wiring.registryAccess,
          ...(r.sourceUrl ? { source: r.sourceUrl } : {}),
          force: r.force,
          allowPrerelease: r.allowPrerelease,
          logger,
        });
        if (!published.roundTrip) throw new Error('Internal: a publish that was sent has no round trip');
        return {
          reference: published.reference,
          tag: published.tag,
          digest: published.digest,
          unchanged: published.unchanged,
          roundTrip: published.roundTrip,
        };
      } catch (err) {
        throw withActionRegistryHint(err);
      }
    },
  };
}
