import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectRunFiles } from '../../../src/action/artifacts.js';
import { run } from './fixtures.js';

describe('collectRunFiles', () => {
  it('uploads recorded session transcripts with a green run, and no other log', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipm-db-transcripts-'));
    try {
      const transcript = join(dir, 'transcripts', 'ipm-db-1', 'session-1.txt');
      await mkdir(join(dir, 'transcripts', 'ipm-db-1'), { recursive: true });
      await writeFile(transcript, '>>> halt\n');
      await writeFile(join(dir, 'ipm-db-report.json'), '[]');
      await writeFile(join(dir, 'container.log'), 'log\n');
      const files = await collectRunFiles(run({ ok: true, archive: null, junitPath: null }), dir, []);
      expect(files).toContain(transcript);
      expect(files).toContain(join(dir, 'ipm-db-report.json'));
      expect(files).not.toContain(join(dir, 'container.log'));
      const without = await collectRunFiles(run({ ok: true, archive: null, junitPath: null }), join(dir, 'none'), []);
      expect(without.some((f) => f.includes('transcripts'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
