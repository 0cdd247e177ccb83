// npm run bench:verify — times `ipm-db verify` (the bundled CLI, as a user runs it) against
// the one-thread floor measured in the same run (a minimal Node stream that only gunzips and
// hashes what it inflates, which is IRIS.DAT plus a few KiB of tar headers and XML; same buffer
// sizes; zlib's threadpool and the hash take turns, so it is one thread's work at a time) and against `tar -xzf` + `sha256sum IRIS.DAT`, on synthetic
// packages with a 512 MiB and a 2 GiB IRIS.DAT, each incompressible (random 8 KiB blocks) and
// compressible (like a lightly filled database: 90% mostly-empty 8 KiB blocks). Archives are
// generated fast (pre-deflated blocks joined at full-flush points into one valid gzip member)
// in a temp dir that is deleted afterwards. Run `npm run bundle` first: the CLI runs dist/.
// IPM_DB_BENCH_SKIP_2G=1 skips the 2 GiB cases on slow machines. IPM_DB_BENCH_RUNS sets the run
// count; IPM_DB_BENCH_TAR=0 skips the tar comparison. IPM_DB_BENCH_NODE picks the Node that runs
// both verify and the floor: 20 or 24 (tools/node, `npm ci --prefix tools/node`) or a path;
// default this Node.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, mkdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlushedGzipWriter } from '../test/support/hostile-archives.js';
import { requireNode, type NodeMajor } from '../test/support/node-binaries.js';
import { ipmTarHeader, padding, splitIpmPath } from '../test/support/ipm-tar.js';
import { moduleXml, dependencyXml } from './make-example-archive.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024 * 1024;
const BLOCK = 8192;
const RUNS = Number(process.env.IPM_DB_BENCH_RUNS ?? 3);
const NODE = benchNode(process.env.IPM_DB_BENCH_NODE);

function benchNode(choice: string | undefined): string {
  if (!choice) return process.execPath;
  if (choice === '20' || choice === '24') return requireNode(Number(choice) as NodeMajor);
  return choice;
}

function tarHeader(path: string, type: 'file' | 'dir', size: number): Buffer {
  const { name, prefix } = splitIpmPath(path, type === 'dir');
  return ipmTarHeader({
    name,
    prefix,
    typeflag: type === 'dir' ? '5' : '0',
    size,
    mode: type === 'dir' ? 0o755 : 0o644,
  });
}

/** A synthetic package in IPM's layout whose IRIS.DAT is `datBytes` long (a multiple of 8 KiB). */
export async function writeSyntheticPackage(
  path: string,
  datBytes: number,
  fullShare = 0.3,
): Promise<{ incompressibleShare: number }> {
  const empties = Array.from({ length: 16 }, (_, i) => {
    const block = Buffer.alloc(BLOCK);
    block.writeUInt32LE((i * 2654435761) >>> 0, 0); // a block header, the rest empty
    return block;
  });
  const fulls = Array.from({ length: 64 }, () => randomBytes(BLOCK));
  const deflated = new Map<Buffer, Buffer>([...empties, ...fulls].map((b) => [b, FlushedGzipWriter.deflate(b)]));
  const gz = new FlushedGzipWriter(path);
  const datHash = createHash('sha256');
  const dep = Buffer.from(dependencyXml('bench-dep', '1.0.0'));
  await gz.add(
    Buffer.concat([
      tarHeader('deps/', 'dir', 0),
      tarHeader('deps/bench-dep.xml', 'file', dep.length),
      dep,
      padding(dep.length),
    ]),
  );
  await gz.add(tarHeader('IRIS.DAT', 'file', datBytes));
  let seed = 12345;
  let incompressible = 0;
  for (let b = 0; b < datBytes / BLOCK; b++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    // `fullShare` of the blocks incompressible, the rest mostly empty, like a lightly filled database.
    const empty = (seed % 1000) / 1000 >= fullShare;
    const block = empty ? empties[(seed >>> 8) % empties.length]! : fulls[(seed >>> 8) % fulls.length]!;
    if (fulls.includes(block)) incompressible++;
    datHash.update(block);
    await gz.add(block, deflated.get(block));
  }
  const xml = Buffer.from(
    moduleXml({
      name: 'bench-module',
      version: '1.0.0',
      checksum: datHash.digest('hex'),
      dependencies: [{ name: 'bench-dep', version: '^1.0.0' }],
    }),
  );
  await gz.add(Buffer.concat([tarHeader('module.xml', 'file', xml.length), xml, padding(xml.length)]));
  await gz.close();
  return { incompressibleShare: incompressible / (datBytes / BLOCK) };
}

