// The repository API of an OCI distribution registry: blobs (exists, upload, download),
// manifests and tags. Requests, auth and retries: src/oci/registry-http.ts; upload sessions:
// src/oci/upload.ts; where requests may go and what they carry: src/oci/access.ts.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sha256Digest } from '../naming/grammar.js';
import { IpmDbError } from '../util/errors.js';
import type { RegistryAccess } from './access.js';
import type { Scope } from './auth.js';
import { MANIFEST_ACCEPT, OCI_MANIFEST_MEDIA_TYPE } from './media-types.js';
import { RegistryError } from './registry-error.js';
import { RegistryHttp, responseHeader, sleep, type RegistryHttpOptions } from './registry-http.js';
import type { RawResponse } from './transport.js';
import { DEFAULT_UPLOAD_SIZES, UploadSession, type UploadResult, type UploadSizes } from './upload.js';

export type { UploadResult } from './upload.js';

export interface RegistryClientOptions extends RegistryHttpOptions, Partial<UploadSizes> {
  /** The most tags listTags collects before it gives up (default 100 000). */
  maxTags?: number;
}

export interface FetchedManifest {
  bytes: Buffer;
  digest: string;
  mediaType: string;
}

const DEFAULT_MAX_TAGS = 100_000;
const MAX_TAG_PAGES = 10_000;

/** The chunks of a blob as they arrive; throws at the end (or as soon as it is too long) when they are not the blob. */
async function* checkedBlob(source: AsyncIterable<Buffer>, digest: string, size: number): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let received = 0;
  for await (const chunk of source) {
    received += chunk.length;
    if (received > size)
      throw new IpmDbError('blob-size', `blob ${digest} is larger than the ${size} bytes the manifest declares`);
    hash.update(chunk);
    yield chunk;
  }
  if (received !== size)
    throw new IpmDbError('blob-size', `blob ${digest} has ${received} bytes, the manifest declares ${size}`);
  const actual = `sha256:${hash.digest('hex')}`;
  if (actual !== digest)
    throw new IpmDbError('blob-digest', `the registry sent a blob with digest ${actual} for ${digest}`);
}

export class RegistryClient {
  readonly http: RegistryHttp;
  private readonly sizes: UploadSizes;
  private readonly maxTags: number;

  constructor(
    readonly access: RegistryAccess,
    opts: RegistryClientOptions = {},
  ) {
    this.http = new RegistryHttp(access, opts);
    this.sizes = {
      monolithicLimit: opts.monolithicLimit ?? DEFAULT_UPLOAD_SIZES.monolithicLimit,
      chunkSize: opts.chunkSize ?? DEFAULT_UPLOAD_SIZES.chunkSize,
    };
    this.maxTags = opts.maxTags ?? DEFAULT_MAX_TAGS;
  }

  get registry(): string {
    return this.access.host;
  }

  /** Size of the blob when the repository has it, undefined when not. */
  async blobSize(repository: string, digest: string, scope: Scope = 'pull'): Promise<number | undefined> {
    const res = await this.http.send({
      method: 'HEAD',
      target: `/v2/${repository}/blobs/${digest}`,
      repository,
      scope,
    });
    if (res.status === 404) return undefined;
    if (res.status !== 200)
      throw this.http.fail('registry-blob', `checking blob ${digest} in ${repository} failed`, 'HEAD', res);
    const length = responseHeader(res, 'content-length');
    return length === undefined ? -1 : Number(length);
  }

  /** Uploads a blob from a small in-memory buffer (the config) unless the repository has it. */
  async uploadBlobBytes(repository: string, digest: string, bytes: Buffer): Promise<UploadResult> {
    if ((await this.blobSize(repository, digest, 'pull,push')) !== undefined)
      return { bytesSent: 0, sha256: null, skipped: true };
    return new UploadSession(this.http, repository).uploadBytes(digest, bytes);
  }

  /** Streams a file into the repository as the blob `digest` unless the repository has it. */
  async uploadBlobFromFile(repository: string, file: string, digest: string, size: number): Promise<UploadResult> {
    if ((await this.blobSize(repository, digest, 'pull,push')) !== undefined)
      return { bytesSent: 0, sha256: null, skipped: true };
    return new UploadSession(this.http, repository).uploadFile(file, digest, size, this.sizes);
  }

  async putManifest(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType = OCI_MANIFEST_MEDIA_TYPE,
  ): Promise<string> {
    const res = await this.http.send({
      method: 'PUT',
      target: `/v2/${repository}/manifests/${reference}`,
      repository,
      scope: 'pull,push',
      headers: { 'Content-Type': mediaType },
      body: bytes,
    });
    if (res.status !== 201)
      throw this.http.fail('registry-manifest', `putting manifest ${repository}:${reference} failed`, 'PUT', res);
    return responseHeader(res, 'docker-content-digest') ?? sha256Digest(bytes);
  }

