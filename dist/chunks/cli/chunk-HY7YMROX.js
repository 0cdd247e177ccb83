import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  CREDENTIAL_ENV,
  RegistryError,
  registryResponseError,
  urlForMessage
} from "./chunk-SCA4I4KM.js";
import {
  redact,
  registerSecret
} from "./chunk-KHG3NGCP.js";
import {
  sha256Digest,
  validateRegistryHost
} from "./chunk-7XQEMRI4.js";
import {
  IpmDbError,
  UsageError
} from "./chunk-PS7E4X32.js";

// src/util/log.ts
function consoleLogger(opts = {}) {
  const out = opts.stream ?? process.stderr;
  const where = (w) => w?.file ? `${w.file}${w.line ? `:${w.line}` : ""}: ` : "";
  return {
    info: (m) => void out.write(`${m}
`),
    warn: (m, w) => void out.write(`warning: ${where(w)}${m}
`),
    error: (m, w) => void out.write(`error: ${where(w)}${m}
`),
    debug: (m) => {
      if (opts.verbose) out.write(`debug: ${m}
`);
    },
    group: async (title, fn) => {
      out.write(`== ${title}
`);
      return fn();
    }
  };
}
var silentLogger = {
  info: () => {
  },
  warn: () => {
  },
  error: () => {
  },
  debug: () => {
  },
  group: (_title, fn) => fn()
};

// src/oci/access.ts
var sameHost = (a, b) => a.toLowerCase() === b.toLowerCase();
function registryAccess(o) {
  const extra = o.onSecret;
  const onSecret = (value) => {
    registerSecret(value);
    extra?.(value);
  };
  const source = o.credentialsFor ?? (() => void 0);
  return {
    host: validateRegistryHost(o.host),
    namespace: o.namespace ?? "",
    plainHttp: o.plainHttp ?? false,
    credentialsFor: (host) => {
      const credentials = source(host);
      if (credentials) onSecret(credentials.password);
      return credentials;
    },
    onSecret
  };
}
function credentialsOnlyFor(host, credentials) {
  return (h) => credentials && sameHost(h, host) ? credentials : void 0;
}
function firstCredentials(...sources) {
  return (host) => {
    for (const source of sources) {
      const found = source(host);
      if (found) return found;
    }
    return void 0;
  };
}
function accessForHost(access, host) {
  if (sameHost(host, access.host)) return access;
  const hostname = (h) => new URL(`http://${h}/`).hostname;
  return {
    ...access,
    host: validateRegistryHost(host),
    namespace: "",
    plainHttp: access.plainHttp && hostname(host) === hostname(access.host)
  };
}
var OriginPolicy = class {
  constructor(access) {
    this.access = access;
    this.baseUrl = new URL(`${access.plainHttp ? "http" : "https"}://${access.host}/`);
  }
  access;
  baseUrl;
  mayUse(url) {
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && this.access.plainHttp && url.hostname === this.baseUrl.hostname;
  }
  mayCarryCredentials(url) {
    return url.origin === this.baseUrl.origin;
  }
  /** Throws when `url` (a Location, a Link page, a token realm, a redirect) may not be used. */
  check(url, what, method = "GET") {
    if (this.mayUse(url)) return url;
    throw new RegistryError(
      "registry-insecure-url",
      `${what}: ${this.access.host} sent the client to ${urlForMessage(url)}, which is not https`,
      { method, url: urlForMessage(url), status: null, codes: [] },
      {
        hint: "Nothing was sent there. Plain HTTP is only used for a host it was enabled for."
      }
    );
  }
};

// src/oci/client.ts
import { createHash as createHash2 } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/oci/media-types.ts
var OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
var OCI_INDEX_MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";
var DOCKER_MANIFEST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
var DOCKER_MANIFEST_LIST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.list.v2+json";
var IPM_CONFIG_MEDIA_TYPE = "application/vnd.unknown.config.v1+json";
var IPM_LAYER_MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar";
var TITLE_ANNOTATION = "org.opencontainers.image.title";
var MANIFEST_ACCEPT = [
  OCI_MANIFEST_MEDIA_TYPE,
  OCI_INDEX_MEDIA_TYPE,
  DOCKER_MANIFEST_MEDIA_TYPE,
  DOCKER_MANIFEST_LIST_MEDIA_TYPE
].join(", ");

