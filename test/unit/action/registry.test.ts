import { describe, expect, it } from 'vitest';
import { splitRegistryInput } from '../../../src/action/registry.js';
import { OriginPolicy, registryAccess } from '../../../src/oci/access.js';
import { RegistryError } from '../../../src/oci/registry-error.js';

describe("the action's registry input", () => {
  it('splits host and path prefix; the prefix goes before the namespace', () => {
    expect(splitRegistryInput('ghcr.io', 'acme')).toEqual({ host: 'ghcr.io', namespace: 'acme' });
    expect(splitRegistryInput('localhost:5000/team/x', 'acme')).toEqual({
      host: 'localhost:5000',
      namespace: 'team/x/acme',
    });
  });
});

describe('origin policy', () => {
  const https = new OriginPolicy(registryAccess({ host: 'registry.example' }));
  const plain = new OriginPolicy(registryAccess({ host: '127.0.0.1:5000', plainHttp: true }));

  it('an https registry: any https URL may be used, no http: one, credentials only to its own origin', () => {
    expect(https.mayUse(new URL('https://auth.example/token'))).toBe(true);
    expect(https.mayUse(new URL('http://registry.example/token'))).toBe(false);
    expect(() => https.check(new URL('http://registry.example/token'), 'token realm')).toThrow(RegistryError);
    expect(https.mayCarryCredentials(new URL('https://registry.example/v2/x'))).toBe(true);
    expect(https.mayCarryCredentials(new URL('https://registry.example:444/v2/x'))).toBe(false);
    expect(https.mayCarryCredentials(new URL('https://storage.example/blob'))).toBe(false);
  });

  it('plain HTTP applies to its host name only', () => {
    expect(plain.mayUse(new URL('http://127.0.0.1:6000/token'))).toBe(true);
    expect(plain.mayUse(new URL('http://127.0.0.2:5000/v2/'))).toBe(false);
    expect(plain.mayCarryCredentials(new URL('http://127.0.0.1:6000/v2/'))).toBe(false);
  });
});
