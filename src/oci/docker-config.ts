// Registry credentials from Docker's config.json (`docker login`, docker/login-action): the
// `auths` entries, keyed by host[:port] (older files use "https://host/v1/"), with a base64
// "user:password" `auth` or `username`/`password` fields. Credential helpers (`credsStore`,
// `credHelpers`) and OAuth identity tokens are not read.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CredentialsFor, RegistryCredentials } from './access.js';

interface AuthEntry {
  auth?: unknown;
  username?: unknown;
  password?: unknown;
}

/** The path docker reads: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  return join(env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'), 'config.json');
}

/** "https://ghcr.io/v1/" and "ghcr.io" both name ghcr.io; lower-cased. */
function entryHost(key: string): string {
  const withoutScheme = key.replace(/^[a-z]+:\/\//i, '');
  return (withoutScheme.split('/')[0] ?? '').toLowerCase();
}

function entryCredentials(entry: AuthEntry): RegistryCredentials | undefined {
  if (typeof entry.auth === 'string' && entry.auth.length > 0) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0 && colon < decoded.length - 1)
      return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string' && entry.username && entry.password)
    return { username: entry.username, password: entry.password };
  return undefined;
}

/** Credentials per host from config.json text; entries without usable credentials are left out. */
export function parseDockerConfig(text: string): Map<string, RegistryCredentials> {
  const out = new Map<string, RegistryCredentials>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return out;
  }
  const auths = (parsed as { auths?: unknown } | null)?.auths;
  if (auths === null || typeof auths !== 'object') return out;
  for (const [key, entry] of Object.entries(auths as Record<string, AuthEntry>)) {
    const credentials = entry && typeof entry === 'object' ? entryCredentials(entry) : undefined;
    const host = entryHost(key);
    // Docker Hub's legacy key and a plain host can both be present: the plain host wins.
    if (credentials && host && (!out.has(host) || !/:\/\//.test(key))) out.set(host, credentials);
  }
  return out;
}

/**
 * A credential source reading Docker's config.json once, when first asked; a missing or
 * unreadable file gives no credentials.
 */
export function dockerConfigCredentials(env: NodeJS.ProcessEnv): CredentialsFor {
  let entries: Map<string, RegistryCredentials> | undefined;
  return (host) => {
    if (!entries) {
      try {
        entries = parseDockerConfig(readFileSync(dockerConfigPath(env), 'utf8'));
      } catch {
        entries = new Map();
      }
    }
    return entries.get(host.toLowerCase());
  };
}
