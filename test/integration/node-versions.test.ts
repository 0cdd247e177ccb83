// What runs on users' machines, run here: the action's dist/ under Node 24 (action.yml runs.using:
// node24) and the ipm-db CLI under Node 20 (the oldest in package.json engines) and Node 24.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { sha256Hex, syntheticIrisDat } from '../../scripts/make-example-archive.js';
import type { VerificationReport } from '../../src/archive/report.js';
import { requireNode, type NodeMajor } from '../support/node-binaries.js';
import { FILE_NAME, ipmTar, packageEntries } from '../unit/archive/helpers.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'examples/synthetic/demo-module-1.0.0-database.tgz');

async function exitOf(p: Promise<{ stdout: string; stderr: string }>) {
  try {
    const { stdout, stderr } = await p;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('Node versions', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-node-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const majors: NodeMajor[] = [20, 24];
  for (const major of majors) {
    it(`the ipm-db CLI verifies the example archive under Node ${major}`, async () => {
      const node = requireNode(major);
      expect((await run(node, ['--version'])).stdout).toMatch(new RegExp(`^v${major}\\.`));
      const ok = await exitOf(run(node, [join(ROOT, 'bin/ipm-db.js'), 'verify', EXAMPLE, '--json']));
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout).valid).toBe(true);
      const missing = await exitOf(run(node, [join(ROOT, 'bin/ipm-db.js'), 'verify', join(dir, 'absent.tgz')]));
      expect(missing.code).toBe(2);
      expect(missing.stderr).not.toMatch(/\n\s+at /);
    });
  }

  for (const major of majors) {
    it(`the ipm-db CLI verifies a package over 32 MiB (hashed on the worker thread) under Node ${major}`, async () => {
      const node = requireNode(major);
      const dat = syntheticIrisDat(40 * 128);
      const tgz = gzipSync(
        await ipmTar(
          packageEntries({ override: [{ path: 'IRIS.DAT', data: dat }], module: { checksum: sha256Hex(dat) } }),
        ),
        { level: 1 },
      );
      // Incompressible bytes after the member make the archive itself large enough for the worker too.
      const big = Buffer.concat([tgz, randomBytes(33 * 1024 * 1024)]);
      const path = join(dir, FILE_NAME);
      await writeFile(path, big);
      const r = await exitOf(
        run(node, [join(ROOT, 'bin/ipm-db.js'), 'verify', path, '--json'], { maxBuffer: 1 << 26 }),
      );
      expect(r.code, r.stderr).toBe(1);
      const report = JSON.parse(r.stdout) as VerificationReport;
      expect(report.archive.sha256).toBe(sha256Hex(big));
      expect(report.irisDat).toEqual({ size: dat.length, sha256: sha256Hex(dat) });
      expect(report.errors.map((e) => e.code)).toEqual(['gzip-trailing-data']);
      await writeFile(path, tgz.subarray(0, tgz.length - 3));
      const cut = await exitOf(
        run(node, [join(ROOT, 'bin/ipm-db.js'), 'verify', path, '--json'], { maxBuffer: 1 << 26 }),
      );
      expect((JSON.parse(cut.stdout) as VerificationReport).errors.map((e) => e.code)).toEqual(['gzip-truncated']);
    }, 120_000);
  }

  it('the action (dist/index.js, dist/post.js) runs under Node 24 and fails cleanly on a bad input', async () => {
    const node = requireNode(24);
    const files = { out: join(dir, 'out'), state: join(dir, 'state'), summary: join(dir, 'summary') };
    for (const f of Object.values(files)) await writeFile(f, '');
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: files.out,
      GITHUB_STATE: files.state,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: dir,
      INPUT_PUBLISH: 'perhaps',
    };
    const main = await exitOf(run(node, [join(ROOT, 'dist/index.js')], { env, cwd: dir }));
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/^::error::.*publish/m);
    expect(main.stderr).not.toMatch(/\n\s+at /);
    const post = await exitOf(run(node, [join(ROOT, 'dist/post.js')], { env, cwd: dir }));
    expect(post.code, post.stdout + post.stderr).toBe(0);
    expect(await readFile(files.state, 'utf8')).toBe('');
  });
});
