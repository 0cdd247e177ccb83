// The stand-in refuses a sixth concurrent session in one instance with IRIS's <LICENSE LIMIT
// EXCEEDED> (Community Edition: 5 licence units), and admits one again once a session ends.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { StandinContainer } from '../../standin/container.js';

describeWithDocker('stand-in licence units', () => {
  let c: StandinContainer;
  let host: string;
  const held: ChildProcessWithoutNullStreams[] = [];

  beforeAll(async () => {
    const { dockerHost, standinImage } = requireDocker();
    host = dockerHost;
    c = await StandinContainer.run(dockerHost, standinImage, `ipm-db-licence-${process.pid}`);
    expect((await c.waitReady()).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    for (const p of held) p.kill('SIGKILL');
    await c?.remove();
  });

  /** A session left open (its stdin never ends), resolved once IRIS has shown its first prompt. */
  function openSession(): Promise<ChildProcessWithoutNullStreams> {
    const child = spawn('docker', ['exec', '-i', c.name, 'iris', 'session', 'IRIS', '-U', 'USER'], {
      env: { ...process.env, DOCKER_HOST: host },
    });
    held.push(child);
    child.stdin.write('write "open",!\n');
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('USER>')) resolve(child);
      });
      child.on('exit', (code) => reject(new Error(`session ended (${code}) before its prompt: ${out}`)));
    });
  }

  it('refuses the sixth session at login and admits one again when a session ends', async () => {
    const open: ChildProcessWithoutNullStreams[] = [];
    for (let i = 0; i < 5; i++) open.push(await openSession());
    const refused = await c.session(['write "##IPMDB ok=1",!', 'halt']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('<LICENSE LIMIT EXCEEDED>');
    expect(refused.stdout).not.toContain('##IPMDB ok=1');
    const ended = new Promise((resolve) => open[0]!.on('exit', resolve));
    open[0]!.stdin.end('halt\n');
    await ended;
    const admitted = await c.session(['write "##IPMDB ok=1",!', 'halt']);
    expect(admitted.code).toBe(0);
    expect(admitted.stdout).toContain('##IPMDB ok=1');
  }, 120_000);
});
