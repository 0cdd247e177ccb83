// Answers a registry's WWW-Authenticate challenge: a Bearer token from its token service
// (anonymous, or with the credentials as Basic auth), or Basic auth itself. Every
// secret-derived value is handed to access.onSecret before it is used.
import { parseChallenges } from './challenge.js';
import type { OriginPolicy, RegistryCredentials } from './access.js';
import { RegistryError, registryResponseError, urlForMessage } from './registry-error.js';
import type { RawResponse } from './transport.js';

export type Scope = 'pull' | 'pull,push';

/** GET with the caller's retries; the authenticator never decides about the network. */
export type TokenFetch = (url: URL, headers: Record<string, string>) => Promise<RawResponse>;

export class Authenticator {
  private readonly credentials: RegistryCredentials | undefined;
  private readonly basic: string | undefined;
  /** Authorization header value per repository+scope once a challenge was answered. */
  private readonly answered = new Map<string, string>();
  private basicOnly = false;

  constructor(
    private readonly policy: OriginPolicy,
    private readonly fetchToken: TokenFetch,
  ) {
    const access = policy.access;
    this.credentials = access.credentialsFor(access.host);
    if (this.credentials) {
      const encoded = Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64');
      access.onSecret(this.credentials.password);
      access.onSecret(encoded);
      this.basic = `Basic ${encoded}`;
    }
  }

  get hasCredentials(): boolean {
    return this.credentials !== undefined;
  }

  /** The Authorization value for a request to the registry's own origin, if any. */
  header(repository: string, scope: Scope): string | undefined {
    return this.answered.get(`${repository}|${scope}`) ?? (this.basicOnly ? this.basic : undefined);
  }

  /** After a 401: answers its challenge; false when there is nothing better to send than before. */
  async answer(response: RawResponse, repository: string, scope: Scope, method: string): Promise<boolean> {
    const key = `${repository}|${scope}`;
    this.answered.delete(key);
    const header = response.headers['www-authenticate'];
    const challenges = parseChallenges(Array.isArray(header) ? header[0] : header);
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer?.params.realm) {
      const token = await this.requestToken(bearer.params, repository, scope);
      this.answered.set(key, `Bearer ${token}`);
      return true;
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      if (!this.basic) {
        throw new RegistryError(
          'registry-credentials-missing',
          `${this.policy.access.host} requires a user name and password`,
          {
            method,
            url: urlForMessage(response.url),
            status: 401,
            codes: [],
          },
        );
      }
      if (this.basicOnly) return false;
      this.basicOnly = true;
      return true;
    }
    return false;
  }

  private async requestToken(params: Record<string, string>, repository: string, scope: Scope): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(params.realm ?? '');
    } catch {
      throw new RegistryError('registry-auth', `${this.policy.access.host} named a token realm that is not a URL`, {
        method: 'GET',
        url: this.policy.baseUrl.toString(),
        status: 401,
        codes: [],
      });
    }
    this.policy.check(realm, 'token realm');
    if (params.service) realm.searchParams.set('service', params.service);
    const wanted = repository ? `repository:${repository}:${scope}` : params.scope;
    if (wanted) realm.searchParams.set('scope', wanted);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.basic) headers.Authorization = this.basic;
    const res = await this.fetchToken(realm, headers);
    if (res.status !== 200) {
      throw registryResponseError('registry-auth', `getting a token from ${urlForMessage(realm)} failed`, {
        method: 'GET',
        url: realm,
        status: res.status,
        body: res.body,
      });
    }
    let token: string | undefined;
    try {
      const parsed = JSON.parse(res.body.toString('utf8')) as { token?: unknown; access_token?: unknown };
      const value = parsed.token ?? parsed.access_token;
      token = typeof value === 'string' && value.length > 0 ? value : undefined;
    } catch {
      token = undefined;
    }
    if (!token) {
      throw new RegistryError('registry-auth', `the token service at ${realm.origin} sent no token`, {
        method: 'GET',
        url: urlForMessage(realm),
        status: res.status,
        codes: [],
      });
    }
    this.policy.access.onSecret(token);
    return token;
  }
}
