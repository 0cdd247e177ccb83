import type { Writable } from 'node:stream';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** One `ipm-db <name>` subcommand. `run` returns the process exit status. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Exit statuses shared by every subcommand. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
