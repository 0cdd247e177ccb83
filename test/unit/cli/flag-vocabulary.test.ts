// The CLI's flags follow the action's input names: former names still work with one warning on
// stderr, a former and a current name together fail, and values take the action's forms.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import {
  withBooleanValues,
  withCurrentFlagNames,
  withoutNegations,
  durationFlag,
} from '../../../src/cli/flag-vocabulary.js';
import { RUN_FLAG_RENAMES } from '../../../src/cli/commands/run.js';
import { runCli } from '../../support/cli.js';
import { irisImagesFromFlags, irisRegistryLogin } from '../../../src/cli/iris-image-flags.js';

const SYNTHETIC = 'examples/synthetic/demo-module-1.0.0-database.tgz';

function io(env: NodeJS.ProcessEnv = {}) {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { value: { stdout: new PassThrough(), stderr, env, cwd: process.cwd() }, stderr: () => err };
}

describe('former flag names', () => {
  it('are renamed, in both --flag value and --flag=value forms, with one warning each', () => {
    const out = io();
    const argv = ['--module', 'm', '--image=a', '--image', 'b', '--tests', '--', '--image'];
    expect(withCurrentFlagNames(argv, RUN_FLAG_RENAMES, out.value)).toEqual([
      '--module-path',
      'm',
      '--iris-images=a',
      '--iris-images',
      'b',
      '--run-tests',
      '--',
      '--image',
    ]);
    expect(out.stderr()).toBe(
      [
        'warning: --module is deprecated; use --module-path.',
        'warning: --image is deprecated; use --iris-images.',
        'warning: --tests is deprecated; use --run-tests.',
        '',
      ].join('\n'),
    );
  });

  it('warn as workflow commands inside GitHub Actions', () => {
    const out = io({ GITHUB_ACTIONS: 'true' });
    withCurrentFlagNames(['--keep'], RUN_FLAG_RENAMES, out.value);
    expect(out.stderr()).toBe('::warning::--keep is deprecated; use --keep-container.\n');
  });

  it('given with the current name too fail', () => {
    expect(() => withCurrentFlagNames(['--module', 'a', '--module-path', 'b'], RUN_FLAG_RENAMES, io().value)).toThrow(
      '--module and --module-path are the same option; give only --module-path.',
    );
  });

  it('--no-tests and --no-ensemble become --no-run-tests and --no-interoperability, with warnings', () => {
    const out = io();
    expect(withCurrentFlagNames(['--no-tests', '--no-ensemble'], RUN_FLAG_RENAMES, out.value)).toEqual([
      '--no-run-tests',
      '--no-interoperability',
    ]);
    expect(out.stderr()).toContain('warning: --no-tests is deprecated; use --no-run-tests.');
  });

  it('cover every flag the lead renamed for ipm-db run', () => {
    expect(RUN_FLAG_RENAMES).toMatchObject({
      module: 'module-path',
      image: 'iris-images',
      tests: 'run-tests',
      ensemble: 'interoperability',
      'ready-timeout': 'startup-timeout',
      keep: 'keep-container',
      namespace: 'registry-namespace',
      login: 'iris-image-registry',
      'login-user': 'iris-registry-username',
    });
  });
});

describe('values in the action forms', () => {
  it('booleans take --flag=true|false', () => {
    expect(withBooleanValues(['--dev=True', '--run-tests=false', '--out=x'], ['dev', 'run-tests'])).toEqual([
      '--dev',
      '--out=x',
    ]);
    expect(() => withBooleanValues(['--dev=yes'], ['dev'])).toThrow('--dev: "yes" is not a boolean');
    // ipm-db run parses with allowNegative: false turns into --no-<flag>, which overrides ipm-db.yml.
    expect(
      withBooleanValues(
        ['--dev=false', '--run-tests', 'true', '--export-python-deps', 'FALSE', '--out', 'x'],
        ['dev', 'run-tests', 'export-python-deps'],
        {
          negatable: true,
          separate: true,
        },
      ),
    ).toEqual(['--no-dev', '--run-tests', '--no-export-python-deps', '--out', 'x']);
  });

  it('durations take 90s, 5m and bare seconds', () => {
    expect(durationFlag('startup-timeout', '90s')).toBe(90_000);
    expect(durationFlag('startup-timeout', '5m')).toBe(300_000);
    expect(durationFlag('startup-timeout', '120')).toBe(120_000);
    expect(() => durationFlag('startup-timeout', 'soon')).toThrow(/--startup-timeout: "soon" is not a duration/);
  });
});