const FLOOR = `
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { createHash } from 'node:crypto';
const hash = createHash('sha256');
await pipeline(
  createReadStream(process.argv[1], { highWaterMark: ${MiB} }),
  createGunzip({ chunkSize: ${512 * 1024} }),
  new Writable({ highWaterMark: ${2 * MiB}, write(chunk, _e, cb) { hash.update(chunk); cb(); } }),
);
console.log(hash.digest('hex'));
`;

interface Run {
  seconds: number;
  /** User + system CPU seconds: steadier than wall time when other jobs share the CPU. */
  cpuSeconds: number;
  peakRssKiB: number;
  /** CPU seconds of the three busiest threads (sampled from /proc). */
  busiestThreads: number[];
}

/** CPU seconds of each thread of `pid` and its descendants' threads, from /proc (Linux; empty elsewhere). */
function threadCpu(pid: number, into: Map<string, number>): void {
  const tick = 100; // USER_HZ
  const walk = (p: number) => {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const tid of tasks) {
      try {
        const fields = readFileSync(`/proc/${p}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        into.set(`${p}/${tid}`, (Number(fields[11]) + Number(fields[12])) / tick);
        for (const child of readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean))
          walk(Number(child));
      } catch {
        // the thread ended between listing and reading
      }
    }
  };
  walk(pid);
}

async function timed(cmd: string, args: string[], label: string): Promise<Run> {
  const rssFile = join(tmpdir(), `ipm-db-bench-rss-${process.pid}`);
  const start = process.hrtime.bigint();
  const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, cmd, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
  // Sampled every 20 ms: a thread's last 20 ms before it ends may be missed.
  const threads = new Map<string, number>();
  const poll = setInterval(() => threadCpu(child.pid!, threads), 20);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (status !== 0) throw new Error(`${label} failed (exit ${status}): ${stderr.slice(0, 2000)}`);
  const [rss, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(rssFile, { force: true });
  const busiest = [...threads.values()].sort((a, b) => b - a);
  return { seconds, cpuSeconds: user! + system!, peakRssKiB: rss!, busiestThreads: busiest.slice(0, 3) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const WITH_TAR = process.env.IPM_DB_BENCH_TAR !== '0';

async function benchOne(dir: string, label: string, datBytes: number, fullShare: number, goal: number): Promise<void> {
  const archive = join(dir, `bench-module-1.0.0-database.tgz`);
  const t0 = Date.now();
  const { incompressibleShare } = await writeSyntheticPackage(archive, datBytes, fullShare);
  const compressed = (await stat(archive)).size;
  console.log(
    `\n${label}: IRIS.DAT ${datBytes / MiB} MiB, ${(incompressibleShare * 100).toFixed(0)}% incompressible 8 KiB blocks, archive ${(compressed / MiB).toFixed(1)} MiB (generated in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const verify: Run[] = [];
  const floor: Run[] = [];
  const tar: Run[] = [];
  const extractDir = join(dir, 'extract');
  for (let i = 0; i < RUNS; i++) {
    verify.push(await timed(NODE, [join(root, 'bin/ipm-db.js'), 'verify', archive], 'ipm-db verify'));
    floor.push(await timed(NODE, ['--input-type=module', '-e', FLOOR, archive], 'floor'));
    if (!WITH_TAR) continue;
    await mkdir(extractDir, { recursive: true });
    tar.push(
      await timed(
        'sh',
        ['-c', `tar -xzf "$0" -C "$1" && sha256sum "$1/IRIS.DAT"`, archive, extractDir],
        'tar + sha256sum',
      ),
    );
    await rm(extractDir, { recursive: true, force: true });
  }
  const v = median(verify.map((r) => r.seconds));
  const f = median(floor.map((r) => r.seconds));
  const rss = Math.max(...verify.map((r) => r.peakRssKiB)) / 1024;
  const cpu = (runs: Run[]) => median(runs.map((r) => r.cpuSeconds));
  const fmt = (runs: Run[]) => runs.map((r) => r.seconds.toFixed(2)).join(' ');
  const line = (name: string, wall: number, runs: Run[]) =>
    console.log(`  ${name.padEnd(22)}median ${wall.toFixed(2)} s  CPU ${cpu(runs).toFixed(2)} s  (runs: ${fmt(runs)})`);
  line('ipm-db verify', v, verify);
  line('floor gunzip+sha256', f, floor);
  if (WITH_TAR) line('tar -xzf + sha256sum', median(tar.map((r) => r.seconds)), tar);
  console.log(
    `  verify / floor         ${(v / f).toFixed(2)}x wall, ${(cpu(verify) / cpu(floor)).toFixed(2)}x CPU  (goal <= ${goal})`,
  );
  // Figures other jobs on the machine barely move, unlike wall time: on two idle cores a run takes
  // at least its busiest thread's CPU time and half its total CPU time. The floor's stream hashes
  // each piece between zlib's steps (one thread at a time), so on an idle machine its wall time is
  // about its CPU time. Their ratio is a lower bound of what verify / floor can be, not a measurement.
  const bound = (runs: Run[]) => median(runs.map((r) => Math.max(r.busiestThreads[0] ?? 0, r.cpuSeconds / 2)));
  const threads = (runs: Run[]) => runs[0]!.busiestThreads.map((t) => t.toFixed(2)).join(' + ');
  console.log(`  busiest threads (s)    verify ${threads(verify)}; floor ${threads(floor)}`);
  console.log(
    `  two-core lower bound   verify >= ${bound(verify).toFixed(2)} s = ${(bound(verify) / cpu(floor)).toFixed(2)}x the floor's CPU (not a measurement)`,
  );
  if (WITH_TAR) console.log(`  tar+sha256sum / verify ${(median(tar.map((r) => r.seconds)) / v).toFixed(2)}x wall`);
  console.log(`  verify peak RSS        ${rss.toFixed(0)} MB (max of runs; goal <= 150 MB)`);
  console.log(
    `  load average           ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const load = loadavg()[0]!;
  if (load > cpus().length) {
    console.log(
      `  load average ${load.toFixed(1)} on ${cpus().length} CPUs: other jobs shared the CPU, wall times are inflated; CPU seconds are the steadier comparison`,
    );
  }
  await rm(archive, { force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = await mkdtemp(join(tmpdir(), 'ipm-db-bench-'));
  try {
    console.log(
      `ipm-db verify benchmark: node ${spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()} (${NODE}), ${cpus().length} CPUs, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}, median of ${RUNS}`,
    );
    const sizes: [string, number][] = [['512 MiB', 512 * MiB]];
    if (process.env.IPM_DB_BENCH_SKIP_2G === '1') console.log('\n2 GiB: skipped (IPM_DB_BENCH_SKIP_2G=1)');
    else sizes.push(['2 GiB', 2048 * MiB]);
    for (const [label, bytes] of sizes) {
      await benchOne(dir, `${label} incompressible`, bytes, 1, 1.05);
      await benchOne(dir, `${label} compressible`, bytes, 0.1, 0.7);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
