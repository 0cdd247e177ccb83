import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  RegistryClient,
  consoleLogger,
  credentialsOnlyFor,
  dockerConfigCredentials,
  firstCredentials,
  registryAccess
} from "./chunk-LKEILS26.js";
import {
  CREDENTIAL_ENV
} from "./chunk-PEV5P7AJ.js";
import {
  redact
} from "./chunk-TIJDGYO2.js";
import {
  UsageError
} from "./chunk-7JDKL6H4.js";

// src/cli/registry-options.ts
import { parseArgs } from "node:util";
var registryFlags = {
  "plain-http": { type: "boolean" },
  json: { type: "boolean" },
  verbose: { type: "boolean", short: "v" }
};
var REGISTRY_ENV_HELP = `Credentials (environment only):
  IPM_DB_REGISTRY_USERNAME   user name
  IPM_DB_REGISTRY_PASSWORD   password, or IPM_DB_REGISTRY_TOKEN for a token
  GITHUB_TOKEN, GITHUB_ACTOR used for ghcr.io when the above are not set
They are sent only to the registry the command names. Without them, an "auths" entry of
Docker's config.json ($DOCKER_CONFIG/config.json, from docker login) is used; otherwise the
registry is used anonymously.`;
function cliLogger(io, verbose) {
  const inner = consoleLogger({ verbose, stream: io.stderr });
  return {
    info: (m) => inner.info(redact(m)),
    warn: (m, w) => inner.warn(redact(m), w),
    error: (m, w) => inner.error(redact(m), w),
    debug: (m) => inner.debug(redact(m)),
    group: inner.group
  };
}
function registryCredentialsFromEnv(env, registry) {
  const secret = env[CREDENTIAL_ENV.password] || env[CREDENTIAL_ENV.token];
  if (secret) return { username: env[CREDENTIAL_ENV.username] || env.GITHUB_ACTOR || "ipm-db", password: secret };
  if (registry.toLowerCase() === "ghcr.io" && env.GITHUB_TOKEN)
    return { username: env.GITHUB_ACTOR || "github-actions", password: env.GITHUB_TOKEN };
  return void 0;
}
function cliRegistryAccess(io, host, opts) {
  return registryAccess({
    host,
    plainHttp: opts.plainHttp,
    ...opts.namespace !== void 0 ? { namespace: opts.namespace } : {},
    credentialsFor: firstCredentials(
      credentialsOnlyFor(host, registryCredentialsFromEnv(io.env, host)),
      dockerConfigCredentials(io.env)
    )
  });
}
function registryClient(registry, io, values) {
  return new RegistryClient(cliRegistryAccess(io, registry, { plainHttp: values["plain-http"] === true }), {
    logger: cliLogger(io, values.verbose === true)
  });
}
function printJson(io, value) {
  io.stdout.write(redact(JSON.stringify(value, null, 2)) + "\n");
}
function parseCommandArgs(argv, options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export {
  registryFlags,
  REGISTRY_ENV_HELP,
  cliLogger,
  cliRegistryAccess,
  registryClient,
  printJson,
  parseCommandArgs
};
