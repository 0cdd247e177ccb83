import { open, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../../src/archive/report.js';
import type { IpmOperations, PackagedArchive } from '../../../src/ipm/operations.js';
import type { Docker } from '../../../src/iris/docker.js';
import type { Stage } from '../../../src/pipeline/context.js';
import { runPipeline } from '../../../src/pipeline/runner.js';
import { packageStage, verifyStage } from '../../../src/pipeline/stages.js';
import { silentLogger } from '../../../src/util/log.js';

const GiB = 1024 ** 3;
let dir: string;
let archivePath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-package-stage-'));
  archivePath = join(dir, 'big-module-1.0.0-database.tgz');
  // Sparse: 3 GiB long, next to nothing on disk. readFile refuses anything over 2 GiB.
  const handle = await open(archivePath, 'w');
  await handle.truncate(3 * GiB);
  await handle.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const packaged = (): PackagedArchive => ({
  hostPath: archivePath,
  containerPath: '/tmp/out/big-module-1.0.0-database.tgz',
  fileName: 'big-module-1.0.0-database.tgz',
  checksum: 'ab'.repeat(32),
  output: '',
});

/** Stands in for start, ipm and load: what the package stage needs from them. */
const prepared: Stage = {
  name: 'start',
  async run(ctx) {
    ctx.module = { name: 'big-module', version: '1.0.0' };
    ctx.packagingNamespace = 'PKG';
    ctx.ops = { packageDatabase: async () => packaged() } as unknown as IpmOperations;
    ctx.docker = { removeContainer: async () => undefined } as unknown as Docker;
    return 'prepared';
  },
};

describe('package stage', () => {
  it('measures an archive over 2 GiB without reading it, and takes its sha256 from the verifier', async () => {
    const verified: string[] = [];
    const report = await runPipeline({
      image: 'iris:2026.1',
      moduleDir: dir,
      outDir: dir,
      logger: silentLogger,
      runId: 'pkg1',
      stages: [prepared, packageStage, verifyStage],
      verifyArchive: async (path) => {
        verified.push(path);
        return {
          valid: true,
          archive: { sha256: 'cd'.repeat(32), size: 3 * GiB },
          irisDat: { size: 8192, sha256: 'ab'.repeat(32) },
          errors: [],
          warnings: [],
        } as unknown as VerificationReport;
      },
    });
    expect(report.stages.map((s) => `${s.stage}:${s.status}`)).toEqual([
      'start:passed',
      'package:passed',
      'verify:passed',
    ]);
    expect(report.stages[1]!.message).toContain(`(${3 * GiB} bytes`);
    // The verifier read the file once; its digest is the one reported.
    expect(verified).toEqual([archivePath]);
    expect(report.archive).toMatchObject({ size: 3 * GiB, sha256: 'cd'.repeat(32), irisDatSha256: 'ab'.repeat(32) });
  });
});
