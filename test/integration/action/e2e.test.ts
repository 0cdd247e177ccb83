// The bundled action (dist/index.js, then dist/post.js) run as the runner runs it, with the
// workflow snippet of docs/action.md, against the IRIS stand-in in a real Docker engine, a real
// local registry (docker-registry with htpasswd) and the loopback Actions results service.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeWithDocker, requireDocker } from '../../support/docker.js';
import { docker } from '../../support/docker-engine.js';
import { startFaultProxy, startRegistry, type FaultProxy, type TestRegistry } from '../../support/registry.js';
import { startResultsService, type ResultsService } from '../../support/actions-results-service.js';
import { snippetInputs } from '../../support/action-metadata.js';
import { ipmInstallerXml } from '../../standin/ipm-installer.js';
import { ACTION_RUN_BUDGET_MS, ActionHarness, defaultContext, type StepResult } from './action-runner.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/standin-modules');
const EXAMPLE = join(import.meta.dirname, '../../../examples/example-module');
const DOC = join(import.meta.dirname, '../../../README.md');
const OFFICIAL = 'containers.intersystems.com/intersystems/iris-community';
const NEVER_READY = 'localhost/iris-never-ready:2026.1';
const CORRUPT_DAT = 'localhost/iris-corrupt-dat:2026.1';

