import { appendFile } from 'node:fs/promises';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './command.js';

/** Appends `name=value` lines (values on one line) to the file GitHub Actions names in GITHUB_OUTPUT. */
export async function appendGithubOutput(io: CliIo, lines: string): Promise<void> {
  if (!io.env.GITHUB_OUTPUT) throw new UsageError('--github-output needs the GITHUB_OUTPUT environment variable');
  await appendFile(io.env.GITHUB_OUTPUT, lines);
}
