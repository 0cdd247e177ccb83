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

/**
 * A subcommand listed by name and summary, its module loaded only when it runs, so
 * `ipm-db verify` does not pay for loading the registry client or the pipeline.
 */
export interface LazyCliCommand {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

export type CliCommandListing = CliCommand | LazyCliCommand;

export async function loadCommand(listing: CliCommandListing): Promise<CliCommand> {
  return 'load' in listing ? listing.load() : listing;
}

/** Exit statuses shared by every subcommand. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
