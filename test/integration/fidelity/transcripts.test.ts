// Issue 11, item 9: a run records every IRIS session (input, redacted output, exit status) and every
// file sent in; the recording replays against the stand-in and each differing line is reported.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { TRANSCRIPT_FILE, type TranscriptEvent } from '../../../src/iris/transcript.js';
import { runPipeline } from '../../../src/pipeline/runner.js';
import { describeWithDocker } from '../../support/docker.js';
import { StandinContainer } from '../../standin/container.js';
import { readTranscript, replayTranscript } from '../../standin/replay.js';
import { FIXTURES, FidelityHarness, failure, stageLine } from './harness.js';

describeWithDocker('transcripts', () => {
  const h = new FidelityHarness();
  beforeAll(() => h.setUp());
  afterAll(() => h.tearDown());
  afterEach(() => h.expectNothingLeft());

  let dir = '';
  let events: TranscriptEvent[] = [];
  let sessions: Array<Extract<TranscriptEvent, { kind: 'session' }>> = [];

  it('records a run and replays it against the stand-in with no differing line', async () => {
    const options = h.options(join(FIXTURES, 'ext-app'), { recordTranscripts: true });
    const report = await runPipeline(options);
    expect(stageLine(report), JSON.stringify(failure(report))).toContain('install:passed');
    dir = join(options.outDir, 'transcripts', `ipm-db-${options.runId}`);
    events = readTranscript(dir);
    sessions = events.filter((e): e is Extract<TranscriptEvent, { kind: 'session' }> => e.kind === 'session');
    expect(sessions.length).toBeGreaterThanOrEqual(8);
    expect(sessions[0]!.input).toContain('probe.sum');
    expect(events.some((e) => e.kind === 'copyIn' && e.path.endsWith('.xml'))).toBe(true);

    const c = await StandinContainer.run(h.host, h.image, `ipm-db-replay-${options.runId}`);
    try {
      expect((await c.waitReady(30)).code).toBe(0);
      const clean = await replayTranscript(c, dir);
      expect(clean.sessions).toBe(sessions.length);
      expect(clean.differences).toEqual([]);
    } finally {
      await c.remove();
    }
  }, 240_000);

  it('reports the one line of a deliberately altered transcript', async () => {
    expect(sessions.length, 'the recording of the previous test').toBeGreaterThan(0);
    // Alter one output line of one recorded session: the replay names that session and line.
    const target = sessions.find((s) => s.stdout.includes('##IPMDB module='))!;
    const lines = target.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('##IPMDB module='));
    lines[at] = lines[at]!.replace('##IPMDB module=', '##IPMDB module=9.9.9-altered|');
    // Replayed up to that session only: nothing after it is needed to show the difference.
    const altered = events
      .filter((e) => e.seq <= target.seq)
      .map((e) => (e.seq === target.seq ? { ...target, stdout: lines.join('\n') } : e));
    await writeFile(join(dir, TRANSCRIPT_FILE), altered.map((e) => JSON.stringify(e)).join('\n') + '\n');
    expect(await readFile(join(dir, TRANSCRIPT_FILE), 'utf8')).toContain('altered');

    const again = await StandinContainer.run(h.host, h.image, `ipm-db-replay2-${target.seq}-${process.pid}`);
    try {
      expect((await again.waitReady(30)).code).toBe(0);
      const result = await replayTranscript(again, dir);
      expect(result.differences).toHaveLength(1);
      expect(result.differences[0]).toMatchObject({ seq: target.seq, line: at + 1 });
      expect(result.differences[0]!.recorded).toContain('9.9.9-altered');
    } finally {
      await again.remove();
    }
  }, 240_000);
});
