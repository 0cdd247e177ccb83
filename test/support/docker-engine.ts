// A Docker engine for the test suite. Uses the engine DOCKER_HOST (or the default socket)
// points at when it answers; otherwise starts Debian's dockerd in the background with its own
// data root, exec root, pid file and unix socket under a short temp dir, without a bridge or
// iptables (only loopback networking exists here: containers use --network none or host).
// The engine it started is stopped by PID, with its containerd children, and its dirs removed.
import { execFile, spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const DOCKERD = '/usr/sbin/dockerd';
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export interface DockerEngine {
  /** DOCKER_HOST value for clients (`unix:///...`); '' when none is reachable. */
  host: string;
  /** Why no engine is reachable ('' when one is). */
  unavailableReason: string;
  /** True when this process started the daemon (and will stop it). */
  started: boolean;
  /** Milliseconds spent reaching a ready engine. */
  startMs: number;
  stop(): Promise<void>;
}

/** `docker <args>` against `host`; rejects with stderr in the message on a non-zero exit. */
export async function docker(
  host: string,
  args: string[],
  opts: { timeoutMs?: number; input?: string } = {},
): Promise<{ stdout: string; stderr: string }> {
  const env = { ...process.env, DOCKER_HOST: host };
  if (opts.input === undefined) {
    return run('docker', args, { env, timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 });
  }
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`docker ${args.join(' ')} exited ${code}: ${stderr.trim()}`));
    });
    // A child that exits without reading its input must not crash this process (EPIPE).
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input);
  });
}

async function answers(host: string, timeoutMs = 5_000): Promise<boolean> {
  try {
    await docker(host, ['info', '--format', '{{.ServerVersion}}'], { timeoutMs });
    return true;
  } catch {
    return false;
  }
}

function existingHost(): string {
  if (process.env.DOCKER_HOST) return process.env.DOCKER_HOST;
  return existsSync('/var/run/docker.sock') ? 'unix:///var/run/docker.sock' : '';
}

function unavailable(reason: string, startMs = 0): DockerEngine {
  return { host: '', unavailableReason: reason, started: false, startMs, stop: async () => {} };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Direct children of `pid` (containerd and the shims dockerd starts). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function descendantsOf(pid: number): number[] {
  const out: number[] = [];
  for (const child of childrenOf(pid)) out.push(child, ...descendantsOf(child));
  return out;
}

async function waitGone(pids: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pids.every((p) => !alive(p))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return pids.every((p) => !alive(p));
}

/** Unmounts everything mounted below `dir` (overlay layers, netns, shm), deepest first. */
async function unmountBelow(dir: string): Promise<void> {
  const mounts = (await readFile('/proc/self/mounts', 'utf8').catch(() => ''))
    .split('\n')
    .map((l) => l.split(' ')[1] ?? '')
    .map((p) => p.replace(/\\040/g, ' '))
    .filter((p) => p.startsWith(dir + '/'))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) await run('umount', ['-l', m]).catch(() => undefined);
}

/**
 * Returns a ready engine: the reachable one, or a dockerd started here. Never throws: when no
 * engine can be had, `host` is '' and `unavailableReason` says why.
 */
export async function startDockerEngine(log: (line: string) => void = () => {}): Promise<DockerEngine> {
  const t0 = Date.now();
  const existing = existingHost();
  if (existing && (await answers(existing))) {
    return { host: existing, unavailableReason: '', started: false, startMs: Date.now() - t0, stop: async () => {} };
  }
  if (!existsSync(DOCKERD)) return unavailable(`${DOCKERD} is not installed (apt-get install docker.io)`);
  if (process.getuid?.() !== 0) return unavailable('dockerd needs root and the tests do not run as root');

  // Unix socket paths are limited to ~100 bytes: keep the directory short.
  const dir = await mkdtemp('/tmp/dk-');
  const host = `unix://${dir}/docker.sock`;
  const logPath = `${dir}/dockerd.log`;
  const logFd = openSync(logPath, 'a');
  const child = spawn(
    DOCKERD,
    [
      '--data-root',
      `${dir}/data`,
      '--exec-root',
      `${dir}/exec`,
      '--pidfile',
      `${dir}/dockerd.pid`,
      '-H',
      host,
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
      '--storage-driver=overlay2',
    ],
    { detached: true, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  child.unref();
  const pid = child.pid;
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = async (): Promise<void> => {
    if (pid !== undefined) {
      const family = [pid, ...descendantsOf(pid)];
      if (alive(pid)) process.kill(pid, 'SIGTERM');
      if (!(await waitGone([pid], STOP_TIMEOUT_MS)) && alive(pid)) process.kill(pid, 'SIGKILL');
      for (const p of family.slice(1)) if (alive(p)) process.kill(p, 'SIGKILL');
      await waitGone(family, 5_000);
    }
    await unmountBelow(dir);
    await rm(dir, { recursive: true, force: true }).catch(async () => {
      await unmountBelow(dir);
      await rm(dir, { recursive: true, force: true });
    });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !exited) {
    if (existsSync(`${dir}/docker.sock`) && (await answers(host, 3_000))) {
      log(`dockerd started (pid ${pid}) at ${host} in ${Date.now() - t0} ms`);
      return { host, unavailableReason: '', started: true, startMs: Date.now() - t0, stop };
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const tail = (await readFile(logPath, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n');
  await stop();
  return unavailable(
    `${DOCKERD} ${exited ? 'exited' : `was not ready within ${READY_TIMEOUT_MS} ms`}; its log ends:\n${tail}`,
    Date.now() - t0,
  );
}
