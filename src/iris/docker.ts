/**
 * The docker CLI, every call with a time limit. Knows nothing about IRIS.
 */
import { IpmDbError } from '../util/errors.js';
import { redact } from '../util/redact.js';
import { formatDuration } from '../util/format.js';
import { childProcessRunner, findOnPath, type CommandResult, type CommandRunner } from './process.js';

export interface DockerOptions {
  /** DOCKER_HOST for every call (e.g. "unix:///tmp/x/docker.sock"); default: the environment's. */
  host?: string;
  /** The docker executable; default "docker" from PATH. */
  binary?: string;
  runner?: CommandRunner;
  /** Limit for short calls (inspect, rm, cp of small files); default 60 s. */
  defaultTimeoutMs?: number;
}

export interface DockerCallOptions {
  timeoutMs?: number;
  input?: string | Buffer;
  /** Extra environment for the docker client (how `docker exec -e NAME` receives a secret value). */
  env?: Record<string, string>;
}

export class Docker {
  readonly host: string | undefined;
  private readonly binary: string;
  private readonly runner: CommandRunner;
  readonly defaultTimeoutMs: number;

  constructor(options: DockerOptions = {}) {
    this.host = options.host;
    this.binary = options.binary ?? 'docker';
    this.runner = options.runner ?? childProcessRunner;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 60_000;
  }

  /** Runs `docker <args>`; never throws for a non-zero exit (see `check`). */
  async call(args: string[], options: DockerCallOptions = {}): Promise<CommandResult> {
    const env: Record<string, string> = { ...(options.env ?? {}) };
    if (this.host) env.DOCKER_HOST = this.host;
    const result = await this.runner.run(this.binary, args, {
      timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs,
      env,
      ...(options.input === undefined ? {} : { input: options.input }),
    });
    // coreutils timeout could not start the docker client itself.
    if (result.exitCode === 127 && /^timeout: failed to run command/m.test(result.stderr))
      throw dockerMissing(this.binary);
    return result;
  }

  /** Runs `docker <args>` and throws IpmDbError(code) unless it exits 0. */
  async check(code: string, what: string, args: string[], options: DockerCallOptions = {}): Promise<CommandResult> {
    const result = await this.call(args, options);
    if (result.timedOut)
      throw new IpmDbError(
        'docker-timeout',
        `${what}: docker did not answer within ${formatDuration(options.timeoutMs ?? this.defaultTimeoutMs)}.`,
        {
          details: redact(result.stderr.trim()),
        },
      );
    if (result.exitCode !== 0) {
      const stderr = redact(result.stderr.trim());
      throw (
        daemonProblem(stderr) ??
        new IpmDbError(code, `${what} failed (docker exit ${result.exitCode}): ${firstLine(stderr)}`, {
          details: stderr,
        })
      );
    }
    return result;
  }

  /** A clear error when the docker CLI is missing or its daemon is not running. */
  async assertAvailable(): Promise<string> {
    if (!this.binary.includes('/') && !findOnPath(this.binary)) throw dockerMissing(this.binary);
    const result = await this.call(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 30_000 });
    if (result.exitCode !== 0 || result.timedOut) {
      const stderr = redact(result.stderr.trim());
      throw (
        daemonProblem(stderr) ??
        new IpmDbError(
          'docker-unavailable',
          `The Docker daemon did not answer "docker version": ${firstLine(stderr) || 'no answer'}.`,
          {
            hint: 'Start Docker (or set DOCKER_HOST) and try again.',
            details: stderr,
          },
        )
      );
    }
    return result.stdout.trim();
  }
}

function dockerMissing(binary: string): IpmDbError {
  return new IpmDbError('docker-missing', `The docker command ("${binary}") was not found.`, {
    hint: 'Install Docker (https://docs.docker.com/get-docker/) and make sure "docker" is on PATH.',
  });
}

function daemonProblem(stderr: string): IpmDbError | null {
  if (
    /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|connect: no such file or directory|connection refused/i.test(
      stderr,
    )
  )
    return new IpmDbError('docker-daemon-down', 'The Docker daemon is not running or not reachable.', {
      hint: 'Start Docker (e.g. "sudo systemctl start docker" or Docker Desktop), or point DOCKER_HOST at a running daemon.',
      details: stderr,
    });
  if (/permission denied.*docker\.sock/i.test(stderr))
    return new IpmDbError('docker-permission', 'Permission denied talking to the Docker daemon.', {
      hint: 'Add your user to the "docker" group or run with the rights to use the Docker socket.',
      details: stderr,
    });
  return null;
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? ''
  );
}
