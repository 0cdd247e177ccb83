/**
 * Records every IRIS session of a run (its input and its redacted output) and every file sent into
 * the container, in order, into `<dir>/transcript.jsonl` (files under `<dir>/files/`), so the run
 * can be replayed against the stand-in (`npm run standin:replay <dir>`) and each line where the
 * stand-in prints something else than the recorded IRIS is reported. Secrets never enter it: they
 * travel as `docker exec -e` variables (only their names are recorded) and the output is redacted.
 */
import { appendFile, cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { redact } from '../util/redact.js';
import type { IrisContainer } from './container.js';

export const TRANSCRIPT_FILE = 'transcript.jsonl';

export type TranscriptEvent =
  | {
      seq: number;
      kind: 'session';
      args: string[];
      input: string;
      stdout: string;
      exitCode: number;
      secretNames: string[];
    }
  | { seq: number; kind: 'mkdir'; path: string }
  | { seq: number; kind: 'copyIn'; path: string; file: string };

/** Wraps a container's exec, mkdir and copyIn so each call is appended to the transcript in `dir`. */
export function recordTranscript(container: IrisContainer, dir: string): IrisContainer {
  let seq = 0;
  let chain: Promise<void> = mkdir(join(dir, 'files'), { recursive: true }).then(() => undefined);
  const append = (event: TranscriptEvent): Promise<void> => {
    chain = chain.then(() => appendFile(join(dir, TRANSCRIPT_FILE), JSON.stringify(event) + '\n'));
    return chain;
  };
  const exec = container.exec.bind(container);
  const mkdirIn = container.mkdir.bind(container);
  const copyIn = container.copyIn.bind(container);
  container.exec = async (command, options = {}) => {
    const result = await exec(command, options);
    if (command[0] === 'iris' && command[1] === 'session')
      await append({
        seq: ++seq,
        kind: 'session',
        args: command,
        input: redact(options.input ?? ''),
        stdout: redact(result.stdout),
        exitCode: result.exitCode,
        secretNames: Object.keys(options.secretEnv ?? {}),
      });
    return result;
  };
  container.mkdir = async (path) => {
    await mkdirIn(path);
    await append({ seq: ++seq, kind: 'mkdir', path });
  };
  container.copyIn = async (hostPath, containerPath, timeoutMs) => {
    await copyIn(hostPath, containerPath, timeoutMs);
    const n = ++seq;
    const file = join('files', String(n).padStart(4, '0'));
    await chain;
    await cp(hostPath, join(dir, file), { recursive: true });
    await append({ seq: n, kind: 'copyIn', path: containerPath, file });
  };
  return container;
}
