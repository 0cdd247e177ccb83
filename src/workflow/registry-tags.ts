/**
 * Reads an image repository's tag list over the registry HTTP API (GET /v2/<repo>/tags/list),
 * following pagination. Answers a 401 challenge once: Bearer (a token from the realm, anonymous or
 * with the credentials as Basic) or Basic. containers.intersystems.com serves community images to
 * anonymous clients; licensed images need the user's credentials.
 */
import { IpmDbError } from '../util/errors.js';
import { registerSecret } from '../util/redact.js';

export interface TagListOptions {
  /** Registry host[:port], e.g. containers.intersystems.com. */
  registry: string;
  /** Repository path, e.g. intersystems/iris-community. */
  repository: string;
  credentials?: { username: string; password: string };
  /** http only for loopback test registries. */
  plainHttp?: boolean;
  /** Page size asked for (the registry may return fewer). */
  pageSize?: number;
  maxPages?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses `Bearer realm="...",service="...",scope="..."` (and `Basic realm="..."`). */
export function parseChallenge(header: string | null): Challenge | null {
  if (!header) return null;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return null;
  const params: Record<string, string> = {};
  for (const p of (m[2] ?? '').matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g))
    params[(p[1] ?? '').toLowerCase()] = p[2] ?? p[3] ?? '';
  return { scheme: (m[1] ?? '').toLowerCase(), params };
}

/** The next page's path from a `Link: </v2/...?last=x&n=y>; rel="next"` header. */
export function nextPageUrl(link: string | null, base: string): string | null {
  if (!link) return null;
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
  return m?.[1] ? new URL(m[1], base).toString() : null;
}

function basic(credentials: { username: string; password: string } | undefined): string {
  const { username, password } = credentials ?? { username: '', password: '' };
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export async function listTags(opts: TagListOptions): Promise<string[]> {
  const doFetch = opts.fetchImpl ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxPages = opts.maxPages ?? 50;
  if (opts.credentials?.password) registerSecret(opts.credentials.password);
  const origin = `${opts.plainHttp ? 'http' : 'https'}://${opts.registry}`;
  const where = `${opts.registry}/${opts.repository}`;
  let url: string | null = `${origin}/v2/${opts.repository}/tags/list?n=${opts.pageSize ?? 1000}`;
  let authorization: string | null = null;
  const tags: string[] = [];

  const get = async (target: string, headers: Record<string, string>): Promise<Response> => {
    try {
      return await doFetch(target, { headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new IpmDbError('registry-unreachable', `Could not reach ${opts.registry} to list the tags of ${where}.`, {
        hint: 'Check the network and iris-image-registry, or give iris-versions as a JSON list instead of auto.',
        cause: err,
      });
    }
  };

  for (let page = 0; url !== null; page++) {
    if (page >= maxPages)
      throw new IpmDbError('registry-tags', `${where} has more than ${maxPages} pages of tags; stopped reading.`);
    let res = await get(url, authorization ? { Authorization: authorization } : {});
    if (res.status === 401 && authorization === null) {
      authorization = await answerChallenge(res, opts, get, where);
      res = await get(url, { Authorization: authorization });
    }
    if (res.status === 401 || res.status === 403)
      throw new IpmDbError(
        'registry-denied',
        `${opts.registry} refused to list the tags of ${where} (${res.status}).`,
        {
          hint: 'Licensed images need the iris-registry-username and iris-registry-password secrets; community images need none.',
        },
      );
    if (res.status === 404)
      throw new IpmDbError('registry-tags', `${where} does not exist (404).`, {
        hint: 'Check iris-flavour (e.g. iris-community, irishealth-community) and iris-image-registry.',
      });
    if (!res.ok) throw new IpmDbError('registry-tags', `Listing the tags of ${where} failed: HTTP ${res.status}.`);
    const body = (await res.json().catch(() => null)) as { tags?: unknown } | null;
    if (!body || (body.tags !== null && body.tags !== undefined && !Array.isArray(body.tags)))
      throw new IpmDbError('registry-tags', `${opts.registry} answered the tag list of ${where} with something else.`);
    for (const t of (body.tags as unknown[] | null | undefined) ?? []) if (typeof t === 'string') tags.push(t);
    url = nextPageUrl(res.headers.get('link'), origin);
  }
  return tags;
}

async function answerChallenge(
  res: Response,
  opts: TagListOptions,
  get: (url: string, headers: Record<string, string>) => Promise<Response>,
  where: string,
): Promise<string> {
  const challenge = parseChallenge(res.headers.get('www-authenticate'));
  if (challenge?.scheme === 'basic') return basic(opts.credentials);
  if (challenge?.scheme !== 'bearer' || !challenge.params.realm)
    throw new IpmDbError(
      'registry-denied',
      `${opts.registry} asks for authentication it does not describe (${where}).`,
    );
  const tokenUrl = new URL(challenge.params.realm);
  if (challenge.params.service) tokenUrl.searchParams.set('service', challenge.params.service);
  tokenUrl.searchParams.set('scope', challenge.params.scope || `repository:${opts.repository}:pull`);
  const tokenRes = await get(tokenUrl.toString(), opts.credentials ? { Authorization: basic(opts.credentials) } : {});
  if (!tokenRes.ok)
    throw new IpmDbError(
      'registry-denied',
      `${opts.registry} refused a pull token for ${where} (${tokenRes.status}).`,
      {
        hint: 'Licensed images need the iris-registry-username and iris-registry-password secrets.',
      },
    );
  const body = (await tokenRes.json().catch(() => null)) as { token?: string; access_token?: string } | null;
  const token = body?.token || body?.access_token;
  if (!token) throw new IpmDbError('registry-denied', `${opts.registry} sent no token for ${where}.`);
  registerSecret(token);
  return `Bearer ${token}`;
}
