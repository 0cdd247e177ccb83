// Requests to one registry: the origin rules (src/oci/access.ts), authentication on 401 and
// retries of 408/429/5xx and broken connections within a budget.
import { silentLogger, type Logger } from '../util/log.js';
import { IpmDbError } from '../util/errors.js';
import { OriginPolicy, type RegistryAccess } from './access.js';
import { Authenticator, type Scope } from './auth.js';
import { RegistryError, registryResponseError, urlForMessage } from './registry-error.js';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableNetworkError,
  isRetryableStatus,
  nextRetryDelay,
  parseRetryAfter,
  type RetryPolicy,
} from './retry.js';
import { exchange, type RawResponse, type RequestBody } from './transport.js';

export interface RegistryHttpOptions {
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  /** A request whose connection stays silent this long fails as ETIMEDOUT (and is retried). */
  idleTimeoutMs?: number;
}

export interface RegistryRequest {
  method: string;
  /** A path on the registry ("/v2/...") or an absolute URL it sent (upload Location, Link page). */
  target: string | URL;
  repository: string;
  scope: Scope;
  headers?: Record<string, string>;
  body?: RequestBody;
  stream?: boolean;
  /** Retry 5xx/429/408 and network errors here (false where the caller restarts a whole upload). */
  retry?: boolean;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function responseHeader(res: RawResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const TLS_CODE = /^(EPROTO|ERR_SSL|ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/;

export class RegistryHttp {
  readonly policy: OriginPolicy;
  readonly logger: Logger;
  private readonly retryPolicy: RetryPolicy;
  private readonly idleTimeoutMs: number;
  private readonly auth: Authenticator;

  constructor(
    readonly access: RegistryAccess,
    opts: RegistryHttpOptions = {},
  ) {
    this.policy = new OriginPolicy(access);
    this.logger = opts.logger ?? silentLogger;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 60_000;
    this.auth = new Authenticator(this.policy, (url, headers) =>
      this.withRetries(`token request to ${url.origin}`, 'GET', url, () =>
        exchange({ method: 'GET', url, headers, idleTimeoutMs: this.idleTimeoutMs, checkRedirect: this.redirectCheck }),
      ),
    );
  }

  get baseUrl(): URL {
    return this.policy.baseUrl;
  }

  private readonly redirectCheck = (next: URL) => void this.policy.check(next, 'redirect');

  /** A failed answer, as a structured error. */
  fail(code: string, what: string, method: string, res: RawResponse): RegistryError {
    return registryResponseError(code, what, { method, url: res.url, status: res.status, body: res.body });
  }

  /** TLS and name-resolution failures as registry errors; anything else unchanged. */
  private connectionError(err: unknown, what: string, method: string, url: URL): unknown {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') return err;
    const facts = { method, url: urlForMessage(url), status: null, codes: [] };
    if (TLS_CODE.test(code))
      return new RegistryError(
        'registry-tls',
        `${what}: the TLS connection to ${this.access.host} failed (${code})`,
        facts,
        { cause: err },
      );
    if (code === 'ENOTFOUND')
      return new RegistryError(
        'registry-host-unknown',
        `${what}: the host name of ${url.host} does not resolve`,
        facts,
        { cause: err },
      );
    return err;
  }

  /**
   * After a failed attempt: the delay before the next one when the error is a broken or refused
   * connection and the budget allows; otherwise throws (the error itself, or a final RegistryError).
   */
  networkRetryDelay(
    err: unknown,
    what: string,
    code: string,
    attempt: number,
    started: number,
    method: string,
    url: URL,
  ): number {
    if (err instanceof IpmDbError) throw err;
    if (!isRetryableNetworkError(err)) throw this.connectionError(err, what, method, url);
    const reason = (err as { code?: string }).code ?? 'connection closed';
    const delay = nextRetryDelay(this.retryPolicy, attempt, Date.now() - started, undefined);
    if (delay === undefined) {
      throw new RegistryError(
        code,
        `${what} failed after ${attempt} attempt(s): ${reason}`,
        { method, url: urlForMessage(url), status: null, codes: [] },
        { cause: err },
      );
    }
    this.logger.warn(
      `${what}: ${reason}; trying again in ${delay} ms (attempt ${attempt + 1}/${this.retryPolicy.maxAttempts})`,
    );
    return delay;
  }

  /** The delay before restarting after a retryable status, or undefined when out of budget or not retryable. */
  statusRetryDelay(res: RawResponse, attempt: number, started: number): number | undefined {
    if (!isRetryableStatus(res.status)) return undefined;
    return nextRetryDelay(
      this.retryPolicy,
      attempt,
      Date.now() - started,
      parseRetryAfter(responseHeader(res, 'retry-after')),
    );
  }

  private async withRetries(
    what: string,
    method: string,
    url: URL,
    attemptFn: () => Promise<RawResponse>,
  ): Promise<RawResponse> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let res: RawResponse;
      try {
        res = await attemptFn();
      } catch (err) {
        await sleep(this.networkRetryDelay(err, what, 'registry-unreachable', attempt, started, method, url));
        continue;
      }
      const delay = this.statusRetryDelay(res, attempt, started);
      if (delay !== undefined) {
        res.stream?.destroy();
        this.logger.warn(
          `${what}: HTTP ${res.status}; retrying in ${delay} ms (attempt ${attempt + 1}/${this.retryPolicy.maxAttempts})`,
        );
        await sleep(delay);
        continue;
      }
      return res;
    }
  }

  /** One request with auth (a 401 from the registry's origin re-authenticates once) and, unless disabled, retries. */
  async send(r: RegistryRequest): Promise<RawResponse> {
    const url = typeof r.target === 'string' ? new URL(r.target, this.baseUrl) : r.target;
    const what = `${r.method} ${url.pathname}`;
    this.policy.check(url, what, r.method);
    const ownOrigin = this.policy.mayCarryCredentials(url);
    const once = () => {
      const headers: Record<string, string> = { 'User-Agent': 'ipm-db', ...r.headers };
      const auth = ownOrigin ? this.auth.header(r.repository, r.scope) : undefined;
      if (auth) headers.Authorization = auth;
      const req = {
        method: r.method,
        url,
        headers,
        idleTimeoutMs: this.idleTimeoutMs,
        checkRedirect: this.redirectCheck,
        ...(r.body !== undefined ? { body: r.body } : {}),
      };
      return exchange(req, { stream: r.stream === true });
    };
    const attempt = () => (r.retry === false ? once() : this.withRetries(what, r.method, url, once));
    let res = await attempt();
    if (res.status === 401 && ownOrigin && (await this.auth.answer(res, r.repository, r.scope, r.method))) {
      this.logger.debug(`${what}: authenticated, sending again`);
      res = await attempt();
    }
    return res;
  }
}
