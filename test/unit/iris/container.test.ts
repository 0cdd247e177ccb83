import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IpmDbError } from '../../../src/util/errors.js';
import { silentLogger } from '../../../src/util/log.js';
import {
  buildRunArgs,
  dockerLogin,
  IrisContainer,
  messagesLogFor,
  needsCheckCapsFalse,
  removeRun,
} from '../../../src/iris/container.js';
import { Docker } from '../../../src/iris/docker.js';
import type { CommandOptions, CommandResult, CommandRunner } from '../../../src/iris/process.js';
import { timeoutArgs } from '../../../src/iris/process.js';
import { labelledEngine } from '../../support/labelled-engine.js';

class FakeRunner implements CommandRunner {
  calls: Array<{ args: string[]; options: CommandOptions }> = [];
  constructor(private readonly answer: (args: string[], options: CommandOptions) => Partial<CommandResult>) {}
  async run(_command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
    this.calls.push({ args, options });
    return { exitCode: 0, stdout: '', stderr: '', timedOut: false, durationMs: 1, ...this.answer(args, options) };
  }
}

describe('--check-caps', () => {
  it('passes --check-caps false for 2021.* and 2022.1.* only', () => {
    for (const t of ['2021.1', '2021.2.0.649.0', '2022.1', '2022.1.2.574.0', '2022.1-linux-arm64'])
      expect(needsCheckCapsFalse(`intersystemsdc/iris-community:${t}`)).toBe(true);
    for (const t of ['2022.2', '2022.10', '2023.1', '2025.1', 'latest', ''])
      expect(needsCheckCapsFalse(`x/iris:${t}`)).toBe(false);
  });
});

/**
 * docker run's argv read the way docker reads it: `run`, docker's options up to the image, then
 * the container's own arguments. `values(flag)` gives every value of `--flag v`, `--flag=v` or `-f v`.
 */
function readDockerRun(args: string[], image: string) {
  expect(args[0]).toBe('run');
  const at = args.indexOf(image);
  expect(at, `the image ${image} is in ${JSON.stringify(args)}`).toBeGreaterThan(0);
  const options = args.slice(1, at);
  const values = (flag: string) =>
    options.flatMap((a, i) =>
      a === flag ? [options[i + 1]!] : a.startsWith(`${flag}=`) ? [a.slice(flag.length + 1)] : [],
    );
  return { options, values, containerArgs: args.slice(at + 1) };
}

describe('buildRunArgs', () => {
  it('labels, names, networks and mounts the container, and gives IRIS its arguments after the image', () => {
    const image = 'containers.intersystems.com/intersystems/iris-community:2022.1';
    const run = readDockerRun(
      buildRunArgs(
        {
          image,
          runId: 'r1',
          network: 'none',
          mounts: [{ source: '/work/data', target: '/data', readOnly: true }],
          env: { TZ: 'UTC' },
          extraDockerArgs: ['--memory=2g'],
        },
        'ipm-db-r1',
      ),
      image,
    );
    expect(run.options).toContain('-d');
    expect(run.values('--name')).toEqual(['ipm-db-r1']);
    expect(run.values('--label')).toEqual(['ipm-db.run=r1']);
    expect(run.values('--network')).toEqual(['none']);
    expect(run.values('--mount')).toEqual(['type=bind,source=/work/data,target=/data,readonly']);
    expect(run.values('-e')).toEqual(['TZ=UTC']);
    expect(run.values('--memory')).toEqual(['2g']);
    // 2022.1 needs --check-caps false, an argument of IRIS's entry point, not of docker.
    expect(run.containerArgs).toEqual(['--check-caps', 'false']);
  });
  it('names a volume mount as a volume and passes the IRIS arguments asked for', () => {
    const run = readDockerRun(
      buildRunArgs(
        {
          image: 'iris:2025.1',
          runId: 'r',
          mounts: [{ source: 'durable', target: '/durable' }],
          irisArgs: ['--key', '/k'],
        },
        'n',
      ),
      'iris:2025.1',
    );
    expect(run.values('--mount')).toEqual(['type=volume,source=durable,target=/durable']);
    expect(run.containerArgs).toEqual(['--key', '/k']);
  });
  it('defaults to no network and refuses unsafe parts', () => {
    expect(buildRunArgs({ image: 'iris:2025.1', runId: 'r' }, 'n')).toContain('--network=none');
    expect(() => buildRunArgs({ image: '--privileged', runId: 'r' }, 'n')).toThrow(IpmDbError);
    expect(() => buildRunArgs({ image: 'iris', runId: 'r', mounts: [{ source: '/a,b', target: '/x' }] }, 'n')).toThrow(
      /mount paths/,
    );
    expect(() => buildRunArgs({ image: 'iris', runId: 'r', env: { TZ: 'a\nb' } }, 'n')).toThrow(/control/);
  });
});

