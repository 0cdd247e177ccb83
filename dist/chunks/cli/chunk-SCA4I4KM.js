import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  redact
} from "./chunk-KHG3NGCP.js";
import {
  IpmDbError
} from "./chunk-PS7E4X32.js";

// src/oci/registry-error.ts
var RegistryError = class _RegistryError extends IpmDbError {
  method;
  url;
  status;
  codes;
  constructor(code, message, facts, options = {}) {
    super(code, redact(message), options);
    this.name = "RegistryError";
    this.method = facts.method;
    this.url = facts.url;
    this.status = facts.status;
    this.codes = facts.codes;
  }
  get facts() {
    return { method: this.method, url: this.url, status: this.status, codes: this.codes };
  }
  /** The same error with a hint (the caller's words); an existing hint is kept after it. */
  withHint(hint) {
    const joined = this.hint ? `${hint} ${this.hint}` : hint;
    const copy = new _RegistryError(this.code, this.message, this.facts, {
      hint: joined,
      ...this.details !== void 0 ? { details: this.details } : {},
      cause: this.cause
    });
    return copy;
  }
};
function urlForMessage(url) {
  return `${url.origin}${url.pathname}`;
}
function parseRegistryErrorCodes(body) {
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors.map((e) => ({
      code: typeof e?.code === "string" ? e.code : "",
      message: typeof e?.message === "string" ? e.message : ""
    }));
  } catch {
    return [];
  }
}
function registryResponseError(code, what, response) {
  const codes = parseRegistryErrorCodes(response.body);
  const text = codes.length > 0 ? codes.map((c) => [c.code, c.message].filter(Boolean).join(": ")).join("; ") : response.body.toString("utf8").slice(0, 200).trim();
  return new RegistryError(code, `${what}: HTTP ${response.status}${text ? ` (${text})` : ""}`, {
    method: response.method,
    url: urlForMessage(response.url),
    status: response.status,
    codes
  });
}
function registryTrouble(err) {
  if (!(err instanceof RegistryError)) return void 0;
  if (err.code === "registry-tls") return "tls";
  if (err.code === "registry-host-unknown") return "host-unknown";
  if (err.code === "registry-credentials-missing") return "credentials-missing";
  if (err.code === "registry-insecure-url") return void 0;
  if (err.status === null) return "unreachable";
  if (err.status === 401) return "credentials-refused";
  if (err.status === 403) return "forbidden";
  return void 0;
}

// src/cli/registry-hints.ts
var CREDENTIAL_ENV = {
  username: "IPM_DB_REGISTRY_USERNAME",
  password: "IPM_DB_REGISTRY_PASSWORD",
  token: "IPM_DB_REGISTRY_TOKEN"
};
var CLI_HINTS = {
  "credentials-refused": `The registry refused the credentials: check ${CREDENTIAL_ENV.username} and ${CREDENTIAL_ENV.password}/${CREDENTIAL_ENV.token} (or GITHUB_ACTOR/GITHUB_TOKEN for ghcr.io, or the docker login entry in $DOCKER_CONFIG/config.json).`,
  "credentials-missing": `Set ${CREDENTIAL_ENV.username} and ${CREDENTIAL_ENV.password} in the environment (or docker login to the registry).`,
  forbidden: 'The credentials are valid but may not do this: for GHCR the workflow needs "permissions: packages: write" and the package must be linked to the repository.',
  tls: "If the registry speaks plain HTTP (a local registry), pass --plain-http; otherwise its certificate is not trusted (NODE_EXTRA_CA_CERTS adds a CA).",
  "host-unknown": "Check the registry host (host[:port], no scheme).",
  unreachable: "Check that the registry is reachable (and pass --plain-http for a local registry without TLS)."
};
function withCliRegistryHint(err) {
  const trouble = registryTrouble(err);
  if (!trouble || !(err instanceof RegistryError)) return err;
  if (trouble === "tls" && err.url.startsWith("http:")) return err;
  return err.withHint(CLI_HINTS[trouble]);
}

export {
  RegistryError,
  urlForMessage,
  registryResponseError,
  CREDENTIAL_ENV,
  withCliRegistryHint
};
