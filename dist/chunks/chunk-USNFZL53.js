import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  RegistryClient,
  consoleLogger
} from "./chunk-NC66LQRX.js";
import {
  redact,
  registerSecret
} from "./chunk-TIJDGYO2.js";
import {
  UsageError
} from "./chunk-7JDKL6H4.js";

// src/oci/credentials.ts
var CREDENTIAL_ENV = {
  username: "IPM_DB_REGISTRY_USERNAME",
  password: "IPM_DB_REGISTRY_PASSWORD",
  token: "IPM_DB_REGISTRY_TOKEN"
};
function registryCredentialsFromEnv(env, registry) {
  const secret = env[CREDENTIAL_ENV.password] || env[CREDENTIAL_ENV.token];
  let creds;
  if (secret) {
    creds = { username: env[CREDENTIAL_ENV.username] || env.GITHUB_ACTOR || "ipm-db", password: secret };
  } else if (registry.toLowerCase() === "ghcr.io" && env.GITHUB_TOKEN) {
    creds = { username: env.GITHUB_ACTOR || "github-actions", password: env.GITHUB_TOKEN };
  }
  if (creds) registerSecret(creds.password);
  return creds;
}

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
Without credentials the registry is used anonymously.`;
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
function registryClient(registry, io, values) {
  const credentials = registryCredentialsFromEnv(io.env, registry);
  return new RegistryClient({
    registry,
    plainHttp: values["plain-http"] === true,
    logger: cliLogger(io, values.verbose === true),
    ...credentials ? { credentials } : {}
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
  registryCredentialsFromEnv,
  registryFlags,
  REGISTRY_ENV_HELP,
  cliLogger,
  registryClient,
  printJson,
  parseCommandArgs
};
