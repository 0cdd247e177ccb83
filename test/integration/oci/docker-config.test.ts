// Registry credentials from Docker's config.json (docker login, docker/login-action) when none
// are given, and every secret-derived value handed to the caller's secret callback (the action
// passes core.setSecret). Real registries with htpasswd and token auth.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionRegistryAccess } from '../../../src/action/registry.js';
import { main } from '../../../src/cli/main.js';
import { commands } from '../../../src/cli/commands/index.js';
import { credentialsOnlyFor, registryAccess } from '../../../src/oci/access.js';
import { RegistryClient } from '../../../src/oci/client.js';
import { dockerConfigPath, parseDockerConfig } from '../../../src/oci/docker-config.js';
import { startRegistry, type TestRegistry } from '../../support/registry.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-docker-config-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('config.json entries', () => {
  it('reads base64 auth and username/password entries, keyed by host or by a legacy URL', () => {
    const entries = parseDockerConfig(
      JSON.stringify({
        auths: {
          'registry.example:5000': { auth: b64('alice:pa:ss') },
          'https://index.docker.io/v1/': { auth: b64('bob:hub-secret') },
          'Other.Example': { username: 'carol', password: 'c-secret' },
          'helper.example': {},
        },
        credsStore: 'desktop',
      }),
    );
    expect(Object.fromEntries(entries)).toEqual({
      'registry.example:5000': { username: 'alice', password: 'pa:ss' },
      'index.docker.io': { username: 'bob', password: 'hub-secret' },
      'other.example': { username: 'carol', password: 'c-secret' },
    });
    expect(parseDockerConfig('not json').size).toBe(0);
    expect(dockerConfigPath({ DOCKER_CONFIG: '/cfg', HOME: '/home/u' })).toBe('/cfg/config.json');
    expect(dockerConfigPath({ HOME: '/home/u' })).toBe('/home/u/.docker/config.json');
  });
});

describe('against a registry with htpasswd auth', () => {
  let reg: TestRegistry;
  let dockerConfig: string;
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'htpasswd' });
    dockerConfig = join(dir, 'docker');
    await mkdir(dockerConfig, { recursive: true });
    await writeFile(
      join(dockerConfig, 'config.json'),
      JSON.stringify({
        auths: { [reg.host]: { auth: b64(`${reg.credentials.username}:${reg.credentials.password}`) } },
      }),
    );
  });
  afterAll(async () => {
    await reg?.stop();
  });

  async function tags(env: NodeJS.ProcessEnv) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const code = await main(
      ['tags', `${reg.host}/acme/nothing`, '--plain-http'],
      { stdout, stderr, env, cwd: dir },
      commands,
    );
    return { code, err: String(stderr.read() ?? '') };
  }

  it('the CLI uses the docker login entry when the environment has no credentials', async () => {
    expect(await tags({ DOCKER_CONFIG: dockerConfig })).toEqual({ code: 0, err: '' });
    const without = await tags({ DOCKER_CONFIG: join(dir, 'empty') });
    expect(without.code).toBe(1);
    expect(without.err).toMatch(/requires a user name and password/);
    expect(without.err).toMatch(/IPM_DB_REGISTRY_USERNAME.*docker login/);
  });

  it('the action prefers the docker login entry over its default token for a registry other than ghcr.io', async () => {
    const inputs = {
      registry: reg.host,
      registryPlainHttp: true,
      namespace: 'acme',
      username: 'someone',
      token: 'ghs_the_job_token_which_only_ghcr_accepts',
    };
    const access = actionRegistryAccess(inputs, { DOCKER_CONFIG: dockerConfig }, () => {});
    expect(access.credentialsFor(reg.host)).toEqual(reg.credentials);
    expect(await new RegistryClient(access).listTags('acme/nothing')).toEqual([]);
    const noLogin = actionRegistryAccess(inputs, { DOCKER_CONFIG: join(dir, 'empty') }, () => {});
    expect(noLogin.credentialsFor(reg.host)).toEqual({ username: 'someone', password: inputs.token });
    expect(noLogin.credentialsFor('ghcr.io')).toBeUndefined();
    const ghcr = actionRegistryAccess({ ...inputs, registry: 'ghcr.io', registryPlainHttp: false }, {}, () => {});
    expect(ghcr.credentialsFor('ghcr.io')).toEqual({ username: 'someone', password: inputs.token });
    expect(ghcr.credentialsFor(reg.host)).toBeUndefined();
  });
});

describe('secret callback', () => {
  for (const auth of ['htpasswd', 'token'] as const) {
    it(`receives the password, the Basic header value and (${auth}) every issued token`, async () => {
      const reg = await startRegistry({ auth });
      try {
        const secrets: string[] = [];
        const access = registryAccess({
          host: reg.host,
          plainHttp: true,
          credentialsFor: credentialsOnlyFor(reg.host, reg.credentials),
          onSecret: (v) => secrets.push(v),
        });
        await new RegistryClient(access).listTags('acme/secretive');
        expect(secrets).toContain(reg.credentials.password);
        expect(secrets).toContain(b64(`${reg.credentials.username}:${reg.credentials.password}`));
        const tokens = secrets.filter((s) => /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/.test(s));
        if (auth === 'token') expect(reg.tokenServer!.requests.length).toBeGreaterThan(0);
        expect(tokens.length).toBe(auth === 'token' ? reg.tokenServer!.requests.length : 0);
      } finally {
        await reg.stop();
      }
    });
  }
});
