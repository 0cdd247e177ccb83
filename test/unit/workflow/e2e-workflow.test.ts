import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readModuleSettings } from '../../../src/pipeline/module-settings.js';
import { parseWorkflowText } from '../../support/workflow-rules.js';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '../../..');

describe('the end-to-end workflow (cannot run here: checked by construction)', async () => {
  const wf = parseWorkflowText(await readFile(join(root, '.github/workflows/e2e.yml'), 'utf8'));
  const job = (id: string) => {
    const j = wf.jobs.find((x) => x.id === id);
    if (!j) throw new Error(`e2e.yml has no job ${id}`);
    return j;
  };

  it('runs the example module through the reusable workflow on the two newest community versions', async () => {
    expect(job('versions').steps.find((s) => s.run?.includes('iris-versions'))?.run).toMatch(
      /--versions auto --flavour iris-community --latest 2\b/,
    );
    const pkg = job('package');
    expect(pkg.uses).toBe('./.github/workflows/ipm-database.yml');
    const modulePath = String(pkg.with?.['module-path']);
    expect(existsSync(join(root, modulePath, 'module.xml')), `${modulePath}/module.xml`).toBe(true);
    // The action refuses run-tests without dev (test classes are packaged only with -dev).
    if (pkg.with?.['run-tests'] === true) expect(pkg.with?.dev).toBe(true);
    const previous = String(pkg.with?.['upgrade-source']);
    expect(existsSync(join(root, previous, 'module.xml')), `${previous}/module.xml`).toBe(true);
    // How the upgrade is judged is the module's own: its ipm-db.yml. Checks run on the new release, seeds on the previous.
    const settings = (await readModuleSettings(join(root, modulePath))).values;
    const methods = (key: string) => settings.get(key)?.text.split('\n') ?? [];
    expect(methods('check-methods')).toHaveLength(3);
    for (const [dir, method] of [
      ...methods('check-methods').map((m) => [modulePath, m]),
      ...methods('seed-methods').map((m) => [previous, m]),
    ]) {
      const [cls, name] = method!.split(':');
      const source = readFileSync(join(root, dir!, 'src/cls', `${cls!.replace(/\./g, '/')}.cls`), 'utf8');
      expect(source, method).toContain(`ClassMethod ${name}()`);
    }
    expect(pkg.with?.publish).toBe("${{ github.ref == 'refs/heads/main' && github.event_name != 'pull_request' }}");
    expect(pkg.with?.namespace).toBe("${{ format('{0}/e2e-{1}', github.repository_owner, matrix.version) }}");
  });

  it('installs with IPM itself and pulls with the ORAS CLI, only after publishing on main', () => {
    const install = job('install');
    expect(install.if).toBe(
      job('package')
        .with?.publish?.toString()
        .replace(/^\$\{\{ | \}\}$/g, ''),
    );
    const script = install.steps.map((s) => s.run ?? '').join('\n');
    expect(script).toMatch(
      /Shell\("repo -o -name ghcr -url https:\/\/ghcr\.io -namespace "_regns_" -username "_user_" -password-env E2E_GHCR_TOKEN -publish 0"\)/,
    );
    expect(script).toMatch(/Shell\("install "_module_" -swap-db"\)/);
    expect(script).toContain('oras pull "$REFERENCE"');
    expect(script).toContain('.layers[0].mediaType == "application/vnd.oci.image.layer.v1.tar"');
    expect(install.steps.some((s) => s.uses?.startsWith('oras-project/setup-oras@'))).toBe(true);
  });

  it('computes the reference the package job publishes, from the example module.xml', async () => {
    const step = job('install').steps.find((s) => s.name === 'The published reference');
    const dir = await mkdtemp(join(tmpdir(), 'ipm-db-e2e-'));
    try {
      const out = join(dir, 'out');
      await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step!.run!], {
        cwd: root,
        env: { PATH: process.env.PATH, OWNER: 'Acme-Org', IRIS_VERSION: '2026.1', GITHUB_OUTPUT: out },
      });
      const xml = await readFile(join(root, 'examples/example-module/v2/module.xml'), 'utf8');
      const name = /<Name>([^<]+)<\/Name>/.exec(xml)?.[1];
      const version = /<Version>([^<]+)<\/Version>/.exec(xml)?.[1];
      expect(await readFile(out, 'utf8')).toBe(
        `module=${name}\nnamespace=acme-org/e2e-2026.1\nreference=ghcr.io/acme-org/e2e-2026.1/${name}:${version}_database__2026.1\n`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
