import { describe, expect, it } from 'vitest';
import {
  forkPullRequest,
  parseDuration,
  parseRetentionDays,
  parseInputs,
  parseList,
  type GitHubEvent,
} from '../../../src/action/inputs.js';
import { redact } from '../../../src/util/redact.js';

const base: Record<string, string> = {
  'module-path': 'module',
  'iris-versions': '2024.1, 2025.1',
  'ipm-version': '0.10.10',
  'ipm-sha256': 'AB'.repeat(32),
};

function source(inputs: Record<string, string>, event: GitHubEvent | null = null) {
  const masked: string[] = [];
  const src = {
    get: (name: string) => inputs[name] ?? '',
    env: {
      GITHUB_WORKSPACE: '/ws',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_REPOSITORY_OWNER: 'Acme',
      GITHUB_ACTOR: 'octo',
    },
    event,
    setSecret: (v: string) => void masked.push(v),
  };
  return { src, masked };
}

const parse = (inputs: Record<string, string>, event: GitHubEvent | null = null) =>
  parseInputs(source({ ...base, ...inputs }, event).src);

function prEvent(name: string, head: string | null): GitHubEvent {
  return {
    name,
    payload: {
      repository: { full_name: 'acme/app' },
      pull_request: { head: { repo: head === null ? null : { full_name: head } } },
    },
  };
}

