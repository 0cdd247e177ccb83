// The reusable workflow's publish job, run for real: its three run: scripts, taken from
// .github/workflows/ipm-database.yml, executed by bash with the bundled CLI (dist/cli.js) against a
// real registry on 127.0.0.1, on leg artifacts laid out as download-artifact leaves them.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestPackage } from '../../support/oci-package.js';
import { predicateSchemaErrors } from '../../support/predicate-schema.js';
import { startRegistry, type TestRegistry } from '../../support/registry.js';
import { run as runReport } from '../../unit/action/fixtures.js';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const VERSIONS = ['2025.3', '2026.1'];
const STEP_NAMES = [
  'Check that every version passed with a verified archive',
  'Publish every package',
  'Set the outputs',
  "Write the test attestation's predicate and subjects",
];

interface WorkflowStep {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}

async function publishSteps(): Promise<WorkflowStep[]> {
  const wf = parse(await readFile(join(root, '.github/workflows/ipm-database.yml'), 'utf8')) as {
    jobs: { publish: { steps: WorkflowStep[] } };
  };
  return STEP_NAMES.map((name) => {
    const step = wf.jobs.publish.steps.find((s) => s.name === name);
    if (!step?.run) throw new Error(`the publish job has no run: step "${name}"`);
    return step;
  });
}

