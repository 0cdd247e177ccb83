// npx tsx scripts/hostile-archives.ts [--max-old-space-size=N] [class...]
// Writes each hostile archive class (test/support/hostile-archives.ts) to a temp dir, verifies it
// in a child Node process (src/archive via tsx, report serialised as `ipm-db verify --json` does)
// under /usr/bin/time, and prints a table: archive size, peak RSS, wall time, outcome.
// A child that runs out of heap or time shows as "crashed"/"timeout". Nothing here is a test.
// IPM_DB_HOSTILE_ROOT=<dir holding src/> measures another copy of the verifier (e.g. the code before a fix).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as hostile from '../test/support/hostile-archives.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const TIMEOUT_MS = Number(process.env.IPM_DB_HOSTILE_TIMEOUT_MS ?? 180_000);

export const HOSTILE_CLASSES: Record<string, { what: string; write: (dest: string) => Promise<{ size: number }> }> = {
  'pax-paths': { what: '2,700 files named by 1 MiB pax paths', write: (d) => hostile.writePaxLongPaths(d, 2700) },
  'pax-links': { what: '2,000 symlinks to 1 MiB pax linkpaths', write: (d) => hostile.writePaxLongLinks(d, 2000) },
  'many-findings': {
    what: '24,000 links + case twins (96k findings)',
    write: (d) => hostile.writeManyFindings(d, 24_000),
  },
  'deps-xml': { what: '100 deps/*.xml of 15 MiB (text)', write: (d) => hostile.writeManyBigDeps(d, 100) },
  'deps-attributes': {
    what: '100 deps/*.xml, one 15 MiB attribute each',
    write: (d) => hostile.writeManyBigDeps(d, 100, 15 * MiB, 'attribute'),
  },
  'deep-xml': { what: 'module.xml nested 60,000 deep', write: (d) => hostile.writeDeepModuleXml(d, 60_000) },
  'pax-chain': { what: '8,000 chained 1 MiB pax headers', write: (d) => hostile.writePaxChain(d, 8000) },
  'gzip-bomb': { what: 'IRIS.DAT of 16 GiB zeros', write: (d) => hostile.writeZeroBomb(d, 16 * GiB) },
};

const CHILD = `
import { verifyArchive } from ${JSON.stringify(join(process.env.IPM_DB_HOSTILE_ROOT ?? root, 'src/archive/verify.ts'))};
const report = await verifyArchive(process.argv[1]);
const json = JSON.stringify(report);
const all = [...report.errors, ...report.warnings, ...report.infos];
const codes = [...new Set(all.map((f) => f.code))].slice(0, 4).join(',');
console.log(JSON.stringify({ valid: report.valid, findings: all.length, reportBytes: json.length, codes }));
`;

interface Outcome {
  seconds: number;
  peakRssMiB: number;
  result: string;
}

function verifyInChild(archive: string, nodeArgs: string[]): Outcome {
  const rssFile = join(tmpdir(), `ipm-db-hostile-rss-${process.pid}`);
  const start = process.hrtime.bigint();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      '-o',
      rssFile,
      process.execPath,
      ...nodeArgs,
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      CHILD,
      archive,
    ],
    { encoding: 'utf8', cwd: root, timeout: TIMEOUT_MS, maxBuffer: 16 * MiB, killSignal: 'SIGKILL' },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let peakRssMiB = NaN;
  try {
    peakRssMiB = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
  } catch {
    // killed by the timeout before time(1) wrote anything
  }
  rmSync(rssFile, { force: true });
  let result: string;
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT')
    result = `timeout after ${TIMEOUT_MS / 1000} s`;
  else if (r.status !== 0) {
    const oom = /heap out of memory|Invalid string length|Array buffer allocation failed/i.exec(r.stderr);
    result = `crashed (exit ${r.status}${oom ? `: ${oom[0]}` : ''})`;
  } else {
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      valid: boolean;
      findings: number;
      reportBytes: number;
      codes: string;
    };
    result = `${out.valid ? 'valid' : 'invalid'}, ${out.findings} findings, report ${(out.reportBytes / 1024).toFixed(0)} KiB [${out.codes}]`;
  }
  return { seconds, peakRssMiB, result };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const nodeArgs = args.filter((a) => a.startsWith('--'));
  const wanted = args.filter((a) => !a.startsWith('--'));
  const dir = await mkdtemp(join(tmpdir(), 'ipm-db-hostile-'));
  console.log(
    `hostile archives: node ${process.version}, child args [${nodeArgs.join(' ')}], load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `${'class'.padEnd(16)}${'archive'.padStart(10)}${'peak RSS'.padStart(11)}${'time'.padStart(9)}  result / what`,
  );
  try {
    for (const [name, c] of Object.entries(HOSTILE_CLASSES)) {
      if (wanted.length && !wanted.includes(name)) continue;
      const path = join(dir, `${name}.tgz`);
      const { size } = await c.write(path);
      const o = verifyInChild(path, nodeArgs);
      const mb = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} MB`;
      console.log(
        `${name.padEnd(16)}${mb(size / MiB).padStart(10)}${mb(o.peakRssMiB).padStart(11)}${`${o.seconds.toFixed(1)} s`.padStart(9)}  ${o.result}; ${c.what}`,
      );
      await rm(path, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(
    `load after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
