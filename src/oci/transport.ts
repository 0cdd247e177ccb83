// One HTTP exchange with a registry on Node's own http/https: request bodies from buffers
// or re-openable streams, redirects (Authorization dropped when the origin changes), and
// responses either buffered (bounded) or handed back as a stream.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { IpmDbError } from '../util/errors.js';

export type RequestBody = Buffer | { length: number; open: () => Readable };

export interface RawRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: RequestBody;
  /** Abort with ETIMEDOUT when the connection is silent this long (default 60 s). */
  idleTimeoutMs?: number;
  /** Called with each redirect target before it is followed; throws to refuse it. */
  checkRedirect?: (next: URL) => void;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The final URL after redirects. */
  url: URL;
  /** Present unless the caller asked for a stream. */
  body: Buffer;
  stream?: IncomingMessage;
}

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8 });
const MAX_BUFFERED_BODY = 16 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

function sendOnce(req: RawRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = req.url.protocol === 'https:' ? https : http;
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = req.body.length;
    else if (req.method === 'PUT' || req.method === 'POST' || req.method === 'PATCH') headers['Content-Length'] = 0;
    let settled = false;
    let bodySent = req.body === undefined || Buffer.isBuffer(req.body);
    const outgoing = mod.request(
      req.url,
      { method: req.method, headers, agent: req.url.protocol === 'https:' ? httpsAgent : httpAgent },
      (res) => {
        settled = true;
        // The server answered before taking the whole body (401, 413...): this socket cannot be reused.
        if (!bodySent) res.on('end', () => outgoing.destroy());
        resolve(res);
      },
    );
    outgoing.setTimeout(req.idleTimeoutMs ?? 60_000, () => {
      outgoing.destroy(
        Object.assign(new Error(`no data from ${req.url.host} for ${req.idleTimeoutMs ?? 60_000} ms`), {
          code: 'ETIMEDOUT',
        }),
      );
    });
    outgoing.on('error', (err) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
    if (req.body === undefined) outgoing.end();
    else if (Buffer.isBuffer(req.body)) outgoing.end(req.body);
    else {
      const source = req.body.open();
      source.on('error', (err) => outgoing.destroy(err));
      outgoing.on('finish', () => (bodySent = true));
      outgoing.on('close', () => source.destroy());
      source.pipe(outgoing);
    }
  });
}

export async function readBody(res: IncomingMessage, limit = MAX_BUFFERED_BODY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      res.destroy();
      throw new IpmDbError(
        'registry-response-too-large',
        `the registry sent more than ${limit} bytes where a small document was expected`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Sends the request, following redirects for GET and HEAD. When a redirect leads to another
 * origin (blob storage), the Authorization header is not sent there.
 */
export async function exchange(req: RawRequest, opts: { stream?: boolean } = {}): Promise<RawResponse> {
  let current = req;
  for (let hop = 0; ; hop++) {
    const res = await sendOnce(current);
    const location = res.headers.location;
    const status = res.statusCode ?? 0;
    if (REDIRECT_STATUS.has(status) && location && (current.method === 'GET' || current.method === 'HEAD')) {
      res.resume();
      if (hop >= MAX_REDIRECTS)
        throw new IpmDbError('registry-redirects', `more than ${MAX_REDIRECTS} redirects from ${req.url.origin}`);
      const next = new URL(location, current.url);
      current.checkRedirect?.(next);
      const headers = { ...current.headers };
      if (next.origin !== current.url.origin) {
        for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
      }
      current = { ...current, url: next, headers };
      continue;
    }
    if (opts.stream && status >= 200 && status < 300) {
      return { status, headers: res.headers, url: current.url, body: Buffer.alloc(0), stream: res };
    }
    const body = current.method === 'HEAD' ? (res.resume(), Buffer.alloc(0)) : await readBody(res);
    return { status, headers: res.headers, url: current.url, body };
  }
}
