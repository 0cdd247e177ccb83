/**
 * Whether IRIS can write where the driver asks it to (pure: the line to send, the answer to read).
 * IRIS runs as its own user (irisowner, uid 51773, in the official images; whatever `docker exec`
 * runs as in others) while `docker cp` makes root the owner of what it copies: the driver checks
 * from inside IRIS instead of assuming either side is root.
 */
import { IpmDbError } from '../util/errors.js';
import { parseSessionOutput } from '../iris/output.js';
import { quote } from '../iris/objectscript.js';
import { validate } from '../iris/validate.js';

const PROBE = '.ipm-db-write-check';

/** `##IPMDB writable=<dir>|<1/0>`: 1 when IRIS could create (and then removed) a subdirectory of `dir`. */
export function writableLine(dir: string): string {
  const q = quote(validate('container path', dir));
  const probe = quote(`${dir}/${PROBE}`);
  return (
    `set ok=##class(%Library.File).CreateDirectory(${probe}) ` +
    `if ok { set ok=##class(%Library.File).RemoveDirectory(${probe}) } ` +
    `write "##IPMDB writable=",${q},"|",ok,!`
  );
}

export function parseWritable(output: string): Array<{ dir: string; writable: boolean }> {
  return parseSessionOutput(output)
    .results.filter((r) => r.key === 'writable')
    .map((r) => {
      const bar = r.value.lastIndexOf('|');
      return { dir: r.value.slice(0, bar), writable: r.value.slice(bar + 1) === '1' };
    });
}

export function notWritableError(dirs: string[], output: string): IpmDbError {
  return new IpmDbError(
    'iris-cannot-write',
    `IRIS cannot write into ${dirs.join(', ')} in the container: the user IRIS runs as may not create files there.`,
    {
      hint:
        'docker cp makes root the owner of what it copies and keeps the host modes; IRIS runs as its own user ' +
        '(irisowner, uid 51773, in the official images). Check the image user and the modes of the copied directories.',
      details: output,
    },
  );
}