// src/oci/challenge.ts
function parseChallenges(header) {
  if (!header) return [];
  const out = [];
  let i = 0;
  const s = header;
  const skip = () => {
    while (i < s.length && (s[i] === " " || s[i] === "	" || s[i] === ",")) i++;
  };
  while (i < s.length) {
    skip();
    const schemeMatch = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/.exec(s.slice(i));
    if (!schemeMatch) break;
    const challenge = { scheme: schemeMatch[0].toLowerCase(), params: {} };
    i += schemeMatch[0].length;
    out.push(challenge);
    for (; ; ) {
      skip();
      const param = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*/.exec(s.slice(i));
      if (!param || !param[1]) break;
      i += param[0].length;
      let value = "";
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === "\\" && i + 1 < s.length) i++;
          value += s[i];
          i++;
        }
        i++;
      } else {
        const token = /^[^,\s]*/.exec(s.slice(i));
        value = token ? token[0] : "";
        i += value.length;
      }
      challenge.params[param[1].toLowerCase()] = value;
    }
  }
  return out;
}

// src/oci/auth.ts
var Authenticator = class {
  constructor(policy, fetchToken) {
    this.policy = policy;
    this.fetchToken = fetchToken;
    const access = policy.access;
    this.credentials = access.credentialsFor(access.host);
    if (this.credentials) {
      const encoded = Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString("base64");
      access.onSecret(this.credentials.password);
      access.onSecret(encoded);
      this.basic = `Basic ${encoded}`;
    }
  }
  policy;
  fetchToken;
  credentials;
  basic;
  /** Authorization header value per repository+scope once a challenge was answered. */
  answered = /* @__PURE__ */ new Map();
  basicOnly = false;
  get hasCredentials() {
    return this.credentials !== void 0;
  }
  /** The Authorization value for a request to the registry's own origin, if any. */
  header(repository, scope) {
    return this.answered.get(`${repository}|${scope}`) ?? (this.basicOnly ? this.basic : void 0);
  }
  /** After a 401: answers its challenge; false when there is nothing better to send than before. */
  async answer(response, repository, scope, method) {
    const key = `${repository}|${scope}`;
    this.answered.delete(key);
    const header = response.headers["www-authenticate"];
    const challenges = parseChallenges(Array.isArray(header) ? header[0] : header);
    const bearer = challenges.find((c) => c.scheme === "bearer");
    if (bearer?.params.realm) {
      const token = await this.requestToken(bearer.params, repository, scope);
      this.answered.set(key, `Bearer ${token}`);
      return true;
    }
    if (challenges.some((c) => c.scheme === "basic")) {
      if (!this.basic) {
        throw new RegistryError(
          "registry-credentials-missing",
          `${this.policy.access.host} requires a user name and password`,
          {
            method,
            url: urlForMessage(response.url),
            status: 401,
            codes: []
          }
        );
      }
      if (this.basicOnly) return false;
      this.basicOnly = true;
      return true;
    }
    return false;
  }
  async requestToken(params, repository, scope) {
    let realm;
    try {
      realm = new URL(params.realm ?? "");
    } catch {
      throw new RegistryError("registry-auth", `${this.policy.access.host} named a token realm that is not a URL`, {
        method: "GET",
        url: this.policy.baseUrl.toString(),
        status: 401,
        codes: []
      });
    }
    this.policy.check(realm, "token realm");
    if (params.service) realm.searchParams.set("service", params.service);
    const wanted = repository ? `repository:${repository}:${scope}` : params.scope;
    if (wanted) realm.searchParams.set("scope", wanted);
    const headers = { Accept: "application/json" };
    if (this.basic) headers.Authorization = this.basic;
    const res = await this.fetchToken(realm, headers);
    if (res.status !== 200) {
      throw registryResponseError("registry-auth", `getting a token from ${urlForMessage(realm)} failed`, {
        method: "GET",
        url: realm,
        status: res.status,
        body: res.body
      });
    }
    let token;
    try {
      const parsed = JSON.parse(res.body.toString("utf8"));
      const value = parsed.token ?? parsed.access_token;
      token = typeof value === "string" && value.length > 0 ? value : void 0;
    } catch {
      token = void 0;
    }
    if (!token) {
      throw new RegistryError("registry-auth", `the token service at ${realm.origin} sent no token`, {
        method: "GET",
        url: urlForMessage(realm),
        status: res.status,
        codes: []
      });
    }
    this.policy.access.onSecret(token);
    return token;
  }
};