describe('the publish job', () => {
  let reg: TestRegistry;
  let dir: string;
  let runnerTemp: string;
  let env: Record<string, string>;

  async function writeLeg(version: string, datBytes = 64 * 1024): Promise<void> {
    const legDir = join(runnerTemp, 'ipm-db-legs', `ipm-db-leg-${version}`);
    await rm(legDir, { recursive: true, force: true });
    await mkdir(join(legDir, 'run-1'), { recursive: true });
    const pkg = await writeTestPackage(join(legDir, 'run-1'), { irisVersion: version, datBytes });
    const report = runReport({
      image: `containers.intersystems.com/intersystems/iris-community:${version}`,
      irisVersion: version,
      module: { name: 'DemoModule', version: '1.2.3' },
      archive: {
        path: `/home/runner/work/_temp/ipm-db/1/run-1/${basename(pkg.path)}`,
        fileName: basename(pkg.path),
        size: pkg.report.archive.size,
        sha256: pkg.report.archive.sha256,
        irisDatSha256: pkg.report.irisDat?.sha256 ?? null,
      },
      verification: pkg.report,
      published: null,
    });
    await writeFile(join(legDir, 'ipm-db-report.json'), JSON.stringify([report]));
  }

  /** Runs the job's scripts in order, as the runner would (bash -e), with `node` adding --plain-http. */
  async function runJob(
    extra: Record<string, string> = {},
  ): Promise<{ outputs: Record<string, string>; log: string; summary: string }> {
    const githubOutput = join(dir, `github-output-${Date.now()}`);
    const stepSummary = join(dir, `step-summary-${Date.now()}`);
    await writeFile(githubOutput, '');
    await writeFile(stepSummary, '');
    await rm(join(runnerTemp, 'ipm-db-published'), { recursive: true, force: true });
    let log = '';
    for (const step of await publishSteps()) {
      const stepEnv = { ...env, ...extra };
      for (const key of Object.keys(step.env ?? {}))
        expect(stepEnv, `env ${key} of "${step.name}"`).toHaveProperty(key);
      const { stdout, stderr } = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
        cwd: dir,
        env: {
          PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
          HOME: dir,
          RUNNER_TEMP: runnerTemp,
          GITHUB_OUTPUT: githubOutput,
          GITHUB_STEP_SUMMARY: stepSummary,
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_REPOSITORY: 'acme/demo',
          GITHUB_RUN_ID: '4242',
          GITHUB_RUN_ATTEMPT: '1',
          ...stepEnv,
        },
      });
      log += stdout + stderr;
    }
    const outputs = Object.fromEntries(
      (await readFile(githubOutput, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    return { outputs, log, summary: await readFile(stepSummary, 'utf8') };
  }

  beforeAll(async () => {
    reg = await startRegistry({ auth: 'htpasswd' });
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-publish-job-'));
    runnerTemp = join(dir, 'runner-temp');
    await symlink(root, join(dir, '.ipm-database-action'));
    await mkdir(join(dir, 'bin'));
    // The loopback registry speaks plain HTTP; everything else is the job's own command line.
    await writeFile(
      join(dir, 'bin', 'node'),
      `#!/bin/sh\nif [ "$2" = publish ]; then exec "${process.execPath}" "$@" --plain-http; fi\nexec "${process.execPath}" "$@"\n`,
    );
    await chmod(join(dir, 'bin', 'node'), 0o755);
    for (const v of VERSIONS) await writeLeg(v);
    env = {
      PREFIX: 'ipm-db-leg-',
      EXPECTED: JSON.stringify(VERSIONS),
      REGISTRY: reg.host,
      NAMESPACE: 'Acme',
      SOURCE_URL: 'https://github.com/acme/demo',
      OVERWRITE_TAGS: 'false',
      ALLOW_PRERELEASE: 'false',
      IPM_DB_REGISTRY_USERNAME: reg.credentials.username,
      IPM_DB_REGISTRY_PASSWORD: reg.credentials.password,
    };
  });
  afterAll(async () => {
    await reg?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('publishes every leg, sets the outputs, and is a no-op when re-run', async () => {
    const first = await runJob();
    const references = JSON.parse(first.outputs['published-references']!) as string[];
    expect(references).toEqual(VERSIONS.map((v) => `${reg.host}/acme/demomodule:1.2.3_database__${v}`));
    const digests = JSON.parse(first.outputs.digests!) as string[];
    expect(digests).toHaveLength(2);
    expect(JSON.parse(first.outputs.published!)).toEqual(
      references.map((reference, i) => ({
        reference,
        tag: reference.split(':').pop(),
        digest: digests[i],
        unchanged: false,
      })),
    );
    // Each digest read back from the registry after its push: the round-trip proof as an output.
    expect(JSON.parse(first.outputs['round-trip']!)).toEqual(
      references.map((reference, i) => ({ reference, digest: digests[i], status: 'verified', layerRead: true })),
    );
    expect(first.log).not.toContain(reg.credentials.password);
    expect(first.summary).toContain(`| \`${references[0]}\` | \`${digests[0]}\` | pushed | verified |`);

    // What the attest steps sign: one subject per digest, named by the repository, and a predicate
    // that passes the documented schema and names every digest's tests.
    const subjects = await readFile(join(runnerTemp, 'ipm-db-attest', 'subjects.txt'), 'utf8');
    expect(subjects).toBe(digests.map((d, i) => `${d.slice(7)}  ${references[i]!.replace(/:[^:/]+$/, '')}\n`).join(''));
    const predicate = JSON.parse(await readFile(join(runnerTemp, 'ipm-db-attest', 'test-result.json'), 'utf8')) as {
      result: string;
      url: string;
      passedTests: string[];
      configuration: { digest: { sha256: string }; annotations: { role: string } }[];
    };
    expect(predicateSchemaErrors(predicate)).toEqual([]);
    expect(predicate.result).toBe('PASSED');
    expect(predicate.url).toBe('https://github.com/acme/demo/actions/runs/4242/attempts/1');
    expect(predicate.passedTests).toContain('1.2.3_database__2026.1 on IRIS 2026.1: stage install');
    expect(
      predicate.configuration
        .filter((c) => c.annotations.role === 'published package')
        .map((c) => `sha256:${c.digest.sha256}`),
    ).toEqual(digests);
    expect(predicate.passedTests).toContain(`1.2.3_database__2026.1: round-trip ${digests[1]}`);

    const again = await runJob();
    expect(again.summary).toContain('| unchanged (already there) |');
    expect(JSON.parse(again.outputs.digests!)).toEqual(digests);
    expect((JSON.parse(again.outputs.published!) as { unchanged: boolean }[]).map((p) => p.unchanged)).toEqual([
      true,
      true,
    ]);
    // An unchanged re-publish re-checks each digest without downloading its layer again.
    expect(JSON.parse(again.outputs['round-trip']!)).toEqual(
      references.map((reference, i) => ({ reference, digest: digests[i], status: 'verified', layerRead: false })),
    );
  });

  it('refuses to overwrite a released tag with a rebuilt package unless overwrite-tags is true', async () => {
    await writeLeg('2026.1', 96 * 1024); // rebuilt: another IRIS.DAT
    const refused = await runJob().then(
      () => null,
      (err: { stderr?: string }) => err,
    );
    expect(refused?.stderr ?? '').toMatch(/different|already/i);
    const forced = await runJob({ OVERWRITE_TAGS: 'true' });
    const published = JSON.parse(forced.outputs.published!) as { unchanged: boolean }[];
    expect(published.map((p) => p.unchanged)).toEqual([true, false]);
  });

  it('the iris-upgrade pairs step pairs consecutive IRIS versions by version, none for one version or without iris-upgrade', async () => {
    const wf = parse(await readFile(join(root, '.github/workflows/ipm-database.yml'), 'utf8')) as {
      jobs: { 'upgrade-pairs': { steps: WorkflowStep[] } };
    };
    const step = wf.jobs['upgrade-pairs'].steps.find((s) => s.name === 'Consecutive IRIS versions of the matrix')!;
    let n = 0;
    const pairs = async (versions: string[], scenarios = '') => {
      const out = join(dir, `pairs-${n++}`);
      await writeFile(out, '');
      await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
        cwd: dir,
        env: { PATH: process.env.PATH, GITHUB_OUTPUT: out, VERSIONS: JSON.stringify(versions), SCENARIOS: scenarios },
      });
      return readFile(out, 'utf8');
    };
    const both = 'pairs=[{"from":"2025.1","to":"2025.3"},{"from":"2025.3","to":"2026.1"}]\n';
    expect(await pairs(['2025.1', '2025.3', '2026.1'])).toBe(both);
    // "auto" lists the newest first: still upgrades, never downgrades.
    expect(await pairs(['2026.1', '2025.3', '2025.1'])).toBe(both);
    expect(await pairs(['2026.1', '2025.3', '2025.1'], 'database, iris-upgrade')).toBe(both);
    expect(await pairs(['2026.1', '2025.3'], 'database,fresh')).toBe('pairs=[]\n');
    expect(await pairs(['2026.1'])).toBe('pairs=[]\n');
  });

  it("the report job's summary step writes one table of every leg to the job summary", async () => {
    const wf = parse(await readFile(join(root, '.github/workflows/ipm-database.yml'), 'utf8')) as {
      jobs: { report: { steps: WorkflowStep[] } };
    };
    const step = wf.jobs.report.steps.find((s) => s.name === 'Summary table (IRIS version x stage)');
    const summary = join(dir, 'step-summary.md');
    await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step!.run!], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        RUNNER_TEMP: runnerTemp,
        GITHUB_STEP_SUMMARY: summary,
        PREFIX: 'ipm-db-leg-',
        EXPECTED: JSON.stringify([...VERSIONS, '2024.1']),
      },
    });
    const md = await readFile(summary, 'utf8');
    expect(md).toMatch(/^\| 2025\.3 \| (✅ \| ){9}✅ passed/m);
    expect(md).toMatch(/^\| 2024\.1 \| (— \| ){9}❌ no report/m);
    expect(md).toContain('2 of 3 IRIS versions passed.');
  });

  it('publishes nothing when a leg is missing', async () => {
    const failed = await runJob({ EXPECTED: JSON.stringify([...VERSIONS, '2024.1']) }).then(
      () => null,
      (err: { stderr?: string }) => err,
    );
    expect(failed?.stderr ?? '').toContain('IRIS 2024.1: no leg report was downloaded.');
  });
});
