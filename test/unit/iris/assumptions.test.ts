// The start-of-run probe (src/iris/assumptions.ts) against the stand-in's session in-process: every
// assumption holds on the stand-in as built, and each STANDIN_FAULT_ASSUMPTION makes exactly the
// named one fail with "assumption <name> does not hold: expected ..., saw ...".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { probeAssumptions, type ProbeSession } from '../../../src/iris/assumptions.js';
import { Instance } from '../../standin/instance.js';
import { LineReader, Terminal } from '../../standin/io.js';
import { IpmShell } from '../../standin/ipm.js';
import { Session } from '../../standin/session.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'probe-unit-'));
  new Instance(baseEnv()).ensureCreated();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function baseEnv(): NodeJS.ProcessEnv {
  return { ISC_DATA_DIRECTORY: join(dir, 'iris'), STANDIN_READY_FILE: join(dir, 'ready') };
}

function standinExec(extraEnv: NodeJS.ProcessEnv = {}) {
  return async (namespace: string, script: string[]): Promise<ProbeSession> => {
    let stdout = '';
    const s = new Session(new Instance({ ...baseEnv(), ...extraEnv }), namespace, {
      term: new Terminal((t) => (stdout += t)),
      input: LineReader.fromText(script.map((l) => l + '\n').join('')),
    });
    s.ipm = new IpmShell(s);
    const exitCode = s.run();
    return { stdout, exitCode };
  };
}

describe('assumption probes', () => {
  it('all hold on the stand-in', async () => {
    const results = await probeAssumptions(standinExec(), 'USER');
    expect(results.map((r) => `${r.name}:${r.holds}`)).toEqual([
      'piped-session-output:true',
      'piped-session-no-echo:true',
      'direct-mode-error-format:true',
      'error-continues-session:true',
      'global-directory:true',
      'exit-status-halt:true',
      'exit-status-terminate:true',
    ]);
  });

  it.each([
    ['piped-session-no-echo', 'saw the input line'],
    ['direct-mode-error-format', 'saw no line of the form <NAME>'],
    ['global-directory', 'saw probe.global='],
    ['exit-status-terminate', 'saw exit status 0'],
  ])('stops with "assumption %s does not hold" when the stand-in breaks it', async (name, saw) => {
    const err = await probeAssumptions(standinExec({ STANDIN_FAULT_ASSUMPTION: name }), 'USER').catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'assumption-failed' });
    const message = (err as Error).message;
    expect(message).toMatch(new RegExp(`^assumption ${name} does not hold: expected .+, saw `));
    expect(message).toContain(saw);
    expect((err as { details?: string }).details).toContain('--- probe session (exit');
  });
});
