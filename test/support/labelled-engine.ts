// A docker CLI double for cleanup tests: named containers and volumes with run-label values,
// answering `ps`/`volume ls` with the label filter and format the driver uses, and `rm`/`volume rm`
// like the real CLI (non-zero exit and a daemon message on failure). Records every call.
import { Docker } from '../../src/iris/docker.js';
import type { CommandResult, CommandRunner } from '../../src/iris/process.js';

export function labelledEngine(
  containers: Record<string, string>,
  volumes: Record<string, string>,
  failRm: string[] = [],
): { docker: Docker; calls: string[][]; containers: Record<string, string>; volumes: Record<string, string> } {
  const calls: string[][] = [];
  const ok = (stdout = ''): CommandResult => ({ exitCode: 0, stdout, stderr: '', timedOut: false, durationMs: 1 });
  const fail = (stderr: string): CommandResult => ({ exitCode: 1, stdout: '', stderr, timedOut: false, durationMs: 1 });
  const listing = (items: Record<string, string>, args: string[]) => {
    // `--filter label=<key>` keeps only labelled items; the format prints "<name>\t<label value>".
    const labelled = args.includes('label=ipm-db.run');
    return ok(
      Object.entries(items)
        .filter(([, label]) => !labelled || label !== '')
        .map(([name, label]) => `${name}\t${label}\n`)
        .join(''),
    );
  };
  const runner: CommandRunner = {
    async run(_command, args) {
      calls.push(args);
      if (args[0] === 'ps') return listing(containers, args);
      if (args[0] === 'volume' && args[1] === 'ls') return listing(volumes, args);
      const name = args[args.length - 1]!;
      if (failRm.includes(name)) return fail(`Error response from daemon: ${name} is busy\n`);
      if (args[0] === 'rm') {
        if (!(name in containers)) return fail(`Error: No such container: ${name}\n`);
        delete containers[name];
      } else if (args[0] === 'volume' && args[1] === 'rm') {
        if (!(name in volumes)) return fail(`Error: No such volume: ${name}\n`);
        delete volumes[name];
      }
      return ok();
    },
  };
  return { docker: new Docker({ runner }), calls, containers, volumes };
}
