// Shared set-up of the fidelity tests (issue 11): pipeline options against the stand-in with a
// pinned IPM installer, run ids collected so each test can check nothing was left behind.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { verifyArchive } from '../../../src/archive/verify.js';
import { newRunId } from '../../../src/iris/container.js';
import { Docker } from '../../../src/iris/docker.js';
import type { PipelineOptions } from '../../../src/pipeline/context.js';
import type { RunReport } from '../../../src/pipeline/run-report.js';
import { silentLogger } from '../../../src/util/log.js';
import { requireDocker } from '../../support/docker.js';
import { writeIpmInstaller, type InstallerOptions } from '../../standin/ipm-installer.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/standin-modules');

export class FidelityHarness {
  host = '';
  image = '';
  docker!: Docker;
  work = '';
  private readonly runIds: string[] = [];

  async setUp(): Promise<void> {
    ({ dockerHost: this.host, standinImage: this.image } = requireDocker());
    this.docker = new Docker({ host: this.host });
    this.work = await mkdtemp(join(tmpdir(), 'ipm-db-fidelity-'));
  }

  async tearDown(): Promise<void> {
    await rm(this.work, { recursive: true, force: true });
  }

  installer(opts: InstallerOptions = { databasePackaging: true }): string {
    const file = join(this.work, `zpm-0.10.10-${opts.dependencyCode ? 'deps' : 'source'}.xml`);
    writeIpmInstaller(file, '0.10.10', opts);
    return file;
  }

  options(moduleDir: string, extra: Partial<PipelineOptions> = {}): PipelineOptions {
    const runId = newRunId();
    this.runIds.push(runId);
    return {
      image: this.image,
      moduleDir,
      outDir: join(this.work, `out-${runId}`),
      runId,
      installer: { kind: 'path', path: this.installer() },
      network: 'none',
      env: { STANDIN_START_DELAY_MS: '200' },
      docker: { host: this.host },
      logger: silentLogger,
      verifyArchive,
      timeouts: { readyMs: 30_000 },
      ...extra,
    };
  }

  /** Every container and volume of this harness's runs is gone. */
  async expectNothingLeft(): Promise<void> {
    for (const id of this.runIds.splice(0)) {
      const filter = `label=ipm-db.run=${id}`;
      const containers = await this.docker.check('x', 'ps', ['ps', '-aq', '--filter', filter]);
      expect(containers.stdout.trim(), `containers of run ${id} left behind`).toBe('');
    }
  }
}

export function stageLine(report: RunReport): string[] {
  return report.stages.map((s) => `${s.stage}:${s.status}`);
}

export function failure(report: RunReport) {
  return report.stages.find((s) => s.status === 'failed');
}
