/**
 * An IRIS container driven through the docker CLI: start (with the right arguments for
 * the IRIS version in the tag), wait until ready, copy files, read logs, remove.
 * Everything a run creates carries the label `ipm-db.run=<run id>` so it can be found
 * and removed even after a crash (see removeRun).
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, lstat, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { IpmDbError } from '../util/errors.js';
import { imageTag } from '../naming/grammar.js';
import type { Logger } from '../util/log.js';
import { redact, registerSecret } from '../util/redact.js';
import { Docker, firstLine } from './docker.js';
import { formatDuration } from '../util/format.js';
import { tail } from './output.js';
import { licenceFailure } from './startup.js';
import type { CommandResult } from './process.js';
import { hasControlCharacter, isValid, unsafeValue, validate } from './validate.js';

export const RUN_LABEL = 'ipm-db.run';
export const WORK_DIR = '/tmp/ipm-db';
export const WAIT_READY_SCRIPTS = [
  '/usr/irissys/dev/Cloud/ICM/waitReady.sh',
  '/usr/irissys/dev/Container/waitReady.sh',
];
const DEFAULT_MESSAGES_LOG = '/usr/irissys/mgr/messages.log';

export interface Mount {
  /** Host path (bind mount) or volume name. */
  source: string;
  target: string;
  readOnly?: boolean;
}

export interface ContainerSpec {
  image: string;
  /** Groups everything this run creates; also used in the container name. */
  runId: string;
  /** docker --network; default "none" (nothing reachable, no IRIS port opened on the runner). */
  network?: string;
  /** Extra `docker run` arguments, placed before the image. */
  extraDockerArgs?: string[];
  mounts?: Mount[];
  /** Non-secret environment for the container. */
  env?: Record<string, string>;
  /** Container name; default `ipm-db-<runId>`. */
  name?: string;
  /** Force or suppress `--check-caps false`; default: decided from the image tag. */
  checkCapsFalse?: boolean;
  /** Extra arguments for the IRIS entry point, after the image. */
  irisArgs?: string[];
}

export interface RegistryLogin {
  registry: string;
  username: string;
  /** Sent to `docker login --password-stdin` on stdin only. */
  password: string;
}

export function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** IRIS 2021.* and 2022.1.* images need `--check-caps false` (contract section 5). */
export function needsCheckCapsFalse(image: string): boolean {
  return /^(2021\.|2022\.1($|[.-]))/.test(imageTag(image) ?? '');
}

export function containerNameFor(runId: string): string {
  return validate('container name', `ipm-db-${validate('label value', runId)}`);
}

/** `docker run` arguments for a spec (pure). */
export function buildRunArgs(spec: ContainerSpec, name: string): string[] {
  validate('image', spec.image);
  const args = ['run', '-d', '--name', name, '--label', `${RUN_LABEL}=${validate('label value', spec.runId)}`];
  args.push(`--network=${validate('label value', spec.network ?? 'none')}`);
  for (const m of spec.mounts ?? []) {
    for (const part of [m.source, m.target]) {
      if (hasControlCharacter(part) || part.includes(',') || part.includes(':'))
        throw unsafeValue('mount', part, 'mount paths may not contain ",", ":" or control characters');
    }
    validate('container path', m.target);
    args.push(
      '--mount',
      `type=${m.source.startsWith('/') ? 'bind' : 'volume'},source=${m.source},target=${m.target}${m.readOnly ? ',readonly' : ''}`,
    );
  }
  for (const [k, v] of Object.entries(spec.env ?? {})) {
    validate('environment variable name', k);
    if (hasControlCharacter(v)) throw unsafeValue('environment value', v, 'it contains a control character');
    args.push('-e', `${k}=${v}`);
  }
  for (const a of spec.extraDockerArgs ?? []) {
    if (hasControlCharacter(a)) throw unsafeValue('docker argument', a, 'it contains a control character');
    args.push(a);
  }
  args.push(spec.image);
  const checkCaps = spec.checkCapsFalse ?? needsCheckCapsFalse(spec.image);
  if (checkCaps) args.push('--check-caps', 'false');
  for (const a of spec.irisArgs ?? []) {
    if (hasControlCharacter(a)) throw unsafeValue('IRIS argument', a, 'it contains a control character');
    args.push(a);
  }
  return args;
}

