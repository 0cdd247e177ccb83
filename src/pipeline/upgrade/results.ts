/**
 * What the upgrade stage proves and reports, one `UpgradeScenarioResult` per scenario run; these
 * are the entries of `RunReport.upgrade`. Documented in docs/upgrade-testing.md.
 */

export const UPGRADE_SCENARIOS = ['database', 'source', 'fresh', 'container-replacement'] as const;
/**
 * - `database`: previous release's database package -> new package (`update -swap-db`)
 * - `source`: previous release from source -> new package
 * - `fresh`: new package into an empty namespace (steps seeded, none run)
 * - `container-replacement`: previous release installed in container A on a durable volume; container B of
 *   the same image on the same volume upgrades
 */
export type UpgradeScenario = (typeof UPGRADE_SCENARIOS)[number];
/** The scenario across IRIS versions (./iris-upgrade.ts), named in upgrade-scenarios beside the others. */
export const IRIS_UPGRADE = 'iris-upgrade';

/** One global of the data database: how many nodes hold data and a hash over all of them. */
export interface GlobalFingerprint {
  /** "^Name" */
  name: string;
  /** Nodes with data ($data#2), the top node included. 0 = global absent. */
  nodes: number;
  /** Base64 of the chained SHA-1 over every node's reference and value, in $query order; "" when absent. */
  hash: string;
  /**
   * Per node, reference -> base64 SHA-1 of the value, for the first `nodeLimit` nodes: what lets a
   * difference be shown node by node. Complete when its size equals `nodes`.
   */
  nodeHashes: Record<string, string>;
}

export interface DataFingerprint {
  /** Globals fingerprinted, by name. */
  globals: Record<string, GlobalFingerprint>;
}

export type NodeChangeKind = 'added' | 'removed' | 'changed';

export interface NodeChange {
  kind: NodeChangeKind;
  /** The node reference as IRIS prints it, e.g. ^DemoOrders.Settings("currency"). */
  node: string;
}

export interface GlobalChange {
  global: string;
  kind: 'added' | 'removed' | 'changed';
  nodesBefore: number;
  nodesAfter: number;
  hashBefore: string;
  hashAfter: string;
  /** Node-level differences, when both sides listed all their nodes. */
  nodeChanges: NodeChange[] | null;
  /** Update steps that ran in this upgrade and declared this global; empty = undeclared. */
  declaredBy: string[];
}

/** One row of IPM's update-step tables (%IPM_Storage_UpdateStep.AnyMember / .PrimaryOnly). */
export interface UpdateStepRow {
  className: string;
  methodName: string;
  primaryOnly: boolean;
  /** "" when the step was seeded rather than run. */
  timeStampStart: string;
  timeStampEnd: string;
  statusOk: boolean;
}

export type StepOutcome =
  | 'seeded' // marked done without running (fresh install)
  | 'ran' // ran in this upgrade, once, successfully
  | 'kept' // done before the upgrade and untouched by it
  | 'ran-again' // done before the upgrade and ran again: a migration run twice
  | 'ran-on-fresh-install' // a fresh install must seed, not run
  | 'seeded-not-run' // new in this upgrade but only seeded: the migration never ran
  | 'done-before-release' // new in this release, yet marked done before the upgrade: never runs
  | 'missing' // the package declares it, IPM never recorded it
  | 'failed'; // IPM recorded an error status

export interface StepVerdict {
  /** "Class:Method" */
  step: string;
  outcome: StepOutcome;
  ok: boolean;
  before: UpdateStepRow | null;
  after: UpdateStepRow | null;
}

export interface CheckResult {
  /** "Package.Class:Method" */
  check: string;
  /** What the method returned, or the error it threw. */
  returned: string;
  ok: boolean;
}

import type { ModuleState } from '../../ipm/installed.js';
export type { ModuleState };

export interface UpgradeScenarioResult {
  /** One of UPGRADE_SCENARIOS, or `iris-upgrade` (./iris-upgrade.ts: across IRIS versions, two images). */
  scenario: UpgradeScenario | typeof IRIS_UPGRADE;
  ok: boolean;
  /** One line: what failed first, or what was proven. */
  message: string;
  /** Where the previous release came from: registry reference, path, or null for `fresh`. */
  previous: { source: 'registry' | 'path' | 'source-directory' | 'none'; reference: string; version: string | null };
  namespace: string | null;
  moduleBefore: ModuleState | null;
  moduleAfter: ModuleState | null;
  before: DataFingerprint | null;
  after: DataFingerprint | null;
  /** Globals that differ between before and after, declared or not. */
  changes: GlobalChange[];
  steps: StepVerdict[];
  checks: CheckResult[];
  /** iris-upgrade: checks that did not return 1 before the IRIS upgrade either, so were not judged after it. */
  checksNotJudged?: { check: string; returned: string }[];
  /** Backup file the swap reported (`  Backup: <path>`) and whether it exists afterwards. */
  backup: { path: string; exists: boolean } | null;
  /**
   * What the swap would destroy, looked at just before it (upgrade scenarios): globals stored in the
   * routines database other than code and IPM's records, and module classes changed since install.
   */
  swapLoss?: SwapLoss;
  /** Every problem found; empty when ok. */
  problems: string[];
  /** IRIS/IPM output of the step that failed the scenario, when it failed on an error (already redacted). */
  output?: string;
  durationMs: number;
}

/** Schema of the iris-upgrade report (./iris-upgrade.ts), read back by the publish job's attestation. */
export const IRIS_UPGRADE_REPORT_SCHEMA = 'ipm-db/iris-upgrade-report@1';

export interface SwapLoss {
  /** Directory of the namespace's routines database, as IRIS reported it. */
  routinesDatabase: string;
  /** Globals in it holding data (node count, first nodes). */
  globals: { name: string; nodes: number; sample: string[] }[];
  /** Classes of the routines database changed between install and the swap (productions: the settings that differ). */
  changedClasses: {
    className: string;
    timeChangedAtInstall: string;
    timeChangedBeforeSwap: string;
    settings: string[];
  }[];
}
