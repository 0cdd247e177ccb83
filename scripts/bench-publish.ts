// npm run bench:publish [-- --size-mib 1024 --runs 3 --chunk-mib 0]
// (--chunk-mib N forces PATCH uploads in N MiB chunks; 0 keeps the client's own choice)
//
// Pushes one archive to a local registry (distribution 2.8, filesystem storage) with the
// ipm-db client and, in the same run, the same bytes with curl (POST for an upload location,
// then `curl -T` PUT with ?digest=) to fresh repositories; prints the medians, their ratio,
// the client's peak RSS, and the blob bytes a re-publish of the same archive sends.
// The client runs in a child process so its RSS is its own.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { VerificationReport } from '../src/archive/report.js';
import { publishPackage } from '../src/oci/publish.js';
import { startRegistry, testAccess } from '../test/support/registry.js';
import { testVerifier, writeTestPackage } from '../test/support/oci-package.js';

const exec = promisify(execFile);

interface ChildResult {
  ms: number;
  maxRssMiB: number;
  bytesUploaded: number;
  unchanged: boolean;
}

async function child(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      archive: { type: 'string' },
      report: { type: 'string' },
      registry: { type: 'string' },
      namespace: { type: 'string' },
      'chunk-mib': { type: 'string' },
    },
  });
  const chunkMiB = Number(values['chunk-mib'] ?? 0);
  const chunking = chunkMiB > 0 ? { monolithicLimit: 0, chunkSize: chunkMiB * 1024 * 1024 } : {};
  const report = JSON.parse(await readFile(values.report!, 'utf8')) as VerificationReport;
  const started = performance.now();
  const result = await publishPackage({
    archivePath: values.archive!,
    report,
    verifier: testVerifier,
    access: testAccess(values.registry!, { namespace: values.namespace! }),
    created: '2026-01-01T00:00:00Z',
    clientOptions: chunking,
  });
  const ms = performance.now() - started;
  const out: ChildResult = {
    ms,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    bytesUploaded: result.bytesUploaded,
    unchanged: result.unchanged,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--child', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult)
        : reject(new Error(`client run exited ${code}`)),
    );
  });
}

