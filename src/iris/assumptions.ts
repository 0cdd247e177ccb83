/**
 * The IRIS behaviours the driver relies on but nobody here has seen on a running IRIS, probed at
 * the start of each run (two sessions of a few lines) so a first run on real IRIS stops with
 * `assumption <name> does not hold: expected ..., saw ...` and the raw output instead of failing
 * later with a confusing error. Pure: scripts to send and a judge of what came back. The names are
 * the ones listed in docs/iris-surface.md ("Assumptions").
 */
import { IpmDbError } from '../util/errors.js';
import { parseSessionOutput } from './output.js';

export interface ProbeResult {
  name: string;
  holds: boolean;
  expected: string;
  saw: string;
}

/** What one probe session printed and how it ended. */
export interface ProbeSession {
  stdout: string;
  exitCode: number;
}

const PROBE_GLOBAL = '^IPMDBProbe';

/** First session: output after the prompt, no echo, a direct-mode error that does not end the session, $order(^$GLOBAL), halt. */
export const MAIN_PROBE_SCRIPT = [
  'write "##IPMDB probe.sum=",1+1,!',
  'set x=1/0',
  'write "##IPMDB probe.after-error=1",!',
  `set ${PROBE_GLOBAL}=1 write "##IPMDB probe.global=",$order(^$GLOBAL("^IPMDBProbd")),! kill ${PROBE_GLOBAL}`,
  'halt',
];

/** Second session: Terminate($job,1) ends it with exit status 1 and nothing after it runs. */
export const TERMINATE_PROBE_SCRIPT = [
  'do $system.Process.Terminate($job,1)',
  'write "##IPMDB probe.after-terminate=1",!',
];

function probe(name: string, holds: boolean, expected: string, saw: string): ProbeResult {
  return { name, holds, expected, saw };
}

/** Judges both probe sessions (pure); every assumption gets a result, holding or not. */
export function judgeProbes(main: ProbeSession, terminate: ProbeSession): ProbeResult[] {
  const out = parseSessionOutput(main.stdout);
  const sum = out.values.get('probe.sum');
  const echoed = main.stdout.includes('"##IPMDB probe.sum="');
  const global = out.values.get('probe.global');
  const after = parseSessionOutput(terminate.stdout).values.get('probe.after-terminate');
  return [
    probe(
      'piped-session-output',
      sum === '2',
      'a "##IPMDB probe.sum=2" line (after the namespace prompt) for `write "##IPMDB probe.sum=",1+1,!`',
      sum === undefined ? 'no such line' : `probe.sum=${sum}`,
    ),
    probe(
      'piped-session-no-echo',
      !echoed,
      'the script lines are not echoed back',
      echoed ? 'the input line `write "##IPMDB probe.sum=",...` in the output' : 'no echo',
    ),
    probe(
      'direct-mode-error-format',
      out.objectScriptErrors.some((e) => e.startsWith('<DIVIDE>')),
      'a line starting "<DIVIDE>" for `set x=1/0`',
      out.objectScriptErrors.length > 0 ? out.objectScriptErrors.join(' / ') : 'no line of the form <NAME> ...',
    ),
    probe(
      'error-continues-session',
      out.values.get('probe.after-error') === '1',
      'the line after a direct-mode error still runs',
      out.values.get('probe.after-error') === '1' ? 'it ran' : 'it did not run',
    ),
    probe(
      'global-directory',
      global === PROBE_GLOBAL || global === PROBE_GLOBAL.slice(1),
      `$order(^$GLOBAL("^IPMDBProbd")) returning "${PROBE_GLOBAL}" (with or without ^) once it is set`,
      global === undefined ? 'no probe.global line' : `probe.global=${global}`,
    ),
    probe('exit-status-halt', main.exitCode === 0, 'exit status 0 after halt', `exit status ${main.exitCode}`),
    probe(
      'exit-status-terminate',
      terminate.exitCode === 1 && after === undefined,
      'exit status 1 after $system.Process.Terminate($job,1), and nothing after it runs',
      `exit status ${terminate.exitCode}${after === undefined ? '' : ', and the next line ran'}`,
    ),
  ];
}

/** The error for the first assumption that does not hold, with the raw output; null when all hold. */
export function assumptionError(
  results: ProbeResult[],
  main: ProbeSession,
  terminate: ProbeSession,
): IpmDbError | null {
  const broken = results.find((r) => !r.holds);
  if (!broken) return null;
  return new IpmDbError(
    'assumption-failed',
    `assumption ${broken.name} does not hold: expected ${broken.expected}, saw ${broken.saw}`,
    {
      hint: 'This IRIS behaves differently from what the driver was built against (docs/iris-surface.md, "Assumptions"). Report it with the output below.',
      details: [
        `--- probe session (exit ${main.exitCode}) ---`,
        main.stdout,
        `--- terminate probe (exit ${terminate.exitCode}) ---`,
        terminate.stdout,
      ].join('\n'),
    },
  );
}

/** Runs both probe sessions in `namespace` of a running container and judges them; throws on the first broken assumption. */
export async function probeAssumptions(
  exec: (namespace: string, script: string[]) => Promise<ProbeSession>,
  namespace: string,
): Promise<ProbeResult[]> {
  const main = await exec(namespace, MAIN_PROBE_SCRIPT);
  const terminate = await exec(namespace, TERMINATE_PROBE_SCRIPT);
  // Killed or crashed (not 0/1): the session died, which says nothing about the assumptions.
  for (const [what, s] of [
    ['probe session', main],
    ['terminate probe', terminate],
  ] as const)
    if (s.exitCode !== 0 && s.exitCode !== 1)
      throw new IpmDbError(
        'session-ended-early',
        `The IRIS ${what} in ${namespace} ended before the end of its script (exit ${s.exitCode}).`,
        { hint: 'IRIS stopped or the session was cut off; read the IRIS output below.', details: s.stdout },
      );
  const results = judgeProbes(main, terminate);
  const error = assumptionError(results, main, terminate);
  if (error) throw Object.assign(error, { probes: results });
  return results;
}
