// npm run bench:verify — times `ipm-db verify` (the bundled CLI, as a user runs it) against
// the one-thread floor measured in the same run (a minimal Node stream that only gunzips and
// hashes IRIS.DAT, same buffer sizes) and against `tar -xzf` + `sha256sum IRIS.DAT`, on synthetic
// packages with a 512 MiB and a 2 GiB IRIS.DAT, each incompressible (random 8 KiB blocks) and
// compressible (like a lightly filled database: 90% mostly-empty 8 KiB blocks). Archives are
// generated fast (pre-deflated blocks joined at full-flush points into one valid gzip member)
// in a temp dir that is deleted afterwards. Run `npm run bundle` first: the CLI runs dist/.
// IPM_DB_BENCH_SKIP_2G=1 skips the 2 GiB cases on slow machines. IPM_DB_BENCH_RUNS sets the run
// count; IPM_DB_BENCH_TAR=0 skips the tar comparison. IPM_DB_BENCH_NODE picks the Node that runs
// both verify and the floor: 20 or 24 (tools/node, `npm ci --prefix tools/node`) or a path;
// default this Node.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
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
}

function timed(cmd: string, args: string[], label: string): Run {
  const rssFile = join(tmpdir(), `ipm-db-bench-rss-${process.pid}`);
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status}): ${r.stderr}${r.stdout.slice(0, 2000)}`);
  const [rss, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(rssFile, { force: true });
  return { seconds, cpuSeconds: user! + system!, peakRssKiB: rss! };
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
    verify.push(timed(NODE, [join(root, 'bin/ipm-db.js'), 'verify', archive], 'ipm-db verify'));
    floor.push(timed(NODE, ['--input-type=module', '-e', FLOOR, archive], 'floor'));
    if (!WITH_TAR) continue;
    await mkdir(extractDir, { recursive: true });
    tar.push(
      timed('sh', ['-c', `tar -xzf "$0" -C "$1" && sha256sum "$1/IRIS.DAT"`, archive, extractDir], 'tar + sha256sum'),
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
