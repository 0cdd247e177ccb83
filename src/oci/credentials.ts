// Registry credentials come from the environment only (never flags, so never argv).
import { registerSecret } from '../util/redact.js';
import type { RegistryCredentials } from './client.js';

export const CREDENTIAL_ENV = {
  username: 'IPM_DB_REGISTRY_USERNAME',
  password: 'IPM_DB_REGISTRY_PASSWORD',
  token: 'IPM_DB_REGISTRY_TOKEN',
} as const;

/**
 * IPM_DB_REGISTRY_USERNAME with IPM_DB_REGISTRY_PASSWORD or IPM_DB_REGISTRY_TOKEN; for ghcr.io,
 * GITHUB_TOKEN with GITHUB_ACTOR as a fallback. Undefined means anonymous.
 */
export function registryCredentialsFromEnv(env: NodeJS.ProcessEnv, registry: string): RegistryCredentials | undefined {
  const secret = env[CREDENTIAL_ENV.password] || env[CREDENTIAL_ENV.token];
  let creds: RegistryCredentials | undefined;
  if (secret) {
    creds = { username: env[CREDENTIAL_ENV.username] || env.GITHUB_ACTOR || 'ipm-db', password: secret };
  } else if (registry.toLowerCase() === 'ghcr.io' && env.GITHUB_TOKEN) {
    creds = { username: env.GITHUB_ACTOR || 'github-actions', password: env.GITHUB_TOKEN };
  }
  if (creds) registerSecret(creds.password);
  return creds;
}