// src/oci/retry.ts
var DEFAULT_RETRY_POLICY = {
  maxAttempts: 6,
  maxTotalMs: 12e4,
  baseDelayMs: 500,
  maxDelayMs: 2e4
};
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var RETRYABLE_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET"
]);
function isRetryableStatus(status) {
  return RETRYABLE_STATUS.has(status);
}
function isRetryableNetworkError(err) {
  const code = err?.code;
  if (typeof code === "string" && RETRYABLE_CODES.has(code)) return true;
  return err instanceof Error && /socket hang up|aborted/i.test(err.message);
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === void 0) return void 0;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  const when = Date.parse(text);
  if (Number.isNaN(when)) return void 0;
  return Math.max(0, when - now);
}
function nextRetryDelay(policy, attempt, elapsedMs, retryAfterMs, random = Math.random) {
  if (attempt >= policy.maxAttempts) return void 0;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const delay = retryAfterMs !== void 0 ? retryAfterMs : Math.round(ceiling / 2 + random() * ceiling / 2);
  if (elapsedMs + delay > policy.maxTotalMs) return void 0;
  return delay;
}

// src/oci/transport.ts
import http from "node:http";
import https from "node:https";
var httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
var httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8 });
var MAX_BUFFERED_BODY = 16 * 1024 * 1024;
var MAX_REDIRECTS = 5;
var REDIRECT_STATUS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
function sendOnce(req) {
  return new Promise((resolve, reject) => {
    const mod = req.url.protocol === "https:" ? https : http;
    const headers = { ...req.headers };
    if (req.body !== void 0) headers["Content-Length"] = req.body.length;
    else if (req.method === "PUT" || req.method === "POST" || req.method === "PATCH") headers["Content-Length"] = 0;
    let settled = false;
    let bodySent = req.body === void 0 || Buffer.isBuffer(req.body);
    const outgoing = mod.request(
      req.url,
      { method: req.method, headers, agent: req.url.protocol === "https:" ? httpsAgent : httpAgent },
      (res) => {
        settled = true;
        if (!bodySent) res.on("end", () => outgoing.destroy());
        resolve(res);
      }
    );
    outgoing.setTimeout(req.idleTimeoutMs ?? 6e4, () => {
      outgoing.destroy(
        Object.assign(new Error(`no data from ${req.url.host} for ${req.idleTimeoutMs ?? 6e4} ms`), {
          code: "ETIMEDOUT"
        })
      );
    });
    outgoing.on("error", (err) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
    if (req.body === void 0) outgoing.end();
    else if (Buffer.isBuffer(req.body)) outgoing.end(req.body);
    else {
      const source = req.body.open();
      source.on("error", (err) => outgoing.destroy(err));
      outgoing.on("finish", () => bodySent = true);
      outgoing.on("close", () => source.destroy());
      source.pipe(outgoing);
    }
  });
}
async function readBody(res, limit = MAX_BUFFERED_BODY) {
  const chunks = [];
  let size = 0;
  for await (const chunk of res) {
    size += chunk.length;
    if (size > limit) {
      res.destroy();
      throw new IpmDbError(
        "registry-response-too-large",
        `the registry sent more than ${limit} bytes where a small document was expected`
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
async function exchange(req, opts = {}) {
  let current = req;
  for (let hop = 0; ; hop++) {
    const res = await sendOnce(current);
    const location = res.headers.location;
    const status = res.statusCode ?? 0;
    if (REDIRECT_STATUS.has(status) && location && (current.method === "GET" || current.method === "HEAD")) {
      res.resume();
      if (hop >= MAX_REDIRECTS)
        throw new IpmDbError("registry-redirects", `more than ${MAX_REDIRECTS} redirects from ${req.url.origin}`);
      const next = new URL(location, current.url);
      current.checkRedirect?.(next);
      const headers = { ...current.headers };
      if (next.origin !== current.url.origin) {
        for (const name of Object.keys(headers)) if (name.toLowerCase() === "authorization") delete headers[name];
      }
      current = { ...current, url: next, headers };
      continue;
    }
    if (opts.stream && status >= 200 && status < 300) {
      return { status, headers: res.headers, url: current.url, body: Buffer.alloc(0), stream: res };
    }
    const body = current.method === "HEAD" ? (res.resume(), Buffer.alloc(0)) : await readBody(res);
    return { status, headers: res.headers, url: current.url, body };
  }
}

// src/oci/registry-http.ts
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function responseHeader(res, name) {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
var TLS_CODE = /^(EPROTO|ERR_SSL|ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/;
var RegistryHttp = class {
  constructor(access, opts = {}) {
    this.access = access;
    this.policy = new OriginPolicy(access);
    this.logger = opts.logger ?? silentLogger;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 6e4;
    this.auth = new Authenticator(
      this.policy,
      (url, headers) => this.withRetries(
        `token request to ${url.origin}`,
        "GET",
        url,
        () => exchange({ method: "GET", url, headers, idleTimeoutMs: this.idleTimeoutMs, checkRedirect: this.redirectCheck })
      )
    );
  }
  access;
  policy;
  logger;
  retryPolicy;
  idleTimeoutMs;
  auth;
  get baseUrl() {
    return this.policy.baseUrl;
  }
  redirectCheck = (next) => void this.policy.check(next, "redirect");
  /** A failed answer, as a structured error. */
  fail(code, what, method, res) {
    return registryResponseError(code, what, { method, url: res.url, status: res.status, body: res.body });
  }
  /** TLS and name-resolution failures as registry errors; anything else unchanged. */
  connectionError(err, what, method, url) {
    const code = err?.code;
    if (typeof code !== "string") return err;
    const facts = { method, url: urlForMessage(url), status: null, codes: [] };
    if (TLS_CODE.test(code))
      return new RegistryError(
        "registry-tls",
        `${what}: the TLS connection to ${this.access.host} failed (${code})`,
        facts,
        { cause: err }
      );
    if (code === "ENOTFOUND")
      return new RegistryError(
        "registry-host-unknown",
        `${what}: the host name of ${url.host} does not resolve`,
        facts,
        { cause: err }
      );
    return err;
  }
  /**
   * After a failed attempt: the delay before the next one when the error is a broken or refused
   * connection and the budget allows; otherwise throws (the error itself, or a final RegistryError).
   */
  networkRetryDelay(err, what, code, attempt, started, method, url) {
    if (err instanceof IpmDbError) throw err;
    if (!isRetryableNetworkError(err)) throw this.connectionError(err, what, method, url);
    const reason = err.code ?? "connection closed";
    const delay = nextRetryDelay(this.retryPolicy, attempt, Date.now() - started, void 0);
    if (delay === void 0) {
      throw new RegistryError(
        code,
        `${what} failed after ${attempt} attempt(s): ${reason}`,
        { method, url: urlForMessage(url), status: null, codes: [] },
        { cause: err }
      );
    }
    this.logger.warn(
      `${what}: ${reason}; trying again in ${delay} ms (attempt ${attempt + 1}/${this.retryPolicy.maxAttempts})`
    );
    return delay;
  }
  /** The delay before restarting after a retryable status, or undefined when out of budget or not retryable. */
  statusRetryDelay(res, attempt, started) {
    if (!isRetryableStatus(res.status)) return void 0;
    return nextRetryDelay(
      this.retryPolicy,
      attempt,
      Date.now() - started,
      parseRetryAfter(responseHeader(res, "retry-after"))
    );
  }
  async withRetries(what, method, url, attemptFn) {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let res;
      try {
        res = await attemptFn();
      } catch (err) {
        await sleep(this.networkRetryDelay(err, what, "registry-unreachable", attempt, started, method, url));
        continue;
      }
      const delay = this.statusRetryDelay(res, attempt, started);
      if (delay !== void 0) {
        res.stream?.destroy();
        this.logger.warn(
          `${what}: HTTP ${res.status}; retrying in ${delay} ms (attempt ${attempt + 1}/${this.retryPolicy.maxAttempts})`
        );
        await sleep(delay);
        continue;
      }
      return res;
    }
  }
  /** One request with auth (a 401 from the registry's origin re-authenticates once) and, unless disabled, retries. */
  async send(r) {
    const url = typeof r.target === "string" ? new URL(r.target, this.baseUrl) : r.target;
    const what = `${r.method} ${url.pathname}`;
    this.policy.check(url, what, r.method);
    const ownOrigin = this.policy.mayCarryCredentials(url);
    const once = () => {
      const headers = { "User-Agent": "ipm-db", ...r.headers };
      const auth = ownOrigin ? this.auth.header(r.repository, r.scope) : void 0;
      if (auth) headers.Authorization = auth;
      const req = {
        method: r.method,
        url,
        headers,
        idleTimeoutMs: this.idleTimeoutMs,
        checkRedirect: this.redirectCheck,
        ...r.body !== void 0 ? { body: r.body } : {}
      };
      return exchange(req, { stream: r.stream === true });
    };
    const attempt = () => r.retry === false ? once() : this.withRetries(what, r.method, url, once);
    let res = await attempt();
    if (res.status === 401 && ownOrigin && await this.auth.answer(res, r.repository, r.scope, r.method)) {
      this.logger.debug(`${what}: authenticated, sending again`);
      res = await attempt();
    }
    return res;
  }
};

// src/oci/upload.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
var DEFAULT_UPLOAD_SIZES = {
  monolithicLimit: 2 * 1024 * 1024 * 1024,
  chunkSize: 64 * 1024 * 1024
};
var UploadSession = class {
  constructor(http2, repository) {
    this.http = http2;
    this.repository = repository;
  }
  http;
  repository;
  async start() {
    const res = await this.http.send({
      method: "POST",
      target: `/v2/${this.repository}/blobs/uploads/`,
      repository: this.repository,
      scope: "pull,push"
    });
    const location = responseHeader(res, "location");
    if (res.status !== 202 || !location)
      throw this.http.fail("registry-upload", `starting an upload to ${this.repository} failed`, "POST", res);
    return this.http.policy.check(new URL(location, this.http.baseUrl), "upload location", "POST");
  }
  async cancel(location) {
    try {
      const res = await this.http.send({
        method: "DELETE",
        target: location,
        repository: this.repository,
        scope: "pull,push",
        retry: false
      });
      this.http.logger.debug(`cancelled upload session: HTTP ${res.status}`);
    } catch {
    }
  }
  /** The closing PUT, carrying the whole blob (monolithic) or nothing (after PATCHes). */
  complete(location, digest, body) {
    const url = new URL(location);
    url.searchParams.set("digest", digest);
    return this.http.send({
      method: "PUT",
      target: url,
      repository: this.repository,
      scope: "pull,push",
      headers: { "Content-Type": "application/octet-stream" },
      ...body !== void 0 ? { body } : {},
      retry: false
    });
  }
  /** Uploads a small in-memory blob (the config). */
  uploadBytes(digest, bytes) {
    return this.withRestarts(`upload of ${digest}`, async () => {
      const location = await this.start();
      const res = await this.complete(location, digest, bytes);
      if (res.status !== 201) return { res, location, method: "PUT" };
      return {
        result: { bytesSent: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), skipped: false }
      };
    });
  }
  /** Streams a file as the blob `digest`; memory stays constant (read in ranges, hashed on the way out). */
  async uploadFile(file, digest, size, sizes) {
    let bytesSent = 0;
    const rangeBody = (start, length, hashFor) => ({
      length,
      open: () => {
        const hash = hashFor();
        const tap = new Transform({
          transform(chunk, _enc, done) {
            hash.update(chunk);
            bytesSent += chunk.length;
            done(null, chunk);
          }
        });
        if (length === 0) {
          tap.end();
          return tap;
        }
        const source = createReadStream(file, { start, end: start + length - 1, highWaterMark: 1024 * 1024 });
        source.on("error", (err) => tap.destroy(err));
        return source.pipe(tap);
      }
    });
    const monolithic = size <= sizes.monolithicLimit;
    const result = await this.withRestarts(`upload of ${digest}`, async () => {
      let accepted = createHash("sha256");
      let location = await this.start();
      if (!monolithic) {
        for (let start = 0; start < size; start += sizes.chunkSize) {
          const length = Math.min(sizes.chunkSize, size - start);
          let sending2 = accepted;
          const res2 = await this.http.send({
            method: "PATCH",
            target: location,
            repository: this.repository,
            scope: "pull,push",
            headers: { "Content-Type": "application/octet-stream", "Content-Range": `${start}-${start + length - 1}` },
            body: rangeBody(start, length, () => sending2 = accepted.copy()),
            retry: false
          });
          if (res2.status !== 202) return { res: res2, location, method: "PATCH" };
          accepted = sending2;
          const next = responseHeader(res2, "location");
          if (next) location = this.http.policy.check(new URL(next, location), "upload location", "PATCH");
        }
      }
      let sending = accepted;
      const res = await this.complete(
        location,
        digest,
        monolithic ? rangeBody(0, size, () => sending = accepted.copy()) : void 0
      );
      if (res.status !== 201) return { res, location, method: "PUT" };
      return { result: { bytesSent: 0, sha256: sending.digest("hex"), skipped: false } };
    });
    return { ...result, bytesSent };
  }
  /**
   * Runs a whole upload session; a retryable failure (network error, 408/429/5xx) abandons the
   * session and starts a new one, within the retry budget.
   */
  async withRestarts(what, run) {
    const started = Date.now();
    const uploads = new URL(`/v2/${this.repository}/blobs/uploads/`, this.http.baseUrl);
    for (let attempt = 1; ; attempt++) {
      let outcome;
      try {
        outcome = await run();
      } catch (err) {
        const delay2 = this.http.networkRetryDelay(
          err,
          `${what} (restarting it)`,
          "registry-upload",
          attempt,
          started,
          "PUT",
          uploads
        );
        await sleep(delay2);
        continue;
      }
      if ("result" in outcome) return outcome.result;
      const { res, location, method } = outcome;
      const delay = this.http.statusRetryDelay(res, attempt, started);
      await this.cancel(location);
      if (delay === void 0) throw this.http.fail("registry-upload", `${what} failed`, method, res);
      this.http.logger.warn(`${what}: HTTP ${res.status}; restarting the upload in ${delay} ms`);
      await sleep(delay);
    }
  }
};

// src/oci/client.ts
var DEFAULT_MAX_TAGS = 1e5;
var MAX_TAG_PAGES = 1e4;
async function* checkedBlob(source, digest, size) {
  const hash = createHash2("sha256");
  let received = 0;
  for await (const chunk of source) {
    received += chunk.length;
    if (received > size)
      throw new IpmDbError("blob-size", `blob ${digest} is larger than the ${size} bytes the manifest declares`);
    hash.update(chunk);
    yield chunk;
  }
  if (received !== size)
    throw new IpmDbError("blob-size", `blob ${digest} has ${received} bytes, the manifest declares ${size}`);
  const actual = `sha256:${hash.digest("hex")}`;
  if (actual !== digest)
    throw new IpmDbError("blob-digest", `the registry sent a blob with digest ${actual} for ${digest}`);
}
var RegistryClient = class {
  constructor(access, opts = {}) {
    this.access = access;
    this.http = new RegistryHttp(access, opts);
    this.sizes = {
      monolithicLimit: opts.monolithicLimit ?? DEFAULT_UPLOAD_SIZES.monolithicLimit,
      chunkSize: opts.chunkSize ?? DEFAULT_UPLOAD_SIZES.chunkSize
    };
    this.maxTags = opts.maxTags ?? DEFAULT_MAX_TAGS;
  }
  access;
  http;
  sizes;
  maxTags;
  get registry() {
    return this.access.host;
  }
  /** Size of the blob when the repository has it, undefined when not. */
  async blobSize(repository, digest, scope = "pull") {
    const res = await this.http.send({
      method: "HEAD",
      target: `/v2/${repository}/blobs/${digest}`,
      repository,
      scope
    });
    if (res.status === 404) return void 0;
    if (res.status !== 200)
      throw this.http.fail("registry-blob", `checking blob ${digest} in ${repository} failed`, "HEAD", res);
    const length = responseHeader(res, "content-length");
    return length === void 0 ? -1 : Number(length);
  }
  /** Uploads a blob from a small in-memory buffer (the config) unless the repository has it. */
  async uploadBlobBytes(repository, digest, bytes) {
    if (await this.blobSize(repository, digest, "pull,push") !== void 0)
      return { bytesSent: 0, sha256: null, skipped: true };
    return new UploadSession(this.http, repository).uploadBytes(digest, bytes);
  }
  /** Streams a file into the repository as the blob `digest` unless the repository has it. */
  async uploadBlobFromFile(repository, file, digest, size) {
    if (await this.blobSize(repository, digest, "pull,push") !== void 0)
      return { bytesSent: 0, sha256: null, skipped: true };
    return new UploadSession(this.http, repository).uploadFile(file, digest, size, this.sizes);
  }
  async putManifest(repository, reference, bytes, mediaType = OCI_MANIFEST_MEDIA_TYPE) {
    const res = await this.http.send({
      method: "PUT",
      target: `/v2/${repository}/manifests/${reference}`,
      repository,
      scope: "pull,push",
      headers: { "Content-Type": mediaType },
      body: bytes
    });
    if (res.status !== 201)
      throw this.http.fail("registry-manifest", `putting manifest ${repository}:${reference} failed`, "PUT", res);
    return responseHeader(res, "docker-content-digest") ?? sha256Digest(bytes);
  }
  /**
   * The manifest, or undefined when the tag or digest does not exist. Asked for by digest, the
   * bytes must have that digest: a registry that answers with anything else is an error.
   */
  async getManifest(repository, reference, scope = "pull") {
    const res = await this.http.send({
      method: "GET",
      target: `/v2/${repository}/manifests/${reference}`,
      repository,
      scope,
      headers: { Accept: MANIFEST_ACCEPT }
    });
    if (res.status === 404) return void 0;
    if (res.status !== 200)
      throw this.http.fail("registry-manifest", `getting manifest ${repository}:${reference} failed`, "GET", res);
    const digest = sha256Digest(res.body);
    if (reference.includes(":") && reference !== digest) {
      throw new RegistryError(
        "manifest-digest",
        `${this.registry} answered ${repository}@${reference} with a manifest whose digest is ${digest}`,
        { method: "GET", url: `${res.url.origin}${res.url.pathname}`, status: res.status, codes: [] },
        { hint: "The registry or something between it and this runner changed the manifest; nothing was used." }
      );
    }
    const mediaType = (responseHeader(res, "content-type") ?? "").split(";")[0]?.trim() ?? "";
    return { bytes: res.body, digest, mediaType };
  }
  /**
   * Every tag, following `Link: <...>; rel="next"` pages; empty when the repository does not
   * exist. Fails beyond `maxTags` tags or 10 000 pages.
   */
  async listTags(repository, pageSize = 100) {
    const tags = [];
    let target = `/v2/${repository}/tags/list?n=${pageSize}`;
    for (let page = 0; target !== void 0; page++) {
      if (page >= MAX_TAG_PAGES)
        throw new IpmDbError("registry-tags", `tag listing of ${repository} did not end after ${MAX_TAG_PAGES} pages`);
      const res = await this.http.send({
        method: "GET",
        target,
        repository,
        scope: "pull",
        headers: { Accept: "application/json" }
      });
      if (res.status === 404 && page === 0) return [];
      if (res.status !== 200) throw this.http.fail("registry-tags", `listing tags of ${repository} failed`, "GET", res);
      let pageTags;
      try {
        pageTags = JSON.parse(res.body.toString("utf8")).tags ?? [];
      } catch {
        pageTags = void 0;
      }
      if (!Array.isArray(pageTags))
        throw new IpmDbError("registry-tags", `the tag list of ${repository} from ${this.registry} is not JSON`);
      for (const tag of pageTags) {
        if (tags.length >= this.maxTags) {
          throw new IpmDbError("registry-tags", `${repository} has more than ${this.maxTags} tags; stopped listing`);
        }
        if (typeof tag === "string") tags.push(tag);
      }
      const link = responseHeader(res, "link");
      const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : void 0;
      target = next === void 0 ? void 0 : this.http.policy.check(new URL(next, res.url), "tag list page");
    }
    return tags;
  }
  /**
   * Hands the blob's bytes to `consume` as they arrive; the chunks end with an error when their
   * size or digest is not the one asked for. A broken connection starts again (within the
   * retry budget) with a fresh call of `consume`.
   */
  async readBlob(repository, digest, size, consume) {
    const target = `/v2/${repository}/blobs/${digest}`;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.http.send({ method: "GET", target, repository, scope: "pull", stream: true });
        if (res.status !== 200 || !res.stream)
          throw this.http.fail("registry-blob", `downloading ${digest} from ${repository} failed`, "GET", res);
        return await consume(checkedBlob(res.stream, digest, size));
      } catch (err) {
        const url = new URL(target, this.http.baseUrl);
        const what = `download of ${digest} (starting again)`;
        await sleep(this.http.networkRetryDelay(err, what, "registry-blob", attempt, started, "GET", url));
      }
    }
  }
  /**
   * Downloads a blob into `dest` (through a temporary file next to it), checking its size and
   * digest before the file appears under its name.
   */
  downloadBlob(repository, digest, size, dest) {
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
};

// src/cli/registry-options.ts
import { parseArgs } from "node:util";

// src/oci/docker-config.ts
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
function dockerConfigPath(env) {
  return join(env.DOCKER_CONFIG || join(env.HOME || homedir(), ".docker"), "config.json");
}
function entryHost(key) {
  const withoutScheme = key.replace(/^[a-z]+:\/\//i, "");
  return (withoutScheme.split("/")[0] ?? "").toLowerCase();
}
function entryCredentials(entry) {
  if (typeof entry.auth === "string" && entry.auth.length > 0) {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0 && colon < decoded.length - 1)
      return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === "string" && typeof entry.password === "string" && entry.username && entry.password)
    return { username: entry.username, password: entry.password };
  return void 0;
}
function parseDockerConfig(text) {
  const out = /* @__PURE__ */ new Map();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return out;
  }
  const auths = parsed?.auths;
  if (auths === null || typeof auths !== "object") return out;
  for (const [key, entry] of Object.entries(auths)) {
    const credentials = entry && typeof entry === "object" ? entryCredentials(entry) : void 0;
    const host = entryHost(key);
    if (credentials && host && (!out.has(host) || !/:\/\//.test(key))) out.set(host, credentials);
  }
  return out;
}
function dockerConfigCredentials(env) {
  let entries;
  return (host) => {
    if (!entries) {
      try {
        entries = parseDockerConfig(readFileSync(dockerConfigPath(env), "utf8"));
      } catch {
        entries = /* @__PURE__ */ new Map();
      }
    }
    return entries.get(host.toLowerCase());
  };
}

// src/cli/registry-options.ts
var registryFlags = {
  "plain-http": { type: "boolean" },
  json: { type: "boolean" },
  verbose: { type: "boolean", short: "v" }
};
var REGISTRY_ENV_HELP = `Credentials (environment only):
  IPM_DB_REGISTRY_USERNAME   user name
  IPM_DB_REGISTRY_PASSWORD   password, or IPM_DB_REGISTRY_TOKEN for a token
  GITHUB_TOKEN, GITHUB_ACTOR used for ghcr.io when the above are not set
They are sent only to the registry the command names. Without them, an "auths" entry of
Docker's config.json ($DOCKER_CONFIG/config.json, from docker login) is used; otherwise the
registry is used anonymously.`;
function cliLogger(io, verbose) {
  const inner = consoleLogger({ verbose, stream: io.stderr });
  return {
    info: (m) => inner.info(redact(m)),
    warn: (m, w) => inner.warn(redact(m), w),
    error: (m, w) => inner.error(redact(m), w),
    debug: (m) => inner.debug(redact(m)),
    group: inner.group
  };
}
function registryCredentialsFromEnv(env, registry) {
  const secret = env[CREDENTIAL_ENV.password] || env[CREDENTIAL_ENV.token];
  if (secret) return { username: env[CREDENTIAL_ENV.username] || env.GITHUB_ACTOR || "ipm-db", password: secret };
  if (registry.toLowerCase() === "ghcr.io" && env.GITHUB_TOKEN)
    return { username: env.GITHUB_ACTOR || "github-actions", password: env.GITHUB_TOKEN };
  return void 0;
}
function cliRegistryAccess(io, host, opts) {
  return registryAccess({
    host,
    plainHttp: opts.plainHttp,
    ...opts.namespace !== void 0 ? { namespace: opts.namespace } : {},
    credentialsFor: firstCredentials(
      credentialsOnlyFor(host, registryCredentialsFromEnv(io.env, host)),
      dockerConfigCredentials(io.env)
    )
  });
}
function registryClient(registry, io, values) {
  return new RegistryClient(cliRegistryAccess(io, registry, { plainHttp: values["plain-http"] === true }), {
    logger: cliLogger(io, values.verbose === true)
  });
}
function printJson(io, value) {
  io.stdout.write(redact(JSON.stringify(value, null, 2)) + "\n");
}
function parseCommandArgs(argv, options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export {
  consoleLogger,
  silentLogger,
  OCI_MANIFEST_MEDIA_TYPE,
  IPM_CONFIG_MEDIA_TYPE,
  IPM_LAYER_MEDIA_TYPE,
  TITLE_ANNOTATION,
  registryAccess,
  credentialsOnlyFor,
  accessForHost,
  RegistryClient,
  registryFlags,
  REGISTRY_ENV_HELP,
  cliLogger,
  cliRegistryAccess,
  registryClient,
  printJson,
  parseCommandArgs
};
