// A community licence that does not let IRIS start: STANDIN_LICENCE=expired or core-limit makes
// the entrypoint log what IRIS logs at startup and stop, as a container of an expired community
// release (or on a machine with too many cores) does. The lines are contract section 10's, as IRIS
// prints them; IPM's CI (.github/workflows/images.yml) skips the expired tags for this reason.
import type { Instance } from './instance.js';

const INVALID = 'Error: Invalid Community Edition license, may have exceeded core limit. - Shutting down the system';

export function licenceAbortLines(env: NodeJS.ProcessEnv): string[] | null {
  switch (env.STANDIN_LICENCE) {
    case 'expired':
      return ['Community License expired.', INVALID, '** Startup aborted **'];
    case 'core-limit':
      return [INVALID, '** Startup aborted **'];
    default:
      return null;
  }
}

/** Logs the licence failure (messages.log and the container log) and ends the process; false when the licence is fine. */
export function abortForLicence(inst: Instance): boolean {
  const lines = licenceAbortLines(inst.env);
  if (!lines) return false;
  for (const line of lines) {
    inst.log(line);
    process.stdout.write(`${line}\n`);
  }
  process.exitCode = 1;
  return true;
}
