/**
 * `licence-expired: skip`: a run whose IRIS stopped at startup because its community licence
 * expired did not test the module, so it is marked skipped (with a warning) instead of failing
 * the step. The reusable workflow asks for it with `iris-versions: auto`, where the version list
 * comes from the registry and may hold a release whose licence expired since the skip list was
 * written. Pure.
 */
import { LICENCE_EXPIRED } from '../iris/startup.js';
import type { RunReport } from '../pipeline/run-report.js';

export type LicencePolicy = 'fail' | 'skip';
export const LICENCE_POLICIES: readonly LicencePolicy[] = ['fail', 'skip'];

/** Marks the run skipped when the policy allows and its start stage failed on an expired licence; returns the warning to print. */
export function skipExpiredLicence(report: RunReport, policy: LicencePolicy): string | null {
  if (policy !== 'skip' || report.ok) return null;
  const start = report.stages.find((s) => s.stage === 'start');
  if (start?.status !== 'failed' || start.code !== LICENCE_EXPIRED) return null;
  report.skipped = { code: LICENCE_EXPIRED, reason: start.message ?? 'the community licence has expired' };
  return `${report.image} skipped: its community licence has expired, so IRIS does not start (licence-expired: skip). Drop this version from the list, or add it to skip-versions.`;
}

/** A run that does not stop the step or publishing: passed, or skipped for its licence. */
export function runCounts(report: RunReport): boolean {
  return report.ok || Boolean(report.skipped);
}
