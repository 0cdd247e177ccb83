import type { CliCommand } from '../command.js';
import { irisVersionsCommand } from './iris-versions.js';
import { legsCommand } from './legs.js';

/** Every ipm-db subcommand, in the order `ipm-db --help` lists them. */
export const commands: CliCommand[] = [irisVersionsCommand, legsCommand];
