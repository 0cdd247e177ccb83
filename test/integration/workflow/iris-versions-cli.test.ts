// `ipm-db iris-versions` against a real registry (CNCF distribution 2.8 on 127.0.0.1), holding tags in
// the forms containers.intersystems.com lists: anonymous pulls through a Bearer token service (as the
// community images are served), credentials for an htpasswd registry (as licensed images need).
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { RegistryClient } from '../../../src/oci/client.js';
import { startRegistry, testAccess, type TestRegistry } from '../../support/registry.js';

const TAGS = [
  '2024.1',
  '2024.1.4.512.0',
  '2025.1',
  '2025.2',
  '2025.3',
  '2025.3-linux-arm64',
  '2026.1',
  'latest-em',
  '2026.2-preview',
];
const REPOSITORY = 'intersystems/iris-community';

async function seed(reg: TestRegistry): Promise<void> {
  const client = new RegistryClient(testAccess(reg.host, { credentials: reg.credentials }));
  const config = Buffer.from('{}');
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  await client.uploadBlobBytes(REPOSITORY, configDigest, config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: [],
    }),
  );
  for (const tag of TAGS) await client.putManifest(REPOSITORY, tag, manifest);
}

function cli(env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = { stdout: '', stderr: '' };
  stdout.on('data', (c) => (out.stdout += String(c)));
  stderr.on('data', (c) => (out.stderr += String(c)));
  return { io: { stdout, stderr, env, cwd: tmpdir() }, out };
}

describe('ipm-db iris-versions on a real registry', () => {
  let token: TestRegistry;
  let htpasswd: TestRegistry;
  beforeAll(async () => {
    [token, htpasswd] = await Promise.all([startRegistry({ auth: 'token' }), startRegistry({ auth: 'htpasswd' })]);
    await Promise.all([seed(token), seed(htpasswd)]);
  });
  afterAll(async () => {
    await Promise.all([token?.stop(), htpasswd?.stop()]);
  });

  it('auto: anonymous Bearer token, the newest release tags minus the expired licences', async () => {
    const { io, out } = cli();
    const code = await main(['iris-versions', '--image-registry', `${token.host}/intersystems`, '--plain-http'], io);
    expect(out.stderr).toContain(`${token.host}/${REPOSITORY}: ${TAGS.length} tags`);
    expect(code).toBe(0);
    expect(out.stdout).toBe('["2026.1","2025.3"]\n');
    expect(out.stderr).toContain('skipped (skip list): 2025.2, 2025.1');
    expect(
      token.tokenServer?.requests.some((r) => r.user === null && r.scope === `repository:${REPOSITORY}:pull`),
    ).toBe(true);
  });

  it('writes the matrix to GITHUB_OUTPUT; latest and skip change it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipm-db-gh-'));
    try {
      const file = join(dir, 'out');
      const { io } = cli({ GITHUB_OUTPUT: file });
      const args = ['iris-versions', '--image-registry', `${token.host}/intersystems`, '--plain-http'];
      expect(await main([...args, '--latest', '3', '--skip', 'default,2026.1', '--github-output'], io)).toBe(0);
      expect(await readFile(file, 'utf8')).toBe('versions=["2025.3","2024.1"]\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a registry that needs credentials: refused without them with a hint, listed with them', async () => {
    const args = [
      'iris-versions',
      '--image-registry',
      `${htpasswd.host}/intersystems`,
      '--plain-http',
      '--skip',
      'none',
    ];
    const anonymous = cli();
    expect(await main(args, anonymous.io)).toBe(1);
    expect(anonymous.out.stderr).toMatch(/Reading the tags of .* failed: .*requires a user name and password/);
    expect(anonymous.out.stderr).toContain('iris-registry-username and iris-registry-password');
    const withCredentials = cli({
      IPM_DB_IRIS_REGISTRY_USERNAME: htpasswd.credentials.username,
      IPM_DB_IRIS_REGISTRY_PASSWORD: htpasswd.credentials.password,
    });
    expect(await main(args, withCredentials.io)).toBe(0);
    expect(withCredentials.out.stdout).toBe('["2026.1","2025.3"]\n');
    expect(withCredentials.out.stderr + anonymous.out.stderr).not.toContain(htpasswd.credentials.password);
  });

  it('an image with no release tags, and a bad JSON list, fail with what to do', async () => {
    const missing = cli();
    expect(
      await main(
        [
          'iris-versions',
          '--image-registry',
          `${token.host}/intersystems`,
          '--flavour',
          'nothing-here',
          '--plain-http',
        ],
        missing.io,
      ),
    ).toBe(1);
    expect(missing.out.stderr).toContain('lists no release tags');
    const bad = cli();
    expect(await main(['iris-versions', '--versions', '2025.1, 2025.3'], bad.io)).toBe(2);
    expect(bad.out.stderr).toContain('neither "auto" nor a JSON list');
  });
});
