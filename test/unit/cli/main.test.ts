import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { CliCommand } from '../../../src/cli/command.js';
import { IpmDbError, UsageError } from '../../../src/util/errors.js';
import { registerSecret } from '../../../src/util/redact.js';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const read = (s: PassThrough) => () => String(s.read() ?? '');
  return { io: { stdout, stderr, env: {}, cwd: process.cwd() }, out: read(stdout), err: read(stderr) };
}

const failing = (err: Error): CliCommand => ({
  name: 'boom',
  summary: 'fails',
  usage: 'Usage: ipm-db boom',
  run: async () => {
    throw err;
  },
});

describe('ipm-db dispatcher', () => {
  it('lists commands and exits 2 without arguments', async () => {
    const t = io();
    expect(await main([], t.io, [failing(new Error('x'))])).toBe(2);
    expect(t.out()).toContain('boom');
  });

  it('exits 2 and names an unknown command', async () => {
    const t = io();
    expect(await main(['nope'], t.io, [])).toBe(2);
    expect(t.err()).toContain('unknown command "nope"');
  });

  it('maps a usage error to exit 2 with the usage text', async () => {
    const t = io();
    expect(await main(['boom'], t.io, [failing(new UsageError('missing <archive>', 'give a path'))])).toBe(2);
    const err = t.err();
    expect(err).toContain('missing <archive>');
    expect(err).toContain('give a path');
    expect(err).toContain('Usage: ipm-db boom');
  });

  it('maps other errors to exit 1 and never prints a registered secret', async () => {
    registerSecret('s3cr3t-token-value');
    const t = io();
    const code = await main(['boom'], t.io, [failing(new IpmDbError('auth', 'login failed with s3cr3t-token-value'))]);
    expect(code).toBe(1);
    const err = t.err();
    expect(err).toContain('login failed with ***');
    expect(err).not.toContain('s3cr3t-token-value');
  });
});
