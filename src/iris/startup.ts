/**
 * Why an IRIS container stopped during startup, read from its log (pure). The community
 * licence messages are the ones IRIS prints (contract section 10): an expired licence and a
 * machine with more cores than the community licence allows end startup the same way, the
 * expired one with an extra first line.
 */
import { IpmDbError } from '../util/errors.js';

export const LICENCE_EXPIRED = 'iris-licence-expired';
export const LICENCE_CORE_LIMIT = 'iris-licence-core-limit';

const EXPIRED_LINE = /Community License expired/i;
const INVALID_LINE = /Invalid Community Edition license, may have exceeded core limit/i;

/** The licence error for a startup log, or null when the log does not show one. */
export function licenceFailure(image: string, log: string, details: string): IpmDbError | null {
  if (EXPIRED_LINE.test(log))
    return new IpmDbError(
      LICENCE_EXPIRED,
      `The community licence of ${image} has expired: IRIS stopped during startup ("Community License expired.").`,
      {
        hint: 'Community images carry a time-limited licence: run on a newer community release, or on a licensed image. The reusable workflow with iris-versions auto skips such a version.',
        details,
      },
    );
  if (INVALID_LINE.test(log))
    return new IpmDbError(
      LICENCE_CORE_LIMIT,
      `IRIS in ${image} refused its community licence during startup ("Invalid Community Edition license, may have exceeded core limit"): the container sees more CPU cores than the community licence allows.`,
      {
        hint: 'Run on a runner with fewer cores, or give the container fewer CPUs (docker run --cpuset-cpus through docker-arg / extra docker arguments), or use a licensed image.',
        details,
      },
    );
  return null;
}