async function curlPush(host: string, repository: string, file: string, digest: string): Promise<number> {
  const started = performance.now();
  const { stdout } = await exec('curl', [
    '-sS',
    '-f',
    '-X',
    'POST',
    '-D',
    '-',
    '-o',
    '/dev/null',
    `http://${host}/v2/${repository}/blobs/uploads/`,
  ]);
  const location = /^location:\s*(\S+)/im.exec(stdout)?.[1];
  if (!location) throw new Error(`no upload location from curl POST: ${stdout}`);
  const url = new URL(location, `http://${host}/`);
  url.searchParams.set('digest', digest);
  await exec('curl', [
    '-sS',
    '-f',
    '-o',
    '/dev/null',
    '-H',
    'Content-Type: application/octet-stream',
    '-T',
    file,
    url.toString(),
  ]);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'size-mib': { type: 'string', default: '1024' },
      runs: { type: 'string', default: '3' },
      'chunk-mib': { type: 'string', default: '0' },
    },
  });
  const clientFlags = ['--chunk-mib', values['chunk-mib']];
  const sizeMiB = Number(values['size-mib']);
  const runs = Number(values.runs);
  const dir = await mkdtemp(join(tmpdir(), 'ipm-db-bench-'));
  const reg = await startRegistry();
  try {
    process.stdout.write(`building a ${sizeMiB} MiB archive...\n`);
    const pkg = await writeTestPackage(dir, { name: 'BenchModule', datBytes: sizeMiB * 1024 * 1024, gzipLevel: 0 });
    const reportFile = join(dir, 'report.json');
    await writeFile(reportFile, JSON.stringify(pkg.report));
    const digest = `sha256:${pkg.report.archive.sha256}`;
    const clientRuns: ChildResult[] = [];
    const curlMs: number[] = [];
    for (let i = 1; i <= runs; i++) {
      // Alternate who goes first so page cache and registry warm-up favour neither.
      const order = i % 2 === 1 ? ['client', 'curl'] : ['curl', 'client'];
      for (const who of order) {
        if (who === 'client') {
          const r = await runChild([
            '--archive',
            pkg.path,
            '--report',
            reportFile,
            '--registry',
            reg.host,
            '--registry-namespace',
            `bench-client-${i}`,
            ...clientFlags,
          ]);
          clientRuns.push(r);
          process.stdout.write(
            `run ${i}: ipm-db ${(r.ms / 1000).toFixed(2)} s, peak RSS ${r.maxRssMiB.toFixed(0)} MiB\n`,
          );
        } else {
          const ms = await curlPush(reg.host, `bench-curl-${i}/benchmodule`, pkg.path, digest);
          curlMs.push(ms);
          process.stdout.write(`run ${i}: curl -T ${(ms / 1000).toFixed(2)} s\n`);
        }
      }
    }
    // The chunked path (forced, 64 MiB PATCHes) for comparison; the default sends blobs up to 2 GiB in one PUT.
    const chunkedMs: number[] = [];
    if (values['chunk-mib'] === '0') {
      for (let i = 1; i <= runs; i++) {
        const r = await runChild([
          '--archive',
          pkg.path,
          '--report',
          reportFile,
          '--registry',
          reg.host,
          '--registry-namespace',
          `bench-chunked-${i}`,
          '--chunk-mib',
          '64',
        ]);
        chunkedMs.push(r.ms);
        process.stdout.write(`run ${i}: ipm-db, 64 MiB PATCH chunks ${(r.ms / 1000).toFixed(2)} s\n`);
      }
    }
    const again = await runChild([
      '--archive',
      pkg.path,
      '--report',
      reportFile,
      '--registry',
      reg.host,
      '--registry-namespace',
      'bench-client-1',
      ...clientFlags,
    ]);
    const clientMedian = median(clientRuns.map((r) => r.ms));
    const curlMedian = median(curlMs);
    const peak = Math.max(...clientRuns.map((r) => r.maxRssMiB));
    const ratio = clientMedian / curlMedian;
    const size = pkg.report.archive.size;
    process.stdout.write(
      [
        '',
        `archive: ${size} bytes (${(size / 1024 / 1024).toFixed(0)} MiB), ${runs} runs each, registry ${reg.host} (distribution 2.8, filesystem)`,
        `ipm-db publish median: ${(clientMedian / 1000).toFixed(2)} s (${(size / 1024 / 1024 / (clientMedian / 1000)).toFixed(0)} MiB/s)`,
        `curl -T median:        ${(curlMedian / 1000).toFixed(2)} s (${(size / 1024 / 1024 / (curlMedian / 1000)).toFixed(0)} MiB/s)`,
        `ratio ipm-db / curl:   ${ratio.toFixed(2)}x (target <= 1.25x) ${ratio <= 1.25 ? 'OK' : 'OVER'}`,
        ...(chunkedMs.length > 0
          ? [
              `chunked (64 MiB PATCH) median: ${(median(chunkedMs) / 1000).toFixed(2)} s, ${(median(chunkedMs) / curlMedian).toFixed(2)}x curl (for comparison)`,
            ]
          : []),
        `client peak RSS:       ${peak.toFixed(0)} MiB (target <= 200 MB) ${peak * 1.048576 <= 200 ? 'OK' : 'OVER'}`,
        `re-publish:            ${again.bytesUploaded} blob bytes sent, unchanged=${again.unchanged}, ${(again.ms / 1000).toFixed(2)} s ${again.bytesUploaded === 0 && again.unchanged ? 'OK' : 'FAIL'}`,
        '',
      ].join('\n'),
    );
  } finally {
    await reg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv.slice(3));
else await main();
