// Test-side handle on one stand-in container: docker run / exec / cp / rm against the test
// engine, sessions fed on stdin with their exit status and output. Everything it creates is
// removed by remove().
import { spawn } from 'node:child_process';
import { docker } from '../support/docker-engine.js';

export interface SessionResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  volume?: string;
  /** STANDIN_START_DELAY_MS (default 300). */
  startDelayMs?: number;
  /** 'none' (default) or 'host' (to reach servers on the host's 127.0.0.1). */
  network?: 'none' | 'host';
}

export function execWithInput(
  dockerHost: string,
  args: string[],
  input: string,
  timeoutMs = 60_000,
): Promise<SessionResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env: { ...process.env, DOCKER_HOST: dockerHost } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 + 9 : -1), stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    // A child that exits without reading its input must not crash this process (EPIPE).
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

export class StandinContainer {
  private constructor(
    readonly dockerHost: string,
    readonly name: string,
  ) {}

  static async run(dockerHost: string, image: string, name: string, opts: RunOptions = {}): Promise<StandinContainer> {
    const args = [
      'run',
      '-d',
      '--name',
      name,
      '--network',
      opts.network ?? 'none',
      '-e',
      `STANDIN_START_DELAY_MS=${opts.startDelayMs ?? 300}`,
    ];
    for (const [k, v] of Object.entries(opts.env ?? {})) args.push('-e', `${k}=${v}`);
    if (opts.volume) args.push('-v', `${opts.volume}:/durable`, '-e', 'ISC_DATA_DIRECTORY=/durable/iris');
    args.push(image, '--check-caps', 'false');
    await docker(dockerHost, args);
    return new StandinContainer(dockerHost, name);
  }

  exec(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<SessionResult> {
    const e = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    return execWithInput(this.dockerHost, ['exec', ...e, this.name, ...args], '', timeoutMs);
  }

  async waitReady(timeoutS = 30): Promise<SessionResult> {
    return this.exec(['/usr/irissys/dev/Cloud/ICM/waitReady.sh', String(timeoutS)], {}, (timeoutS + 10) * 1000);
  }

  /**
   * A directory made by the container's user (irisowner), as a test's scratch space: the image
   * pre-creates nothing of the kind, and `docker cp` would make it root's.
   */
  async makeDir(path: string): Promise<void> {
    const r = await this.exec(['mkdir', '-p', path]);
    if (r.code !== 0) throw new Error(`mkdir -p ${path} in ${this.name} failed: ${r.stderr.trim()}`);
  }

  /** `docker exec -i <c> iris session IRIS -U <ns>` with `lines` on stdin. */
  session(
    lines: string[],
    opts: { namespace?: string; env?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<SessionResult> {
    const e = Object.entries(opts.env ?? {}).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    return execWithInput(
      this.dockerHost,
      ['exec', '-i', ...e, this.name, 'iris', 'session', 'IRIS', '-U', opts.namespace ?? 'USER'],
      lines.map((l) => l + '\n').join(''),
      opts.timeoutMs ?? 60_000,
    );
  }

  async copyIn(hostPath: string, containerPath: string): Promise<void> {
    await docker(this.dockerHost, ['cp', hostPath, `${this.name}:${containerPath}`]);
  }

  async copyOut(containerPath: string, hostPath: string): Promise<void> {
    await docker(this.dockerHost, ['cp', `${this.name}:${containerPath}`, hostPath]);
  }

  async logs(): Promise<string> {
    const r = await docker(this.dockerHost, ['logs', this.name]);
    return r.stdout + r.stderr;
  }

  async remove(): Promise<void> {
    await docker(this.dockerHost, ['rm', '-f', '-v', this.name]).catch(() => undefined);
  }
}

/** Values the session printed as `##IPMDB <key>=<value>` (after any prompt). */
export function ipmdbValues(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of stdout.matchAll(/##IPMDB ([^=\s]+)=(.*)/g)) out[m[1]!] = m[2]!.replace(/\r$/, '');
  return out;
}

/** The robust Shell form of contract section 5. */
export function shellLine(command: string): string {
  return `set sc=##class(%IPM.Main).Shell("${command.replace(/"/g, '""')}") if 'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }`;
}

export function statusLine(call: string): string {
  return `set sc=${call} if 'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }`;
}
