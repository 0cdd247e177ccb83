import type { ProbeResult } from '../iris/assumptions.js';
import type { VerificationReport } from '../archive/report.js';
import type { CompileError } from '../ipm/compile-errors.js';
import type { PublishedPackage } from '../oci/publish.js';
import type { IrisUpgradeRun } from './upgrade/iris-upgrade.js';
import type { SettingsUse } from './module-settings.js';
import type { UpgradeScenarioResult } from './upgrade/results.js';

/** The stages of one run against one IRIS image, in order. */
export const STAGES = ['start', 'ipm', 'load', 'package', 'verify', 'install', 'test', 'upgrade', 'publish'] as const;
export type StageName = (typeof STAGES)[number];

export type StageStatus = 'passed' | 'failed' | 'skipped';

export interface StageResult {
  stage: StageName;
  status: StageStatus;
  durationMs: number;
  /** One line: why it failed or was skipped, or what it produced. */
  message?: string;
  /** The error code of a failure (e.g. iris-licence-expired), when it had one. */
  code?: string;
  /** IRIS/IPM/registry output that explains a failure (already redacted). */
  output?: string;
}

/** Everything one run against one IRIS image produced: the JSON report per matrix leg. */
export interface RunReport {
  schema: 'ipm-db/run-report@1';
  image: string;
  /** IRIS major.minor as the container reported it, once known. */
  irisVersion: string | null;
  irisBuild: string | null;
  ipmVersion: string | null;
  /**
   * Where the installed IPM came from, when the run installed one: a release or installer file
   * (its SHA-256) or a source commit (repository, commit and the source archive's SHA-256).
   */
  ipmSource?: { url: string | null; sha256: string; commit: string | null; repository: string | null } | null;
  module: { name: string; version: string } | null;
  ok: boolean;
  stages: StageResult[];
  /** The packaged .tgz; sha256 is "" until the verify stage's streaming pass has hashed it. */
  archive: { path: string; fileName: string; size: number; sha256: string; irisDatSha256: string | null } | null;
  verification: VerificationReport | null;
  compileErrors: CompileError[];
  /** Path of the JUnit XML copied out of the container, when module tests ran. */
  junitPath: string | null;
  /** Results of the upgrade scenarios, one per scenario run (see docs/upgrade-testing.md). */
  upgrade: UpgradeScenarioResult[];
  published: PublishedPackage | null;
  /** The iris-upgrade scenario from the previous IRIS version of the same run to this one, when it has one. */
  irisUpgrade?: IrisUpgradeRun | null;
  /**
   * Set when the run did not count: its IRIS could not start for a reason that is not the module's
   * (an expired community licence, with licence-expired: skip). Such a run is neither passed nor failed.
   */
  skipped?: { code: string; reason: string } | null;
  /** The IRIS assumptions probed at start (src/iris/assumptions.ts), holding or not. */
  assumptions?: ProbeResult[];
  /**
   * The containers in which this run installed IPM (its own, and those upgrade scenarios start);
   * empty when every one started from a warm IPM image that already held it.
   */
  ipmInstalls?: string[];
  /** The settings taken from the module's ipm-db.yml, and those an input or flag overrode; absent without one. */
  moduleSettings?: SettingsUse | null;
  startedAt: string;
  durationMs: number;
}
