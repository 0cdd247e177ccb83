import type { VerificationReport } from '../archive/report.js';
import type { CompileError } from '../ipm/compile-errors.js';
import type { PublishedPackage } from '../oci/publish.js';
import type { UpgradeScenarioResult } from './upgrade/types.js';

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
  module: { name: string; version: string } | null;
  ok: boolean;
  stages: StageResult[];
  archive: { path: string; fileName: string; size: number; sha256: string; irisDatSha256: string | null } | null;
  verification: VerificationReport | null;
  compileErrors: CompileError[];
  /** Path of the JUnit XML copied out of the container, when module tests ran. */
  junitPath: string | null;
  /** Results of the upgrade scenarios, one per scenario run (see docs/upgrade-testing.md). */
  upgrade: UpgradeScenarioResult[];
  published: PublishedPackage | null;
  startedAt: string;
  durationMs: number;
}
