import { verifyArchive } from '../../archive/verify.js';
import type { CliCommand } from '../command.js';
import { inspectCommand } from './inspect.js';
import { irisVersionsCommand } from './iris-versions.js';
import { legsCommand } from './legs.js';
import { publishCommand } from './publish.js';
import { pullCommand } from './pull.js';
import { runCommand } from './run.js';
import { tagsCommand } from './tags.js';
import { verifyCommand } from './verify.js';

/** Every ipm-db subcommand, in the order `ipm-db --help` lists them. */
export const commands: CliCommand[] = [
  runCommand,
  verifyCommand,
  publishCommand(verifyArchive),
  pullCommand(verifyArchive),
  inspectCommand,
  tagsCommand,
  irisVersionsCommand,
  legsCommand,
];
