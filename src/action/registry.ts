/**
 * The action's registry access, built once from its inputs: the `registry` input's host (its
 * path prefix, if any, goes before the namespace), plain HTTP for a loopback registry, the
 * `token` for that host only, and Docker's config.json (docker/login-action) for any host.
 * Registry errors get hints in the action's words here.
 */
import {
  credentialsOnlyFor,
  firstCredentials,
  registryAccess,
  type CredentialsFor,
  type RegistryAccess,
} from '../oci/access.js';
import { dockerConfigCredentials } from '../oci/docker-config.js';
import { registryTrouble, RegistryError, type RegistryTrouble } from '../oci/registry-error.js';
import type { ActionInputs } from './inputs.js';

/** "localhost:5000/prefix" + "acme" gives host "localhost:5000", namespace "prefix/acme". */
export function splitRegistryInput(registry: string, namespace: string): { host: string; namespace: string } {
  const [host = '', ...prefix] = registry.split('/').filter((p) => p.length > 0);
  return { host, namespace: [...prefix, ...namespace.split('/')].filter((p) => p.length > 0).join('/') };
}

/**
 * The inputs' credentials go to the registry host only. For a host other than ghcr.io a docker
 * login entry for it comes first: the password (the `token` input) defaults to the job's GitHub
 * token, which only GHCR accepts.
 */
function actionCredentials(
  host: string,
  fromInputs: { username: string; password: string },
  dockerConfig: CredentialsFor,
): CredentialsFor {
  const inputCredentials = credentialsOnlyFor(
    host,
    fromInputs.password ? { username: fromInputs.username || 'token', password: fromInputs.password } : undefined,
  );
  return host.toLowerCase() === 'ghcr.io'
    ? firstCredentials(inputCredentials, dockerConfig)
    : firstCredentials(credentialsOnlyFor(host, dockerConfig(host)), inputCredentials, dockerConfig);
}

export function actionRegistryAccess(
  inputs: Pick<ActionInputs, 'registry' | 'registryPlainHttp' | 'namespace' | 'username' | 'token'>,
  env: NodeJS.ProcessEnv,
  onSecret: (value: string) => void,
): RegistryAccess {
  const { host, namespace } = splitRegistryInput(inputs.registry, inputs.namespace);
  return registryAccess({
    host,
    namespace,
    plainHttp: inputs.registryPlainHttp,
    credentialsFor: actionCredentials(
      host,
      { username: inputs.username, password: inputs.token },
      dockerConfigCredentials(env),
    ),
    onSecret,
  });
}

const ACTION_HINTS: Record<RegistryTrouble, string> = {
  'credentials-refused':
    'The registry refused the credentials: check the token and username inputs (for another registry than ghcr.io, or the docker/login-action step for it).',
  'credentials-missing':
    'The registry needs credentials: set the token and username inputs, or log in with docker/login-action before this step.',
  forbidden:
    'The credentials are valid but may not do this: for GHCR the job needs "permissions: packages: write" and the package must be linked to the repository.',
  tls: 'The TLS connection failed: the registry certificate is not trusted (NODE_EXTRA_CA_CERTS adds a CA); registry-plain-http is only for a loopback registry.',
  'host-unknown': 'Check the registry input (host[:port] and an optional path, no scheme).',
  unreachable: 'Check that the registry is reachable from the runner.',
};

/** A registry error with the hint in the action's words; anything else unchanged. */
export function withActionRegistryHint(err: unknown): unknown {
  const trouble = registryTrouble(err);
  if (!trouble || !(err instanceof RegistryError)) return err;
  return err.withHint(ACTION_HINTS[trouble]);
}
