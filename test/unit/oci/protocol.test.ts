import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../../src/oci/challenge.js';
import { cliRegistryAccess, registryCredentialsFromEnv } from '../../../src/cli/registry-options.js';
import { formatReference, parseReference } from '../../../src/naming/reference.js';
import {
  isRetryableNetworkError,
  isRetryableStatus,
  nextRetryDelay,
  parseRetryAfter,
  type RetryPolicy,
} from '../../../src/oci/retry.js';
import { redact } from '../../../src/util/redact.js';

describe('WWW-Authenticate parsing', () => {
  it('reads a GHCR-style Bearer challenge', () => {
    expect(
      parseChallenges('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/x:pull"'),
    ).toEqual([
      {
        scheme: 'bearer',
        params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/x:pull' },
      },
    ]);
  });
  it('reads several challenges, unquoted and escaped values', () => {
    expect(parseChallenges('Basic realm="a \\"b\\"", Bearer realm=https://t/x, error=invalid_token')).toEqual([
      { scheme: 'basic', params: { realm: 'a "b"' } },
      { scheme: 'bearer', params: { realm: 'https://t/x', error: 'invalid_token' } },
    ]);
    expect(parseChallenges(undefined)).toEqual([]);
  });
});

describe('retry policy', () => {
  const policy: RetryPolicy = { maxAttempts: 4, maxTotalMs: 10_000, baseDelayMs: 100, maxDelayMs: 1_000 };
  it('retries 408/429/5xx and connection errors only', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 405, 409].some(isRetryableStatus)).toBe(false);
    expect(isRetryableNetworkError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryableNetworkError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
  });
  it('backs off exponentially with jitter, within the ceiling', () => {
    expect(nextRetryDelay(policy, 1, 0, undefined, () => 0)).toBe(50);
    expect(nextRetryDelay(policy, 1, 0, undefined, () => 1)).toBe(100);
    expect(nextRetryDelay(policy, 3, 0, undefined, () => 1)).toBe(400);
    expect(nextRetryDelay({ ...policy, maxAttempts: 10 }, 8, 0, undefined, () => 1)).toBe(1000);
  });
  it('stops at the attempt and total-time budgets', () => {
    expect(nextRetryDelay(policy, 4, 0, undefined)).toBeUndefined();
    expect(nextRetryDelay(policy, 1, 9_990, 50)).toBeUndefined();
    expect(nextRetryDelay(policy, 1, 0, 3_000)).toBe(3_000);
  });
  it('reads Retry-After as seconds or an HTTP-date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('references', () => {
  it('parses registry, repository, tag and digest', () => {
    const d = `sha256:${'b'.repeat(64)}`;
    expect(parseReference('ghcr.io/acme/demo:1.0.0_database__2025.1')).toEqual({
      registry: 'ghcr.io',
      repository: 'acme/demo',
      tag: '1.0.0_database__2025.1',
    });
    expect(parseReference(`127.0.0.1:5000/a/b@${d}`)).toEqual({
      registry: '127.0.0.1:5000',
      repository: 'a/b',
      digest: d,
    });
    expect(formatReference(parseReference('localhost:5000/a/b:t'))).toBe('localhost:5000/a/b:t');
  });
  it('explains what is wrong', () => {
    expect(() => parseReference('demo:1.0')).toThrow(/has no registry/);
    expect(() => parseReference('ghcr.io/Acme/demo')).toThrow(/"Acme"/);
    expect(() => parseReference('ghcr.io/acme/demo:.bad')).toThrow(/not a valid OCI tag/);
    expect(() => parseReference('ghcr.io/acme/demo', { requireTagOrDigest: true })).toThrow(/names no tag/);
    expect(() => parseReference('https://ghcr.io/acme/demo')).toThrow(/registry "https:"/);
  });
});

describe('credentials from the environment', () => {
  it('prefers IPM_DB_REGISTRY_*, falls back to GITHUB_TOKEN for ghcr.io only', () => {
    expect(
      registryCredentialsFromEnv({ IPM_DB_REGISTRY_USERNAME: 'u', IPM_DB_REGISTRY_PASSWORD: 'pw-one-1' }, 'r.example'),
    ).toEqual({ username: 'u', password: 'pw-one-1' });
    expect(registryCredentialsFromEnv({ IPM_DB_REGISTRY_TOKEN: 'tok-two-2', GITHUB_ACTOR: 'me' }, 'r.example')).toEqual(
      { username: 'me', password: 'tok-two-2' },
    );
    expect(registryCredentialsFromEnv({ GITHUB_TOKEN: 'ghs_three3', GITHUB_ACTOR: 'me' }, 'ghcr.io')).toEqual({
      username: 'me',
      password: 'ghs_three3',
    });
    expect(registryCredentialsFromEnv({ GITHUB_TOKEN: 'ghs_three3' }, 'r.example')).toBeUndefined();
  });

  it('gives them to the registry the command names only, and registers them as secrets when handed out', () => {
    const io = {
      stdout: process.stdout,
      stderr: process.stderr,
      cwd: '/',
      env: { IPM_DB_REGISTRY_USERNAME: 'u', IPM_DB_REGISTRY_PASSWORD: 'pw-four-4', DOCKER_CONFIG: '/nonexistent' },
    };
    const access = cliRegistryAccess(io, 'r.example:5000', { plainHttp: false });
    expect(access.credentialsFor('other.example')).toBeUndefined();
    expect(access.credentialsFor('r.example')).toBeUndefined();
    expect(redact('x pw-four-4')).toBe('x pw-four-4');
    expect(access.credentialsFor('R.example:5000')).toEqual({ username: 'u', password: 'pw-four-4' });
    expect(redact('x pw-four-4')).toBe('x ***');
  });
});
