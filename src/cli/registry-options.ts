// What publish, pull, inspect and tags share: the registry flags, a client built from a
// reference and the environment's credentials, and output helpers.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './command.js';
import { UsageError } from '../util/errors.js';
import { RegistryClient } from '../oci/client.js';
import { registryCredentialsFromEnv } from '../oci/credentials.js';
import { consoleLogger, type Logger } from '../util/log.js';
import { redact } from '../util/redact.js';

export const registryFlags = {
  'plain-http': { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
} as const;

export const REGISTRY_ENV_HELP = `Credentials (environment only):
  IPM_DB_REGISTRY_USERNAME   user name
  IPM_DB_REGISTRY_PASSWORD   password, or IPM_DB_REGISTRY_TOKEN for a token
  GITHUB_TOKEN, GITHUB_ACTOR used for ghcr.io when the above are not set
Without credentials the registry is used anonymously.`;

export function cliLogger(io: CliIo, verbose: boolean): Logger {
  const inner = consoleLogger({ verbose, stream: io.stderr });
  return {
    info: (m) => inner.info(redact(m)),
    warn: (m, w) => inner.warn(redact(m), w),
    error: (m, w) => inner.error(redact(m), w),
    debug: (m) => inner.debug(redact(m)),
    group: inner.group,
  };
}

export function registryClient(
  registry: string,
  io: CliIo,
  values: { 'plain-http'?: boolean; verbose?: boolean },
): RegistryClient {
  const credentials = registryCredentialsFromEnv(io.env, registry);
  return new RegistryClient({
    registry,
    plainHttp: values['plain-http'] === true,
    logger: cliLogger(io, values.verbose === true),
    ...(credentials ? { credentials } : {}),
  });
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(redact(JSON.stringify(value, null, 2)) + '\n');
}

/** node:util parseArgs, with its errors turned into usage errors. */
export function parseCommandArgs<T extends ParseArgsConfig['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options: options as NonNullable<T>, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
