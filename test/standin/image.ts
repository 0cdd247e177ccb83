// Builds the stand-in image from a root filesystem assembled here (no image can be pulled):
// the host's node binary and its shared libraries, dash as /bin/sh, the stand-in bundled by
// esbuild into one file installed as /usr/bin/iris and /usr/irissys/bin/iris, waitReady.sh at
// both documented paths. Imported with `docker import`; tagged by a hash of its inputs, so an
// engine that already holds it skips the build.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { docker } from '../support/docker-engine.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

export const IMAGE_REPO = 'ipm-db-standin';
/** Directories owned by irisowner in the image (IRIS writes there); everything else is root's. */
const IRISOWNER_DIRS = ['usr/irissys/mgr', 'durable', 'home/irisowner'];
/** Host tools copied into /usr/bin: what `docker exec <c> <tool>` calls may need (mkdir -p, cat, ...). */
export const TOOLS = [
  'mkdir',
  'cat',
  'ls',
  'rm',
  'cp',
  'mv',
  'sleep',
  'sha256sum',
  'tar',
  'gzip',
  'env',
  'chmod',
  'chown',
  'head',
  'tail',
  'grep',
  'find',
  'stat',
  'du',
  'touch',
  'id',
];

function which(tool: string): string | undefined {
  return ['/usr/bin', '/bin'].map((d) => join(d, tool)).find((p) => existsSync(p));
}
export const WAIT_READY_PATHS = ['/usr/irissys/dev/Cloud/ICM/waitReady.sh', '/usr/irissys/dev/Container/waitReady.sh'];

const WAIT_READY = `#!/bin/sh
# Stand-in for IRIS's waitReady.sh: exits 0 once the instance runs, 1 after the timeout
# (seconds: first argument, else STANDIN_WAITREADY_TIMEOUT_S, else 60).
exec /usr/bin/iris standin-wait-ready "$@"
`;

