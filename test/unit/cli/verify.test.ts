import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { EXAMPLE_PATH } from '../../../scripts/make-example-archive.js';
import { ipmTgz, packageEntries } from '../archive/helpers.js';

const run = promisify(execFile);

async function cli(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const code = await main(['verify', ...args], { stdout, stderr, env: {}, cwd: process.cwd() });
  return { code, out: String(stdout.read() ?? ''), err: String(stderr.read() ?? '') };
}

let dir: string;
let mismatched: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-cli-'));
  mismatched = join(dir, 'demo-module-1.0.0-database.tgz');
  await writeFile(mismatched, await ipmTgz(packageEntries({ module: { checksum: 'ab'.repeat(32) } })));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ipm-db verify', () => {
  it('prints a human report and exits 0 for a valid package', async () => {
    const { code, out } = await cli([EXAMPLE_PATH]);
    expect(code).toBe(0);
    expect(out).toMatch(/^VALID: /);
    expect(out).toContain('Module    demo-module 1.0.0, packaging database, IRIS 2026.1');
    expect(out).toMatch(/actual +[0-9a-f]{64} +MATCH/);
    expect(out).toContain('demo-dep: declared ^1.0.0, packaged 1.2.0 in deps/demo-dep.xml');
  });

  it('prints the report as JSON with --json', async () => {
    const { code, out } = await cli([
      EXAMPLE_PATH,
      '--json',
      '--iris-version',
      '2026.1',
      '--name',
      'demo-module',
      '--version',
      '1.0.0',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({
      schema: 'ipm-db/verify-report@1',
      valid: true,
      expected: { irisVersion: '2026.1', moduleName: 'demo-module', moduleVersion: '1.0.0' },
    });
  });

  it('exits 1 and lists each failing check for an invalid package', async () => {
    const { code, out } = await cli([mismatched, '--iris-version', '2025.1']);
    expect(code).toBe(1);
    expect(out).toMatch(/^INVALID: /);
    expect(out).toContain('[checksum-mismatch] IRIS.DAT:');
    expect(out).toContain('[iris-version-mismatch] module.xml:');
    const json = JSON.parse((await cli([mismatched, '--json'])).out);
    expect(json.valid).toBe(false);
    expect(json.errors.map((f: { code: string }) => f.code)).toEqual(['checksum-mismatch']);
  });

  it('exits 2 for usage errors', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['a.tgz', 'b.tgz'])).code).toBe(2);
    expect((await cli([EXAMPLE_PATH, '--bogus'])).code).toBe(2);
    const bad = await cli([EXAMPLE_PATH, '--iris-version', 'latest']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--iris-version "latest" is not an IRIS version');
  });

  it('exits 2 and names the file when it cannot be read (missing, a directory, a FIFO)', async () => {
    const missing = await cli([join(dir, 'nope.tgz')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`cannot read archive ${join(dir, 'nope.tgz')}: no such file`);
    expect((await cli([dir])).code).toBe(2);
    const fifo = join(dir, 'fifo.tgz');
    await run('mkfifo', [fifo]);
    const piped = await cli([fifo]);
    expect(piped.code).toBe(2);
    expect(piped.err).toContain('not a regular file');
  });

  it('works as a user runs it: the bundled CLI on the committed example', async () => {
    const { stdout } = await run(process.execPath, ['bin/ipm-db.js', 'verify', EXAMPLE_PATH, '--json']);
    expect(JSON.parse(stdout).valid).toBe(true);
    const failed = await run(process.execPath, ['bin/ipm-db.js', 'verify', mismatched]).catch(
      (e: { code: number }) => e,
    );
    expect((failed as { code: number }).code).toBe(1);
  });
});
