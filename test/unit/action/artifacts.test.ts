import { describe, expect, it } from 'vitest';
import { artifactName, sanitiseArtifactName, shouldUpload } from '../../../src/action/artifacts.js';

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

describe('upload policy', () => {
  it.each([
    ['always', true, true],
    ['always', false, true],
    ['failure', true, false],
    ['failure', false, true],
    ['never', false, false],
  ] as const)('%s with ok=%s -> %s', (policy, ok, expected) => expect(shouldUpload(policy, ok)).toBe(expected));
});
