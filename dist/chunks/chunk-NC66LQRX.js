import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  redact,
  registerSecret
} from "./chunk-TIJDGYO2.js";
import {
  TAG_SOURCE,
  formatDatabaseTag,
  ipmArchiveFileName,
  isIrisMajorMinor,
  isPlainVersion,
  isSemver,
  isTag,
  mentionsDatabaseTag,
  parseDatabaseTag,
  sha256Digest
} from "./chunk-JM3CD6EF.js";
import {
  IpmDbError
} from "./chunk-7JDKL6H4.js";

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

// src/oci/ipm-artifact.ts
var OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
var IPM_CONFIG_MEDIA_TYPE = "application/vnd.unknown.config.v1+json";
var IPM_LAYER_MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar";
var TITLE_ANNOTATION = "org.opencontainers.image.title";
var EMPTY_CONFIG = Buffer.from("{}", "utf8");
var EMPTY_CONFIG_DIGEST = sha256Digest(EMPTY_CONFIG);
var IPM_ANNOTATION_KEYS = [
  "org.opencontainers.image.title",
  "org.opencontainers.image.description",
  "org.opencontainers.image.version",
  "org.opencontainers.image.source",
  "org.opencontainers.image.created",
  "com.intersystems.ipm.allVersions",
  "com.intersystems.ipm.origin",
  "com.intersystems.ipm.deployed",
  "com.intersystems.ipm.module.v1+xml",
  "com.intersystems.ipm.platformVersion",
  "com.intersystems.ipm.packaging"
];
var ALLOWED_KEYS = new Set(IPM_ANNOTATION_KEYS);
function checkModuleVersion(version, allowPrerelease = false) {
  if (isPlainVersion(version)) return version;
  if (allowPrerelease && isSemver(version)) return version;
  if (isSemver(version)) {
    throw new IpmDbError("prerelease-version", `module version "${version}" is a prerelease or build version`, {
      hint: "IPM rebuilds a database package version as major.minor.patch when it pulls, so it cannot install this tag. Publish a plain X.Y.Z version, or pass --allow-prerelease if you know only other tools will read it."
    });
  }
  throw new IpmDbError("invalid-version", `module version "${version}" is not a semantic version`, {
    hint: "Set <Version> in module.xml to X.Y.Z (digits, no leading zeros)."
  });
}
function moduleXmlOneLine(xml) {
  return xml.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/).join("");
}
function ipmAnnotations(values) {
  const out = {};
  for (const [key, value] of Object.entries(values)) {
    if (!ALLOWED_KEYS.has(key)) {
      throw new IpmDbError("annotation-not-allowed", `annotation "${key}" is not one IPM accepts`, {
        hint: `IPM rejects manifests with annotations other than: ${IPM_ANNOTATION_KEYS.join(", ")}.`
      });
    }
    if (value === void 0) continue;
    if (typeof value !== "string") throw new IpmDbError("annotation-not-string", `annotation "${key}" is not a string`);
    out[key] = value;
  }
  return out;
}
function ipmAnnotationsFor(facts) {
  const a = {
    "org.opencontainers.image.title": facts.moduleName,
    "org.opencontainers.image.version": facts.version,
    "org.opencontainers.image.created": facts.created,
    "com.intersystems.ipm.platformVersion": facts.irisVersion,
    "com.intersystems.ipm.packaging": "database",
    "com.intersystems.ipm.module.v1+xml": moduleXmlOneLine(facts.moduleXml)
  };
  if (facts.description) a["org.opencontainers.image.description"] = facts.description;
  if (facts.source) a["org.opencontainers.image.source"] = facts.source;
  return a;
}
function buildIpmManifest(facts) {
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: IPM_CONFIG_MEDIA_TYPE, digest: EMPTY_CONFIG_DIGEST, size: EMPTY_CONFIG.length },
    layers: [
      {
        mediaType: IPM_LAYER_MEDIA_TYPE,
        digest: facts.layer.digest,
        size: facts.layer.size,
        annotations: { [TITLE_ANNOTATION]: ipmArchiveFileName(facts.moduleName, facts.version) }
      }
    ],
    annotations: ipmAnnotations(ipmAnnotationsFor(facts))
  };
}
function canonicalJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
function serializeManifest(manifest) {
  const bytes = Buffer.from(canonicalJson(manifest), "utf8");
  return { bytes, digest: sha256Digest(bytes) };
}
function ipmAcceptanceViolations(manifest, tag) {
  const v = [];
  const add = (rule, message) => v.push({ rule, message });
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) {
    add("manifest-json", "the manifest is not a JSON object");
    return v;
  }
  const m = manifest;
  if (m.schemaVersion !== 2) add("schema-version", `schemaVersion is ${String(m.schemaVersion)}, expected 2`);
  if (m.mediaType !== OCI_MANIFEST_MEDIA_TYPE) {
    add("manifest-media-type", `mediaType is "${String(m.mediaType)}", expected "${OCI_MANIFEST_MEDIA_TYPE}"`);
  }
  if (m.config?.mediaType !== IPM_CONFIG_MEDIA_TYPE) {
    add(
      "config-media-type",
      `config mediaType is "${String(m.config?.mediaType)}", expected "${IPM_CONFIG_MEDIA_TYPE}"`
    );
  }
  const layers = Array.isArray(m.layers) ? m.layers : [];
  const tarLayers = layers.filter((l) => l?.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (layers.length !== 1) add("one-layer", `the manifest has ${layers.length} layers, IPM expects exactly one`);
  if (tarLayers.length === 0) {
    add("layer-media-type", `no layer has mediaType "${IPM_LAYER_MEDIA_TYPE}" (IPM ignores +gzip and other types)`);
  }
  const title = tarLayers[0]?.annotations?.[TITLE_ANNOTATION];
  if (tarLayers[0] && !(typeof title === "string" && title.endsWith(".tgz"))) {
    add(
      "layer-title",
      `the layer title is ${title === void 0 ? "missing" : `"${title}"`}; IPM looks for a *.tgz file`
    );
  }
  const annotations = m.annotations ?? {};
  for (const key of Object.keys(annotations)) {
    if (!ALLOWED_KEYS.has(key)) add("annotation-key", `annotation "${key}" is not one of IPM's eleven keys`);
  }
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value !== "string") add("annotation-value", `annotation "${key}" is not a string`);
  }
  const version = annotations["org.opencontainers.image.version"];
  const packaging = annotations["com.intersystems.ipm.packaging"];
  const platform = annotations["com.intersystems.ipm.platformVersion"];
  if (typeof annotations[TITLE_ANNOTATION] !== "string")
    add("title", "annotation org.opencontainers.image.title (the module name) is missing");
  if (typeof annotations["com.intersystems.ipm.module.v1+xml"] !== "string") {
    add("module-xml", "annotation com.intersystems.ipm.module.v1+xml (the module manifest) is missing");
  } else if (/[\r\n]/.test(annotations["com.intersystems.ipm.module.v1+xml"])) {
    add("module-xml", "annotation com.intersystems.ipm.module.v1+xml spans several lines");
  }
  if (typeof version !== "string") add("version", "annotation org.opencontainers.image.version is missing");
  else if (!isPlainVersion(version)) {
    add("version", `version "${version}" is not plain X.Y.Z; IPM rebuilds database versions as major.minor.patch`);
  }
  if (packaging !== "database") {
    add(
      "packaging",
      `annotation com.intersystems.ipm.packaging is ${packaging === void 0 ? "missing" : `"${String(packaging)}"`}, expected "database"`
    );
  }
  if (typeof platform !== "string" || !isIrisMajorMinor(platform)) {
    add(
      "platform-version",
      `annotation com.intersystems.ipm.platformVersion is ${platform === void 0 ? "missing" : `"${String(platform)}"`}, expected IRIS major.minor`
    );
  }
  if (tag !== void 0) {
    if (!isTag(tag)) add("tag", `tag "${tag}" does not match ^${TAG_SOURCE}$`);
    else if (parseDatabaseTag(tag) === null) {
      add("tag", `tag "${tag}" is not of the form <version>_database__<IRIS major.minor> IPM looks for`);
    }
    if (typeof version === "string" && typeof platform === "string") {
      const expected = formatDatabaseTag(version, platform);
      if (tag !== expected && mentionsDatabaseTag(tag))
        add("tag", `tag "${tag}" should be "${expected}" for this version and platform`);
    }
  }
  return v;
}

