// Replays a transcript recorded by `ipm-db run --record-transcripts` (or the action's
// record-transcripts input) against the IRIS stand-in and prints every output line where the
// stand-in differs from the recorded IRIS. Usage: npm run standin:replay <transcript dir>
// (the directory holding transcript.jsonl). Exit status 1 when any line differs.
import { resolve } from 'node:path';
import { startDockerEngine } from '../test/support/docker-engine.js';
import { buildStandinImage } from '../test/standin/image.js';
import { StandinContainer } from '../test/standin/container.js';
import { formatDifference, replayTranscript } from '../test/standin/replay.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run standin:replay <transcript dir holding transcript.jsonl>');
  process.exit(2);
}
const engine = await startDockerEngine();
if (!engine.host) {
  console.error(`no Docker engine: ${engine.unavailableReason}`);
  process.exit(2);
}
try {
  const image = await buildStandinImage(engine.host);
  const c = await StandinContainer.run(engine.host, image.tag, `ipm-db-replay-${process.pid}`);
  try {
    if ((await c.waitReady(60)).code !== 0) throw new Error('the stand-in did not become ready');
    const result = await replayTranscript(c, resolve(dir));
    for (const d of result.differences) console.log(formatDifference(d));
    console.log(`${result.sessions} session(s) replayed, ${result.differences.length} differing line(s)`);
    process.exitCode = result.differences.length > 0 ? 1 : 0;
  } finally {
    await c.remove();
  }
} finally {
  await engine.stop();
}
