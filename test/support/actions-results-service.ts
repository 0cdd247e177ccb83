/**
 * A loopback stand-in of the GitHub Actions results service, enough for the real
 * @actions/artifact (v2+) and @actions/cache (v4+, cache service v2) clients: their Twirp JSON
 * endpoints and the blob storage they are handed signed URLs for (Azure block-blob PUTs: single
 * shot, or staged blocks plus a block list; plain GET to download). Binds 127.0.0.1 only.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredArtifact {
  id: number;
  name: string;
  size: number;
  hash: string | null;
  bytes: Buffer;
  finalized: boolean;
  /** CreateArtifact's expires_at (RFC 3339), null when the client asked for the default retention. */
  expiresAt: string | null;
  /** CreateArtifact's mime_type: application/zip for a zipped artifact, the file's type otherwise. */
  mimeType: string | null;
}

export interface StoredCacheEntry {
  id: number;
  key: string;
  version: string;
  bytes: Buffer | null;
  finalized: boolean;
}

export interface ResultsService {
  url: string;
  /** The env a step needs to reach this service (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN, ...). */
  env: Record<string, string>;
  artifacts: StoredArtifact[];
  caches: StoredCacheEntry[];
  /** Every Twirp call, "Service/Method", in order. */
  calls: string[];
  /** While true, every Twirp call of the cache service answers 503 (an unavailable cache). */
  failCache: boolean;
  close(): Promise<void>;
}

const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';

function base64url(value: string): string {
  return Buffer.from(value).toString('base64url');
}

/** A JWT with the scp claim @actions/artifact parses for the run and job backend ids. */
export function runtimeToken(runId: string, jobId: string): string {
  const header = base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({ scp: `Actions.GenericRead:x Actions.Results:${runId}:${jobId}`, exp: 4102444800 }),
  );
  return `${header}.${claims}.c2ln`;
}

