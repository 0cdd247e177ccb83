// Registry failures as data: what was asked (method, URL), what the registry answered (status,
// its distribution error codes). Hints for the user are added by the caller (CLI or action),
// which knows the flag or input names; src/oci never names them.
import { IpmDbError } from '../util/errors.js';
import { redact } from '../util/redact.js';

export interface RegistryErrorCode {
  code: string;
  message: string;
}

export interface RegistryErrorFacts {
  method: string;
  /** Without query string (upload locations and storage redirects carry state or signatures there). */
  url: string;
  /** HTTP status, or null when no answer came (TLS, DNS, connection). */
  status: number | null;
  codes: RegistryErrorCode[];
}

export class RegistryError extends IpmDbError {
  readonly method: string;
  readonly url: string;
  readonly status: number | null;
  readonly codes: RegistryErrorCode[];

  constructor(
    code: string,
    message: string,
    facts: RegistryErrorFacts,
    options: { hint?: string; details?: string; cause?: unknown } = {},
  ) {
    super(code, redact(message), options);
    this.name = 'RegistryError';
    this.method = facts.method;
    this.url = facts.url;
    this.status = facts.status;
    this.codes = facts.codes;
  }

  get facts(): RegistryErrorFacts {
    return { method: this.method, url: this.url, status: this.status, codes: this.codes };
  }

  /** The same error with a hint (the caller's words); an existing hint is kept after it. */
  withHint(hint: string): RegistryError {
    const joined = this.hint ? `${hint} ${this.hint}` : hint;
    const copy = new RegistryError(this.code, this.message, this.facts, {
      hint: joined,
      ...(this.details !== undefined ? { details: this.details } : {}),
      cause: this.cause,
    });
    return copy;
  }
}

/** The URL as it may appear in a message: origin and path, no query, no user info. */
export function urlForMessage(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The error codes and messages of a distribution error body (`{"errors":[{code,message}]}`). */
export function parseRegistryErrorCodes(body: Buffer): RegistryErrorCode[] {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: unknown };
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors.map((e: { code?: unknown; message?: unknown }) => ({
      code: typeof e?.code === 'string' ? e.code : '',
      message: typeof e?.message === 'string' ? e.message : '',
    }));
  } catch {
    return [];
  }
}

/** A failed answer from the registry: "<what>: HTTP <status> (<codes or body start>)". */
export function registryResponseError(
  code: string,
  what: string,
  response: { method: string; url: URL; status: number; body: Buffer },
): RegistryError {
  const codes = parseRegistryErrorCodes(response.body);
  const text =
    codes.length > 0
      ? codes.map((c) => [c.code, c.message].filter(Boolean).join(': ')).join('; ')
      : response.body.toString('utf8').slice(0, 200).trim();
  return new RegistryError(code, `${what}: HTTP ${response.status}${text ? ` (${text})` : ''}`, {
    method: response.method,
    url: urlForMessage(response.url),
    status: response.status,
    codes,
  });
}

/** What kind of trouble a registry error is, for the caller to choose its hint. */
export type RegistryTrouble =
  'credentials-refused' | 'credentials-missing' | 'forbidden' | 'tls' | 'host-unknown' | 'unreachable';

export function registryTrouble(err: unknown): RegistryTrouble | undefined {
  if (!(err instanceof RegistryError)) return undefined;
  if (err.code === 'registry-tls') return 'tls';
  if (err.code === 'registry-host-unknown') return 'host-unknown';
  if (err.code === 'registry-credentials-missing') return 'credentials-missing';
  if (err.code === 'registry-insecure-url') return undefined;
  if (err.status === null) return 'unreachable';
  if (err.status === 401) return 'credentials-refused';
  if (err.status === 403) return 'forbidden';
  return undefined;
}
