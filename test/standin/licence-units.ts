// Licence units of IRIS Community Edition: 5. A session beyond them is refused at login with
// <LICENSE LIMIT EXCEEDED> (https://community.intersystems.com/post/check-amount-connections-left-community-edition).
// The stand-in counts its open `iris session` processes per running instance with one slot file
// each (created exclusively, so concurrent logins cannot both take the last one); a slot whose
// process is gone (killed) is free again.
import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LICENCE_UNITS = 5;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes a licence unit for this process; returns its release, or null when all are in use. */
export function claimLicenceUnit(dir: string, units = LICENCE_UNITS): (() => void) | null {
  mkdirSync(dir, { recursive: true });
  for (let slot = 1; slot <= units; slot++) {
    const file = join(dir, `unit-${slot}`);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return () => rmSync(file, { force: true });
      } catch {
        const holder = Number(readFileSync(file, { encoding: 'utf8', flag: 'r' }).trim() || '0');
        if (holder > 0 && alive(holder)) break;
        rmSync(file, { force: true });
      }
    }
  }
  return null;
}