// src/oci/client.ts
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/oci/challenge.ts
function parseChallenges(header2) {
  if (!header2) return [];
  const out = [];
  let i = 0;
  const s = header2;
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

// src/oci/client.ts
var MANIFEST_ACCEPT = [
  OCI_MANIFEST_MEDIA_TYPE,
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
].join(", ");
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function header(res, name) {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
function registryErrorText(res) {
  try {
    const parsed = JSON.parse(res.body.toString("utf8"));
    const items = (parsed.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(": "));
    if (items.length > 0) return items.join("; ");
  } catch {
  }
  return res.body.toString("utf8").slice(0, 200).trim();
}
function registryCodes(res) {
  try {
    const parsed = JSON.parse(res.body.toString("utf8"));
    return (parsed.errors ?? []).map((e) => e.code ?? "");
  } catch {
    return [];
  }
}
var RegistryClient = class {
  registry;
  baseUrl;
  credentials;
  logger;
  policy;
  monolithicLimit;
  chunkSize;
  /** Authorization header value per repository+scope once a challenge was answered. */
  authorization = /* @__PURE__ */ new Map();
  basicOnly = false;
  idleTimeoutMs;
  constructor(opts) {
    this.registry = opts.registry;
    this.baseUrl = new URL(`${opts.plainHttp ? "http" : "https"}://${opts.registry}/`);
    this.credentials = opts.credentials;
    if (opts.credentials) {
      registerSecret(opts.credentials.password);
      registerSecret(Buffer.from(`${opts.credentials.username}:${opts.credentials.password}`).toString("base64"));
    }
    this.logger = opts.logger ?? silentLogger;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.monolithicLimit = opts.monolithicLimit ?? 2 * 1024 * 1024 * 1024;
    this.chunkSize = opts.chunkSize ?? 64 * 1024 * 1024;
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 6e4;
  }
  basicHeader() {
    if (!this.credentials) return void 0;
    return `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString("base64")}`;
  }
  fail(code, what, res, hint) {
    const text = registryErrorText(res);
    const defaultHint = res.status === 401 ? "The registry refused the credentials: check IPM_DB_REGISTRY_USERNAME and IPM_DB_REGISTRY_PASSWORD/IPM_DB_REGISTRY_TOKEN (or GITHUB_ACTOR/GITHUB_TOKEN)." : res.status === 403 ? 'The credentials are valid but may not do this: for GHCR the workflow needs "permissions: packages: write" and the package must be linked to the repository.' : void 0;
    const h = hint ?? defaultHint;
    return new IpmDbError(code, redact(`${what}: HTTP ${res.status}${text ? ` (${text})` : ""}`), h ? { hint: h } : {});
  }
  /** Answers a challenge; returns false when there is nothing better to send than before. */
  async authenticate(challenges, key, repository, scope) {
    const bearer = challenges.find((c) => c.scheme === "bearer");
    if (bearer?.params.realm) {
      const realm = new URL(bearer.params.realm);
      if (bearer.params.service) realm.searchParams.set("service", bearer.params.service);
      const wanted = repository ? `repository:${repository}:${scope}` : bearer.params.scope;
      if (wanted) realm.searchParams.set("scope", wanted);
      const headers = { Accept: "application/json" };
      const basic = this.basicHeader();
      if (basic) headers.Authorization = basic;
      const res = await this.withRetries(
        `token request to ${realm.origin}`,
        () => exchange({ method: "GET", url: realm, headers, idleTimeoutMs: this.idleTimeoutMs })
      );
      if (res.status !== 200) {
        throw this.fail("registry-auth", `getting a token from ${realm.origin}${realm.pathname} failed`, res);
      }
      let token;
      try {
        const parsed = JSON.parse(res.body.toString("utf8"));
        token = parsed.token ?? parsed.access_token;
      } catch {
        token = void 0;
      }
      if (!token) throw new IpmDbError("registry-auth", `the token service at ${realm.origin} sent no token`);
      registerSecret(token);
      this.authorization.set(key, `Bearer ${token}`);
      return true;
    }
    if (challenges.some((c) => c.scheme === "basic")) {
      const basic = this.basicHeader();
      if (!basic) {
        throw new IpmDbError("registry-auth", `${this.registry} requires a user name and password`, {
          hint: "Set IPM_DB_REGISTRY_USERNAME and IPM_DB_REGISTRY_PASSWORD in the environment."
        });
      }
      if (this.basicOnly) return false;
      this.basicOnly = true;
      return true;
    }
    return false;
  }
  /** TLS and name-resolution failures as errors a user can act on; anything else unchanged. */
  connectionError(err, what) {
    const code = err?.code;
    if (typeof code !== "string") return err;
    if (/^(EPROTO|ERR_SSL|ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code)) {
      return new IpmDbError("registry-tls", `${what}: the TLS connection to ${this.registry} failed (${code})`, {
        hint: this.baseUrl.protocol === "https:" ? "If the registry speaks plain HTTP (a local registry), pass --plain-http; otherwise its certificate is not trusted (NODE_EXTRA_CA_CERTS adds a CA)." : void 0,
        cause: err
      });
    }
    if (code === "ENOTFOUND") {
      return new IpmDbError("registry-unreachable", `${what}: the host name of ${this.registry} does not resolve`, {
        hint: "Check the --registry value (host[:port], no scheme).",
        cause: err
      });
    }
    return err;
  }
  /**
   * After a failed attempt: the delay before the next one when the error is a broken or refused
   * connection and the budget allows; otherwise throws (the error itself, or a final IpmDbError).
   */
  networkRetryDelay(err, what, code, attempt, started) {
    if (err instanceof IpmDbError) throw err;
    if (!isRetryableNetworkError(err)) throw this.connectionError(err, what);
    const reason = err.code ?? "connection closed";
    const delay = nextRetryDelay(this.policy, attempt, Date.now() - started, void 0);
    if (delay === void 0) {
      throw new IpmDbError(code, `${what} failed after ${attempt} attempt(s): ${reason}`, {
        hint: `Check that ${this.registry} is reachable (and --plain-http for a registry without TLS).`,
        cause: err
      });
    }
    this.logger.warn(
      `${what}: ${reason}; trying again in ${delay} ms (attempt ${attempt + 1}/${this.policy.maxAttempts})`
    );
    return delay;
  }
  async withRetries(what, attemptFn) {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let res;
      try {
        res = await attemptFn();
      } catch (err) {
        await sleep(this.networkRetryDelay(err, what, "registry-unreachable", attempt, started));
        continue;
      }
      if (isRetryableStatus(res.status)) {
        const delay = nextRetryDelay(
          this.policy,
          attempt,
          Date.now() - started,
          parseRetryAfter(header(res, "retry-after"))
        );
        if (delay !== void 0) {
          res.stream?.destroy();
          this.logger.warn(
            `${what}: HTTP ${res.status}; retrying in ${delay} ms (attempt ${attempt + 1}/${this.policy.maxAttempts})`
          );
          await sleep(delay);
          continue;
        }
      }
      return res;
    }
  }
  /** One request with auth (a 401 re-authenticates once) and, unless disabled, retries. */
  async send(r) {
    const key = `${r.repository}|${r.scope}`;
    const url = new URL(r.path, this.baseUrl);
    const what = `${r.method} ${url.pathname}`;
    const once = () => {
      const headers = { "User-Agent": "ipm-db", ...r.headers };
      const auth = this.authorization.get(key) ?? (this.basicOnly ? this.basicHeader() : void 0);
      if (auth) headers.Authorization = auth;
      const req = {
        method: r.method,
        url,
        headers,
        idleTimeoutMs: this.idleTimeoutMs,
        ...r.body !== void 0 ? { body: r.body } : {}
      };
      return exchange(req, { stream: r.stream === true });
    };
    const attempt = () => r.retry === false ? once() : this.withRetries(what, once);
    let res = await attempt();
    if (res.status === 401) {
      this.authorization.delete(key);
      if (await this.authenticate(parseChallenges(header(res, "www-authenticate")), key, r.repository, r.scope)) {
        this.logger.debug(`${what}: authenticated, sending again`);
        res = await attempt();
      }
    }
    return res;
  }
  /** GET /v2/: reachability, and credentials when the registry asks for them. */
  async ping() {
    const res = await this.send({ method: "GET", path: "/v2/", repository: "", scope: "pull" });
    if (res.status !== 200) throw this.fail("registry-ping", `${this.registry} did not accept GET /v2/`, res);
  }
  /** Size of the blob when the repository has it, undefined when not. */
  async blobSize(repository, digest, scope = "pull") {
    const res = await this.send({ method: "HEAD", path: `/v2/${repository}/blobs/${digest}`, repository, scope });
    if (res.status === 404) return void 0;
    if (res.status !== 200) throw this.fail("registry-blob", `checking blob ${digest} in ${repository} failed`, res);
    const length = header(res, "content-length");
    return length === void 0 ? -1 : Number(length);
  }
  async startUpload(repository) {
    const res = await this.send({
      method: "POST",
      path: `/v2/${repository}/blobs/uploads/`,
      repository,
      scope: "pull,push"
    });
    const location = header(res, "location");
    if (res.status !== 202 || !location)
      throw this.fail("registry-upload", `starting an upload to ${repository} failed`, res);
    return new URL(location, this.baseUrl);
  }
  relative(url) {
    return url.origin === this.baseUrl.origin ? `${url.pathname}${url.search}` : url.toString();
  }
  async cancelUpload(repository, location) {
    try {
      const res = await this.send({
        method: "DELETE",
        path: this.relative(location),
        repository,
        scope: "pull,push",
        retry: false
      });
      this.logger.debug(`cancelled upload session: HTTP ${res.status}`);
    } catch {
    }
  }
  /** The closing PUT of an upload session, carrying the whole blob (monolithic) or nothing (after PATCHes). */
  completeUpload(repository, location, digest, body) {
    const url = new URL(location);
    url.searchParams.set("digest", digest);
    return this.send({
      method: "PUT",
      path: this.relative(url),
      repository,
      scope: "pull,push",
      headers: { "Content-Type": "application/octet-stream" },
      ...body !== void 0 ? { body } : {},
      retry: false
    });
  }
  /** Uploads a blob from a small in-memory buffer (the config). */
  async uploadBlobBytes(repository, digest, bytes) {
    if (await this.blobSize(repository, digest, "pull,push") !== void 0)
      return { bytesSent: 0, sha256: null, skipped: true };
    return this.withUploadRestarts(`upload of ${digest}`, async () => {
      const location = await this.startUpload(repository);
      const res = await this.completeUpload(repository, location, digest, bytes);
      if (res.status !== 201) return { res, location };
      return {
        result: { bytesSent: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), skipped: false }
      };
    });
  }
  /**
   * Streams a file into the repository as the blob `digest` unless the repository already has
   * it. Memory stays constant: the file is read in ranges and hashed on the way out.
   */
  async uploadBlobFromFile(repository, file, digest, size) {
    if (await this.blobSize(repository, digest, "pull,push") !== void 0)
      return { bytesSent: 0, sha256: null, skipped: true };
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
    const monolithic = size <= this.monolithicLimit;
    const result = await this.withUploadRestarts(`upload of ${digest}`, async () => {
      let accepted = createHash("sha256");
      let location = await this.startUpload(repository);
      if (!monolithic) {
        for (let start = 0; start < size; start += this.chunkSize) {
          const length = Math.min(this.chunkSize, size - start);
          let sending2 = accepted;
          const res2 = await this.send({
            method: "PATCH",
            path: this.relative(location),
            repository,
            scope: "pull,push",
            headers: { "Content-Type": "application/octet-stream", "Content-Range": `${start}-${start + length - 1}` },
            body: rangeBody(start, length, () => sending2 = accepted.copy()),
            retry: false
          });
          if (res2.status !== 202) return { res: res2, location };
          accepted = sending2;
          const next = header(res2, "location");
          if (next) location = new URL(next, location);
        }
      }
      let sending = accepted;
      const res = await this.completeUpload(
        repository,
        location,
        digest,
        monolithic ? rangeBody(0, size, () => sending = accepted.copy()) : void 0
      );
      if (res.status !== 201) return { res, location };
      return { result: { bytesSent: 0, sha256: sending.digest("hex"), skipped: false } };
    });
    return { ...result, bytesSent };
  }
  /**
   * Runs a whole upload session; a retryable failure (network error, 408/429/5xx) abandons the
   * session and starts a new one, within the retry budget.
   */
  async withUploadRestarts(what, run) {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let outcome;
      try {
        outcome = await run();
      } catch (err) {
        await sleep(this.networkRetryDelay(err, `${what} (restarting it)`, "registry-upload", attempt, started));
        continue;
      }
      if ("result" in outcome) return outcome.result;
      const { res, location } = outcome;
      const delay = isRetryableStatus(res.status) ? nextRetryDelay(this.policy, attempt, Date.now() - started, parseRetryAfter(header(res, "retry-after"))) : void 0;
      const repository = location.pathname.split("/blobs/")[0]?.replace(/^\/v2\//, "") ?? "";
      await this.cancelUpload(repository, location);
      if (delay === void 0) throw this.fail("registry-upload", `${what} failed`, res);
      this.logger.warn(`${what}: HTTP ${res.status}; restarting the upload in ${delay} ms`);
      await sleep(delay);
    }
  }
  async putManifest(repository, reference, bytes, mediaType = OCI_MANIFEST_MEDIA_TYPE) {
    const res = await this.send({
      method: "PUT",
      path: `/v2/${repository}/manifests/${reference}`,
      repository,
      scope: "pull,push",
      headers: { "Content-Type": mediaType },
      body: bytes
    });
    if (res.status !== 201)
      throw this.fail("registry-manifest", `putting manifest ${repository}:${reference} failed`, res);
    return header(res, "docker-content-digest") ?? `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  }
  /** The manifest, or undefined when the tag or digest does not exist. */
  async getManifest(repository, reference, scope = "pull") {
    const res = await this.send({
      method: "GET",
      path: `/v2/${repository}/manifests/${reference}`,
      repository,
      scope,
      headers: { Accept: MANIFEST_ACCEPT }
    });
    if (res.status === 404) return void 0;
    if (res.status !== 200)
      throw this.fail("registry-manifest", `getting manifest ${repository}:${reference} failed`, res);
    const digest = `sha256:${createHash("sha256").update(res.body).digest("hex")}`;
    const mediaType = (header(res, "content-type") ?? "").split(";")[0]?.trim() ?? "";
    return { bytes: res.body, digest, mediaType };
  }
  /** Every tag, following `Link: <...>; rel="next"` pages; empty when the repository does not exist. */
  async listTags(repository, pageSize = 100) {
    const tags = [];
    let path = `/v2/${repository}/tags/list?n=${pageSize}`;
    for (let page = 0; path !== void 0; page++) {
      if (page > 1e4) throw new IpmDbError("registry-tags", `tag listing of ${repository} did not end`);
      const res = await this.send({
        method: "GET",
        path,
        repository,
        scope: "pull",
        headers: { Accept: "application/json" }
      });
      if (res.status === 404 && page === 0) return [];
      if (res.status !== 200) throw this.fail("registry-tags", `listing tags of ${repository} failed`, res);
      const parsed = JSON.parse(res.body.toString("utf8"));
      tags.push(...parsed.tags ?? []);
      const link = header(res, "link");
      const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : void 0;
      path = next === void 0 ? void 0 : this.relative(new URL(next, this.baseUrl));
    }
    return tags;
  }
  /** Deletes a manifest by digest; registries that do not allow it give a clear error. */
  async deleteManifest(repository, digest) {
    const res = await this.send({
      method: "DELETE",
      path: `/v2/${repository}/manifests/${digest}`,
      repository,
      scope: "delete"
    });
    if (res.status === 202 || res.status === 200) return;
    if (res.status === 405 || registryCodes(res).includes("UNSUPPORTED")) {
      throw this.fail(
        "registry-delete-unsupported",
        `${this.registry} does not allow deleting manifests`,
        res,
        "Delete the package version in the registry's web interface instead (GHCR: the package settings page)."
      );
    }
    throw this.fail("registry-delete", `deleting ${repository}@${digest} failed`, res);
  }
  /**
   * Downloads a blob into `dest` (through a temporary file next to it), checking its size and
   * digest before the file appears under its name.
   */
  async downloadBlob(repository, digest, size, dest) {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.downloadBlobOnce(repository, digest, size, dest);
      } catch (err) {
        await sleep(
          this.networkRetryDelay(err, `download of ${digest} (starting again)`, "registry-blob", attempt, started)
        );
      }
    }
  }
  async downloadBlobOnce(repository, digest, size, dest) {
    const res = await this.send({
      method: "GET",
      path: `/v2/${repository}/blobs/${digest}`,
      repository,
      scope: "pull",
      stream: true
    });
    if (res.status !== 200 || !res.stream)
      throw this.fail("registry-blob", `downloading ${digest} from ${repository} failed`, res);
    const partial = `${dest}.partial`;
    const hash = createHash("sha256");
    let received = 0;
    try {
      await pipeline(
        res.stream,
        new Transform({
          transform(chunk, _enc, done) {
            received += chunk.length;
            if (received > size)
              return done(
                new IpmDbError("blob-size", `blob ${digest} is larger than the ${size} bytes the manifest declares`)
              );
            hash.update(chunk);
            done(null, chunk);
          }
        }),
        createWriteStream(partial)
      );
      if (received !== size)
        throw new IpmDbError("blob-size", `blob ${digest} has ${received} bytes, the manifest declares ${size}`);
      const actual = `sha256:${hash.digest("hex")}`;
      if (actual !== digest)
        throw new IpmDbError("blob-digest", `downloaded blob has digest ${actual}, the manifest declares ${digest}`);
      await rename(partial, dest);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }
};

export {
  consoleLogger,
  silentLogger,
  IPM_LAYER_MEDIA_TYPE,
  TITLE_ANNOTATION,
  EMPTY_CONFIG,
  EMPTY_CONFIG_DIGEST,
  checkModuleVersion,
  buildIpmManifest,
  canonicalJson,
  serializeManifest,
  ipmAcceptanceViolations,
  RegistryClient
};
