// Registry errors in this command line's words: which flag or environment variable to look at.
// Kept apart from the registry client so every command can use it without loading the client.
import { registryTrouble, RegistryError, type RegistryTrouble } from '../oci/registry-error.js';

export const CREDENTIAL_ENV = {
  username: 'IPM_DB_REGISTRY_USERNAME',
  password: 'IPM_DB_REGISTRY_PASSWORD',
  token: 'IPM_DB_REGISTRY_TOKEN',
} as const;

const CLI_HINTS: Record<RegistryTrouble, string> = {
  'credentials-refused': `The registry refused the credentials: check ${CREDENTIAL_ENV.username} and ${CREDENTIAL_ENV.password}/${CREDENTIAL_ENV.token} (or GITHUB_ACTOR/GITHUB_TOKEN for ghcr.io, or the docker login entry in $DOCKER_CONFIG/config.json).`,
  'credentials-missing': `Set ${CREDENTIAL_ENV.username} and ${CREDENTIAL_ENV.password} in the environment (or docker login to the registry).`,
  forbidden:
    'The credentials are valid but may not do this: for GHCR the workflow needs "permissions: packages: write" and the package must be linked to the repository.',
  tls: 'If the registry speaks plain HTTP (a local registry), pass --plain-http; otherwise its certificate is not trusted (NODE_EXTRA_CA_CERTS adds a CA).',
  'host-unknown': 'Check the registry host (host[:port], no scheme).',
  unreachable: 'Check that the registry is reachable (and pass --plain-http for a local registry without TLS).',
};

/** A registry error with the hint for this command line; anything else unchanged. */
export function withCliRegistryHint(err: unknown): unknown {
  const trouble = registryTrouble(err);
  if (!trouble || !(err instanceof RegistryError)) return err;
  if (trouble === 'tls' && err.url.startsWith('http:')) return err;
  return err.withHint(CLI_HINTS[trouble]);
}
