// Blob upload sessions (distribution spec "push"): POST to open a session, the blob in one PUT
// or in PATCH chunks, then the closing PUT with the digest. A session that fails in a way
// worth retrying is cancelled and a fresh one started, within the retry budget.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { responseHeader, sleep, type RegistryHttp } from './registry-http.js';
import type { RawResponse, RequestBody } from './transport.js';

export interface UploadResult {
  /** Bytes put on the wire, restarts included; 0 when the blob was already there. */
  bytesSent: number;
  /** sha256 of the bytes read from the file during the successful attempt (hex), null when skipped. */
  sha256: string | null;
  skipped: boolean;
}

export interface UploadSizes {
  /** Blobs up to this size go in one PUT; larger ones in PATCH chunks of `chunkSize`. */
  monolithicLimit: number;
  chunkSize: number;
}

// One PUT per blob is what ORAS (and IPM's oras-py) do by default; PATCH chunks are kept for
// blobs big enough that a single request risks proxy or gateway limits.
export const DEFAULT_UPLOAD_SIZES: UploadSizes = {
  monolithicLimit: 2 * 1024 * 1024 * 1024,
  chunkSize: 64 * 1024 * 1024,
};

type Attempt = { result: UploadResult } | { res: RawResponse; location: URL; method: string };

export class UploadSession {
  constructor(
    private readonly http: RegistryHttp,
    private readonly repository: string,
  ) {}

  private async start(): Promise<URL> {
    const res = await this.http.send({
      method: 'POST',
      target: `/v2/${this.repository}/blobs/uploads/`,
      repository: this.repository,
      scope: 'pull,push',
    });
    const location = responseHeader(res, 'location');
    if (res.status !== 202 || !location)
      throw this.http.fail('registry-upload', `starting an upload to ${this.repository} failed`, 'POST', res);
    return this.http.policy.check(new URL(location, this.http.baseUrl), 'upload location', 'POST');
  }

  private async cancel(location: URL): Promise<void> {
    try {
      const res = await this.http.send({
        method: 'DELETE',
        target: location,
        repository: this.repository,
        scope: 'pull,push',
        retry: false,
      });
      this.http.logger.debug(`cancelled upload session: HTTP ${res.status}`);
    } catch {
      // best effort: the registry purges abandoned uploads itself
    }
  }

  /** The closing PUT, carrying the whole blob (monolithic) or nothing (after PATCHes). */
  private complete(location: URL, digest: string, body: RequestBody | undefined): Promise<RawResponse> {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    return this.http.send({
      method: 'PUT',
      target: url,
      repository: this.repository,
      scope: 'pull,push',
      headers: { 'Content-Type': 'application/octet-stream' },
      ...(body !== undefined ? { body } : {}),
      retry: false,
    });
  }

  /** Uploads a small in-memory blob (the config). */
  uploadBytes(digest: string, bytes: Buffer): Promise<UploadResult> {
    return this.withRestarts(`upload of ${digest}`, async () => {
      const location = await this.start();
      const res = await this.complete(location, digest, bytes);
      if (res.status !== 201) return { res, location, method: 'PUT' };
      return {
        result: { bytesSent: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), skipped: false },
      };
    });
  }

  /** Streams a file as the blob `digest`; memory stays constant (read in ranges, hashed on the way out). */
  async uploadFile(file: string, digest: string, size: number, sizes: UploadSizes): Promise<UploadResult> {
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
    const monolithic = size <= sizes.monolithicLimit;
    const result = await this.withRestarts(`upload of ${digest}`, async () => {
      let accepted = createHash('sha256');
      let location = await this.start();
      if (!monolithic) {
        for (let start = 0; start < size; start += sizes.chunkSize) {
          const length = Math.min(sizes.chunkSize, size - start);
          let sending = accepted;
          // A 401 here re-authenticates and re-sends this chunk: the registry took none of it.
          const res = await this.http.send({
            method: 'PATCH',
            target: location,
            repository: this.repository,
            scope: 'pull,push',
            headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `${start}-${start + length - 1}` },
            body: rangeBody(start, length, () => (sending = accepted.copy())),
            retry: false,
          });
          if (res.status !== 202) return { res, location, method: 'PATCH' };
          accepted = sending;
          const next = responseHeader(res, 'location');
          if (next) location = this.http.policy.check(new URL(next, location), 'upload location', 'PATCH');
        }
      }
      let sending = accepted;
      const res = await this.complete(
        location,
        digest,
        monolithic ? rangeBody(0, size, () => (sending = accepted.copy())) : undefined,
      );
      if (res.status !== 201) return { res, location, method: 'PUT' };
      return { result: { bytesSent: 0, sha256: sending.digest('hex'), skipped: false } };
    });
    return { ...result, bytesSent };
  }

  /**
   * Runs a whole upload session; a retryable failure (network error, 408/429/5xx) abandons the
   * session and starts a new one, within the retry budget.
   */
  private async withRestarts(what: string, run: () => Promise<Attempt>): Promise<UploadResult> {
    const started = Date.now();
    const uploads = new URL(`/v2/${this.repository}/blobs/uploads/`, this.http.baseUrl);
    for (let attempt = 1; ; attempt++) {
      let outcome: Attempt;
      try {
        outcome = await run();
      } catch (err) {
        const delay = this.http.networkRetryDelay(
          err,
          `${what} (restarting it)`,
          'registry-upload',
          attempt,
          started,
          'PUT',
          uploads,
        );
        await sleep(delay);
        continue;
      }
      if ('result' in outcome) return outcome.result;
      const { res, location, method } = outcome;
      const delay = this.http.statusRetryDelay(res, attempt, started);
      await this.cancel(location);
      if (delay === undefined) throw this.http.fail('registry-upload', `${what} failed`, method, res);
      this.http.logger.warn(`${what}: HTTP ${res.status}; restarting the upload in ${delay} ms`);
      await sleep(delay);
    }
  }
}