/** The stand-in program as one CommonJS file that /usr/bin/node runs through its shebang. */
export async function bundleStandin(): Promise<string> {
  const result = await build({
    entryPoints: [join(here, 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/node' },
  });
  return result.outputFiles[0]!.text;
}

async function sharedLibraries(binary: string): Promise<string[]> {
  const { stdout } = await run('ldd', [binary]);
  const libs = new Set<string>();
  for (const line of stdout.split('\n')) {
    const m = /=>\s*(\/\S+)|^\s*(\/\S+)/.exec(line);
    const lib = m?.[1] ?? m?.[2];
    if (lib) libs.add(lib);
  }
  return [...libs];
}

/** Copies `file` into rootfs at the same path, following symlinks (the libs are often links). */
function copyInto(rootfs: string, file: string, as = file): void {
  const dest = join(rootfs, as);
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(realpathSync(file), dest);
  chmodSync(dest, statSync(realpathSync(file)).mode & 0o777);
}

export interface StandinImage {
  tag: string;
  built: boolean;
  ms: number;
}

export async function buildStandinImage(dockerHost: string): Promise<StandinImage> {
  const t0 = Date.now();
  const node = realpathSync(process.execPath);
  const sh = realpathSync('/bin/dash');
  const tools = TOOLS.map((t) => [t, which(t)] as const).filter(
    (t): t is readonly [string, string] => t[1] !== undefined,
  );
  const program = await bundleStandin();
  const libs = new Set<string>();
  for (const bin of [node, sh, ...tools.map((t) => t[1])]) for (const lib of await sharedLibraries(bin)) libs.add(lib);
  const hash = createHash('sha256');
  for (const f of [node, sh, ...tools.map((t) => t[1]), ...libs]) {
    const st = statSync(realpathSync(f));
    hash.update(`${f}:${st.size}:${st.mtimeMs}\n`);
  }
  hash
    .update(program)
    .update(WAIT_READY)
    .update(`irisowner:${IRISOWNER_DIRS.join(',')}`);
  const tag = `${IMAGE_REPO}:${hash.digest('hex').slice(0, 16)}`;
  try {
    await docker(dockerHost, ['image', 'inspect', '--format', '{{.Id}}', tag], { timeoutMs: 15_000 });
    return { tag, built: false, ms: Date.now() - t0 };
  } catch {
    // not there yet: build it
  }
  const rootfs = mkdtempSync(join(tmpdir(), 'ipm-db-standin-rootfs-'));
  try {
    copyInto(rootfs, node, '/usr/bin/node');
    copyInto(rootfs, sh, '/bin/sh');
    for (const lib of libs) copyInto(rootfs, lib);
    for (const [name, path] of tools) copyInto(rootfs, path, `/usr/bin/${name}`);
    const program_ = join(rootfs, 'opt/standin/iris.cjs');
    mkdirSync(dirname(program_), { recursive: true });
    writeFileSync(program_, program, { mode: 0o755 });
    for (const link of ['/usr/bin/iris', '/usr/irissys/bin/iris']) {
      mkdirSync(join(rootfs, dirname(link)), { recursive: true });
      symlinkSync('/opt/standin/iris.cjs', join(rootfs, link));
    }
    for (const p of WAIT_READY_PATHS) {
      mkdirSync(join(rootfs, dirname(p)), { recursive: true });
      writeFileSync(join(rootfs, p), WAIT_READY, { mode: 0o755 });
    }
    // Nothing the driver needs is pre-created (no /tmp/ipm-db): it makes its own directories.
    for (const d of ['usr/irissys', 'etc', 'tmp', 'root', ...IRISOWNER_DIRS])
      mkdirSync(join(rootfs, d), { recursive: true });
    chmodSync(join(rootfs, 'tmp'), 0o1777);
    writeFileSync(
      join(rootfs, 'etc/passwd'),
      'root:x:0:0:root:/root:/bin/sh\nirisowner:x:51773:51773::/home/irisowner:/bin/sh\n',
    );
    writeFileSync(join(rootfs, 'etc/group'), 'root:x:0:\nirisowner:x:51773:\n');
    // Everything root-owned except the directories IRIS itself writes, owned by irisowner (51773).
    const tarFile = join(rootfs, '..', `${basename(rootfs)}.tar`);
    const owned = IRISOWNER_DIRS.map((d) => `./${d}`);
    await run('tar', [
      '-C',
      rootfs,
      '--owner=0',
      '--group=0',
      ...owned.map((d) => `--exclude=${d}`),
      '-cf',
      tarFile,
      '.',
    ]);
    await run('tar', ['-C', rootfs, '--owner=51773', '--group=51773', '--no-recursion', '-rf', tarFile, ...owned]);
    try {
      await dockerImport(dockerHost, readFileSync(tarFile), tag);
    } finally {
      rmSync(tarFile, { force: true });
    }
  } finally {
    rmSync(rootfs, { recursive: true, force: true });
  }
  return { tag, built: true, ms: Date.now() - t0 };
}

async function dockerImport(dockerHost: string, tarball: Buffer, tag: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      'docker',
      [
        'import',
        '--change',
        'ENTRYPOINT ["/usr/bin/iris","standin-main"]',
        '--change',
        'ENV PATH=/usr/irissys/bin:/usr/bin:/bin ISC_PACKAGE_INSTALLDIR=/usr/irissys ISC_PACKAGE_INSTANCENAME=IRIS',
        '--change',
        'WORKDIR /home/irisowner',
        // As the official images: IRIS and every `docker exec` run as irisowner, not root.
        '--change',
        'USER irisowner',
        '-',
        tag,
      ],
      { env: { ...process.env, DOCKER_HOST: dockerHost }, stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`docker import exited ${code}: ${stderr.trim()}`)),
    );
    // A child that exits without reading its input must not crash this process (EPIPE).
    child.stdin.on('error', () => {});
    child.stdin.end(tarball);
  });
}
