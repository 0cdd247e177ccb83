import type { CliCommand } from '../command.js';
import { verifyCommand } from './verify.js';

/** Every ipm-db subcommand, in the order `ipm-db --help` lists them. */
export const commands: CliCommand[] = [verifyCommand];
