// ORAS CLI interop, where an `oras` binary is on PATH: oras pulls what the built-in client
// pushed, and `--client oras` pushes an artifact IPM accepts. Skipped, with the reason
// printed, where there is no oras (it cannot be installed on the build machine).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../../src/oci/client.js';
import { ipmAcceptanceViolations } from '../../../src/oci/ipm-artifact.js';
import { findOnPath, runCommand } from '../../../src/iris/process.js';
import { publishPackage } from '../../../src/oci/publish.js';
import { startRegistry, testAccess, type TestRegistry } from '../../support/registry.js';
import { fileSha256, testVerifier, writeTestPackage } from '../../support/oci-package.js';

const oras = findOnPath('oras');
if (!oras) console.log('ORAS interop tests skipped: no "oras" binary on PATH (install the ORAS CLI to run them).');

describe.skipIf(!oras)('ORAS CLI interop', () => {
  let reg: TestRegistry;
  let dir: string;
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'htpasswd' });
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-oras-'));
  });
  afterAll(async () => {
    await reg?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('oras pulls what the built-in client pushed, under the IPM title', async () => {
    const pkg = await writeTestPackage(dir, { name: 'OrasPull', version: '1.0.0' });
    const result = await publishPackage({
      archivePath: pkg.path,
      report: pkg.report,
      verifier: testVerifier,
      access: testAccess(reg.host, { credentials: reg.credentials }),
    });
    const out = join(dir, 'pulled');
    const run = await runCommand(
      oras!,
      ['pull', '--plain-http', '--username', reg.credentials.username, '--password-stdin', '-o', out, result.reference],
      { input: reg.credentials.password, timeoutMs: 120_000 },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(await fileSha256(join(out, 'OrasPull-1.0.0-database.tgz'))).toBe(pkg.report.archive.sha256);
  });

  it('--client oras pushes a manifest IPM accepts', async () => {
    const pkg = await writeTestPackage(dir, { name: 'OrasPush', version: '1.0.0' });
    const result = await publishPackage({
      archivePath: pkg.path,
      report: pkg.report,
      verifier: testVerifier,
      access: testAccess(reg.host, { credentials: reg.credentials }),
      client: 'oras',
    });
    const client = new RegistryClient(testAccess(reg.host, { credentials: reg.credentials }));
    const fetched = await client.getManifest('acme/oraspush', result.tag);
    expect(fetched?.digest).toBe(result.digest);
    expect(ipmAcceptanceViolations(JSON.parse(fetched!.bytes.toString('utf8')), result.tag)).toEqual([]);
  });
});
