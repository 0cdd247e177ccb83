// Replays a recorded transcript (src/iris/transcript.ts) against a fresh stand-in container: the
// same directories and files in the same order, the same session input, and reports every output
// line where the stand-in prints something else than the recorded IRIS did. Values that differ on
// every run (host name, checksums, timestamps, random directory names) are masked on both sides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TranscriptEvent } from '../../src/iris/transcript.js';
import { TRANSCRIPT_FILE } from '../../src/iris/transcript.js';
import { StandinContainer, execWithInput } from './container.js';

export interface LineDifference {
  seq: number;
  /** 1-based line of the session output. */
  line: number;
  recorded: string;
  standin: string;
}

export function readTranscript(dir: string): TranscriptEvent[] {
  return readFileSync(join(dir, TRANSCRIPT_FILE), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as TranscriptEvent);
}

/** Masks what legitimately differs between two runs of the same session. */
export function normaliseLine(line: string): string {
  return line
    .replace(/\r$/, '')
    .replace(/^Node: [^,]*,/, 'Node: <host>,')
    .replace(/\b[0-9a-f]{64}\b/gi, '<sha256>')
    .replace(/(?<!\d)\d{14}(?!\d)/g, '<timestamp>')
    .replace(/\d{1,2}\/\d{1,2}\/\d{4},? \d{1,2}:\d{2}:\d{2}( [AP]M)?/g, '<date>')
    .replace(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g, '<date>')
    .replace(/\b(dbpkg|tags|ipm-db-standin-out)-[0-9a-f]{8,}/g, '$1-<random>')
    .replace(/ in \d+(\.\d+)?s\b/g, ' in <duration>');
}

/** Every line whose normalised form differs (pure). */
export function compareOutput(seq: number, recorded: string, standin: string): LineDifference[] {
  const a = recorded.split('\n');
  const b = standin.split('\n');
  const out: LineDifference[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const r = a[i] ?? '';
    const s = b[i] ?? '';
    if (normaliseLine(r) !== normaliseLine(s)) out.push({ seq, line: i + 1, recorded: r, standin: s });
  }
  return out;
}

export interface ReplayResult {
  sessions: number;
  differences: LineDifference[];
}

/** Replays the events of `dir` into `container` (started and ready); returns the differing lines. */
export async function replayTranscript(container: StandinContainer, dir: string): Promise<ReplayResult> {
  const differences: LineDifference[] = [];
  let sessions = 0;
  for (const event of readTranscript(dir)) {
    if (event.kind === 'mkdir') {
      await container.makeDir(event.path);
    } else if (event.kind === 'copyIn') {
      await container.copyIn(join(dir, event.file), event.path);
    } else {
      sessions++;
      const r = await execWithInput(container.dockerHost, ['exec', '-i', container.name, ...event.args], event.input);
      differences.push(...compareOutput(event.seq, event.stdout, r.stdout));
      if (r.code !== event.exitCode)
        differences.push({ seq: event.seq, line: 0, recorded: `exit ${event.exitCode}`, standin: `exit ${r.code}` });
    }
  }
  return { sessions, differences };
}

export function formatDifference(d: LineDifference): string {
  const where = d.line === 0 ? 'exit status' : `line ${d.line}`;
  return `session ${d.seq}, ${where}:\n  recorded: ${JSON.stringify(d.recorded)}\n  stand-in: ${JSON.stringify(d.standin)}`;
}
