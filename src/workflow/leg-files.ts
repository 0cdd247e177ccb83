/**
 * Reads the leg artifacts the reusable workflow downloaded: one folder per leg, named
 * "<prefix><version>" (download-artifact puts each artifact in a folder of its name), holding the
 * action's report file and the archive somewhere below it. When only one artifact matched,
 * download-artifact puts its files straight into the folder: that is the one leg, and its version is
 * the tag of the image it ran on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { IpmDbError } from '../util/errors.js';
import { imageTag } from '../naming/grammar.js';
import { parsePublishResult, parseReportFile, type Leg, type PublishedResult } from './legs.js';

export const LEG_REPORT_FILE = 'ipm-db-report.json';
const MAX_DEPTH = 12;

async function walk(dir: string, depth = 0): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, depth + 1)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export async function readLegs(root: string, prefix: string): Promise<Leg[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch((err: Error) => {
    throw new IpmDbError('leg-report', `Cannot read the leg artifacts in ${root}: ${err.message}`);
  });
  const legs: Leg[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith(prefix) || e.name.length === prefix.length) continue;
    legs.push(await readLeg(join(root, e.name), e.name.slice(prefix.length)));
  }
  if (legs.length === 0) {
    const single = await readLeg(root, '');
    const image = single.reports[0]?.image;
    if (image) legs.push({ ...single, version: imageTag(image) ?? single.reports[0]?.irisVersion ?? image });
  }
  return legs.sort((a, b) => a.version.localeCompare(b.version));
}

async function readLeg(dir: string, version: string): Promise<Leg> {
  const reports = [];
  const archives = new Map<string, { path: string; size: number }>();
  for (const f of await walk(dir)) {
    const name = f.slice(f.lastIndexOf('/') + 1);
    if (name === LEG_REPORT_FILE) reports.push(...parseReportFile(await readFile(f, 'utf8'), f));
    else if (name.endsWith('.tgz')) archives.set(name, { path: f, size: (await stat(f)).size });
  }
  // A run report is written per run and once for all runs: keep each run once.
  const unique = [...new Map(reports.map((r) => [`${r.image} ${r.startedAt}`, r])).values()];
  return { version, reports: unique, files: archives };
}

export async function readPublishResults(dir: string): Promise<PublishedResult[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const out: PublishedResult[] = [];
  for (const n of names) out.push(parsePublishResult(await readFile(join(dir, n), 'utf8'), join(dir, n)));
  return out;
}