describe('Docker', () => {
  it('says clearly when the daemon is not running', async () => {
    const docker = new Docker({
      binary: '/bin/true',
      runner: new FakeRunner(() => ({
        exitCode: 1,
        stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      })),
    });
    await expect(docker.assertAvailable()).rejects.toMatchObject({ code: 'docker-daemon-down' });
  });
  it('says clearly when docker is missing', async () => {
    const docker = new Docker({ binary: 'docker-that-does-not-exist-xyz', runner: new FakeRunner(() => ({})) });
    await expect(docker.assertAvailable()).rejects.toMatchObject({ code: 'docker-missing' });
  });
  it('recognises a docker client that could not be started', async () => {
    const docker = new Docker({
      binary: '/opt/none/docker',
      runner: new FakeRunner(() => ({
        exitCode: 127,
        stderr: "timeout: failed to run command '/opt/none/docker': No such file or directory",
      })),
    });
    await expect(docker.call(['ps'])).rejects.toMatchObject({ code: 'docker-missing' });
    // The same exit status from inside a container is not mistaken for it.
    const inside = new Docker({
      runner: new FakeRunner(() => ({
        exitCode: 127,
        stderr: 'OCI runtime exec failed: exec: "x": no such file or directory',
      })),
    });
    expect((await inside.call(['exec', 'c', 'x'])).exitCode).toBe(127);
  });

  it('runs every call under timeout with a kill grace period', () => {
    expect(timeoutArgs(1500, 'docker', ['ps'])).toEqual(['-k', '5s', '1.5s', 'docker', 'ps']);
  });
  it('sends the registry password on stdin only', async () => {
    const runner = new FakeRunner(() => ({}));
    await dockerLogin(new Docker({ runner }), { registry: 'ghcr.io', username: 'me', password: 'pa55word-secret' });
    expect(runner.calls[0]!.args).toEqual(['login', 'ghcr.io', '-u', 'me', '--password-stdin']);
    expect(runner.calls[0]!.options.input).toBe('pa55word-secret');
  });
});

describe('readiness', () => {
  it('falls back from missing waitReady.sh scripts to a halting session', async () => {
    const runner = new FakeRunner((args) => {
      if (args[0] === 'inspect') return { stdout: 'true 0\n' };
      if (
        args.includes('/usr/irissys/dev/Cloud/ICM/waitReady.sh') ||
        args.includes('/usr/irissys/dev/Container/waitReady.sh')
      )
        return {
          exitCode: 127,
          stderr:
            'OCI runtime exec failed: exec failed: unable to start container process: exec: "/usr/irissys/dev/Cloud/ICM/waitReady.sh": stat: no such file or directory: unknown',
        };
      return { exitCode: 0 };
    });
    const c = new IrisContainer(new Docker({ runner }), 'c1', 'r', '/usr/irissys/mgr/messages.log');
    await c.waitReady({ logger: silentLogger, readyTimeoutMs: 2000, pollIntervalMs: 10 });
    const session = runner.calls.find((x) => x.args.includes('session'))!;
    expect(session.args).toEqual(['exec', '-i', 'c1', 'iris', 'session', 'IRIS']);
    expect(session.options.input).toBe('halt\n');
  });

  it('gives up at the limit with docker logs and messages.log in the error', async () => {
    const runner = new FakeRunner((args) => {
      if (args[0] === 'inspect') return { stdout: 'true 0\n' };
      if (args[0] === 'logs') return { stdout: 'Starting IRIS\nwaiting for license\n' };
      if (args[0] === 'cp' && args[1] === 'c1:/usr/irissys/mgr/messages.log') {
        writeFileSync(args[2]!, '11/22/26-04:00:00:000 (1234) 2 [Generic.Event] Startup failed\n');
        return {};
      }
      return { exitCode: 1, stderr: 'not ready' };
    });
    const c = new IrisContainer(new Docker({ runner }), 'c1', 'r', '/usr/irissys/mgr/messages.log');
    const started = Date.now();
    const err = (await c
      .waitReady({ logger: silentLogger, readyTimeoutMs: 300, pollIntervalMs: 20 })
      .catch((e: unknown) => e)) as IpmDbError;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err.code).toBe('iris-not-ready');
    expect(err.details).toContain('waiting for license');
    expect(err.details).toContain('Startup failed');
  });

  it('stops waiting as soon as the container has exited', async () => {
    const runner = new FakeRunner((args) => (args[0] === 'inspect' ? { stdout: 'false 137\n' } : { stdout: '' }));
    const c = new IrisContainer(new Docker({ runner }), 'c1', 'r', '/m');
    await expect(c.waitReady({ logger: silentLogger, readyTimeoutMs: 60_000 })).rejects.toMatchObject({
      code: 'iris-exited',
    });
  });
});

describe('messages.log', () => {
  it('follows ISC_DATA_DIRECTORY (Durable %SYS)', () => {
    expect(messagesLogFor({ image: 'i', runId: 'r' })).toBe('/usr/irissys/mgr/messages.log');
    expect(messagesLogFor({ image: 'i', runId: 'r', env: { ISC_DATA_DIRECTORY: '/durable/iris/' } })).toBe(
      '/durable/iris/mgr/messages.log',
    );
  });
});

describe('removeRun', () => {
  it("removes exactly this run's containers, then its volumes, and returns their names", async () => {
    const e = labelledEngine(
      { 'ipm-db-r': 'r', 'ipm-db-r-1a': 'r-1a', 'ipm-db-rx': 'rx', foreign: '' },
      { 'ipm-db-r-durable': 'r', 'ipm-db-rx-durable': 'rx' },
    );
    expect(await removeRun(e.docker, 'r')).toEqual(['ipm-db-r', 'ipm-db-r-durable']);
    expect(Object.keys(e.containers).sort()).toEqual(['foreign', 'ipm-db-r-1a', 'ipm-db-rx']);
    expect(Object.keys(e.volumes)).toEqual(['ipm-db-rx-durable']);
    const removals = e.calls.filter((c) => c.includes('rm'));
    expect(removals.map((c) => c[0])).toEqual(['rm', 'volume']);
  });

  it('throws with every failure and refuses a run id that is not a label value', async () => {
    const e = labelledEngine({ 'ipm-db-r': 'r' }, {}, ['ipm-db-r']);
    await expect(removeRun(e.docker, 'r')).rejects.toThrow(/Removing container ipm-db-r failed: .*busy/);
    await expect(removeRun(e.docker, 'r --all')).rejects.toThrow(IpmDbError);
  });
});
