import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../src/pipeline/run-report.js';
import type { Leg, PublishedResult } from '../../../src/workflow/legs.js';
import { parseIrisUpgradeReport } from '../../../src/workflow/iris-upgrade-files.js';
import { attestationSubjects, buildTestResultPredicate, repositoryOf } from '../../../src/workflow/test-attestation.js';
import { predicateSchemaErrors } from '../../support/predicate-schema.js';
import { run } from '../action/fixtures.js';

const RUN_URL = 'https://github.com/acme/demo/actions/runs/7/attempts/1';
const digest = (c: string) => `sha256:${c.repeat(64)}`;

function leg(version: string, overrides: Partial<RunReport> = {}): Leg {
  const report = run({
    image: `containers.intersystems.com/intersystems/iris-community:${version}`,
    irisVersion: version,
    archive: {
      path: `/x/demo-1.2.3-database.tgz`,
      fileName: 'demo-1.2.3-database.tgz',
      size: 4096,
      sha256: version === '2025.1' ? 'a'.repeat(64) : 'd'.repeat(64),
      irisDatSha256: 'b'.repeat(64),
    },
    ...overrides,
  });
  return { version, reports: [report], files: new Map() };
}

const published = (version: string, c: string): PublishedResult => ({
  reference: `ghcr.io/acme/demo:1.2.3_database__${version}`,
  tag: `1.2.3_database__${version}`,
  digest: digest(c),
  unchanged: false,
  roundTrip: { status: 'verified', digest: digest(c), layerRead: true },
});

describe('the test-result predicate', () => {
  it('records every digest with its IRIS version, verdicts and checksums, and passes the schema', () => {
    const predicate = buildTestResultPredicate({
      legs: [leg('2025.1'), leg('2025.3')],
      published: [published('2025.1', 'c'), published('2025.3', 'e')],
      irisUpgrades: [
        {
          fromIrisVersion: '2025.1',
          toIrisVersion: '2025.3',
          ok: true,
          checks: [
            { name: 'upgrade', ok: true },
            { name: 'package for 2025.1 refused on 2025.3', ok: true },
          ],
        },
      ],
      runUrl: RUN_URL,
    });
    expect(predicateSchemaErrors(predicate)).toEqual([]);
    expect(predicate.result).toBe('PASSED');
    expect(predicate.passedTests).toContain('1.2.3_database__2025.3 on IRIS 2025.3: stage install');
    expect(predicate.passedTests).toContain(
      '1.2.3_database__2025.3: iris-upgrade 2025.1 -> 2025.3: package for 2025.1 refused on 2025.3',
    );
    expect(predicate.passedTests.some((t) => t.includes('stage publish'))).toBe(false);
    expect(predicate.passedTests).toContain(`1.2.3_database__2025.3: round-trip ${digest('e')}`);
    expect(predicate.configuration[0]!.annotations?.roundTrip).toBe('verified');
    const roles = predicate.configuration.map((c) => `${c.annotations?.role} ${c.digest?.sha256?.slice(0, 1)}`);
    expect(roles).toEqual([
      'published package c',
      'archive a',
      'IRIS.DAT b',
      'published package e',
      'archive d',
      'IRIS.DAT b',
    ]);
    expect(predicate.configuration[0]!.uri).toBe(`oci://ghcr.io/acme/demo@${digest('c')}`);
  });

  it('is FAILED when a scenario or an IRIS upgrade failed, naming it', () => {
    const failedScenario = leg('2025.1', {
      upgrade: [{ scenario: 'database', ok: false } as RunReport['upgrade'][number]],
    });
    const predicate = buildTestResultPredicate({
      legs: [failedScenario],
      published: [published('2025.1', 'c')],
      irisUpgrades: [{ fromIrisVersion: '2024.1', toIrisVersion: '2025.1', ok: false, checks: [] }],
      runUrl: RUN_URL,
    });
    expect(predicate.result).toBe('FAILED');
    expect(predicate.failedTests).toEqual([
      '1.2.3_database__2025.1 on IRIS 2025.1: upgrade scenario database',
      '1.2.3_database__2025.1: iris-upgrade 2024.1 -> 2025.1',
    ]);
    expect(predicateSchemaErrors(predicate)).toEqual([]);
  });

  it('is FAILED for a published digest without a read-back proof, and the schema knows the annotation', () => {
    const unproven = { ...published('2025.1', 'c'), roundTrip: null };
    const predicate = buildTestResultPredicate({
      legs: [leg('2025.1')],
      published: [unproven],
      irisUpgrades: [],
      runUrl: RUN_URL,
    });
    expect(predicate.result).toBe('FAILED');
    expect(predicate.failedTests).toEqual([`1.2.3_database__2025.1: round-trip ${digest('c')}`]);
    expect(predicate.configuration[0]!.annotations?.roundTrip).toBe('not verified');
    expect(predicateSchemaErrors(predicate)).toEqual([]);
    const wrong = structuredClone(predicate);
    wrong.configuration[0]!.annotations!.roundTrip = 'maybe';
    expect(predicateSchemaErrors(wrong)).toEqual([
      '/configuration/0/annotations/roundTrip must be equal to one of the allowed values',
    ]);
  });

  it('refuses a digest no leg built, an empty publish and a run URL that is not https', () => {
    expect(() =>
      buildTestResultPredicate({
        legs: [leg('2025.1')],
        published: [published('2026.1', 'c')],
        irisUpgrades: [],
        runUrl: RUN_URL,
      }),
    ).toThrow(/1\.2\.3_database__2026\.1: no leg report\(s\) built it \(IRIS 2026\.1\)/);
    expect(() => buildTestResultPredicate({ legs: [], published: [], irisUpgrades: [], runUrl: RUN_URL })).toThrow(
      /Nothing was published/,
    );
    expect(() =>
      buildTestResultPredicate({
        legs: [leg('2025.1')],
        published: [published('2025.1', 'c')],
        irisUpgrades: [],
        runUrl: 'run 7',
      }),
    ).toThrow(/not an https URL/);
  });

  it('the schema rejects a predicate missing fields, with a bad digest or an unknown result', () => {
    const good = buildTestResultPredicate({
      legs: [leg('2025.1')],
      published: [published('2025.1', 'c')],
      irisUpgrades: [],
      runUrl: RUN_URL,
    });
    const { url: _url, ...noUrl } = good;
    expect(predicateSchemaErrors(noUrl)).toEqual(["/ must have required property 'url'"]);
    expect(predicateSchemaErrors({ ...good, result: 'OK' })).toEqual([
      '/result must be equal to one of the allowed values',
    ]);
    const badDigest = structuredClone(good);
    badDigest.configuration[1]!.digest = { sha256: 'XYZ' };
    expect(predicateSchemaErrors(badDigest)).toEqual([
      '/configuration/1/digest/sha256 must match pattern "^[0-9a-f]{64}$"',
    ]);
    expect(predicateSchemaErrors({ ...good, passedTests: ['whatever'] })[0]).toMatch(
      /^\/passedTests\/0 must match pattern/,
    );
  });
});