export async function dockerLogin(docker: Docker, login: RegistryLogin): Promise<void> {
  registerSecret(login.password);
  if (hasControlCharacter(login.registry) || login.registry.startsWith('-') || !login.registry)
    throw unsafeValue('registry', login.registry, 'not a registry host name');
  if (hasControlCharacter(login.username) || login.username.startsWith('-') || !login.username)
    throw unsafeValue('user name', login.username, 'not a user name');
  await docker.check(
    'docker-login-failed',
    `docker login ${login.registry}`,
    ['login', login.registry, '-u', login.username, '--password-stdin'],
    {
      input: login.password,
      timeoutMs: 60_000,
    },
  );
}

export interface CreatedResource {
  kind: 'container' | 'volume';
  name: string;
}

export interface StartOptions {
  logger: Logger;
  /** Told about each container/volume name before it is created (the action records them for its post step). */
  onResource?: (resource: CreatedResource) => void;
  /** Limit for `docker run` itself (an image pull may happen here); default 10 min. */
  runTimeoutMs?: number;
  /** Limit for IRIS to become ready; default 5 min. */
  readyTimeoutMs?: number;
  /** Pause between readiness probes; default 2 s. */
  pollIntervalMs?: number;
  /** The image, for messages (startIris sets it). */
  image?: string;
}

/** Where IRIS writes messages.log: `$ISC_DATA_DIRECTORY/mgr` with Durable %SYS, else the install's mgr. */
export function messagesLogFor(spec: ContainerSpec): string {
  const data = spec.env?.ISC_DATA_DIRECTORY;
  return data ? `${data.replace(/\/+$/, '')}/mgr/messages.log` : DEFAULT_MESSAGES_LOG;
}

export async function startIris(docker: Docker, spec: ContainerSpec, options: StartOptions): Promise<IrisContainer> {
  const name = spec.name ? validate('container name', spec.name) : containerNameFor(spec.runId);
  const container = new IrisContainer(docker, name, spec.runId, messagesLogFor(spec));
  try {
    const args = buildRunArgs(spec, name);
    options.onResource?.({ kind: 'container', name });
    options.logger.debug(`docker ${args.join(' ')}`);
    await docker.check('iris-start-failed', `Starting ${spec.image}`, args, {
      timeoutMs: options.runTimeoutMs ?? 600_000,
    });
    await container.waitReady({ ...options, image: spec.image });
  } catch (err) {
    await container.remove().catch(() => {});
    throw err;
  }
  return container;
}

export class IrisContainer {
  constructor(
    readonly docker: Docker,
    readonly name: string,
    readonly runId: string,
    readonly messagesLogPath: string,
  ) {}