describe('commands with former flags', () => {
  it('ipm-db run: --module and --image still work and warn (a bad image shows they were read)', async () => {
    const r = await runCli(['run', '--module', 'm', '--image', 'a, Not An Image'], {}, process.cwd());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('warning: --module is deprecated; use --module-path.');
    expect(r.stderr).toContain('warning: --image is deprecated; use --iris-images.');
    expect(r.stderr).toContain('--iris-images: "Not An Image" is not an image reference');
  });

  it('ipm-db run: --ready-timeout keeps taking seconds, --startup-timeout refuses what the action refuses', async () => {
    const bad = await runCli(['run', '--module-path', 'm', '--startup-timeout', '5 minutes'], {}, process.cwd());
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--startup-timeout: "5 minutes" is not a duration');
    const both = await runCli(['run', '--module-path', 'm', '--export-python-deps=maybe'], {}, process.cwd());
    expect(both.stderr).toContain('--export-python-deps: "maybe" is not a boolean');
  });

  it('ipm-db publish --dry-run: --namespace, --source and --force still work and warn', async () => {
    const r = await runCli(
      [
        'publish',
        SYNTHETIC,
        '--registry',
        'ghcr.io',
        '--namespace',
        'acme',
        '--source',
        'https://github.com/acme/x',
        '--force',
        '--dry-run',
        '--json',
      ],
      {},
      process.cwd(),
    );
    expect(r.stderr).toContain('warning: --namespace is deprecated; use --registry-namespace.');
    expect(r.stderr).toContain('warning: --source is deprecated; use --source-url.');
    expect(r.stderr).toContain('warning: --force is deprecated; use --overwrite-tags.');
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { reference: string; manifest: { annotations?: Record<string, string> } };
    expect(result.reference).toMatch(/^ghcr\.io\/acme\//);
    expect(JSON.stringify(result.manifest)).toContain('https://github.com/acme/x');
  });

  it('ipm-db iris-versions: --versions, --flavour and --skip still work and warn', async () => {
    const r = await runCli(
      ['iris-versions', '--versions', '["2025.1","2026.1"]', '--flavour', 'iris-community', '--skip', 'default'],
      {},
      process.cwd(),
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('["2025.1","2026.1"]\n');
    expect(r.stderr).toContain('warning: --versions is deprecated; use --iris-versions.');
    expect(r.stderr).toContain('warning: --flavour is deprecated; use --iris-flavor.');
    expect(r.stderr).toContain('warning: --skip is deprecated; use --skip-versions.');
    expect(r.stderr).toContain('IRIS 2025.1 is in the skip list');
  });
});

describe('ipm-db run: IRIS images as the action names them', () => {
  it('--iris-images takes a comma/newline list, repeated or not; else --iris-versions under registry and flavor', async () => {
    const { value } = io();
    expect(
      await irisImagesFromFlags({ 'iris-images': ['r.example/iris:1, r.example/iris:2', 'r.example/iris:1'] }, value),
    ).toEqual(['r.example/iris:1', 'r.example/iris:2']);
    expect(
      await irisImagesFromFlags(
        {
          'iris-versions': '["2025.3", "2026.1"]',
          'iris-flavor': 'irishealth-community',
          'iris-image-registry': 'r.example/isc/',
        },
        value,
      ),
    ).toEqual(['r.example/isc/irishealth-community:2025.3', 'r.example/isc/irishealth-community:2026.1']);
    expect(await irisImagesFromFlags({ 'iris-versions': '2025.3\n2026.1' }, value)).toEqual([
      'containers.intersystems.com/intersystems/iris-community:2025.3',
      'containers.intersystems.com/intersystems/iris-community:2026.1',
    ]);
    expect(await irisImagesFromFlags({}, value)).toEqual([
      'containers.intersystems.com/intersystems/iris-community:2026.1',
    ]);
    await expect(irisImagesFromFlags({ 'iris-versions': '2025.3, bad/tag' }, value)).rejects.toThrow(
      'iris-versions entry "bad/tag" is not an image tag',
    );
    await expect(irisImagesFromFlags({ 'iris-versions': '[2025' }, value)).rejects.toThrow(
      /neither "auto" nor a JSON list/,
    );
  });

  it('logs in to the host of --iris-image-registry with the IRIS registry password; the former variable warns', () => {
    const withPassword = io({ IPM_DB_IRIS_REGISTRY_PASSWORD: 'pw-1' });
    expect(
      irisRegistryLogin({ 'iris-registry-username': 'me', 'iris-image-registry': 'r.example/isc' }, withPassword.value),
    ).toEqual({
      registry: 'r.example',
      username: 'me',
      password: 'pw-1',
    });
    expect(irisRegistryLogin({ 'iris-image-registry': 'r.example/isc' }, withPassword.value)).toBeUndefined();
    const former = io({ IPM_DB_REGISTRY_PASSWORD: 'pw-2' });
    expect(irisRegistryLogin({ 'iris-registry-username': 'me' }, former.value)?.registry).toBe(
      'containers.intersystems.com',
    );
    expect(former.stderr()).toContain('IPM_DB_REGISTRY_PASSWORD for the IRIS image registry is deprecated');
    expect(() => irisRegistryLogin({ 'iris-registry-username': 'me' }, io().value)).toThrow(
      /IPM_DB_IRIS_REGISTRY_PASSWORD/,
    );
  });

  it('--login and --login-user still log in, with warnings', async () => {
    const r = await runCli(
      ['run', '--module-path', 'm', '--login', 'ghcr.io', '--login-user', 'me'],
      {},
      process.cwd(),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('warning: --login is deprecated; use --iris-image-registry.');
    expect(r.stderr).toContain('warning: --login-user is deprecated; use --iris-registry-username.');
    expect(r.stderr).toContain('--iris-registry-username needs the password in the IPM_DB_IRIS_REGISTRY_PASSWORD');
  });
});

describe('--no-<flag> without parseArgs allowNegative (Node 20 before 20.16)', () => {
  const booleans = ['dev', 'run-tests'];
  it('turns a boolean off when its last mention is --no-<flag>, and leaves other arguments alone', () => {
    const r = withoutNegations(['--no-dev', '--module-path', 'm', '--run-tests', '--no-run-tests'], booleans);
    expect(r.args).toEqual(['--module-path', 'm', '--run-tests']);
    expect([...r.off].sort()).toEqual(['dev', 'run-tests']);
  });
  it('lets a later --<flag> win, and ignores what is not a boolean flag or comes after --', () => {
    const r = withoutNegations(['--no-dev', '--dev', '--no-module-path', '--', '--no-run-tests'], booleans);
    expect(r.args).toEqual(['--dev', '--no-module-path', '--', '--no-run-tests']);
    expect([...r.off]).toEqual([]);
  });
});
