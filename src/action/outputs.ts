/** The action's outputs and JSON reports, computed from the run reports (pure apart from writing them). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublishedPackage } from '../oci/publish.js';
import type { RunReport } from '../pipeline/run-report.js';
import { redact } from '../util/redact.js';
import type { CoreIO } from './core-io.js';
import type { ImageOutcome } from './image-runs.js';
import { irisUpgradesOf } from './iris-upgrades.js';

export const REPORT_FILE = 'ipm-db-report.json';

/** Every output, computed from the reports; empty strings/arrays when a run produced nothing. */
export function outputsOf(runs: RunReport[], reportPath: string): Record<string, string> {
  const first = runs.find((r) => r.archive);
  const mod = runs.find((r) => r.module)?.module;
  const published = runs.map((r) => r.published).filter((p): p is PublishedPackage => p !== null);
  return {
    archive: first?.archive?.path ?? '',
    archives: JSON.stringify(runs.map((r) => r.archive?.path).filter(Boolean)),
    sha256: first?.archive?.sha256 ?? '',
    'iris-dat-sha256': first?.archive?.irisDatSha256 ?? '',
    'module-name': mod?.name ?? '',
    'module-version': mod?.version ?? '',
    'iris-versions': JSON.stringify(runs.map((r) => r.irisVersion).filter(Boolean)),
    'published-tags': JSON.stringify(published.map((p) => p.tag)),
    'published-references': JSON.stringify(published.map((p) => p.reference)),
    digests: JSON.stringify(published.map((p) => p.digest)),
    'round-trip': JSON.stringify(
      published.map((p) => ({ reference: p.reference, digest: p.roundTrip.digest, status: p.roundTrip.status })),
    ),
    'iris-upgrades': JSON.stringify(
      irisUpgradesOf(runs).map((u) => ({
        from: u.fromIrisVersion,
        to: u.toIrisVersion,
        status: u.status,
        message: u.message,
      })),
    ),
    report: reportPath,
    result: JSON.stringify(
      runs.map((r) => ({
        image: r.image,
        irisVersion: r.irisVersion,
        ok: r.ok,
        ...(r.skipped ? { skipped: r.skipped } : {}),
        stages: r.stages.map((s) => ({
          stage: s.stage,
          status: s.status,
          durationMs: s.durationMs,
          message: s.message ?? null,
        })),
      })),
    ),
  };
}

export function setOutputs(io: CoreIO, runs: RunReport[], reportPath: string): void {
  for (const [name, value] of Object.entries(outputsOf(runs, reportPath))) io.setOutput(name, redact(value));
}

/** Writes every report (one file for the run, one per image directory); returns the run's. Never throws. */
export async function writeReports(outRoot: string, outcomes: ImageOutcome[]): Promise<string> {
  const reportPath = join(outRoot, REPORT_FILE);
  await mkdir(outRoot, { recursive: true }).catch(() => {});
  await writeJson(
    reportPath,
    outcomes.map((o) => o.report),
  );
  for (const { report, outDir } of outcomes) await writeJson(join(outDir, REPORT_FILE), report);
  return reportPath;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, redact(JSON.stringify(value, null, 2)) + '\n').catch(() => {});
}
