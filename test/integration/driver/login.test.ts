// docker login for private images: the password travels on stdin only and never shows in errors.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dockerLogin } from '../../../src/iris/container.js';
import { Docker } from '../../../src/iris/docker.js';
import { IpmDbError } from '../../../src/util/errors.js';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { startRegistry, type TestRegistry } from '../../support/registry.js';

describeWithDocker('docker login', () => {
  let registry: TestRegistry;
  let config: string;
  let docker: Docker;

  beforeAll(async () => {
    const { dockerHost } = requireDocker();
    docker = new Docker({ host: dockerHost });
    registry = await startRegistry({ auth: 'htpasswd' });
    // The docker client keeps credentials in DOCKER_CONFIG: a temporary one, not the user's.
    config = await mkdtemp(join(tmpdir(), 'ipm-db-docker-config-'));
    process.env.DOCKER_CONFIG = config;
  });

  afterAll(async () => {
    delete process.env.DOCKER_CONFIG;
    await registry?.stop();
    await rm(config, { recursive: true, force: true });
  });

  it('logs in with the password on stdin', async () => {
    const { username, password } = registry.credentials;
    await dockerLogin(docker, { registry: registry.host, username, password });
    expect(await readFile(join(config, 'config.json'), 'utf8')).toContain(registry.host);
  });

  it('reports a refused login without the password', async () => {
    const wrong = 'wrong-password-1234567';
    const err = await dockerLogin(docker, {
      registry: registry.host,
      username: registry.credentials.username,
      password: wrong,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpmDbError);
    expect((err as IpmDbError).code).toBe('docker-login-failed');
    expect(JSON.stringify({ m: (err as IpmDbError).message, d: (err as IpmDbError).details })).not.toContain(wrong);
  });
});