  /**
   * The manifest, or undefined when the tag or digest does not exist. Asked for by digest, the
   * bytes must have that digest: a registry that answers with anything else is an error.
   */
  async getManifest(
    repository: string,
    reference: string,
    scope: Scope = 'pull',
  ): Promise<FetchedManifest | undefined> {
    const res = await this.http.send({
      method: 'GET',
      target: `/v2/${repository}/manifests/${reference}`,
      repository,
      scope,
      headers: { Accept: MANIFEST_ACCEPT },
    });
    if (res.status === 404) return undefined;
    if (res.status !== 200)
      throw this.http.fail('registry-manifest', `getting manifest ${repository}:${reference} failed`, 'GET', res);
    const digest = sha256Digest(res.body);
    // A tag has no ':'; a reference with one is a digest, and only sha256 ones are read.
    if (reference.includes(':') && reference !== digest) {
      throw new RegistryError(
        'manifest-digest',
        `${this.registry} answered ${repository}@${reference} with a manifest whose digest is ${digest}`,
        { method: 'GET', url: `${res.url.origin}${res.url.pathname}`, status: res.status, codes: [] },
        { hint: 'The registry or something between it and this runner changed the manifest; nothing was used.' },
      );
    }
    const mediaType = (responseHeader(res, 'content-type') ?? '').split(';')[0]?.trim() ?? '';
    return { bytes: res.body, digest, mediaType };
  }

  /**
   * Every tag, following `Link: <...>; rel="next"` pages; empty when the repository does not
   * exist. Fails beyond `maxTags` tags or 10 000 pages.
   */
  async listTags(repository: string, pageSize = 100): Promise<string[]> {
    const tags: string[] = [];
    let target: string | URL | undefined = `/v2/${repository}/tags/list?n=${pageSize}`;
    for (let page = 0; target !== undefined; page++) {
      if (page >= MAX_TAG_PAGES)
        throw new IpmDbError('registry-tags', `tag listing of ${repository} did not end after ${MAX_TAG_PAGES} pages`);
      const res: RawResponse = await this.http.send({
        method: 'GET',
        target,
        repository,
        scope: 'pull',
        headers: { Accept: 'application/json' },
      });
      if (res.status === 404 && page === 0) return [];
      if (res.status !== 200) throw this.http.fail('registry-tags', `listing tags of ${repository} failed`, 'GET', res);
      let pageTags: unknown;
      try {
        pageTags = (JSON.parse(res.body.toString('utf8')) as { tags?: unknown }).tags ?? [];
      } catch {
        pageTags = undefined;
      }
      if (!Array.isArray(pageTags))
        throw new IpmDbError('registry-tags', `the tag list of ${repository} from ${this.registry} is not JSON`);
      for (const tag of pageTags) {
        if (tags.length >= this.maxTags) {
          throw new IpmDbError('registry-tags', `${repository} has more than ${this.maxTags} tags; stopped listing`);
        }
        if (typeof tag === 'string') tags.push(tag);
      }
      const link = responseHeader(res, 'link');
      const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
      target = next === undefined ? undefined : this.http.policy.check(new URL(next, res.url), 'tag list page');
    }
    return tags;
  }

  /**
   * Hands the blob's bytes to `consume` as they arrive; the chunks end with an error when their
   * size or digest is not the one asked for. A broken connection starts again (within the
   * retry budget) with a fresh call of `consume`.
   */
  async readBlob<T>(
    repository: string,
    digest: string,
    size: number,
    consume: (chunks: AsyncIterable<Buffer>) => Promise<T>,
  ): Promise<T> {
    const target = `/v2/${repository}/blobs/${digest}`;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.http.send({ method: 'GET', target, repository, scope: 'pull', stream: true });
        if (res.status !== 200 || !res.stream)
          throw this.http.fail('registry-blob', `downloading ${digest} from ${repository} failed`, 'GET', res);
        return await consume(checkedBlob(res.stream, digest, size));
      } catch (err) {
        const url = new URL(target, this.http.baseUrl);
        const what = `download of ${digest} (starting again)`;
        await sleep(this.http.networkRetryDelay(err, what, 'registry-blob', attempt, started, 'GET', url));
      }
    }
  }

  /**
   * Downloads a blob into `dest` (through a temporary file next to it), checking its size and
   * digest before the file appears under its name.
   */
  downloadBlob(repository: string, digest: string, size: number, dest: string): Promise<void> {
    return this.readBlob(repository, digest, size, async (chunks) => {
      const partial = `${dest}.partial`;
      try {
        await pipeline(Readable.from(chunks), createWriteStream(partial));
        await rename(partial, dest);
      } catch (err) {
        await rm(partial, { force: true });
        throw err;
      }
    });
  }
}
