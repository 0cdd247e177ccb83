// What publish, pull, inspect, tags and run share: the registry flags, the registry access
// object built from the command line and the environment's credentials, and output helpers.
// The hints for registry errors in this command line's words are in ./registry-hints.ts.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './command.js';
import { UsageError } from '../util/errors.js';
import {
  credentialsOnlyFor,
  firstCredentials,
  registryAccess,
  type RegistryAccess,
  type RegistryCredentials,
} from '../oci/access.js';
import { RegistryClient } from '../oci/client.js';
import { dockerConfigCredentials } from '../oci/docker-config.js';
import { consoleLogger, type Logger } from '../util/log.js';
import { redact } from '../util/redact.js';
import { CREDENTIAL_ENV } from './registry-hints.js';

export const registryFlags = {
  'plain-http': { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
} as const;

export const REGISTRY_ENV_HELP = `Credentials (environment only):
  IPM_DB_REGISTRY_USERNAME   user name
  IPM_DB_REGISTRY_PASSWORD   password, or IPM_DB_REGISTRY_TOKEN for a token
  GITHUB_TOKEN, GITHUB_ACTOR used for ghcr.io when the above are not set
They are sent only to the registry the command names. Without them, an "auths" entry of
Docker's config.json ($DOCKER_CONFIG/config.json, from docker login) is used; otherwise the
registry is used anonymously.`;

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

/**
 * IPM_DB_REGISTRY_USERNAME with IPM_DB_REGISTRY_PASSWORD or IPM_DB_REGISTRY_TOKEN; for ghcr.io,
 * GITHUB_TOKEN with GITHUB_ACTOR as a fallback. Undefined means none in the environment.
 */
export function registryCredentialsFromEnv(env: NodeJS.ProcessEnv, registry: string): RegistryCredentials | undefined {
  const secret = env[CREDENTIAL_ENV.password] || env[CREDENTIAL_ENV.token];
  if (secret) return { username: env[CREDENTIAL_ENV.username] || env.GITHUB_ACTOR || 'ipm-db', password: secret };
  if (registry.toLowerCase() === 'ghcr.io' && env.GITHUB_TOKEN)
    return { username: env.GITHUB_ACTOR || 'github-actions', password: env.GITHUB_TOKEN };
  return undefined;
}

/**
 * The command's registry: the environment's credentials go to `host` only (the registry the
 * command was given: --registry, or the reference's registry); any host, this one included
 * when the environment has nothing, may use Docker's config.json (docker login).
 */
export function cliRegistryAccess(
  io: CliIo,
  host: string,
  opts: { plainHttp: boolean; namespace?: string },
): RegistryAccess {
  return registryAccess({
    host,
    plainHttp: opts.plainHttp,
    ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
    credentialsFor: firstCredentials(
      credentialsOnlyFor(host, registryCredentialsFromEnv(io.env, host)),
      dockerConfigCredentials(io.env),
    ),
  });
}

export function registryClient(
  registry: string,
  io: CliIo,
  values: { 'plain-http'?: boolean; verbose?: boolean },
): RegistryClient {
  return new RegistryClient(cliRegistryAccess(io, registry, { plainHttp: values['plain-http'] === true }), {
    logger: cliLogger(io, values.verbose === true),
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
