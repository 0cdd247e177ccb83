import { IpmDbError, UsageError, describeError } from '../util/errors.js';
import { redact } from '../util/redact.js';
import { commandSafeStream } from '../util/untrusted.js';
import { EXIT, loadCommand, type CliCommandListing, type CliIo } from './command.js';
import { commands } from './commands/index.js';
import { withCliRegistryHint } from './registry-hints.js';

function overview(list: CliCommandListing[]): string {
  const width = Math.max(...list.map((c) => c.name.length));
  return [
    'ipm-db: build, verify, test and publish InterSystems IPM database packages',
    '',
    'Usage: ipm-db <command> [options]',
    '',
    'Commands:',
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "ipm-db <command> --help" for a command\'s options.',
  ].join('\n');
}

export async function main(argv: string[], given: CliIo, list: CliCommandListing[] = commands): Promise<number> {
  // In a workflow step, nothing the CLI reports on stderr (IRIS output, registry answers, names
  // from archives) may be read as a workflow command. stdout stays as it is: it is often a file.
  const io = given.env.GITHUB_ACTIONS === 'true' ? { ...given, stderr: commandSafeStream(given.stderr) } : given;
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview(list) + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  const listing = list.find((c) => c.name === name);
  if (!listing) {
    io.stderr.write(`ipm-db: unknown command "${name}"\n\n${overview(list)}\n`);
    return EXIT.usage;
  }
  const command = await loadCommand(listing);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.trimEnd() + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    io.stderr.write(`ipm-db ${name}: ${redact(describeError(withCliRegistryHint(err)))}\n`);
    if (err instanceof UsageError) {
      io.stderr.write(`\n${command.usage.trimEnd()}\n`);
      return EXIT.usage;
    }
    if (!(err instanceof IpmDbError) && err instanceof Error && err.stack && io.env.IPM_DB_DEBUG) {
      io.stderr.write(redact(err.stack) + '\n');
    }
    return EXIT.failed;
  }
}
