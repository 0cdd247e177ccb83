/**
 * What the action needs from the pipeline (src/pipeline) and the publisher (src/oci), as small
 * interfaces: run.ts is written and tested against these; src/action/wiring.ts binds them to the
 * real implementations.
 */
import type { InstallerSource } from '../ipm/installer.js';
import type { VerificationReport } from '../archive/report.js';
import type { PublishedPackage } from '../oci/publish.js';
import type { RunReport, StageName } from '../pipeline/run-report.js';
import type { UpgradeOptions } from '../pipeline/upgrade/settings.js';
import type { IrisUpgradeReport } from '../pipeline/upgrade/iris-upgrade.js';
import type { IrisUpgradeSide } from '../pipeline/upgrade/iris-upgrade-pair.js';
import type { Limiter } from '../util/limiter.js';
import type { Logger } from '../util/log.js';
import type { ActionInputs } from './inputs.js';
import type { CreatedResource } from '../iris/container.js';

export interface ImageRunOptions {
  image: string;
  workspace: string;
  moduleDir: string;
  /** Directory for this image's archive, report, JUnit and logs (created by the caller). */
  outDir: string;
  /** Local installer to load (already downloaded and checked), or null to use the image's IPM. */
  /** The IPM resolved once for every image (a file checked against its SHA-256, or a fetched source archive). */
  ipmInstaller: InstallerSource | null;
  /** Start from / commit a warm IPM image (src/ipm/warm-image.ts). */
  warmIpmImage: boolean;
  dev: boolean;
  interoperability: boolean;
  exportPythonDeps: boolean;
  runTests: boolean;
  /** The upgrade stage's settings; null when no upgrade scenario runs. */
  upgrade: UpgradeOptions | null;
  timeouts: { startupMs: number; commandMs: number };
  keepContainer: boolean;
  /** Record IRIS session transcripts into `<outDir>/transcripts/`. */
  recordTranscripts: boolean;
  /**
   * Run id of this image's containers and volumes: the value of their `ipm-db.run` label, and
   * "<action run id>-<n>" so the post step finds every image's leftovers from the action run id.
   */
  runId: string;
  /** Called as soon as a container or volume exists, before it is used. */
  onResource: (resource: CreatedResource) => void;
  /** Called as each stage starts: a run that crashes or is cut off is reported at that stage. */
  onStage: (stage: StageName) => void;
  /** IRIS container slots shared by every image of the step; this run holds one already. */
  containerSlots: Limiter;
  signal: AbortSignal;
}

export interface ImageRun {
  report: RunReport;
  /** Log files worth uploading on failure (docker logs, messages.log), inside outDir. */
  logFiles: string[];
}

/** The iris-upgrade scenario between two IRIS versions of the run, with the packages each built. */
export interface IrisUpgradeRunOptions extends Pick<
  ImageRunOptions,
  | 'ipmInstaller'
  | 'interoperability'
  | 'warmIpmImage'
  | 'timeouts'
  | 'keepContainer'
  | 'runId'
  | 'onResource'
  | 'containerSlots'
  | 'signal'
> {
  from: IrisUpgradeSide;
  to: IrisUpgradeSide;
  upgrade: UpgradeOptions;
}

export interface PipelinePort {
  /** Runs stages start..upgrade on one image; stage failures come back in the report, not as throws. */
  runImage(options: ImageRunOptions, logger: Logger): Promise<ImageRun>;
  /** Runs the iris-upgrade scenario (src/pipeline/upgrade/iris-upgrade-pair.ts); throws when IRIS N+1 did not get ready. */
  runIrisUpgrade(options: IrisUpgradeRunOptions, logger: Logger): Promise<IrisUpgradeReport>;
}

/** How to publish comes straight from the inputs of the same names; where to, from the port's registry access. */
export interface PublishRequest extends Pick<ActionInputs, 'sourceUrl' | 'force' | 'allowPrerelease'> {
  archivePath: string;
  verification: VerificationReport;
  signal: AbortSignal;
}

export interface PublishPort {
  publish(request: PublishRequest, logger: Logger): Promise<PublishedPackage>;
}
