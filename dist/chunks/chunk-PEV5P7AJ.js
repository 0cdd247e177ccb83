import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  RegistryError,
  registryTrouble
} from "./chunk-TPEY4W6V.js";

// src/cli/registry-hints.ts
var CREDENTIAL_ENV = {
  username: "IPM_DB_REGISTRY_USERNAME",
  password: "IPM_DB_REGISTRY_PASSWORD",
  token: "IPM_DB_REGISTRY_TOKEN"
};
var CLI_HINTS = {
  "credentials-refused": `The registry refused the credentials: check ${CREDENTIAL_ENV.username} and ${CREDENTIAL_ENV.password}/${CREDENTIAL_ENV.token} (or GITHUB_ACTOR/GITHUB_TOKEN for ghcr.io, or the docker login entry in $DOCKER_CONFIG/config.json).`,
  "credentials-missing": `Set ${CREDENTIAL_ENV.username} and ${CREDENTIAL_ENV.password} in the environment (or docker login to the registry).`,
  forbidden: 'The credentials are valid but may not do this: for GHCR the workflow needs "permissions: packages: write" and the package must be linked to the repository.',
  tls: "If the registry speaks plain HTTP (a local registry), pass --plain-http; otherwise its certificate is not trusted (NODE_EXTRA_CA_CERTS adds a CA).",
  "host-unknown": "Check the registry host (host[:port], no scheme).",
  unreachable: "Check that the registry is reachable (and pass --plain-http for a local registry without TLS)."
};
function withCliRegistryHint(err) {
  const trouble = registryTrouble(err);
  if (!trouble || !(err instanceof RegistryError)) return err;
  if (trouble === "tls" && err.url.startsWith("http:")) return err;
  return err.withHint(CLI_HINTS[trouble]);
}

export {
  CREDENTIAL_ENV,
  withCliRegistryHint
};
