/** What a pipeline run is given (PipelineOptions), the context its stages share, the Stage interface and hooks. */
import type { VerificationReport } from '../archive/report.js';
import type { ContainerSpec, CreatedResource, IrisContainer, RegistryLogin } from '../iris/container.js';
import type { Docker, DockerOptions } from '../iris/docker.js';
import type { IpmSetup } from '../ipm/bootstrap.js';
import type { InstallerCache, InstallerSource } from '../ipm/installer.js';
import type { ModuleIdentity } from '../ipm/manifest.js';
import type { IpmOperations, IpmTarget, OperationTimeouts, PackagedArchive } from '../ipm/operations.js';
import type { Limiter } from '../util/limiter.js';
import type { Logger } from '../util/log.js';
import type { RunReport, StageName, StageResult } from './run-report.js';

export interface ArchiveExpectations {
  expectedIrisVersion?: string;
  expectedModuleName?: string;
  expectedModuleVersion?: string;
}

/** The streaming verifier (src/archive/verify.ts), injected so stages stay testable. */
export type VerifyArchive = (path: string, expected: ArchiveExpectations) => Promise<VerificationReport>;

export interface PipelineTimeouts extends OperationTimeouts {
  /** `docker run`, which may pull the image; default 10 min. */
  startMs?: number;
  /** IRIS readiness; default 5 min. */
  readyMs?: number;
  /** Loading the IPM installer; default 15 min. */
  ipmInstallMs?: number;
}

export interface PipelineOptions {
  image: string;
  /** Host directory holding the module's module.xml. */
  moduleDir: string;
  /** Host directory for the archive, JUnit XML and report. */
  outDir: string;
  /** IPM to install; null/undefined uses the IPM already in the image. */
  installer?: InstallerSource | null;
  installerCache?: InstallerCache;
  /**
   * Start from a local warm IPM image of this IRIS image and IPM pin when there is one, and commit
   * one after a fresh install (src/ipm/warm-image.ts).
   */
  warmIpmImage?: boolean;
  /** false adds -no-export-python-deps to package-database. */
  exportPythonDeps?: boolean;
  /** Told about each container/volume before it is created (the action's post step removes them). */
  onResource?: (resource: CreatedResource) => void;
  /** Aborting stops the run before the next stage (the current one runs to its own time limit). */
  signal?: AbortSignal;
  /**
   * IRIS container slots shared with the other runs of the same step or command (this run holds
   * one): an upgrade scenario with its own container runs beside the others when one is free.
   */
  containerSlots?: Limiter;
  /** `-dev` for load and package-database (packages test resources). */
  dev?: boolean;
  /** Run the module's tests (`test <m> -only`) in the packaging namespace, where the source was loaded. */
  runTests?: boolean;
  keepContainer?: boolean;
  /** docker --network; default: none, or bridge when IPM downloads (pipeline/network.ts); host only when asked. */
  network?: string;
  extraDockerArgs?: string[];
  mounts?: ContainerSpec['mounts'];
  env?: Record<string, string>;
  /** Interoperability-enable the namespaces the pipeline creates. */
  interoperability?: boolean;
  /** IPM's home namespace, where it is installed and the run's namespaces are created from; default USER. */
  homeNamespace?: string;
  login?: RegistryLogin;
  docker?: DockerOptions;
  timeouts?: PipelineTimeouts;
  /** IPM's -v on every command. */
  verbose?: boolean;
  /** Record every IRIS session and file sent in under `<outDir>/transcripts/<container>/` (src/iris/transcript.ts). */
  recordTranscripts?: boolean;
  runId?: string;
  logger: Logger;
  verifyArchive: VerifyArchive;
  hooks?: PipelineHooks[];
  /** The stages to run, in order; default DEFAULT_STAGES. Later stages (upgrade, publish) are appended by their owners. */
  stages?: Stage[];
}

/** Shared state the stages read and fill in. */
export interface PipelineContext {
  readonly options: PipelineOptions;
  readonly report: RunReport;
  readonly logger: Logger;
  docker: Docker;
  runId: string;
  container: IrisContainer | null;
  /** Sessions and file transfer for the container, once started. */
  target: IpmTarget | null;
  ops: IpmOperations | null;
  setup: IpmSetup | null;
  module: ModuleIdentity | null;
  packagingNamespace: string | null;
  installNamespace: string | null;
  archive: PackagedArchive | null;
  /** A namespace postfix not used yet in this run: "INST", "INST2", ... */
  nextPostfix(prefix: string): string;
}

export interface Stage {
  name: StageName;
  /** A reason to skip this stage, or null to run it. */
  skip?(ctx: PipelineContext): string | null;
  /** Runs the stage; the returned line becomes the stage's message. Throws to fail. */
  run(ctx: PipelineContext): Promise<string | void>;
}

export interface PipelineHooks {
  beforeStage?(stage: StageName, ctx: PipelineContext): void | Promise<void>;
  afterStage?(result: StageResult, ctx: PipelineContext): void | Promise<void>;
}
