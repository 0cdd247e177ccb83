// A small OCI distribution client: auth (Bearer token flow, Basic, anonymous), retries,
// blob HEAD/upload/download, manifests, tags. Credentials are registered as secrets and
// never placed in messages.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IpmDbError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/log.js';
import { redact, registerSecret } from '../util/redact.js';
import { parseChallenges, type Challenge } from './challenge.js';
import { OCI_MANIFEST_MEDIA_TYPE } from './media-types.js';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableNetworkError,
  isRetryableStatus,
  nextRetryDelay,
  parseRetryAfter,
  type RetryPolicy,
} from './retry.js';
import { exchange, type RawResponse, type RequestBody } from './transport.js';

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface RegistryClientOptions {
  /** host[:port] */
  registry: string;
  plainHttp?: boolean;
  credentials?: RegistryCredentials;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  /** Blobs up to this size (default 2 GiB) go in one PUT; larger ones in PATCH chunks of `chunkSize` (default 64 MiB). */
  monolithicLimit?: number;
  chunkSize?: number;
  /** A request whose connection stays silent this long fails as ETIMEDOUT (and is retried). */
  idleTimeoutMs?: number;
}

export const MANIFEST_ACCEPT = [
  OCI_MANIFEST_MEDIA_TYPE,
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

export interface FetchedManifest {
  bytes: Buffer;
  digest: string;
  mediaType: string;
}

export interface UploadResult {
  /** Bytes put on the wire, restarts included; 0 when the blob was already there. */
  bytesSent: number;
  /** sha256 of the bytes read from the file during the successful attempt (hex), null when skipped. */
  sha256: string | null;
  skipped: boolean;
}

type Scope = 'pull' | 'pull,push' | 'delete';

interface SendRequest {
  method: string;
  path: string;
  repository: string;
  scope: Scope;
  headers?: Record<string, string>;
  body?: RequestBody;
  stream?: boolean;
  /** Retry 5xx/429/408 and network errors here (false where the caller restarts a whole upload). */
  retry?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function header(res: RawResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The registry's error codes and messages from a distribution error body, for messages. */
function registryErrorText(res: RawResponse): string {
  try {
    const parsed = JSON.parse(res.body.toString('utf8')) as { errors?: { code?: string; message?: string }[] };
    const items = (parsed.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': '));
    if (items.length > 0) return items.join('; ');
  } catch {
    // not JSON
  }
  return res.body.toString('utf8').slice(0, 200).trim();
}

function registryCodes(res: RawResponse): string[] {
  try {
    const parsed = JSON.parse(res.body.toString('utf8')) as { errors?: { code?: string }[] };
    return (parsed.errors ?? []).map((e) => e.code ?? '');
  } catch {
    return [];
  }
}

export class RegistryClient {
  readonly registry: string;
  readonly baseUrl: URL;
  private readonly credentials: RegistryCredentials | undefined;
  private readonly logger: Logger;
  private readonly policy: RetryPolicy;
  private readonly monolithicLimit: number;
  private readonly chunkSize: number;
  /** Authorization header value per repository+scope once a challenge was answered. */
  private readonly authorization = new Map<string, string>();
  private basicOnly = false;
  private readonly idleTimeoutMs: number;

  constructor(opts: RegistryClientOptions) {
    this.registry = opts.registry;
    this.baseUrl = new URL(`${opts.plainHttp ? 'http' : 'https'}://${opts.registry}/`);
    this.credentials = opts.credentials;
    if (opts.credentials) {
      registerSecret(opts.credentials.password);
      registerSecret(Buffer.from(`${opts.credentials.username}:${opts.credentials.password}`).toString('base64'));
    }
    this.logger = opts.logger ?? silentLogger;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    // One PUT per blob is what ORAS (and IPM's oras-py) do by default; PATCH chunks are kept for
    // blobs big enough that a single request risks proxy or gateway limits.
    this.monolithicLimit = opts.monolithicLimit ?? 2 * 1024 * 1024 * 1024;
    this.chunkSize = opts.chunkSize ?? 64 * 1024 * 1024;
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 60_000;
  }

  private basicHeader(): string | undefined {
    if (!this.credentials) return undefined;
    return `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`;
  }

  private fail(code: string, what: string, res: RawResponse, hint?: string): IpmDbError {
    const text = registryErrorText(res);
    const defaultHint =
      res.status === 401
        ? 'The registry refused the credentials: check IPM_DB_REGISTRY_USERNAME and IPM_DB_REGISTRY_PASSWORD/IPM_DB_REGISTRY_TOKEN (or GITHUB_ACTOR/GITHUB_TOKEN).'
        : res.status === 403
          ? 'The credentials are valid but may not do this: for GHCR the workflow needs "permissions: packages: write" and the package must be linked to the repository.'
          : undefined;
    const h = hint ?? defaultHint;
    return new IpmDbError(code, redact(`${what}: HTTP ${res.status}${text ? ` (${text})` : ''}`), h ? { hint: h } : {});
  }

  /** Answers a challenge; returns false when there is nothing better to send than before. */
  private async authenticate(challenges: Challenge[], key: string, repository: string, scope: Scope): Promise<boolean> {
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer?.params.realm) {
      const realm = new URL(bearer.params.realm);
      if (bearer.params.service) realm.searchParams.set('service', bearer.params.service);
      const wanted = repository ? `repository:${repository}:${scope}` : bearer.params.scope;
      if (wanted) realm.searchParams.set('scope', wanted);
      const headers: Record<string, string> = { Accept: 'application/json' };
      const basic = this.basicHeader();
      if (basic) headers.Authorization = basic;
      const res = await this.withRetries(`token request to ${realm.origin}`, () =>
        exchange({ method: 'GET', url: realm, headers, idleTimeoutMs: this.idleTimeoutMs }),
      );
      if (res.status !== 200) {
        throw this.fail('registry-auth', `getting a token from ${realm.origin}${realm.pathname} failed`, res);
      }
      let token: string | undefined;
      try {
        const parsed = JSON.parse(res.body.toString('utf8')) as { token?: string; access_token?: string };
        token = parsed.token ?? parsed.access_token;
      } catch {
        token = undefined;
      }
      if (!token) throw new IpmDbError('registry-auth', `the token service at ${realm.origin} sent no token`);
      registerSecret(token);
      this.authorization.set(key, `Bearer ${token}`);
      return true;
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      const basic = this.basicHeader();
      if (!basic) {
        throw new IpmDbError('registry-auth', `${this.registry} requires a user name and password`, {
          hint: 'Set IPM_DB_REGISTRY_USERNAME and IPM_DB_REGISTRY_PASSWORD in the environment.',
        });
      }
      if (this.basicOnly) return false;
      this.basicOnly = true;
      return true;
    }
    return false;
  }

  /** TLS and name-resolution failures as errors a user can act on; anything else unchanged. */
  private connectionError(err: unknown, what: string): unknown {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') return err;
    if (/^(EPROTO|ERR_SSL|ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code)) {
      return new IpmDbError('registry-tls', `${what}: the TLS connection to ${this.registry} failed (${code})`, {
        hint:
          this.baseUrl.protocol === 'https:'
            ? 'If the registry speaks plain HTTP (a local registry), pass --plain-http; otherwise its certificate is not trusted (NODE_EXTRA_CA_CERTS adds a CA).'
            : undefined,
        cause: err,
      });
    }
    if (code === 'ENOTFOUND') {
      return new IpmDbError('registry-unreachable', `${what}: the host name of ${this.registry} does not resolve`, {
        hint: 'Check the --registry value (host[:port], no scheme).',
        cause: err,
      });
    }
    return err;
  }

  /**
   * After a failed attempt: the delay before the next one when the error is a broken or refused
   * connection and the budget allows; otherwise throws (the error itself, or a final IpmDbError).
   */
  private networkRetryDelay(err: unknown, what: string, code: string, attempt: number, started: number): number {
    if (err instanceof IpmDbError) throw err;
    if (!isRetryableNetworkError(err)) throw this.connectionError(err, what);
    const reason = (err as { code?: string }).code ?? 'connection closed';
    const delay = nextRetryDelay(this.policy, attempt, Date.now() - started, undefined);
    if (delay === undefined) {
      throw new IpmDbError(code, `${what} failed after ${attempt} attempt(s): ${reason}`, {
        hint: `Check that ${this.registry} is reachable (and --plain-http for a registry without TLS).`,
        cause: err,
      });
    }
    this.logger.warn(
      `${what}: ${reason}; trying again in ${delay} ms (attempt ${attempt + 1}/${this.policy.maxAttempts})`,
    );
    return delay;
  }

  private async withRetries(what: string, attemptFn: () => Promise<RawResponse>): Promise<RawResponse> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let res: RawResponse;
      try {
        res = await attemptFn();
      } catch (err) {
        await sleep(this.networkRetryDelay(err, what, 'registry-unreachable', attempt, started));
        continue;
      }
      if (isRetryableStatus(res.status)) {
        const delay = nextRetryDelay(
          this.policy,
          attempt,
          Date.now() - started,
          parseRetryAfter(header(res, 'retry-after')),
        );
        if (delay !== undefined) {
          res.stream?.destroy();
          this.logger.warn(
            `${what}: HTTP ${res.status}; retrying in ${delay} ms (attempt ${attempt + 1}/${this.policy.maxAttempts})`,
          );
          await sleep(delay);
          continue;
        }
      }
      return res;
    }
  }

  /** One request with auth (a 401 re-authenticates once) and, unless disabled, retries. */
  private async send(r: SendRequest): Promise<RawResponse> {
    const key = `${r.repository}|${r.scope}`;
    const url = new URL(r.path, this.baseUrl);
    const what = `${r.method} ${url.pathname}`;
    const once = () => {
      const headers: Record<string, string> = { 'User-Agent': 'ipm-db', ...r.headers };
      const auth = this.authorization.get(key) ?? (this.basicOnly ? this.basicHeader() : undefined);
      if (auth) headers.Authorization = auth;
      const req = {
        method: r.method,
        url,
        headers,
        idleTimeoutMs: this.idleTimeoutMs,
        ...(r.body !== undefined ? { body: r.body } : {}),
      };
      return exchange(req, { stream: r.stream === true });
    };
    const attempt = () => (r.retry === false ? once() : this.withRetries(what, once));
    let res = await attempt();
    if (res.status === 401) {
      this.authorization.delete(key);
      if (await this.authenticate(parseChallenges(header(res, 'www-authenticate')), key, r.repository, r.scope)) {
        this.logger.debug(`${what}: authenticated, sending again`);
        res = await attempt();
      }
    }
    return res;
  }

  /** GET /v2/: reachability, and credentials when the registry asks for them. */
  async ping(): Promise<void> {
    const res = await this.send({ method: 'GET', path: '/v2/', repository: '', scope: 'pull' });
    if (res.status !== 200) throw this.fail('registry-ping', `${this.registry} did not accept GET /v2/`, res);
  }

  /** Size of the blob when the repository has it, undefined when not. */
  async blobSize(repository: string, digest: string, scope: Scope = 'pull'): Promise<number | undefined> {
    const res = await this.send({ method: 'HEAD', path: `/v2/${repository}/blobs/${digest}`, repository, scope });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw this.fail('registry-blob', `checking blob ${digest} in ${repository} failed`, res);
    const length = header(res, 'content-length');
    return length === undefined ? -1 : Number(length);
  }

  private async startUpload(repository: string): Promise<URL> {
    const res = await this.send({
      method: 'POST',
      path: `/v2/${repository}/blobs/uploads/`,
      repository,
      scope: 'pull,push',
    });
    const location = header(res, 'location');
    if (res.status !== 202 || !location)
      throw this.fail('registry-upload', `starting an upload to ${repository} failed`, res);
    return new URL(location, this.baseUrl);
  }

  private relative(url: URL): string {
    return url.origin === this.baseUrl.origin ? `${url.pathname}${url.search}` : url.toString();
  }

  private async cancelUpload(repository: string, location: URL): Promise<void> {
    try {
      const res = await this.send({
        method: 'DELETE',
        path: this.relative(location),
        repository,
        scope: 'pull,push',
        retry: false,
      });
      this.logger.debug(`cancelled upload session: HTTP ${res.status}`);
    } catch {
      // best effort: the registry purges abandoned uploads itself
    }
  }

  /** The closing PUT of an upload session, carrying the whole blob (monolithic) or nothing (after PATCHes). */
  private completeUpload(
    repository: string,
    location: URL,
    digest: string,
    body: RequestBody | undefined,
  ): Promise<RawResponse> {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    return this.send({
      method: 'PUT',
      path: this.relative(url),
      repository,
      scope: 'pull,push',
      headers: { 'Content-Type': 'application/octet-stream' },
      ...(body !== undefined ? { body } : {}),
      retry: false,
    });
  }

  /** Uploads a blob from a small in-memory buffer (the config). */
  async uploadBlobBytes(repository: string, digest: string, bytes: Buffer): Promise<UploadResult> {
    if ((await this.blobSize(repository, digest, 'pull,push')) !== undefined)
      return { bytesSent: 0, sha256: null, skipped: true };
    return this.withUploadRestarts(`upload of ${digest}`, async () => {
      const location = await this.startUpload(repository);
      const res = await this.completeUpload(repository, location, digest, bytes);
      if (res.status !== 201) return { res, location };
      return {
        result: { bytesSent: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), skipped: false },
      };
    });
  }

  /**
   * Streams a file into the repository as the blob `digest` unless the repository already has
   * it. Memory stays constant: the file is read in ranges and hashed on the way out.
   */
  async uploadBlobFromFile(repository: string, file: string, digest: string, size: number): Promise<UploadResult> {
    if ((await this.blobSize(repository, digest, 'pull,push')) !== undefined)
      return { bytesSent: 0, sha256: null, skipped: true };
    let bytesSent = 0;
    type Hash = ReturnType<typeof createHash>;
    // Each (re-)send of a range hashes into a fresh copy of the hash of the bytes before it,
    // so a range sent twice (401, then again) is hashed once.
    const rangeBody = (start: number, length: number, hashFor: () => Hash): RequestBody => ({
      length,
      open: (): Readable => {
        const hash = hashFor();
        const tap = new Transform({
          transform(chunk: Buffer, _enc, done) {
            hash.update(chunk);
            bytesSent += chunk.length;
            done(null, chunk);
          },
        });
        if (length === 0) {
          tap.end();
          return tap;
        }
        const source = createReadStream(file, { start, end: start + length - 1, highWaterMark: 1024 * 1024 });
        source.on('error', (err) => tap.destroy(err));
        return source.pipe(tap);
      },
    });
    const monolithic = size <= this.monolithicLimit;
    const result = await this.withUploadRestarts(`upload of ${digest}`, async () => {
      let accepted = createHash('sha256');
      let location = await this.startUpload(repository);
      if (!monolithic) {
        for (let start = 0; start < size; start += this.chunkSize) {
          const length = Math.min(this.chunkSize, size - start);
          let sending = accepted;
          // A 401 here re-authenticates and re-sends this chunk: the registry took none of it.
          const res = await this.send({
            method: 'PATCH',
            path: this.relative(location),
            repository,
            scope: 'pull,push',
            headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `${start}-${start + length - 1}` },
            body: rangeBody(start, length, () => (sending = accepted.copy())),
            retry: false,
          });
          if (res.status !== 202) return { res, location };
          accepted = sending;
          const next = header(res, 'location');
          if (next) location = new URL(next, location);
        }
      }
      let sending = accepted;
      const res = await this.completeUpload(
        repository,
        location,
        digest,
        monolithic ? rangeBody(0, size, () => (sending = accepted.copy())) : undefined,
      );
      if (res.status !== 201) return { res, location };
      return { result: { bytesSent: 0, sha256: sending.digest('hex'), skipped: false } };
    });
    return { ...result, bytesSent };
  }

  /**
   * Runs a whole upload session; a retryable failure (network error, 408/429/5xx) abandons the
   * session and starts a new one, within the retry budget.
   */
  private async withUploadRestarts(
    what: string,
    run: () => Promise<{ result: UploadResult } | { res: RawResponse; location: URL }>,
  ): Promise<UploadResult> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let outcome: { result: UploadResult } | { res: RawResponse; location: URL };
      try {
        outcome = await run();
      } catch (err) {
        await sleep(this.networkRetryDelay(err, `${what} (restarting it)`, 'registry-upload', attempt, started));
        continue;
      }
      if ('result' in outcome) return outcome.result;
      const { res, location } = outcome;
      const delay = isRetryableStatus(res.status)
        ? nextRetryDelay(this.policy, attempt, Date.now() - started, parseRetryAfter(header(res, 'retry-after')))
        : undefined;
      const repository = location.pathname.split('/blobs/')[0]?.replace(/^\/v2\//, '') ?? '';
      await this.cancelUpload(repository, location);
      if (delay === undefined) throw this.fail('registry-upload', `${what} failed`, res);
      this.logger.warn(`${what}: HTTP ${res.status}; restarting the upload in ${delay} ms`);
      await sleep(delay);
    }
  }

  async putManifest(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType = OCI_MANIFEST_MEDIA_TYPE,
  ): Promise<string> {
    const res = await this.send({
      method: 'PUT',
      path: `/v2/${repository}/manifests/${reference}`,
      repository,
      scope: 'pull,push',
      headers: { 'Content-Type': mediaType },
      body: bytes,
    });
    if (res.status !== 201)
      throw this.fail('registry-manifest', `putting manifest ${repository}:${reference} failed`, res);
    return header(res, 'docker-content-digest') ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  }

  /** The manifest, or undefined when the tag or digest does not exist. */
  async getManifest(
    repository: string,
    reference: string,
    scope: Scope = 'pull',
  ): Promise<FetchedManifest | undefined> {
    const res = await this.send({
      method: 'GET',
      path: `/v2/${repository}/manifests/${reference}`,
      repository,
      scope,
      headers: { Accept: MANIFEST_ACCEPT },
    });
    if (res.status === 404) return undefined;
    if (res.status !== 200)
      throw this.fail('registry-manifest', `getting manifest ${repository}:${reference} failed`, res);
    const digest = `sha256:${createHash('sha256').update(res.body).digest('hex')}`;
    const mediaType = (header(res, 'content-type') ?? '').split(';')[0]?.trim() ?? '';
    return { bytes: res.body, digest, mediaType };
  }

  /** Every tag, following `Link: <...>; rel="next"` pages; empty when the repository does not exist. */
  async listTags(repository: string, pageSize = 100): Promise<string[]> {
    const tags: string[] = [];
    let path: string | undefined = `/v2/${repository}/tags/list?n=${pageSize}`;
    for (let page = 0; path !== undefined; page++) {
      if (page > 10_000) throw new IpmDbError('registry-tags', `tag listing of ${repository} did not end`);
      const res: RawResponse = await this.send({
        method: 'GET',
        path,
        repository,
        scope: 'pull',
        headers: { Accept: 'application/json' },
      });
      if (res.status === 404 && page === 0) return [];
      if (res.status !== 200) throw this.fail('registry-tags', `listing tags of ${repository} failed`, res);
      const parsed = JSON.parse(res.body.toString('utf8')) as { tags?: string[] | null };
      tags.push(...(parsed.tags ?? []));
      const link = header(res, 'link');
      const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
      path = next === undefined ? undefined : this.relative(new URL(next, this.baseUrl));
    }
    return tags;
  }

  /** Deletes a manifest by digest; registries that do not allow it give a clear error. */
  async deleteManifest(repository: string, digest: string): Promise<void> {
    const res = await this.send({
      method: 'DELETE',
      path: `/v2/${repository}/manifests/${digest}`,
      repository,
      scope: 'delete',
    });
    if (res.status === 202 || res.status === 200) return;
    if (res.status === 405 || registryCodes(res).includes('UNSUPPORTED')) {
      throw this.fail(
        'registry-delete-unsupported',
        `${this.registry} does not allow deleting manifests`,
        res,
        "Delete the package version in the registry's web interface instead (GHCR: the package settings page).",
      );
    }
    throw this.fail('registry-delete', `deleting ${repository}@${digest} failed`, res);
  }

  /**
   * Downloads a blob into `dest` (through a temporary file next to it), checking its size and
   * digest before the file appears under its name.
   */
  async downloadBlob(repository: string, digest: string, size: number, dest: string): Promise<void> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.downloadBlobOnce(repository, digest, size, dest);
      } catch (err) {
        await sleep(
          this.networkRetryDelay(err, `download of ${digest} (starting again)`, 'registry-blob', attempt, started),
        );
      }
    }
  }

  private async downloadBlobOnce(repository: string, digest: string, size: number, dest: string): Promise<void> {
    const res = await this.send({
      method: 'GET',
      path: `/v2/${repository}/blobs/${digest}`,
      repository,
      scope: 'pull',
      stream: true,
    });
    if (res.status !== 200 || !res.stream)
      throw this.fail('registry-blob', `downloading ${digest} from ${repository} failed`, res);
    const partial = `${dest}.partial`;
    const hash = createHash('sha256');
    let received = 0;
    try {
      await pipeline(
        res.stream,
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            received += chunk.length;
            if (received > size)
              return done(
                new IpmDbError('blob-size', `blob ${digest} is larger than the ${size} bytes the manifest declares`),
              );
            hash.update(chunk);
            done(null, chunk);
          },
        }),
        createWriteStream(partial),
      );
      if (received !== size)
        throw new IpmDbError('blob-size', `blob ${digest} has ${received} bytes, the manifest declares ${size}`);
      const actual = `sha256:${hash.digest('hex')}`;
      if (actual !== digest)
        throw new IpmDbError('blob-digest', `downloaded blob has digest ${actual}, the manifest declares ${digest}`);
      await rename(partial, dest);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }
}