describe('parseInputs', () => {
  it('builds images from versions and applies defaults', () => {
    const i = parse({});
    expect(i.images).toEqual([
      'containers.intersystems.com/intersystems/iris-community:2024.1',
      'containers.intersystems.com/intersystems/iris-community:2025.1',
    ]);
    expect(i.moduleDir).toBe('/ws/module');
    expect(i.ipm).toEqual({
      kind: 'version',
      version: '0.10.10',
      sha256: 'ab'.repeat(32),
      releaseUrl: 'https://github.com/intersystems/ipm/releases/download/v{version}/zpm-{version}.xml',
    });
    expect(i.publish).toBe(false);
    expect(i.registry).toBe('ghcr.io');
    expect(i.namespace).toBe('acme');
    expect(i.username).toBe('octo');
    expect(i.uploadArtifacts).toBe('always');
    expect(i.summary).toBe(true);
    expect(i.exportPythonDeps).toBe(true);
    expect(i.timeouts).toEqual({ startupMs: 300_000, commandMs: 900_000, totalMs: 3_600_000 });
  });

  it('defaults to the newest valid community image and the pinned IPM commit', () => {
    const i = parse({ 'iris-versions': '', 'ipm-version': '', 'ipm-sha256': '' });
    expect(i.images).toEqual(['containers.intersystems.com/intersystems/iris-community:2026.1']);
    expect(i.ipm).toEqual({
      kind: 'git',
      commit: '1193db1ca91e1c5116230a69f1a28e63bbee30d6',
      repository: 'https://github.com/intersystems/ipm',
    });
  });

  it('reads ipm-git and ipm-git-repository; "none" keeps the image\'s IPM', () => {
    const noVersion = { 'ipm-version': '', 'ipm-sha256': '' };
    expect(
      parse({ ...noVersion, 'ipm-git': 'A'.repeat(40), 'ipm-git-repository': 'https://github.com/me/ipm.git' }).ipm,
    ).toEqual({ kind: 'git', commit: 'a'.repeat(40), repository: 'https://github.com/me/ipm' });
    expect(parse({ ...noVersion, 'ipm-git': 'none' }).ipm).toEqual({ kind: 'image' });
    expect(() => parse({ ...noVersion, 'ipm-git': 'db-packaging' })).toThrow(
      /input "ipm-git": .*branch or tag name moves/,
    );
    expect(() => parse({ ...noVersion, 'ipm-git': '1193db1' })).toThrow(/input "ipm-git": .*short commit hash/);
    expect(() => parse({ 'ipm-git': 'a'.repeat(40) })).toThrow(/input "ipm-git": and ipm-version are both set/);
    expect(() => parse({ ...noVersion, 'ipm-git-repository': 'https://github.com/me/ipm' })).toThrow(
      /input "ipm-git-repository": is set but ipm-git does not name a commit/,
    );
  });

  it('prefers iris-images, splits on newlines and commas, drops duplicates', () => {
    const i = parse({ 'iris-images': 'localhost:5000/iris:1\n  localhost:5000/iris:2,localhost:5000/iris:1\n' });
    expect(i.images).toEqual(['localhost:5000/iris:1', 'localhost:5000/iris:2']);
  });

  it('uses flavour and registry prefix for versions', () => {
    const i = parse({
      'iris-flavour': 'irishealth-community',
      'iris-image-registry': 'reg.example:5000/isc/',
      'iris-versions': '2025.1',
    });
    expect(i.images).toEqual(['reg.example:5000/isc/irishealth-community:2025.1']);
  });

  it('reads YAML 1.2 core booleans', () => {
    expect(parse({ dev: 'True', 'run-tests': 'TRUE', 'export-python-deps': 'False' })).toMatchObject({
      dev: true,
      runTests: true,
      exportPythonDeps: false,
    });
  });

  it('runs module tests without dev (they run in the packaging namespace, after packaging)', () => {
    expect(parse({ 'run-tests': 'true' })).toMatchObject({ dev: false, runTests: true });
  });

  it('masks the token before anything else and registers it for redaction', () => {
    const { src, masked } = source({ ...base, token: 'ghs_supersecret123', 'iris-images': 'not an image' });
    expect(() => parseInputs(src)).toThrow(/iris-images/);
    expect(masked).toEqual(['ghs_supersecret123']);
    expect(redact('token ghs_supersecret123 here')).toBe('token *** here');
  });

  it('parses the upgrade inputs once, into what the upgrade stage runs', () => {
    expect(parse({ 'upgrade-from': 'prev/app-1.0.0-database.tgz' }).upgrade?.previous).toMatchObject({
      packagePath: '/ws/prev/app-1.0.0-database.tgz',
      pullFrom: null,
    });
    expect(parse({ 'upgrade-from': '1.0.0', namespace: 'Acme' }).upgrade?.previous).toMatchObject({
      version: '1.0.0',
      pullFrom: { registry: 'ghcr.io', namespace: 'acme' },
    });
    expect(parse({ 'upgrade-from': 'ghcr.io/acme/app:1.0.0_database__2025.1' }).upgrade?.previous).toMatchObject({
      reference: 'ghcr.io/acme/app:1.0.0_database__2025.1',
      version: '1.0.0',
    });
    const i = parse({ 'upgrade-from': '1.0.0', 'upgrade-source': 'prev', 'seed-methods': 'A.B:Seed' });
    expect(i.upgrade?.previous.sourceDir).toBe('/ws/prev');
    expect(i.upgrade?.seed).toEqual([{ className: 'A.B', methodName: 'Seed' }]);
    expect(i.upgrade?.scenarios).toEqual(['database', 'source', 'fresh', 'container-replacement']);
  });

  it('runs no upgrade unless a previous release or scenario is given', () => {
    expect(parse({}).upgrade).toBeNull();
    const fresh = parse({ 'upgrade-scenarios': 'fresh', 'check-methods': 'MyApp.Checks:DataIntact' });
    expect(fresh.upgrade).toMatchObject({
      scenarios: ['fresh'],
      previous: { packagePath: null, pullFrom: null, reference: null, sourceDir: null },
      checks: [{ className: 'MyApp.Checks', methodName: 'DataIntact' }],
    });
  });

  it('takes parallel from the input, else from the memory and cores of the machine (about 2 GB per IRIS)', () => {
    const withMachine = (inputs: Record<string, string>, memoryGiB: number, cores: number) =>
      parseInputs({ ...source({ ...base, ...inputs }).src, machine: { memoryBytes: memoryGiB * 1024 ** 3, cores } })
        .parallel;
    expect(withMachine({}, 7, 2)).toBe(2); // GitHub's Linux runner for private repositories
    expect(withMachine({}, 16, 4)).toBe(4); // for public repositories
    expect(withMachine({}, 4, 8)).toBe(1); // memory decides
    expect(withMachine({}, 1, 2)).toBe(1); // never below one
    expect(withMachine({ parallel: '3' }, 7, 2)).toBe(3);
    expect(() => parse({ parallel: '0' })).toThrow(/input "parallel": "0" is not a number of IRIS containers/);
    expect(() => parse({ parallel: 'auto' })).toThrow(/input "parallel"/);
  });

  it('publishes only on exactly true, with a token, and never from a fork', () => {
    expect(parse({ publish: 'true', token: 'tok-1234' }).publish).toBe(true);
    expect(parse({ publish: 'false' }).publish).toBe(false);
    const fork = parse({ publish: 'true', token: 'tok-1234' }, prEvent('pull_request', 'mallory/app'));
    expect(fork.publish).toBe(false);
    expect(fork.publishRefused).toMatch(/fork mallory\/app/);
    const target = parse({ publish: 'true', token: 'tok-1234' }, prEvent('pull_request_target', null));
    expect(target.publish).toBe(false);
    const same = parse({ publish: 'true', token: 'tok-1234' }, prEvent('pull_request', 'acme/app'));
    expect(same.publish).toBe(true);
  });

  it('reports every problem at once', () => {
    let message = '';
    try {
      parse({ dev: 'yes', timeout: '0', 'upload-artifacts': 'sometimes' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/input "dev"/);
    expect(message).toMatch(/input "timeout"/);
    expect(message).toMatch(/input "upload-artifacts"/);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['image with space', { 'iris-images': 'iris community:1' }, /input "iris-images": "iris community:1"/],
    ['image with uppercase repo', { 'iris-images': 'Intersystems/IRIS:1' }, /input "iris-images"/],
    ['option-like image', { 'iris-images': '--privileged' }, /input "iris-images"/],
    ['bad version tag', { 'iris-versions': '2025.1;rm' }, /input "iris-versions"/],
    ['bad flavour', { 'iris-flavour': 'Iris Health' }, /input "iris-flavour"/],
    ['bad licence policy', { 'licence-expired': 'ignore' }, /input "licence-expired": "ignore" is not accepted/],
    ['bad boolean', { dev: 'yes' }, /input "dev": "yes" is not a boolean/],
    ['bad boolean 1', { 'run-tests': '1' }, /input "run-tests"/],
    ['publish True', { publish: 'True', token: 'tok-1234' }, /input "publish": "True" is not accepted/],
    ['publish yes', { publish: 'yes' }, /input "publish"/],
    ['publish without token', { publish: 'true', token: '' }, /input "token": is empty/],
    ['both ipm sources', { 'ipm-installer': 'zpm.xml' }, /input "ipm-version": and ipm-installer are both set/],
    ['bad ipm version', { 'ipm-version': 'latest' }, /input "ipm-version": "latest"/],
    ['version without checksum', { 'ipm-sha256': '' }, /input "ipm-sha256": is required with ipm-version/],
    [
      'release url without placeholder',
      { 'ipm-release-url': 'https://mirror.example/zpm.xml' },
      /input "ipm-release-url"/,
    ],
    ['installer not xml', { 'ipm-version': '', 'ipm-installer': 'zpm.tgz' }, /input "ipm-installer"/],
    [
      'bad sha',
      { 'ipm-version': '', 'ipm-installer': 'zpm.xml', 'ipm-sha256': 'abc' },
      /input "ipm-sha256": must be 64/,
    ],
    ['sha without installer', { 'ipm-version': '', 'ipm-sha256': 'a'.repeat(64) }, /input "ipm-sha256": is set but/],
    [
      'publish with unpinned installer',
      { 'ipm-version': '', 'ipm-sha256': '', 'ipm-installer': 'zpm.xml', publish: 'true', token: 'tok-1234' },
      /input "ipm-sha256": is required when publishing/,
    ],
    ['bad upgrade-from', { 'upgrade-from': 'previous release' }, /input "upgrade-from"/],
    [
      'bad scenario',
      { 'upgrade-scenarios': 'database, sideways' },
      /input "upgrade-scenarios": unknown upgrade scenario "sideways"/,
    ],
    [
      'scenario without its previous release',
      { 'upgrade-scenarios': 'source' },
      /input "upgrade-scenarios": upgrade scenario "source" needs/,
    ],
    [
      'bad check method',
      { 'upgrade-scenarios': 'fresh', 'check-methods': 'do ^X' },
      /input "check-methods": check method "do" is not of the form Package.Class:Method/,
    ],
    [
      'check method injection',
      { 'upgrade-scenarios': 'fresh', 'check-methods': 'A.B:C" halt' },
      /input "check-methods"/,
    ],
    ['checks without upgrade', { 'check-methods': 'A.B:C' }, /input "check-methods": is set but no upgrade runs/],
    [
      'bad declared change',
      { 'upgrade-from': '1.0.0', 'declared-changes': 'A.B:C' },
      /input "declared-changes": declared change "A.B:C" has no "="/,
    ],
    [
      'prerelease previous version',
      { 'upgrade-from': '1.0.0-rc1' },
      /input "upgrade-from": previous version "1.0.0-rc1"/,
    ],
    ['bad registry', { registry: 'https://ghcr.io' }, /input "registry"/],
    ['bad namespace', { publish: 'true', token: 'tok-1234', namespace: 'acme corp' }, /input "namespace"/],
    ['bad source url', { 'source-url': 'javascript:alert(1)' }, /input "source-url"/],
    ['bad policy', { 'upload-artifacts': 'sometimes' }, /input "upload-artifacts": "sometimes"/],
    ['bad artifact name', { 'artifact-name': 'a/b' }, /input "artifact-name"/],
    ['zero retention', { 'retention-days': '0' }, /input "retention-days": "0" is not a number of days; write a whole/],
    ['retention over 90', { 'retention-days': '91' }, /input "retention-days": "91" .*from 1 to 90/],
    ['fractional retention', { 'retention-days': '1.5' }, /input "retention-days": "1\.5"/],
    ['retention as a duration', { 'retention-days': '7d' }, /input "retention-days": "7d"/],
    ['bad duration', { 'startup-timeout': 'ten minutes' }, /input "startup-timeout": "ten minutes" is not a duration/],
    ['zero duration', { 'command-timeout': '0s' }, /input "command-timeout"/],
    ['negative duration', { timeout: '-5m' }, /input "timeout"/],
  ];
  it.each(bad)('rejects %s', (_label, inputs, pattern) => {
    expect(() => parse(inputs)).toThrow(pattern);
  });
});

describe('parseList / parseDuration', () => {
  it('splits lists', () => {
    expect(parseList(' a,b\n\n c ,')).toEqual(['a', 'b', 'c']);
  });
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['45', 45_000],
    ['1.5m', 90_000],
  ])('%s -> %d ms', (raw, ms) => expect(parseDuration(raw)).toBe(ms));
  it.each(['', 'm', '10 m', '10d', '-1s', '0', 'abc'])('rejects %j', (raw) => expect(parseDuration(raw)).toBeNull());
});

describe('retention-days', () => {
  it('is the repository default when empty, else a whole number of days from 1 to 90', () => {
    expect(parse({}).retentionDays).toBeNull();
    expect(parse({ 'retention-days': ' 1 ' }).retentionDays).toBe(1);
    expect(parse({ 'retention-days': '90' }).retentionDays).toBe(90);
    expect(parseRetentionDays('030')).toBe(30);
    expect(parseRetentionDays('-3')).toBeUndefined();
  });
});

describe('forkPullRequest', () => {
  it('ignores non-PR events', () => {
    expect(forkPullRequest({ name: 'push', payload: {} }, 'acme/app')).toBeNull();
    expect(forkPullRequest(null, 'acme/app')).toBeNull();
  });
  it('is case-insensitive on repository names', () => {
    expect(forkPullRequest(prEvent('pull_request', 'ACME/App'), 'acme/app')).toBeNull();
  });
});

describe('record-transcripts', () => {
  it('is off unless asked for, and takes only true or false', () => {
    expect(parse({}).recordTranscripts).toBe(false);
    expect(parse({ 'record-transcripts': 'true' }).recordTranscripts).toBe(true);
    expect(() => parse({ 'record-transcripts': 'yes' })).toThrow(/record-transcripts/);
  });
});