describe('attestation subjects', () => {
  it('one "<hex>  <repository>" line per digest, the repository without tag (a registry port kept)', () => {
    expect(repositoryOf('127.0.0.1:5000/acme/demo:1.0.0_database__2025.1')).toBe('127.0.0.1:5000/acme/demo');
    expect(repositoryOf('ghcr.io/acme/demo@sha256:' + 'c'.repeat(64))).toBe('ghcr.io/acme/demo');
    expect(attestationSubjects([published('2025.1', 'c'), published('2025.3', 'e')])).toBe(
      `${'c'.repeat(64)}  ghcr.io/acme/demo\n${'e'.repeat(64)}  ghcr.io/acme/demo\n`,
    );
  });
});

describe('iris-upgrade report files', () => {
  it('reads a report and refuses anything else', () => {
    const text = JSON.stringify({
      schema: 'ipm-db/iris-upgrade-report@1',
      fromIrisVersion: '2025.1',
      toIrisVersion: '2025.3',
      ok: true,
      checks: [{ name: 'upgrade', ok: true }],
      extra: 'ignored',
    });
    expect(parseIrisUpgradeReport(text, 'r.json')).toEqual({
      fromIrisVersion: '2025.1',
      toIrisVersion: '2025.3',
      ok: true,
      checks: [{ name: 'upgrade', ok: true }],
    });
    expect(() => parseIrisUpgradeReport('{"schema":"x"}', 'r.json')).toThrow(
      /r\.json is not an ipm-db iris-upgrade report/,
    );
    expect(() => parseIrisUpgradeReport('nope', 'r.json')).toThrow(/r\.json is not JSON/);
  });
});
