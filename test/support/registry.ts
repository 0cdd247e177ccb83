/**
 * A real OCI registry for tests: Debian's /usr/bin/docker-registry (CNCF distribution 2.8)
 * started as a background process on 127.0.0.1:<free port> with a generated config in a
 * temporary directory (filesystem storage, deletes enabled), stopped by PID.
 *
 *   const reg = await startRegistry({ auth: 'none' | 'htpasswd' | 'token', deleteEnabled?: true });
 *   reg.host          // "127.0.0.1:<port>" (plain HTTP: pass plainHttp / --plain-http)
 *   reg.credentials   // { username, password } accepted by htpasswd and token modes
 *   reg.tokenServer   // token mode: { realm, service, requests } (requests counts issued tokens)
 *   await reg.stop()  // kills the registry (and token server), removes the temp dir
 *
 *   const proxy = await startFaultProxy(reg.host);   // loopback proxy in front of it
 *   proxy.inject({ method: 'PATCH', skip: 1, times: 1, respond: { status: 503 } });
 *   proxy.inject({ method: 'PUT', path: /\/blobs\/uploads\//, resetAfterBytes: 4096 });
 *   proxy.inject({ method: 'GET', path: /\/blobs\//, resetResponseAfterBytes: 1000 });
 *   proxy.inject({ method: 'HEAD', stall: true });   // never answers
 *   proxy.clearFaults() // drops faults not used up
 *   proxy.requests    // [{ method, path, status, authorized }] seen so far
 *   await proxy.stop()
 *
 * Token mode: the registry trusts a self-signed certificate made with openssl; the token
 * server (node:http, in this process) signs RS256 JWTs with its key, grants the requested
 * actions to `credentials` and only "pull" to anonymous callers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSign, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  credentialsOnlyFor,
  registryAccess,
  type RegistryAccess,
  type RegistryCredentials,
} from '../../src/oci/access.js';

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export type RegistryAuth = 'none' | 'htpasswd' | 'token';

export interface TokenServer {
  realm: string;
  service: string;
  /** Tokens issued so far, with who asked and for what. */
  requests: { user: string | null; scope: string | null }[];
}

export interface TestRegistry {
  host: string;
  auth: RegistryAuth;
  credentials: { username: string; password: string };
  tokenServer?: TokenServer;
  dataDir: string;
  stop(): Promise<void>;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  const port = await listen(server);
  await new Promise((r) => server.close(r));
  return port;
}

function run(command: string, args: string[], stdin = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr}`))));
    // A child that exits without reading its input must not crash this process (EPIPE).
    child.stdin.on('error', () => {});
    child.stdin.end(stdin);
  });
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

async function startTokenServer(dir: string, credentials: { username: string; password: string }) {
  const keyFile = join(dir, 'token.key');
  const certFile = join(dir, 'token.crt');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '1',
    '-subj',
    '/CN=ipm-db-test-token',
  ]);
  const key = await readFile(keyFile, 'utf8');
  const certDer = Buffer.from(
    (await readFile(certFile, 'utf8')).replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''),
    'base64',
  );
  const service = 'ipm-db-test-registry';
  const issuer = 'ipm-db-test-issuer';
  const requests: TokenServer['requests'] = [];
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const auth = req.headers.authorization;
    if (auth !== undefined && auth !== expected) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"details":"incorrect username or password"}');
      return;
    }
    const user = auth === undefined ? null : credentials.username;
    const scope = url.searchParams.get('scope');
    requests.push({ user, scope });
    const access = (url.searchParams.getAll('scope') ?? []).map((s) => {
      const [type, name, actions] = s.split(':');
      const wanted = (actions ?? '').split(',').filter(Boolean);
      return { type, name, actions: user ? wanted : wanted.filter((a) => a === 'pull') };
    });
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [certDer.toString('base64')] }));
    const claims = b64url(
      JSON.stringify({
        iss: issuer,
        sub: user ?? '',
        aud: service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomBytes(8).toString('hex'),
        access,
      }),
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key);
    const token = `${header}.${claims}.${b64url(signature)}`;
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ token, access_token: token, expires_in: 300 }));
  });
  const port = await listen(server);
  return {
    info: { realm: `http://127.0.0.1:${port}/token`, service, requests } satisfies TokenServer,
    issuer,
    certFile,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function waitReady(host: string, child: ChildProcess, logFile: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null)
      throw new Error(`docker-registry exited ${child.exitCode}: ${await readFile(logFile, 'utf8')}`);
    const status = await new Promise<number>((resolve) => {
      const req = http.get(`http://${host}/v2/`, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(0));
      req.setTimeout(1000, () => req.destroy());
    });
    if (status === 200 || status === 401) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry on ${host} not ready after 10 s: ${await readFile(logFile, 'utf8')}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(
    () => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'),
    5000,
  );
  await exited;
  clearTimeout(timer);
}

