import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  redact
} from "./chunk-TIJDGYO2.js";
import {
  IpmDbError
} from "./chunk-7JDKL6H4.js";

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

export {
  RegistryError,
  urlForMessage,
  registryResponseError,
  registryTrouble
};
