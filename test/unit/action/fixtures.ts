import { DEFAULT_LIMITS } from '../../../src/archive/limits.js';
import type { VerificationReport } from '../../../src/archive/report.js';
import type { ActionOutcome } from '../../../src/action/outcome.js';
import type { RunReport, StageResult } from '../../../src/pipeline/run-report.js';
import type { IrisUpgradeReport } from '../../../src/pipeline/upgrade/iris-upgrade.js';
import { IRIS_UPGRADE_REPORT_SCHEMA } from '../../../src/pipeline/upgrade/results.js';

export function verification(overrides: Partial<VerificationReport> = {}): VerificationReport {
  return {
    schema: 'ipm-db/verify-report@1',
    valid: true,
    archive: {
      path: '/out/demo-1.2.3-database.tgz',
      fileName: 'demo-1.2.3-database.tgz',
      size: 4096,
      sha256: 'a'.repeat(64),
      uncompressedSize: 9000,
      entryCount: 4,
      trailingBytes: 0,
      endOfArchiveBlocks: 0,
      fullyRead: true,
    },
    module: null,
    irisDat: { size: 8192, sha256: 'b'.repeat(64) },
    checksum: { algorithm: 'SHA-256', expected: 'b'.repeat(64), actual: 'b'.repeat(64), match: true },
    dependencies: [
      { name: 'dep-module', declaredVersion: '^1.0.0', packagedVersion: '1.0.2', depsFile: 'deps/dep-module.xml' },
    ],
    builtWithTestResources: false,
    entries: [],
    errors: [],
    warnings: [
      { code: 'iris-dat-size', severity: 'warning', entry: 'IRIS.DAT', message: 'not a multiple of 8192 bytes' },
    ],
    infos: [],
    expected: {},
    limits: { ...DEFAULT_LIMITS },
    durationMs: 12,
    ...overrides,
  };
}

export function stages(failAt?: string, output?: string): StageResult[] {
  const names = ['start', 'ipm', 'load', 'package', 'verify', 'install', 'test', 'upgrade', 'publish'] as const;
  let failed = false;
  return names.map((stage, i) => {
    if (failed) return { stage, status: 'skipped', durationMs: 0, message: 'an earlier stage failed' };
    if (stage === failAt) {
      failed = true;
      return {
        stage,
        status: 'failed',
        durationMs: 1500 + i,
        message: `${stage} went wrong`,
        ...(output ? { output } : {}),
      };
    }
    return { stage, status: 'passed', durationMs: 1000 * (i + 1) };
  });
}

export function run(overrides: Partial<RunReport> = {}): RunReport {
  return {
    schema: 'ipm-db/run-report@1',
    image: 'localhost/iris-standin:2025.1',
    irisVersion: '2025.1',
    irisBuild: '2025.1.0.223.0',
    ipmVersion: '0.10.10',
    module: { name: 'demo', version: '1.2.3' },
    ok: true,
    stages: stages(),
    archive: {
      path: '/out/demo-1.2.3-database.tgz',
      fileName: 'demo-1.2.3-database.tgz',
      size: 4096,
      sha256: 'a'.repeat(64),
      irisDatSha256: 'b'.repeat(64),
    },
    verification: verification(),
    compileErrors: [],
    junitPath: null,
    upgrade: [],
    published: {
      reference: 'ghcr.io/acme/demo:1.2.3_database__2025.1',
      tag: '1.2.3_database__2025.1',
      digest: 'sha256:' + 'c'.repeat(64),
      unchanged: false,
      roundTrip: { status: 'verified', digest: 'sha256:' + 'c'.repeat(64), layerRead: true },
    },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 45_000,
    ...overrides,
  };
}

export function outcome(overrides: Partial<ActionOutcome> = {}): ActionOutcome {
  return {
    runs: [run()],
    ok: true,
    failure: null,
    notices: [],
    annotationOverflow: [],
    artifacts: [],
    links: { runUrl: null, sourceUrl: null },
    durationMs: 46_000,
    ...overrides,
  };
}

/** The report of an iris-upgrade between two IRIS versions, passed or failed at its first check. */
export function irisUpgradeReport(from: string, to: string, ok = true): IrisUpgradeReport {
  const message = ok ? `demo upgraded from IRIS ${from} to ${to}` : `upgrade: update -swap-db failed on ${to}`;
  return {
    schema: IRIS_UPGRADE_REPORT_SCHEMA,
    fromIrisVersion: from,
    toIrisVersion: to,
    fromImage: `localhost/iris:${from}`,
    toImage: `localhost/iris:${to}`,
    ok,
    message,
    checks: [
      { name: 'upgrade', ok, detail: message },
      { name: `package for ${from} refused on ${to}`, ok: true, detail: 'The module cannot be installed ...' },
    ],
    scenario: {
      scenario: 'iris-upgrade',
      ok,
      message,
      previous: { source: 'path', reference: `/out/${from}/demo-1.2.3-database.tgz`, version: null },
      namespace: 'USER-UPG',
      moduleBefore: { version: '1.2.3', packaging: 'database' },
      moduleAfter: { version: '1.2.3', packaging: 'database' },
      before: null,
      after: null,
      changes: [],
      steps: [],
      checks: [],
      backup: null,
      problems: ok ? [] : [message],
      durationMs: 20_000,
    },
  };
}
