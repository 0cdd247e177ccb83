// How this process may talk to one registry: its host, the namespace packages live under,
// whether plain HTTP is allowed, and which credentials go to which host (as ORAS's Go client
// does with `auth.Client.Credential(ctx, hostport)`). Built once by the action and once by the
// CLI; every registry request goes through the origin rules below.
import { registerSecret } from '../util/redact.js';
import { validateRegistryHost } from '../naming/reference.js';
import { RegistryError, urlForMessage } from './registry-error.js';

export interface RegistryCredentials {
  username: string;
  password: string;
}

/** Credentials for a registry host ("host[:port]"), or undefined for anonymous access. */
export type CredentialsFor = (host: string) => RegistryCredentials | undefined;

export interface RegistryAccess {
  /** host[:port] */
  host: string;
  /** Repository path prefix packages are published under ("acme", "acme/team"); "" when none is set. */
  namespace: string;
  /** HTTP instead of HTTPS to this host name (any port): loopback test registries only. */
  plainHttp: boolean;
  credentialsFor: CredentialsFor;
  /**
   * Called with every secret-derived value (password, Basic header value, registry-issued
   * token) as soon as it exists, so the caller can mask it (the action passes core.setSecret).
   */
  onSecret: (value: string) => void;
}

export interface RegistryAccessOptions {
  host: string;
  namespace?: string;
  plainHttp?: boolean;
  credentialsFor?: CredentialsFor;
  onSecret?: (value: string) => void;
}

const sameHost = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Every password the credential function hands out is passed to onSecret before it is returned. */
export function registryAccess(o: RegistryAccessOptions): RegistryAccess {
  const extra = o.onSecret;
  const onSecret = (value: string) => {
    registerSecret(value);
    extra?.(value);
  };
  const source = o.credentialsFor ?? (() => undefined);
  return {
    host: validateRegistryHost(o.host),
    namespace: o.namespace ?? '',
    plainHttp: o.plainHttp ?? false,
    credentialsFor: (host) => {
      const credentials = source(host);
      if (credentials) onSecret(credentials.password);
      return credentials;
    },
    onSecret,
  };
}

/** These credentials for `host` only; every other host is anonymous. */
export function credentialsOnlyFor(host: string, credentials: RegistryCredentials | undefined): CredentialsFor {
  return (h) => (credentials && sameHost(h, host) ? credentials : undefined);
}

/** The first source that has credentials for the host. */
export function firstCredentials(...sources: CredentialsFor[]): CredentialsFor {
  return (host) => {
    for (const source of sources) {
      const found = source(host);
      if (found) return found;
    }
    return undefined;
  };
}

/**
 * Access to another host (a reference on another registry): the same credential function,
 * plain HTTP only when it is the same host name, no namespace.
 */
export function accessForHost(access: RegistryAccess, host: string): RegistryAccess {
  if (sameHost(host, access.host)) return access;
  const hostname = (h: string) => new URL(`http://${h}/`).hostname;
  return {
    ...access,
    host: validateRegistryHost(host),
    namespace: '',
    plainHttp: access.plainHttp && hostname(host) === hostname(access.host),
  };
}

/**
 * Where requests for one registry may go and what they may carry. Credentials (Authorization)
 * go only to the registry's own origin, and Basic credentials to its token realm when that is
 * https; `http:` is refused for any URL unless plain HTTP is enabled for that host name.
 */
export class OriginPolicy {
  readonly baseUrl: URL;

  constructor(readonly access: RegistryAccess) {
    this.baseUrl = new URL(`${access.plainHttp ? 'http' : 'https'}://${access.host}/`);
  }

  mayUse(url: URL): boolean {
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && this.access.plainHttp && url.hostname === this.baseUrl.hostname;
  }

  mayCarryCredentials(url: URL): boolean {
    return url.origin === this.baseUrl.origin;
  }

  /** Throws when `url` (a Location, a Link page, a token realm, a redirect) may not be used. */
  check(url: URL, what: string, method = 'GET'): URL {
    if (this.mayUse(url)) return url;
    throw new RegistryError(
      'registry-insecure-url',
      `${what}: ${this.access.host} sent the client to ${urlForMessage(url)}, which is not https`,
      { method, url: urlForMessage(url), status: null, codes: [] },
      {
        hint: 'Nothing was sent there. Plain HTTP is only used for a host it was enabled for.',
      },
    );
  }
}