export async function startRegistry(
  opts: { auth?: RegistryAuth; deleteEnabled?: boolean } = {},
): Promise<TestRegistry> {
  const auth = opts.auth ?? 'none';
  const dir = await mkdtemp(join(tmpdir(), 'ipm-db-registry-'));
  const credentials = { username: 'ipm-tester', password: `pw-${randomBytes(12).toString('hex')}` };
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  let token: Awaited<ReturnType<typeof startTokenServer>> | undefined;
  let authConfig = '';
  if (auth === 'htpasswd') {
    const file = join(dir, 'htpasswd');
    await run('htpasswd', ['-B', '-i', '-c', file, credentials.username], credentials.password);
    authConfig = `auth:\n  htpasswd:\n    realm: ipm-db-test\n    path: ${file}\n`;
  } else if (auth === 'token') {
    token = await startTokenServer(dir, credentials);
    authConfig = [
      'auth:',
      '  token:',
      `    realm: ${token.info.realm}`,
      `    service: ${token.info.service}`,
      `    issuer: ${token.issuer}`,
      `    rootcertbundle: ${token.certFile}`,
      '',
    ].join('\n');
  }
  const config = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    `    enabled: ${opts.deleteEnabled ?? true}`,
    'http:',
    `  addr: ${host}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
    authConfig,
  ].join('\n');
  const configFile = join(dir, 'config.yml');
  await writeFile(configFile, config);
  const logFile = join(dir, 'registry.log');
  const log = createWriteStream(logFile);
  await new Promise((r) => log.once('open', r));
  const child = spawn(REGISTRY_BINARY, ['serve', configFile], { stdio: ['ignore', log, log], detached: false });
  const stop = async () => {
    await stopChild(child);
    log.close();
    await token?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(host, child, logFile);
  } catch (err) {
    await stop();
    throw err;
  }
  return { host, auth, credentials, ...(token ? { tokenServer: token.info } : {}), dataDir: join(dir, 'data'), stop };
}

export interface Fault {
  method?: string;
  path?: RegExp;
  /** Let this many matching requests through untouched first (default 0). */
  skip?: number;
  /** How many matching requests this fault applies to (default 1). */
  times?: number;
  /** Answer with this instead of forwarding (the request body is read first). */
  respond?: { status: number; headers?: Record<string, string>; body?: string | Buffer };
  /** Forward, then destroy both connections after this many request-body bytes. */
  resetAfterBytes?: number;
  /** Forward, then cut the connection after this many response-body bytes. */
  resetResponseAfterBytes?: number;
  /** Never answer (the connection stays open until the client gives up or the proxy stops). */
  stall?: boolean;
}

export interface FaultProxy {
  host: string;
  inject(fault: Fault): void;
  /** Drops faults not used up yet. */
  clearFaults(): void;
  /** Every request seen: its answer, and whether it carried an Authorization header. */
  requests: { method: string; path: string; status: number | 'reset' | 'stalled'; authorized: boolean }[];
  stop(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const faults: (Fault & { left: number; skip: number })[] = [];
  const requests: FaultProxy['requests'] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const authorized = req.headers.authorization !== undefined;
    const fault = faults.find(
      (f) => f.left > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)),
    );
    if (fault) fault.left--;
    if (fault?.stall) {
      requests.push({ method, path, status: 'stalled', authorized });
      req.resume();
      return;
    }
    if (fault?.respond) {
      const { status, headers, body } = fault.respond;
      req.resume();
      req.on('end', () => {
        requests.push({ method, path, status, authorized });
        res
          .writeHead(status, { 'Content-Type': 'application/json', ...headers })
          .end(body ?? '{"errors":[{"code":"UNAVAILABLE","message":"injected"}]}');
      });
      return;
    }
    const upstream = http.request(
      { host: target.split(':')[0], port: Number(target.split(':')[1]), method, path, headers: req.headers, agent },
      (up) => {
        requests.push({ method, path, status: up.statusCode ?? 0, authorized });
        res.writeHead(up.statusCode ?? 502, up.headers);
        const cutAt = fault?.resetResponseAfterBytes;
        if (cutAt === undefined) {
          up.pipe(res);
          return;
        }
        let sent = 0;
        up.on('data', (chunk: Buffer) => {
          if (sent + chunk.length <= cutAt) res.write(chunk);
          else {
            res.write(chunk.subarray(0, cutAt - sent));
            requests.push({ method, path, status: 'reset', authorized });
            up.destroy();
            res.socket?.destroy();
          }
          sent += chunk.length;
        });
        up.on('end', () => res.end());
      },
    );
    upstream.on('error', () => res.destroy());
    if (fault?.resetAfterBytes !== undefined) {
      let seen = 0;
      const limit = fault.resetAfterBytes;
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen <= limit) upstream.write(chunk);
        else {
          requests.push({ method, path, status: 'reset', authorized });
          upstream.destroy();
          req.socket.destroy();
        }
      });
      req.on('end', () => upstream.end());
      return;
    }
    req.pipe(upstream);
  });
  const port = await listen(server);
  return {
    host: `127.0.0.1:${port}`,
    inject: (f) => faults.push({ ...f, left: f.times ?? 1, skip: f.skip ?? 0 }),
    clearFaults: () => void faults.splice(0),
    requests,
    stop: () =>
      new Promise<void>((r) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Access to a test registry: plain HTTP unless told otherwise, credentials for that host only. */
export function testAccess(
  host: string,
  opts: { credentials?: RegistryCredentials; namespace?: string; plainHttp?: boolean } = {},
): RegistryAccess {
  return registryAccess({
    host,
    plainHttp: opts.plainHttp ?? true,
    namespace: opts.namespace ?? 'acme',
    credentialsFor: credentialsOnlyFor(host, opts.credentials),
  });
}
