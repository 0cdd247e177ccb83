import { describe, expect, it } from 'vitest';
import {
  archiveArtifactName,
  artifactName,
  sanitiseArtifactName,
  shouldUpload,
} from '../../../src/action/artifacts.js';

describe('artifact names', () => {
  it('carry the prefix, IRIS version and job, and differ per matrix leg', () => {
    const env = { GITHUB_JOB: 'package', GITHUB_RUN_ATTEMPT: '1' };
    expect(artifactName('ipm-db', '2025.1', env, '')).toBe('ipm-db-2025.1-package');
    const a = artifactName('ipm-db', '2025.1', env, '{"os":"ubuntu-24.04","flavour":"irishealth-community"}');
    const b = artifactName('ipm-db', '2025.1', env, '{"os":"ubuntu-24.04","flavour":"iris-community"}');
    expect(a).toBe('ipm-db-2025.1-package-ubuntu-24.04-irishealth-community');
    expect(a).not.toBe(b);
  });
  it('shorten long matrix values with a hash that keeps them distinct', () => {
    const long1 = JSON.stringify({ a: 'x'.repeat(80), b: '1' });
    const long2 = JSON.stringify({ a: 'x'.repeat(80), b: '2' });
    const n1 = artifactName('p', '2025.1', { GITHUB_JOB: 'j' }, long1);
    expect(n1.length).toBeLessThan(80);
    expect(n1).not.toBe(artifactName('p', '2025.1', { GITHUB_JOB: 'j' }, long2));
  });
  it('mark re-run attempts and strip characters GitHub rejects', () => {
    expect(artifactName('p', 'localhost:5000/iris:1', { GITHUB_JOB: 'j', GITHUB_RUN_ATTEMPT: '2' }, undefined)).toBe(
      'p-localhost-5000-iris-1-j-attempt2',
    );
    expect(sanitiseArtifactName('a/b\\c:d*e?f|g"h<i>j')).toBe('a-b-c-d-e-f-g-h-i-j');
  });
});

describe('the unzipped archive artifact', () => {
  it("is named after the run's artifact and the archive, so it differs per leg and from the zip artifact", () => {
    const env = { GITHUB_JOB: 'package' };
    const legA = artifactName('ipm-db', '2025.1', env, '{"os":"a"}');
    const legB = artifactName('ipm-db', '2025.1', env, '{"os":"b"}');
    expect(archiveArtifactName(legA, 'demo-1.0.0-database.tgz')).toBe(
      'ipm-db-2025.1-package-a-demo-1.0.0-database.tgz',
    );
    expect(archiveArtifactName(legA, 'demo-1.0.0-database.tgz')).not.toBe(
      archiveArtifactName(legB, 'demo-1.0.0-database.tgz'),
    );
    expect(archiveArtifactName('p', 'we:ird|name.TGZ')).toBe('p-we-ird-name.tgz');
    expect(archiveArtifactName('p', '.tgz')).toBe('p-package.tgz');
  });
});

describe('upload policy', () => {
  it.each([
    ['always', true, true],
    ['always', false, true],
    ['failure', true, false],
    ['failure', false, true],
    ['never', false, false],
  ] as const)('%s with ok=%s -> %s', (policy, ok, expected) => expect(shouldUpload(policy, ok)).toBe(expected));
});