async function readBody(req: IncomingMessage, limit = 512 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startResultsService(): Promise<ResultsService> {
  const token = runtimeToken(randomBytes(8).toString('hex'), randomBytes(8).toString('hex'));
  const sig = randomBytes(16).toString('hex');
  const blobs = new Map<string, Buffer>();
  const blocks = new Map<string, Map<string, Buffer>>();
  let nextId = 1;
  const state = {
    artifacts: [] as StoredArtifact[],
    caches: [] as StoredCacheEntry[],
    calls: [] as string[],
    failCache: false,
  };
  let url = '';
  const signed = (blob: string) => `${url}/devstoreaccount1/store/${blob}?sig=${sig}`;

  function twirp(service: string, method: string, body: Record<string, unknown>, res: ServerResponse): void {
    if (service === CACHE_SERVICE && state.failCache)
      return json(res, 503, { code: 'unavailable', msg: 'cache service unavailable' });
    if (service === ARTIFACT_SERVICE) {
      const name = String(body.name ?? '');
      switch (method) {
        case 'CreateArtifact': {
          if (state.artifacts.some((a) => a.name === name && a.finalized))
            return json(res, 409, {
              code: 'already_exists',
              msg: `an artifact with this name already exists on the workflow run`,
            });
          const a: StoredArtifact = {
            id: nextId++,
            name,
            size: 0,
            hash: null,
            bytes: Buffer.alloc(0),
            finalized: false,
            expiresAt: typeof body.expires_at === 'string' ? body.expires_at : null,
            mimeType: typeof body.mime_type === 'string' ? body.mime_type : null,
          };
          state.artifacts.push(a);
          return json(res, 200, { ok: true, signed_upload_url: signed(`artifact-${a.id}`) });
        }
        case 'FinalizeArtifact': {
          const a = state.artifacts.find((x) => x.name === name && !x.finalized);
          if (!a) return json(res, 404, { code: 'not_found', msg: 'no artifact to finalize' });
          a.bytes = blobs.get(`artifact-${a.id}`) ?? Buffer.alloc(0);
          a.size = Number(body.size ?? 0);
          a.hash = typeof body.hash === 'string' ? body.hash : null;
          a.finalized = true;
          return json(res, 200, { ok: true, artifact_id: String(a.id) });
        }
        case 'ListArtifacts': {
          const filter = typeof body.name_filter === 'string' ? body.name_filter : null;
          const list = state.artifacts.filter((a) => a.finalized && (filter === null || a.name === filter));
          return json(res, 200, {
            artifacts: list.map((a) => ({
              workflow_run_backend_id: 'run',
              workflow_job_run_backend_id: 'job',
              database_id: String(a.id),
              name: a.name,
              size: String(a.size),
              created_at: new Date().toISOString(),
            })),
          });
        }
        case 'GetSignedArtifactURL': {
          const a = state.artifacts.find((x) => x.name === name && x.finalized);
          if (!a) return json(res, 404, { code: 'not_found', msg: 'artifact not found' });
          return json(res, 200, { signed_url: signed(`artifact-${a.id}`) });
        }
        case 'DeleteArtifact': {
          const i = state.artifacts.findIndex((x) => x.name === name);
          if (i < 0) return json(res, 404, { code: 'not_found', msg: 'artifact not found' });
          const [a] = state.artifacts.splice(i, 1);
          return json(res, 200, { ok: true, artifact_id: String(a?.id ?? 0) });
        }
      }
    }
    if (service === CACHE_SERVICE) {
      const key = String(body.key ?? '');
      const version = String(body.version ?? '');
      switch (method) {
        case 'CreateCacheEntry': {
          if (state.caches.some((c) => c.key === key && c.version === version))
            return json(res, 200, { ok: false, message: `cache entry ${key} already exists` });
          const c: StoredCacheEntry = { id: nextId++, key, version, bytes: null, finalized: false };
          state.caches.push(c);
          return json(res, 200, { ok: true, signed_upload_url: signed(`cache-${c.id}`) });
        }
        case 'FinalizeCacheEntryUpload': {
          const c = state.caches.find((x) => x.key === key && x.version === version && !x.finalized);
          if (!c) return json(res, 200, { ok: false, message: 'no reserved entry' });
          c.bytes = blobs.get(`cache-${c.id}`) ?? null;
          if (!c.bytes || String(c.bytes.length) !== String(body.size_bytes))
            return json(res, 200, { ok: false, message: 'uploaded size differs from size_bytes' });
          c.finalized = true;
          return json(res, 200, { ok: true, entry_id: String(c.id) });
        }
        case 'GetCacheEntryDownloadURL': {
          const keys = [key, ...((body.restore_keys as string[] | undefined) ?? [])];
          for (const k of keys) {
            const exact = state.caches.find((c) => c.finalized && c.version === version && c.key === k);
            const prefix =
              exact ??
              [...state.caches].reverse().find((c) => c.finalized && c.version === version && c.key.startsWith(k));
            if (prefix)
              return json(res, 200, {
                ok: true,
                signed_download_url: signed(`cache-${prefix.id}`),
                matched_key: prefix.key,
              });
          }
          return json(res, 200, { ok: false });
        }
      }
    }
    json(res, 404, { code: 'bad_route', msg: `no handler for ${service}/${method}` });
  }

  function blob(req: IncomingMessage, res: ServerResponse, target: URL, body: Buffer): void {
    if (target.searchParams.get('sig') !== sig) return json(res, 403, { msg: 'bad signature' });
    const name = target.pathname.split('/').pop() ?? '';
    const headers = {
      'x-ms-request-id': randomBytes(8).toString('hex'),
      'x-ms-version': '2024-05-04',
      etag: '"0x1"',
      'last-modified': new Date().toUTCString(),
    };
    if (req.method === 'GET' || req.method === 'HEAD') {
      const data = blobs.get(name);
      if (!data) return json(res, 404, { msg: 'blob not found' });
      res.writeHead(200, {
        ...headers,
        'content-length': data.length,
        'content-type': 'application/octet-stream',
        'x-ms-blob-type': 'BlockBlob',
      });
      res.end(req.method === 'GET' ? data : undefined);
      return;
    }
    if (req.method !== 'PUT') return json(res, 405, { msg: 'method not allowed' });
    const comp = target.searchParams.get('comp');
    if (comp === 'block') {
      const id = target.searchParams.get('blockid') ?? '';
      if (!blocks.has(name)) blocks.set(name, new Map());
      blocks.get(name)!.set(id, body);
    } else if (comp === 'blocklist') {
      const staged = blocks.get(name) ?? new Map<string, Buffer>();
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map(
        (m) => m[1] ?? '',
      );
      const missing = ids.filter((id) => !staged.has(id));
      if (missing.length) return json(res, 400, { msg: `blocks not staged: ${missing.join(',')}` });
      blobs.set(name, Buffer.concat(ids.map((id) => staged.get(id)!)));
      blocks.delete(name);
    } else if (comp === null) {
      blobs.set(name, body);
    } else return json(res, 400, { msg: `unsupported comp=${comp}` });
    res.writeHead(201, { ...headers, 'content-length': 0 });
    res.end();
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const target = new URL(req.url ?? '/', url);
        const body = await readBody(req);
        const m = /^\/twirp\/([^/]+)\/([^/]+)$/.exec(target.pathname);
        if (m && req.method === 'POST') {
          if (req.headers.authorization !== `Bearer ${token}`)
            return json(res, 401, { code: 'unauthenticated', msg: 'bad token' });
          state.calls.push(`${m[1]?.split('.').pop()}/${m[2]}`);
          return twirp(
            m[1] ?? '',
            m[2] ?? '',
            JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>,
            res,
          );
        }
        if (target.pathname.startsWith('/devstoreaccount1/store/')) return blob(req, res, target, body);
        json(res, 404, { msg: 'not found' });
      } catch (err) {
        if (!res.headersSent) json(res, 500, { msg: String(err) });
        else res.destroy();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    env: {
      ACTIONS_RESULTS_URL: `${url}/`,
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      // Keep the clients' retry back-off short against a local service.
      ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY: '2',
    },
    get artifacts() {
      return state.artifacts;
    },
    get caches() {
      return state.caches;
    },
    get calls() {
      return state.calls;
    },
    get failCache() {
      return state.failCache;
    },
    set failCache(v: boolean) {
      state.failCache = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
