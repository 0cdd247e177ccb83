// The publish/pull/inspect/tags commands against real registries with each kind of auth,
// credentials from the environment only, and no secret in any output.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { commands } from '../../../src/cli/commands/index.js';
import { pullCommand } from '../../../src/cli/commands/pull.js';
import { RegistryClient } from '../../../src/oci/client.js';
import { EMPTY_CONFIG, EMPTY_CONFIG_DIGEST } from '../../../src/oci/ipm-artifact.js';
import { IPM_LAYER_MEDIA_TYPE, OCI_MANIFEST_MEDIA_TYPE } from '../../../src/oci/media-types.js';
import { moduleXml } from '../../../scripts/make-example-archive.js';
import { writeIpmArchive } from '../../support/ipm-tar.js';
import { startRegistry, testAccess, type TestRegistry } from '../../support/registry.js';
import { fileSha256, writeTestPackage } from '../../support/oci-package.js';

const exec = promisify(execFile);
let dir: string;
const transcript: string[] = [];

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const code = await main(args, { stdout, stderr, env, cwd: dir }, commands);
  const out = String(stdout.read() ?? '');
  const err = String(stderr.read() ?? '');
  transcript.push(out, err);
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipm-db-cli-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

for (const auth of ['htpasswd', 'token'] as const) {
  describe(`ipm-db against a registry with ${auth} auth`, () => {
    let reg: TestRegistry;
    let env: NodeJS.ProcessEnv;
    beforeAll(async () => {
      reg = await startRegistry({ auth });
      env = { IPM_DB_REGISTRY_USERNAME: reg.credentials.username, IPM_DB_REGISTRY_PASSWORD: reg.credentials.password };
    });
    afterAll(async () => {
      await reg?.stop();
    });

    it('publishes, lists, inspects and pulls with credentials from the environment', async () => {
      const pkg = await writeTestPackage(dir, { name: 'CliModule', version: '3.1.4', irisVersion: '2024.1' });
      const reportFile = join(dir, `report-${auth}.json`);
      await writeFile(reportFile, JSON.stringify(pkg.report));
      const publishArgs = [
        'publish',
        pkg.path,
        '--registry',
        reg.host,
        '--registry-namespace',
        'acme',
        '--report',
        reportFile,
        '--plain-http',
        '--json',
        '--verbose',
      ];
      const published = await cli(publishArgs, env);
      expect(published.code, published.err).toBe(0);
      const result = JSON.parse(published.out) as {
        reference: string;
        digest: string;
        unchanged: boolean;
        bytesUploaded: number;
      };
      expect(result.reference).toBe(`${reg.host}/acme/climodule:3.1.4_database__2024.1`);

      const again = await cli(publishArgs, env);
      expect(JSON.parse(again.out)).toMatchObject({ unchanged: true, bytesUploaded: 0, digest: result.digest });

      const tags = await cli(['tags', `${reg.host}/acme/climodule`, '--plain-http', '--json'], env);
      expect(JSON.parse(tags.out).tags).toEqual(['3.1.4_database__2024.1']);

      const inspected = await cli(['inspect', result.reference, '--plain-http', '--json'], env);
      expect(inspected.code).toBe(0);
      expect(JSON.parse(inspected.out)).toMatchObject({ digest: result.digest, ipmAccepts: true, violations: [] });

      const out = join(dir, `pulled-${auth}`);
      const pulled = await cli(['pull', result.reference, '-o', out, '--plain-http', '--json'], env);
      expect(pulled.code, pulled.err).toBe(0);
      const file = JSON.parse(pulled.out).file as string;
      expect(JSON.parse(pulled.out).verification).toMatchObject({
        valid: true,
        module: { name: 'CliModule', version: '3.1.4' },
      });
      expect(file).toBe(join(out, 'CliModule-3.1.4-database.tgz'));
      expect(await fileSha256(file)).toBe(pkg.report.archive.sha256);

      // With a verifier wired in, pull runs it on the downloaded file and fails on an invalid report.
      const verified: string[] = [];
      const rejecting = pullCommand(async (path) => {
        verified.push(path);
        return { ...pkg.report, valid: false, errors: [{ code: 'x', severity: 'error', message: 'rejected' }] };
      });
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      const code = await main(
        ['pull', result.reference, '-o', join(out, 'again'), '--plain-http'],
        { stdout, stderr, env, cwd: dir },
        [rejecting],
      );
      expect(code).toBe(1);
      expect(String(stdout.read())).toMatch(/verification: INVALID \(1 error\(s\)\)/);
      expect(verified).toEqual([join(out, 'again', 'CliModule-3.1.4-database.tgz')]);

      // skopeo, with the credentials in an auth file rather than on its command line.
      const authFile = join(dir, `auth-${auth}.json`);
      const basic = Buffer.from(`${reg.credentials.username}:${reg.credentials.password}`).toString('base64');
      await writeFile(authFile, JSON.stringify({ auths: { [reg.host]: { auth: basic } } }));
      const skopeo = await exec('skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        '--authfile',
        authFile,
        `docker://${result.reference}`,
      ]);
      expect(JSON.parse(skopeo.stdout).annotations['com.intersystems.ipm.packaging']).toBe('database');
    });

    it('verifies the archive itself without --report, and refuses one that fails', async () => {
      const pkg = await writeTestPackage(dir, { name: 'SelfVerified' });
      const args = ['--registry', reg.host, '--registry-namespace', 'acme', '--plain-http', '--json'];
      const ok = await cli(['publish', pkg.path, ...args], env);
      expect(ok.code, ok.err).toBe(0);
      expect(JSON.parse(ok.out).tag).toBe('1.2.3_database__2025.1');

      const bad = join(dir, `bad-checksum-${auth}.tgz`);
      const xml = moduleXml({ name: 'BadSum', version: '1.0.0', checksum: 'ab'.repeat(32), irisVersion: '2025.1' });
      await writeIpmArchive(bad, [
        { path: 'module.xml', data: xml },
        { path: 'IRIS.DAT', data: Buffer.alloc(8192, 1) },
        { path: 'deps/', type: 'dir' },
      ]);
      const refused = await cli(['publish', bad, ...args], env);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/did not pass verification/);
      const tags = await cli(['tags', `${reg.host}/acme/badsum`, '--plain-http', '--json'], env);
      expect(JSON.parse(tags.out).tags).toEqual([]);
    });

    it('reports refused credentials clearly without echoing them', async () => {
      const pkg = await writeTestPackage(dir, { name: 'Denied' });
      const reportFile = join(dir, `denied-${auth}.json`);
      await writeFile(reportFile, JSON.stringify(pkg.report));
      const wrong = `wrong-${reg.credentials.password}`;
      const res = await cli(
        [
          'publish',
          pkg.path,
          '--registry',
          reg.host,
          '--registry-namespace',
          'acme',
          '--report',
          reportFile,
          '--plain-http',
        ],
        {
          IPM_DB_REGISTRY_USERNAME: reg.credentials.username,
          IPM_DB_REGISTRY_PASSWORD: wrong,
        },
      );
      expect(res.code).toBe(1);
      expect(res.err).toMatch(/HTTP 401/);
      expect(res.err).toMatch(/IPM_DB_REGISTRY_USERNAME/);
      expect(res.err).not.toContain(wrong);
    });

    it(
      auth === 'token' ? 'lets anonymous callers pull but not push' : 'asks anonymous callers for credentials',
      async () => {
        const res = await cli(['tags', `${reg.host}/acme/climodule`, '--plain-http', '--json']);
        if (auth === 'token') {
          expect(res.code, res.err).toBe(0);
          expect(JSON.parse(res.out).tags).toEqual(['3.1.4_database__2024.1']);
          expect(reg.tokenServer!.requests.some((t) => t.user === null)).toBe(true);
          const pkg = await writeTestPackage(dir, { name: 'AnonPush' });
          const reportFile = join(dir, 'anon.json');
          await writeFile(reportFile, JSON.stringify(pkg.report));
          const push = await cli([
            'publish',
            pkg.path,
            '--registry',
            reg.host,
            '--registry-namespace',
            'acme',
            '--report',
            reportFile,
            '--plain-http',
          ]);
          expect(push.code).toBe(1);
          expect(push.err).toMatch(/HTTP 401/);
        } else {
          expect(res.code).toBe(1);
          expect(res.err).toMatch(/requires a user name and password/);
          expect(res.err).toMatch(/IPM_DB_REGISTRY_USERNAME/);
        }
      },
    );

    it('inspect lists every rule a foreign artifact breaks', async () => {
      const client = new RegistryClient(testAccess(reg.host, { credentials: reg.credentials }));
      const file = join(dir, 'foreign.tgz');
      await writeFile(file, 'foreign');
      const { createHash } = await import('node:crypto');
      const digest = `sha256:${createHash('sha256').update('foreign').digest('hex')}`;
      await client.uploadBlobBytes('acme/foreign', EMPTY_CONFIG_DIGEST, EMPTY_CONFIG);
      await client.uploadBlobFromFile('acme/foreign', file, digest, 7);
      const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST_MEDIA_TYPE,
        config: { mediaType: 'application/vnd.unknown.config.v1+json', digest: EMPTY_CONFIG_DIGEST, size: 2 },
        layers: [
          {
            mediaType: `${IPM_LAYER_MEDIA_TYPE}+gzip`,
            digest,
            size: 7,
            annotations: { 'org.opencontainers.image.title': 'foreign.tgz' },
          },
        ],
        annotations: { 'org.opencontainers.image.revision': 'abc', 'org.opencontainers.image.version': '1.0.0' },
      };
      await client.putManifest('acme/foreign', '1.0.0', Buffer.from(JSON.stringify(manifest)));
      const res = await cli(['inspect', `${reg.host}/acme/foreign:1.0.0`, '--plain-http'], env);
      expect(res.code).toBe(1);
      expect(res.out).toMatch(/IPM would NOT accept/);
      for (const rule of ['layer-media-type', 'annotation-key', 'packaging', 'platform-version', 'module-xml', 'tag'])
        expect(res.out).toContain(`[${rule}]`);
    });
  });
}

describe('secrets', () => {
  it('never appear in anything the commands printed', async () => {
    expect(transcript.length).toBeGreaterThan(0);
    const all = transcript.join('\n');
    expect(all).not.toMatch(/pw-[0-9a-f]{24}/);
    expect(all).not.toMatch(/Basic [A-Za-z0-9+/=]{16,}/);
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./); // a JWT
  });
});
