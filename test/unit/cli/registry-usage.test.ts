import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands/index.js';
import { safeFileName } from '../../../src/cli/commands/pull.js';
import { main } from '../../../src/cli/main.js';

async function cli(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const code = await main(args, { stdout, stderr, env: {}, cwd: process.cwd() }, commands);
  return { code, out: String(stdout.read() ?? ''), err: String(stderr.read() ?? '') };
}

describe('registry commands: usage errors exit 2 before any network use', () => {
  it.each([
    [['publish', 'a.tgz', '--namespace', 'acme', '--report', 'r.json'], /--registry is required/],
    [['publish', 'a.tgz', '--registry', 'ghcr.io', '--report', 'r.json'], /--namespace is required/],
    [['publish', 'a.tgz', '--registry', 'ghcr.io', '--namespace', 'acme', '--client', 'skopeo'], /--client must be/],
    [
      ['publish', 'a.tgz', '--registry', 'ghcr.io', '--namespace', 'acme', '--password', 'x'],
      /Unknown option '--password'/,
    ],
    [['pull', 'ghcr.io/acme/demo'], /names no tag or digest/],
    [['inspect', 'demo:1.0.0'], /has no registry/],
    [['tags', 'ghcr.io/acme/demo:1.0.0'], /without a tag/],
    [['tags'], /exactly one/],
  ])('%j', async (args, message) => {
    const res = await cli(args);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(message);
  });

  it('lists the four commands and documents the credential variables', async () => {
    const overview = await cli(['help']);
    for (const name of ['publish', 'pull', 'inspect', 'tags']) expect(overview.out).toContain(name);
    const usage = await cli(['publish', '--help']);
    expect(usage.out).toMatch(/IPM_DB_REGISTRY_PASSWORD/);
  });
});

describe('pulled file names', () => {
  it('keep a layer title inside the output directory', () => {
    expect(safeFileName('Demo-1.0.0-database.tgz', 'f.tgz')).toBe('Demo-1.0.0-database.tgz');
    expect(safeFileName('../../etc/cron.d/evil.tgz', 'f.tgz')).toBe('evil.tgz');
    expect(safeFileName('..\\..\\x.tgz', 'f.tgz')).toBe('x.tgz');
    expect(safeFileName('..', 'f.tgz')).toBe('f.tgz');
    expect(safeFileName('a b;rm.tgz', 'f.tgz')).toBe('f.tgz');
    expect(safeFileName(undefined, 'f.tgz')).toBe('f.tgz');
  });
});
