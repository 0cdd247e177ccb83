/**
 * The iris-upgrade job's report files (`ipm-db iris-upgrade --report <file>`, schema
 * ipm-db/iris-upgrade-report@1), read back by the publish job for the test attestation.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IRIS_UPGRADE_REPORT_SCHEMA } from '../pipeline/upgrade/results.js';
import { IpmDbError } from '../util/errors.js';
import type { IrisUpgradeVerdict } from './test-attestation.js';

export { IRIS_UPGRADE_REPORT_SCHEMA };

export function parseIrisUpgradeReport(text: string, source: string): IrisUpgradeVerdict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new IpmDbError('iris-upgrade-report', `${source} is not JSON.`);
  }
  const r = parsed as Partial<IrisUpgradeVerdict> & { schema?: unknown };
  if (
    !r ||
    r.schema !== IRIS_UPGRADE_REPORT_SCHEMA ||
    typeof r.fromIrisVersion !== 'string' ||
    typeof r.toIrisVersion !== 'string' ||
    typeof r.ok !== 'boolean' ||
    !Array.isArray(r.checks) ||
    !r.checks.every((c) => c && typeof c.name === 'string' && typeof c.ok === 'boolean')
  )
    throw new IpmDbError(
      'iris-upgrade-report',
      `${source} is not an ipm-db iris-upgrade report (${IRIS_UPGRADE_REPORT_SCHEMA}).`,
    );
  return {
    fromIrisVersion: r.fromIrisVersion,
    toIrisVersion: r.toIrisVersion,
    ok: r.ok,
    checks: r.checks.map((c) => ({ name: c.name, ok: c.ok })),
  };
}

/** Every iris-upgrade report (*.json) below `dir`; none when the directory does not exist. */
export async function readIrisUpgradeReports(dir: string): Promise<IrisUpgradeVerdict[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const out: IrisUpgradeVerdict[] = [];
  for (const f of files) out.push(parseIrisUpgradeReport(await readFile(f, 'utf8'), f));
  return out;
}
