// Pulling a database package from an OCI registry the way IPM's ORAS repository does (contract
// section 8; Repo/Oras/PackageService.cls): repository <url>/v2/[<namespace>/]<module>, tags
// <version>_database__<major.minor>, the highest version and, of its tags, the first in registry
// order; one layer of media type application/vnd.oci.image.layer.v1.tar holding the .tgz, whose
// size and sha256 are checked. Basic credentials, or a bearer token fetched from the registry's
// challenge. The session is synchronous, so HTTP runs in a child node process.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { compareVersions } from './versions.js';

export interface OrasRepo {
  name: string;
  url: string;
  namespace: string;
  username: string;
  /** Names of environment variables holding the secret (never the secret itself). */
  passwordEnv: string;
  tokenEnv: string;
}

export interface PulledPackage {
  tag: string;
  version: string;
  platformVersion: string;
  file: string;
}

export class OrasError extends Error {}

const LAYER_TYPE = 'application/vnd.oci.image.layer.v1.tar';
const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';

/** Runs in a child node: GET `url` with auth, following one bearer challenge; writes the body to `out`. */
const HTTP_GET = `
const [url, accept, out] = process.argv.slice(1);
const user = process.env.STANDIN_HTTP_USER || '';
const pass = process.env.STANDIN_HTTP_PASS || '';
const token = process.env.STANDIN_HTTP_TOKEN || '';
const fs = require('node:fs');
async function get(u, auth) {
  const headers = { Accept: accept };
  if (auth) headers.Authorization = auth;
  return fetch(u, { headers, redirect: 'follow' });
}
(async () => {
  let auth = token ? 'Bearer ' + token : user ? 'Basic ' + Buffer.from(user + ':' + pass).toString('base64') : '';
  let res = await get(url, auth);
  const challenge = res.headers.get('www-authenticate') || '';
  if (res.status === 401 && /^Bearer /i.test(challenge)) {
    const params = Object.fromEntries([...challenge.matchAll(/(\\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const t = new URL(params.realm);
    if (params.service) t.searchParams.set('service', params.service);
    if (params.scope) t.searchParams.set('scope', params.scope);
    const basic = user ? 'Basic ' + Buffer.from(user + ':' + (pass || token)).toString('base64') : '';
    const tr = await get(t.toString(), basic);
    if (tr.ok) {
      const body = await tr.json();
      res = await get(url, 'Bearer ' + (body.token || body.access_token));
    }
  }
  fs.writeFileSync(out, Buffer.from(await res.arrayBuffer()));
  process.stdout.write(JSON.stringify({ status: res.status, type: res.headers.get('content-type') || '' }));
})().catch((e) => { process.stdout.write(JSON.stringify({ status: 0, error: String(e.cause?.code || e.message) })); });
`;

function httpGet(
  repo: OrasRepo,
  env: NodeJS.ProcessEnv,
  url: string,
  accept: string,
  out: string,
): { status: number; type: string } {
  const pass = repo.passwordEnv ? (env[repo.passwordEnv] ?? '') : '';
  const token = repo.tokenEnv ? (env[repo.tokenEnv] ?? '') : '';
  // Credentials reach the child through its environment, never its argv.
  const raw = execFileSync(process.execPath, ['-e', HTTP_GET, url, accept, out], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { PATH: env.PATH ?? '', STANDIN_HTTP_USER: repo.username, STANDIN_HTTP_PASS: pass, STANDIN_HTTP_TOKEN: token },
  });
  const r = JSON.parse(raw) as { status: number; type?: string; error?: string };
  if (r.status === 0) throw new OrasError(`Could not reach ${new URL(url).origin}: ${r.error}`);
  return { status: r.status, type: r.type ?? '' };
}

function repositoryUrl(repo: OrasRepo, module: string): string {
  const base = repo.url.replace(/\/+$/, '');
  const path = [repo.namespace.replace(/^\/+|\/+$/g, ''), module.toLowerCase()].filter(Boolean).join('/');
  return `${base}/v2/${path}`;
}

/** `<version>_database__<platform>` -> parts; undefined for other tags. */
export function parseDatabaseTag(tag: string): { version: string; platformVersion: string } | undefined {
  const m = /^(.+)_database__(\d+\.\d+)$/.exec(tag);
  return m ? { version: m[1]!.replace(/_/g, '+'), platformVersion: m[2]! } : undefined;
}

/** Database-package versions this repository offers for `module` ([] when it has none). */
export function listTags(repo: OrasRepo, env: NodeJS.ProcessEnv, module: string, scratch: string): string[] {
  const r = httpGet(repo, env, `${repositoryUrl(repo, module)}/tags/list`, 'application/json', scratch);
  if (r.status === 404) return [];
  if (r.status !== 200)
    throw new OrasError(`Listing tags of ${module} in repository ${repo.name} failed: HTTP ${r.status}`);
  const body = JSON.parse(readFileSync(scratch, 'utf8')) as { tags?: string[] | null };
  return body.tags ?? [];
}

/** Picks the highest version and, among its database tags, the first in registry order. */
export function pickTag(tags: string[]): { tag: string; version: string; platformVersion: string } | undefined {
  const db = tags.map((tag) => ({ tag, ...parseDatabaseTag(tag)! })).filter((t) => t.version !== undefined);
  if (db.length === 0) return undefined;
  const best = db.reduce((a, b) => (compareVersions(b.version, a.version) > 0 ? b : a));
  return db.find((t) => t.version === best.version);
}

export function pullDatabasePackage(
  repo: OrasRepo,
  env: NodeJS.ProcessEnv,
  module: string,
  tag: string,
  dest: string,
): void {
  const base = repositoryUrl(repo, module);
  const manifestFile = `${dest}.manifest.json`;
  const m = httpGet(repo, env, `${base}/manifests/${tag}`, MANIFEST_TYPE, manifestFile);
  if (m.status !== 200) throw new OrasError(`Pulling ${module}:${tag} failed: HTTP ${m.status} for its manifest`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    mediaType?: string;
    layers?: { mediaType: string; digest: string; size: number }[];
  };
  if (manifest.mediaType !== MANIFEST_TYPE)
    throw new OrasError(`${module}:${tag} is not an OCI image manifest (${manifest.mediaType})`);
  const layer = manifest.layers?.[0];
  if (!layer || manifest.layers!.length !== 1 || layer.mediaType !== LAYER_TYPE) {
    throw new OrasError(`${module}:${tag} must have exactly one layer of type ${LAYER_TYPE}`);
  }
  const b = httpGet(repo, env, `${base}/blobs/${layer.digest}`, '*/*', dest);
  if (b.status !== 200) throw new OrasError(`Pulling ${module}:${tag} failed: HTTP ${b.status} for ${layer.digest}`);
  const bytes = readFileSync(dest);
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  if (bytes.length !== layer.size || digest !== layer.digest) {
    writeFileSync(dest, '');
    throw new OrasError(
      `Downloaded layer of ${module}:${tag} does not match its manifest (size ${bytes.length}, ${digest})`,
    );
  }
}