  /** `docker exec [-i] [-e NAME...] <c> <command...>`; values of `secretEnv` travel in the client's environment only. */
  exec(
    command: string[],
    options: { input?: string; secretEnv?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<CommandResult> {
    const args = ['exec'];
    if (options.input !== undefined) args.push('-i');
    for (const [k, v] of Object.entries(options.secretEnv ?? {})) {
      validate('environment variable name', k);
      registerSecret(v);
      args.push('-e', k);
    }
    args.push(this.name, ...command);
    return this.docker.call(args, {
      ...(options.input === undefined ? {} : { input: options.input }),
      ...(options.secretEnv ? { env: options.secretEnv } : {}),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  }

  /**
   * Creates a directory (its parent must exist) with `docker cp` of an empty mode-0777 directory,
   * so IRIS (user irisowner) can write into it and the image needs no mkdir. Idempotent.
   */
  async mkdir(path: string): Promise<void> {
    validate('container path', path);
    const empty = await mkdtemp(join(tmpdir(), 'ipm-db-dir-'));
    try {
      await chmod(empty, 0o777);
      await this.docker.check('container-file-failed', `Creating ${path} in the container`, [
        'cp',
        `${empty}/.`,
        `${this.name}:${path}`,
      ]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  }

  async copyIn(hostPath: string, containerPath: string, timeoutMs = 300_000): Promise<void> {
    validate('container path', containerPath);
    await this.docker.check(
      'container-copy-failed',
      `Copying ${hostPath} into the container`,
      ['cp', hostPath, `${this.name}:${containerPath}`],
      { timeoutMs },
    );
  }

  /**
   * Copies one regular file out. docker cp copies a link as a link (and a FIFO or device as one):
   * it lands in a fresh directory beside `hostPath`, is checked with lstat, and only a regular file
   * is moved into place, so nothing the container made is ever followed on the host.
   */
  async copyOut(containerPath: string, hostPath: string, timeoutMs = 300_000): Promise<void> {
    validate('container path', containerPath);
    const staging = await mkdtemp(join(dirname(hostPath), '.ipm-db-copy-'));
    try {
      const copy = join(staging, 'file');
      await this.docker.check(
        'container-copy-failed',
        `Copying ${containerPath} out of the container`,
        ['cp', `${this.name}:${containerPath}`, copy],
        { timeoutMs },
      );
      const info = await lstat(copy);
      if (!info.isFile())
        throw new IpmDbError(
          'container-file-refused',
          `${containerPath} in the container is ${fileKind(info)}, not a regular file: it was not copied out.`,
          { hint: 'The module or IPM made it so; only regular files leave the container.' },
        );
      await rename(copy, hostPath);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  /** A text file's content, copied out with `docker cp` (works on images without cat). */
  async readFile(path: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'ipm-db-read-'));
    try {
      const file = join(dir, 'file');
      await this.copyOut(path, file, 60_000);
      return await readFile(file, 'utf8');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async isRunning(): Promise<{ running: boolean; exitCode: number | null }> {
    const r = await this.docker.call(['inspect', '-f', '{{.State.Running}} {{.State.ExitCode}}', this.name], {
      timeoutMs: 30_000,
    });
    if (r.exitCode !== 0) return { running: false, exitCode: null };
    const [running, code] = r.stdout.trim().split(' ');
    return { running: running === 'true', exitCode: code === undefined ? null : Number(code) };
  }

  /** The last lines of `docker logs` and of messages.log, for error details (never throws). */
  async diagnostics(lines = 40): Promise<string> {
    const parts: string[] = [];
    const logs = await this.docker
      .call(['logs', '--tail', String(lines), this.name], { timeoutMs: 30_000 })
      .catch(() => null);
    if (logs)
      parts.push(
        `--- docker logs ${this.name} (last ${lines} lines) ---\n${tail(`${logs.stdout}${logs.stderr}`, lines) || '(empty)'}`,
      );
    const messages = await this.readFile(this.messagesLogPath).catch(() => null);
    if (messages !== null)
      parts.push(`--- ${this.messagesLogPath} (last ${lines} lines) ---\n${tail(messages, lines)}`);
    else parts.push(`--- ${this.messagesLogPath}: not readable ---`);
    return redact(parts.join('\n'));
  }

  /**
   * Waits until IRIS answers: waitReady.sh at either documented path when the image has
   * one, otherwise a session that just halts. Bounded by `readyTimeoutMs`.
   */
  async waitReady(options: StartOptions): Promise<void> {
    const limit = options.readyTimeoutMs ?? 300_000;
    const interval = options.pollIntervalMs ?? 2_000;
    const deadline = Date.now() + limit;
    let scripts = [...WAIT_READY_SCRIPTS];
    let lastProblem = '';
    for (let attempt = 1; Date.now() < deadline && attempt <= 10_000; attempt++) {
      const state = await this.isRunning();
      if (!state.running) {
        const details = await this.diagnostics();
        throw (
          licenceFailure(options.image ?? this.name, details, details) ??
          new IpmDbError(
            'iris-exited',
            `The IRIS container ${this.name} stopped before it was ready (exit ${state.exitCode ?? 'unknown'}).`,
            {
              hint: 'Read the container log below; for 2021.* / 2022.1.* images "--check-caps false" is passed automatically.',
              details,
            },
          )
        );
      }
      const remaining = Math.max(1_000, deadline - Date.now());
      let probe: CommandResult | null = null;
      while (scripts.length > 0) {
        const script = scripts[0]!;
        probe = await this.exec([script], { timeoutMs: Math.min(remaining, 120_000) });
        if (isMissingExecutable(probe)) {
          scripts = scripts.slice(1);
          probe = null;
          continue;
        }
        break;
      }
      if (!probe)
        probe = await this.exec(['iris', 'session', 'IRIS'], {
          input: 'halt\n',
          timeoutMs: Math.min(remaining, 60_000),
        });
      if (probe.exitCode === 0 && !probe.timedOut) {
        options.logger.debug(`IRIS ready after ${attempt} probe(s)`);
        return;
      }
      lastProblem = firstLine(redact(`${probe.stderr}\n${probe.stdout}`)) || `exit ${probe.exitCode}`;
      if (Date.now() + interval >= deadline) break;
      await sleep(interval);
    }
    const details = await this.diagnostics();
    throw (
      licenceFailure(options.image ?? this.name, details, details) ??
      new IpmDbError(
        'iris-not-ready',
        `IRIS in container ${this.name} was not ready within ${formatDuration(limit)} (last probe: ${lastProblem || 'none'}).`,
        {
          hint: 'Raise the readiness timeout, or read the container log and messages.log below for why IRIS did not start.',
          details,
        },
      )
    );
  }

  /** Stops and removes the container (and its anonymous volumes); named volumes stay. */
  async remove(): Promise<void> {
    await this.docker.check('docker-cleanup-failed', `Removing ${this.name}`, ['rm', '-f', '-v', this.name], {
      timeoutMs: 120_000,
    });
  }
}

function fileKind(info: Stats): string {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isBlockDevice() || info.isCharacterDevice()) return 'a device';
  return 'not a regular file';
}

function isMissingExecutable(r: CommandResult): boolean {
  return (
    (r.exitCode === 126 || r.exitCode === 127) && /no such file|not found|executable file not found/i.test(r.stderr)
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface RemovedResources {
  removed: CreatedResource[];
  /** One message per listing or removal that failed. */
  problems: string[];
}

/**
 * Removes the containers, then the volumes (a volume in use cannot go), of run `runId`: those
 * labelled with it (with `family`, also `<runId>-<n>`: each IRIS image of an action run gets
 * its own) and the `recorded` ones. Each failure is collected, never thrown; a run id that is
 * not a plain label value is never passed to docker (only the recorded names are removed).
 */
export async function removeRunResources(
  docker: Docker,
  runId: string,
  opts: { recorded?: readonly CreatedResource[]; family?: boolean } = {},
): Promise<RemovedResources> {
  const problems: string[] = [];
  const removed: CreatedResource[] = [];
  const recorded = opts.recorded ?? [];
  const containers = new Set(recorded.filter((r) => r.kind === 'container').map((r) => r.name));
  const volumes = new Set(recorded.filter((r) => r.kind === 'volume').map((r) => r.name));
  if (isValid('label value', runId)) {
    const ours = (value: string | undefined) =>
      value === runId || (opts.family === true && Boolean(value?.startsWith(`${runId}-`)));
    const format = (field: string) => `{{${field}}}\t{{.Label "${RUN_LABEL}"}}`;
    const listed = async (what: string, args: string[], into: Set<string>) => {
      const result = await docker.call(args, { timeoutMs: 30_000 });
      if (result.exitCode !== 0 || result.timedOut) {
        problems.push(`Listing the run's ${what} failed: ${firstLine(result.stderr) || `exit ${result.exitCode}`}`);
        return;
      }
      for (const line of result.stdout.split('\n')) {
        const [name, value] = line.trim().split('\t');
        if (name && ours(value)) into.add(name);
      }
    };
    await listed(
      'containers',
      ['ps', '--all', '--filter', `label=${RUN_LABEL}`, '--format', format('.Names')],
      containers,
    );
    await listed('volumes', ['volume', 'ls', '--filter', `label=${RUN_LABEL}`, '--format', format('.Name')], volumes);
  }
  const remove = async (kind: CreatedResource['kind'], name: string, args: string[], gone: RegExp) => {
    const result = await docker.call(args, { timeoutMs: 120_000 });
    if (result.exitCode === 0 && !result.timedOut) removed.push({ kind, name });
    else if (!gone.test(result.stderr))
      problems.push(`Removing ${kind} ${name} failed: ${firstLine(result.stderr) || `exit ${result.exitCode}`}`);
  };
  for (const name of containers)
    await remove('container', name, ['rm', '--force', '--volumes', name], /No such container/i);
  for (const name of volumes) await remove('volume', name, ['volume', 'rm', '--force', name], /no such volume/i);
  return { removed, problems };
}

/** Removes every container and volume labelled with exactly this run id; throws when any removal failed. */
export async function removeRun(docker: Docker, runId: string): Promise<string[]> {
  validate('label value', runId);
  const { removed, problems } = await removeRunResources(docker, runId);
  if (problems.length > 0) throw new IpmDbError('docker-cleanup-failed', problems.join('\n'));
  return removed.map((r) => r.name);
}