describeWithDocker('the action, end to end', () => {
  // Each test runs the action (main, then post) once unless it says otherwise.
  vi.setConfig({ testTimeout: ACTION_RUN_BUDGET_MS });
  let host = '';
  let ws = '';
  let registry: TestRegistry;
  let proxy: FaultProxy;
  let results: ResultsService;
  let releases: Server;
  let releaseUrl = '';
  const harnesses: ActionHarness[] = [];
  const installer = Buffer.from(ipmInstallerXml('0.10.10', { databasePackaging: true, dependencyCode: true }));
  const installerSha = createHash('sha256').update(installer).digest('hex');
  let snippet: ReturnType<typeof snippetInputs>;

  /** An image derived from the stand-in without a build: a created container committed with extra ENV. */
  async function deriveImage(standin: string, tag: string, env: Record<string, string>): Promise<void> {
    const { stdout } = await docker(host, ['create', standin]);
    const id = stdout.trim();
    try {
      await docker(host, [
        'commit',
        ...Object.entries(env).flatMap(([k, v]) => ['--change', `ENV ${k}=${v}`]),
        id,
        tag,
      ]);
    } finally {
      await docker(host, ['rm', '-f', id]);
    }
  }

  async function leftovers(runIdPrefix: string): Promise<string[]> {
    const list = async (args: string[]) =>
      (await docker(host, args)).stdout
        .split('\n')
        .map((l) => l.split('\t'))
        .filter(([name, label]) => name && (label ?? '').startsWith(runIdPrefix))
        .map(([name]) => name!);
    return [
      ...(await list(['ps', '-a', '--filter', 'label=ipm-db.run', '--format', '{{.Names}}\t{{.Label "ipm-db.run"}}'])),
      ...(await list([
        'volume',
        'ls',
        '--filter',
        'label=ipm-db.run',
        '--format',
        '{{.Name}}\t{{.Label "ipm-db.run"}}',
      ])),
    ];
  }

  /** Runs main then post; asserts post cleaned up and warned about nothing. */
  async function runAction(
    withInputs: Record<string, string>,
    ctx: Parameters<typeof defaultContext>[1] = {},
    killWhen?: (state: Record<string, string>) => Promise<boolean>,
  ): Promise<{ main: StepResult; post: StepResult; harness: ActionHarness }> {
    const harness = await ActionHarness.create(
      defaultContext(ws, { vars: { IPM_SHA256: installerSha }, token: registry.credentials.password, ...ctx }),
      results.env,
    );
    harnesses.push(harness);
    const main = await harness.main(withInputs, killWhen ? { killWhen } : {});
    const post = await harness.post(main.state);
    expect(post.code).toBe(0);
    expect(post.stdout).not.toContain('::warning::');
    const runId = main.state['ipm-db-run-id'];
    if (runId) expect(await leftovers(runId)).toEqual([]);
    return { main, post, harness };
  }

  /** The snippet's inputs, with only what this machine needs changed: where the registry and IPM releases are. */
  function inputs(extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...snippet.with,
      registry: proxy.host,
      'registry-plain-http': 'true',
      'registry-username': registry.credentials.username,
      'registry-namespace': 'acme',
      'ipm-release-url': releaseUrl,
      'startup-timeout': '60s',
      ...extra,
    };
  }

  beforeAll(async () => {
    snippet = snippetInputs(await readFile(DOC, 'utf8'), '<!-- tested-snippet -->');
    const ctx = requireDocker();
    host = ctx.dockerHost;
    await deriveImage(ctx.standinImage, `${OFFICIAL}:2026.1`, {
      STANDIN_IRIS_VERSION: '2026.1',
      STANDIN_START_DELAY_MS: '0',
    });
    await deriveImage(ctx.standinImage, `${OFFICIAL}:2025.3`, {
      STANDIN_IRIS_VERSION: '2025.3',
      STANDIN_START_DELAY_MS: '0',
    });
    await deriveImage(ctx.standinImage, NEVER_READY, { STANDIN_FAULT_NEVER_READY: '1' });
    await deriveImage(ctx.standinImage, CORRUPT_DAT, {
      STANDIN_IRIS_VERSION: '2026.1',
      STANDIN_START_DELAY_MS: '0',
      STANDIN_FAULT_CORRUPT_IRIS_DAT: '1',
    });
    ws = await mkdtemp(join(tmpdir(), 'ipm-db-e2e-'));
    // The checkout is the module (the snippet's module-path is "."); another module sits beside it.
    // (its .modules/ links to the dependency's fixture: copied as files, as a checkout would hold them).
    await cp(join(FIXTURES, 'demo-app'), ws, { recursive: true, dereference: true });
    await cp(join(FIXTURES, 'broken-app'), join(ws, 'broken'), { recursive: true });
    registry = await startRegistry({ auth: 'htpasswd' });
    proxy = await startFaultProxy(registry.host);
    results = await startResultsService();
    releases = createServer((req, res) => {
      const ok = req.url === '/ipm/v0.10.10/zpm-0.10.10.xml';
      res.writeHead(ok ? 200 : 404, { 'content-length': ok ? installer.length : 0 });
      res.end(ok ? installer : undefined);
    });
    await new Promise<void>((r) => releases.listen(0, '127.0.0.1', () => r()));
    releaseUrl = `http://127.0.0.1:${(releases.address() as AddressInfo).port}/ipm/v{version}/zpm-{version}.xml`;
  }, 300_000);

  afterAll(async () => {
    for (const h of harnesses) await h.dispose();
    await proxy?.stop();
    await registry?.stop();
    await results?.close();
    await new Promise<void>((r) => (releases ? releases.close(() => r()) : r()));
    if (host)
      await docker(host, ['rmi', '-f', `${OFFICIAL}:2026.1`, `${OFFICIAL}:2025.3`, NEVER_READY, CORRUPT_DAT]).catch(
        () => undefined,
      );
    if (ws) await rm(ws, { recursive: true, force: true });
  });

  it('green: the documented workflow builds, verifies, installs and publishes; outputs, summary, artifacts, cache', async () => {
    const { main, post } = await runAction(inputs(), { job: 'green' });
    expect(main.code, main.stdout).toBe(0);
    const o = main.outputs;
    expect(o['module-name']).toBe('demo-app');
    expect(o['module-version']).toBe('1.0.0');
    expect(JSON.parse(o['iris-versions']!)).toEqual(['2026.1']);
    expect(o.archive).toMatch(/demo-app-1\.0\.0-database\.tgz$/);
    expect(o.sha256).toBe(
      createHash('sha256')
        .update(await readFile(o.archive!))
        .digest('hex'),
    );
    expect(o['iris-dat-sha256']).toMatch(/^[0-9a-f]{64}$/);
    const ref = `${proxy.host}/acme/demo-app:1.0.0_database__2026.1`;
    expect(JSON.parse(o['published-references']!)).toEqual([ref]);
    const [digest] = JSON.parse(o.digests!) as string[];
    const res = await fetch(`http://${registry.host}/v2/acme/demo-app/manifests/1.0.0_database__2026.1`, {
      method: 'HEAD',
      headers: {
        accept: 'application/vnd.oci.image.manifest.v1+json',
        authorization: `Basic ${Buffer.from(`${registry.credentials.username}:${registry.credentials.password}`).toString('base64')}`,
      },
    });
    expect(res.headers.get('docker-content-digest')).toBe(digest);
    const result = JSON.parse(o.result!) as { ok: boolean; stages: { stage: string; status: string }[] }[];
    expect(result[0]?.ok).toBe(true);
    expect(result[0]?.stages.map((s) => `${s.stage}:${s.status}`)).toContain('publish:passed');
    // One log group per stage, titled with the IRIS version.
    for (const stage of ['start', 'ipm', 'load', 'package', 'verify', 'install'])
      expect(main.stdout).toContain(`::group::[2026.1] ${stage}`);
    expect(main.summary).toMatch(/^## ✅ demo-app 1\.0\.0/);
    expect(main.summary).toContain(`| published | \`${ref}\` |`);
    expect(main.summary).toContain(`| digest | \`${digest}\` |`);
    // Artifacts and the installer cache went through the real clients.
    // The archive is its own artifact, not zipped again (the download is the .tgz); the rest is a zip.
    const archiveArtifact = results.artifacts.find((a) => a.name === 'ipm-db-2026.1-green-demo-app-1.0.0-database.tgz');
    expect(archiveArtifact?.finalized).toBe(true);
    expect(archiveArtifact?.bytes.equals(await readFile(o.archive!))).toBe(true);
    const artifact = results.artifacts.find((a) => a.name === 'ipm-db-2026.1-green');
    expect(artifact?.finalized).toBe(true);
    expect(artifact?.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(artifact?.bytes.includes(Buffer.from('ipm-db-report.json'))).toBe(true);
    expect(artifact?.bytes.includes(Buffer.from('demo-app-1.0.0-database.tgz'))).toBe(false);
    for (const a of [archiveArtifact!, artifact!])
      expect(main.summary).toContain(`(https://github.com/acme/demo/actions/runs/4242/artifacts/${a.id})`);
    expect(results.caches.some((c) => c.finalized && c.key.startsWith('ipm-db-ipm-installer-0.10.10-'))).toBe(true);
    // The token never shows outside the mask command.
    for (const text of [
      main.stdout.replaceAll(`::add-mask::${registry.credentials.password}`, ''),
      main.stderr,
      main.summary,
      JSON.stringify(o),
      post.stdout,
    ])
      expect(text).not.toContain(registry.credentials.password);
    // docs/action.md shows this summary; regenerate it with IPM_DB_SAMPLE_SUMMARY=<file>.
    if (process.env.IPM_DB_SAMPLE_SUMMARY) await writeFile(process.env.IPM_DB_SAMPLE_SUMMARY, main.summary);
  });

  it(
    'upgrade: v1 released by the action, then v2 upgraded from it (pulled by version) in every scenario',
    async () => {
      const ws2 = await mkdtemp(join(tmpdir(), 'ipm-db-e2e-upgrade-'));
      try {
        await cp(EXAMPLE, ws2, { recursive: true, dereference: true });
        const v1 = await runAction(inputs({ 'module-path': 'v1' }), { job: 'release-v1', workspace: ws2 });
        expect(v1.main.code, v1.main.stdout).toBe(0);
        expect(JSON.parse(v1.main.outputs['published-tags']!)).toEqual(['1.0.0_database__2026.1']);
        const { main } = await runAction(
          inputs({
            'module-path': 'v2',
            publish: 'false',
            dev: 'true',
            'run-tests': 'true',
            'upgrade-from': '1.0.0',
            'upgrade-source': 'v1',
            'upgrade-scenarios': 'all',
            'seed-methods': 'DemoOrders.Setup:SeedData',
            'check-methods':
              'DemoOrders.Checks:SettingsMigrated\nDemoOrders.Checks:OrdersKept\nDemoOrders.Checks:MigrationRanAtMostOnce',
            'declared-changes': 'DemoOrders.Update.V2:MoveBillingSettings=^DemoOrders.Settings,^DemoOrders.StepRuns',
          }),
          { job: 'upgrade', workspace: ws2 },
        );
        expect(main.code, main.stdout).toBe(0);
        expect(main.stdout).toContain('::group::[2026.1] upgrade');
        const result = JSON.parse(main.outputs.result!) as { stages: { stage: string; status: string }[] }[];
        expect(result[0]?.stages.find((s) => s.stage === 'upgrade')?.status).toBe('passed');
        expect(result[0]?.stages.find((s) => s.stage === 'test')?.status).toBe('passed');
        const artifact = results.artifacts.find((a) => a.name === 'ipm-db-2026.1-upgrade');
        expect(artifact?.bytes.includes(Buffer.from('.xml')), 'JUnit XML in the artifact').toBe(true);
        for (const scenario of ['database', 'source', 'fresh', 'container-replacement'])
          expect(main.summary).toMatch(new RegExp(`\\| ${scenario} \\| ✅ \\|`));
        const report = JSON.parse(await readFile(main.outputs.report!, 'utf8')) as {
          upgrade: { previous: { reference: string } }[];
        }[];
        expect(report[0]?.upgrade[0]?.previous.reference).toBe(`${proxy.host}/acme/demo-orders:1.0.0_database__2026.1`);
      } finally {
        await rm(ws2, { recursive: true, force: true });
      }
    },
    2 * ACTION_RUN_BUDGET_MS,
  );

  it(
    'iris-upgrade: given two IRIS versions, the action upgrades the instance from the older to the newer with the packages each built',
    async () => {
      const ws3 = await mkdtemp(join(tmpdir(), 'ipm-db-e2e-iris-upgrade-'));
      try {
        await cp(EXAMPLE, ws3, { recursive: true, dereference: true });
        const { main } = await runAction(
          inputs({
            'module-path': 'v2',
            'iris-versions': '2026.1\n2025.3',
            publish: 'false',
            'upgrade-scenarios': 'iris-upgrade',
            'seed-methods': 'DemoOrders.Setup:SeedData',
            'check-methods': 'DemoOrders.Checks:OrdersKept',
          }),
          { job: 'iris-upgrade', workspace: ws3 },
        );
        expect(main.code, main.stdout).toBe(0);
        expect(JSON.parse(main.outputs['iris-upgrades']!)).toEqual([
          {
            from: '2025.3',
            to: '2026.1',
            status: 'passed',
            message: expect.stringMatching(/^demo-orders upgraded from IRIS 2025\.3 to 2026\.1: /),
          },
        ]);
        const report = JSON.parse(await readFile(main.outputs.report!, 'utf8')) as {
          irisVersion: string;
          irisUpgrade?: { report: { checks: { name: string; ok: boolean; detail: string }[] } } | null;
        }[];
        const checks = report.find((r) => r.irisVersion === '2026.1')?.irisUpgrade?.report.checks ?? [];
        expect(checks.map((c) => [c.name, c.ok])).toEqual([
          ['upgrade', true],
          ['package for 2025.3 refused on 2026.1', true],
          ['SystemRequirements Version 2026.1 after the upgrade', true],
          ['check DemoOrders.Checks:OrdersKept on 2026.1', true],
        ]);
        expect(checks[1]!.detail).toMatch(/The module cannot be installed on the current version \(2026\.1\)/);
        expect(main.summary).toContain('| IRIS 2025.3 -> 2026.1 | ✅ passed |');
      } finally {
        await rm(ws3, { recursive: true, force: true });
      }
    },
    2 * ACTION_RUN_BUDGET_MS,
  );

  it('fork pull request: publish true is refused with a notice; the rest runs and passes', async () => {
    const before = proxy.requests.length;
    const { main } = await runAction(inputs({ publish: 'true' }), {
      job: 'fork',
      eventName: 'pull_request',
      event: {
        repository: { full_name: 'acme/demo' },
        pull_request: { head: { repo: { full_name: 'mallory/demo' } } },
      },
    });
    expect(main.code, main.stdout).toBe(0);
    expect(main.stdout).toContain('::notice::publishing is refused on a pull_request event from fork mallory/demo');
    expect(main.outputs['published-tags']).toBe('[]');
    expect(proxy.requests.length).toBe(before);
    expect(main.summary).toContain('> [!NOTE]\n> publishing is refused on a pull_request event from fork mallory/demo');
  });

  it('compile error: fails at load with the annotation on the file and line, and the IRIS output in the summary', async () => {
    const { main } = await runAction(inputs({ 'module-path': 'broken', publish: 'false' }), { job: 'compile' });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(
      /::error title=Compile error in BrokenApp\.Main\.cls \(IRIS 2026\.1\),file=broken\/src\/cls\/BrokenApp\/Main\.cls,line=9::/,
    );
    expect(main.stdout).toMatch(/::error::IRIS 2026\.1: the load stage failed/);
    expect(main.summary).toContain('**load failed:**');
    expect(main.summary).toMatch(/<details><summary>IRIS output of the load stage<\/summary>/);
    expect(JSON.parse(main.outputs.result!)[0].stages.find((s: { stage: string }) => s.stage === 'load').status).toBe(
      'failed',
    );
    if (process.env.IPM_DB_SAMPLE_SUMMARY)
      await writeFile(`${process.env.IPM_DB_SAMPLE_SUMMARY}.failure`, main.summary);
    const artifact = results.artifacts.find((a) => a.name === 'ipm-db-2026.1-compile');
    for (const file of ['load-output.log', 'container.log', 'messages.log', 'ipm-db-report.json'])
      expect(artifact?.bytes.includes(Buffer.from(file)), file).toBe(true);
  });

  it('failing unit test: annotated on the test class file at the method line, from the JUnit file IPM wrote', async () => {
    await cp(join(FIXTURES, 'demo-app'), join(ws, 'failing'), { recursive: true, dereference: true });
    const test = join(ws, 'failing', 'tests', 'DemoApp', 'Tests', 'Basic.cls');
    await writeFile(
      test,
      (await readFile(test, 'utf8')).replace(
        '"1.0.0", "Core reports its version"',
        '"9.9.9", "Core reports its version"',
      ),
    );
    const { main } = await runAction(inputs({ 'module-path': 'failing', publish: 'false', 'run-tests': 'true' }), {
      job: 'unit-test',
    });
    expect(main.code).toBe(1);
    expect(main.stdout).toContain(
      '::error title=Unit test failed%3A DemoApp.Tests.Basic%3ATestVersion (IRIS 2026.1),file=failing/tests/DemoApp/Tests/Basic.cls,line=4::AssertEquals: Core reports its version',
    );
    expect(main.stdout).not.toContain('TestDependency (IRIS');
    const artifact = results.artifacts.find((a) => a.name === 'ipm-db-2026.1-unit-test');
    expect(artifact?.bytes.includes(Buffer.from('junit-demo-app.xml'))).toBe(true);
  });

  it('checksum mismatch: an IPM installer that is not the pinned one stops the run before IRIS starts', async () => {
    const { main } = await runAction(inputs(), { job: 'checksum', vars: { IPM_SHA256: 'f'.repeat(64) } });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(
      /::error::The IPM installer downloaded from http:\/\/127\.0\.0\.1:\d+\/ipm\/v0\.10\.10\/zpm-0\.10\.10\.xml has SHA-256 [0-9a-f]{64}, not the pinned f{64}/,
    );
    expect(main.summary).toMatch(/\[!CAUTION\]\n> The IPM installer downloaded from .* has SHA-256/);
    expect(main.outputs.result).toBe('[]');
  });

  it('archive checksum mismatch: an IRIS.DAT that differs from its <Checksum> stops the run at verify; nothing installed or published', async () => {
    const { main } = await runAction(
      inputs({ 'iris-images': CORRUPT_DAT, 'registry-namespace': 'acme-corrupt', publish: 'true' }),
      {
        job: 'corrupt-dat',
      },
    );
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(
      /::error::IRIS 2026\.1: the verify stage failed: IRIS\.DAT in demo-app-1\.0\.0-database\.tgz hashes to [0-9a-f]{64}, but IPM printed [0-9a-f]{64}/,
    );
    expect(main.stdout).toMatch(
      /::error title=Package verification%3A checksum-mismatch \(IRIS 2026\.1\)::IRIS\.DAT: IRIS\.DAT SHA-256 mismatch/,
    );
    const result = JSON.parse(main.outputs.result!) as { stages: { stage: string; status: string }[] }[];
    const status = Object.fromEntries(result[0]!.stages.map((s) => [s.stage, s.status]));
    expect(status).toMatchObject({ package: 'passed', verify: 'failed' });
    expect(status.install ?? 'skipped').toBe('skipped');
    expect(status.publish ?? 'skipped').toBe('skipped');
    expect(main.summary).toContain('**verify failed:**');
    const tags = await fetch(`http://${registry.host}/v2/acme-corrupt/demo-app/tags/list`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${registry.credentials.username}:${registry.credentials.password}`).toString('base64')}`,
      },
    });
    expect(tags.status).toBe(404);
  });

  it('IRIS never ready: the start stage fails after the startup timeout with the container log', async () => {
    const { main } = await runAction(
      inputs({ 'iris-images': NEVER_READY, 'startup-timeout': '4s', publish: 'false' }),
      {
        job: 'never-ready',
      },
    );
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/::error::localhost\/iris-never-ready:2026\.1: the start stage failed: /);
    expect(main.summary).toMatch(/<details><summary>IRIS output of the start stage<\/summary>/);
    expect(main.summary).toContain('STANDIN_FAULT_NEVER_READY');
  });

  it('crash: the main step killed while IRIS starts leaves a container that the post step removes', async () => {
    let seen = '';
    const { main, post } = await runAction(
      inputs({ 'iris-images': NEVER_READY, 'startup-timeout': '120s', publish: 'false' }),
      { job: 'crash' },
      async (state) => {
        const runId = state['ipm-db-run-id'];
        if (!runId || !state['ipm-db-resources']) return false;
        const found = await leftovers(runId);
        seen = found.join(',');
        return found.length > 0;
      },
    );
    expect(main.code).toBeNull();
    expect(seen).toMatch(/^ipm-db-/);
    expect(post.stdout).toContain(`Removed container ${seen.split(',')[0]}`);
  });

  it('registry 503 storm: publishing fails with the registry error after its retries; nothing half-published', async () => {
    proxy.inject({
      times: 1000,
      respond: { status: 503, body: '{"errors":[{"code":"UNAVAILABLE","message":"storm"}]}' },
    });
    try {
      const { main } = await runAction(inputs(), { job: 'storm' });
      expect(main.code).toBe(1);
      expect(main.stdout).toMatch(/::error::IRIS 2026\.1: the publish stage failed: .*503/);
      expect(JSON.parse(main.outputs['published-references']!)).toEqual([]);
      expect(main.outputs.archive).toMatch(/demo-app-1\.0\.0-database\.tgz$/);
      expect(main.summary).toMatch(/\| ❌ IRIS 2026\.1/);
    } finally {
      proxy.clearFaults();
    }
  });
});
