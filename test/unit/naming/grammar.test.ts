import { describe, expect, it } from 'vitest';
import {
  imageTag,
  irisMajorMinor,
  isDigest,
  isImageReference,
  isIrisMajorMinor,
  isModuleName,
  isPlainVersion,
  isSemver,
  isSha256Hex,
  isTag,
  parseIrisMajorMinor,
  sha256Digest,
} from '../../../src/naming/grammar.js';

const HEX = 'ab'.repeat(32);

describe('sha256 and digests', () => {
  it('takes hex in either case but a digest only in lower case', () => {
    expect(isSha256Hex(HEX)).toBe(true);
    expect(isSha256Hex(HEX.toUpperCase())).toBe(true);
    expect(isSha256Hex(HEX.slice(1))).toBe(false);
    expect(isDigest(`sha256:${HEX}`)).toBe(true);
    expect(isDigest(`sha256:${HEX.toUpperCase()}`)).toBe(false);
    expect(isDigest(HEX)).toBe(false);
    expect(isDigest(`sha512:${HEX}`)).toBe(false);
  });

  it('computes the digest of known bytes', () => {
    // sha256 of the empty string, from FIPS 180-2 test vectors.
    expect(sha256Digest('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('versions', () => {
  it('follows Semantic Versioning 2.0.0', () => {
    for (const v of ['1.2.3', '0.0.0', '1.2.3-beta.1', '1.2.3+build.5', '1.2.3-rc-1+b.2'])
      expect(isSemver(v)).toBe(true);
    for (const v of ['01.2.3', '1.2', '1.2.3-', '1.2.3-a..b', 'v1.2.3', '1.2.3+']) expect(isSemver(v)).toBe(false);
    expect(isPlainVersion('1.2.3')).toBe(true);
    expect(isPlainVersion('1.2.3-beta')).toBe(false);
  });

  it('reads IRIS major.minor from a release or a full version', () => {
    expect(isIrisMajorMinor('2025.1')).toBe(true);
    expect(isIrisMajorMinor('2025.1.0')).toBe(false);
    expect(isIrisMajorMinor('25.1')).toBe(false);
    expect(irisMajorMinor('2026.1.0.227.0')).toBe('2026.1');
    expect(irisMajorMinor(' 2025.01 ')).toBe('2025.1');
    expect(irisMajorMinor('latest')).toBeNull();
    expect(parseIrisMajorMinor('2024.10')).toEqual({ major: 2024, minor: 10 });
    expect(parseIrisMajorMinor('2024.10-preview')).toBeNull();
  });
});

describe('names and image references', () => {
  it('accepts IPM module names and refuses what could become a flag or a path', () => {
    expect(isModuleName('DemoOrders')).toBe(true);
    expect(isModuleName('a.b-c_d')).toBe(true);
    for (const n of ['-x', '.x', 'a/b', 'a b', '']) expect(isModuleName(n)).toBe(false);
  });

  it('checks tags and image references', () => {
    expect(isTag('1.2.3_database__2025.1')).toBe(true);
    expect(isTag('.x')).toBe(false);
    expect(isTag('x'.repeat(129))).toBe(false);
    for (const i of [
      'iris:2025.1',
      'containers.intersystems.com/intersystems/iris-community:2025.3',
      'localhost:5000/iris',
      `localhost:5000/iris:2025.1@sha256:${HEX}`,
    ])
      expect(isImageReference(i)).toBe(true);
    for (const i of ['-iris', 'Iris:1', 'a//b', 'a/', 'iris:2025 1']) expect(isImageReference(i)).toBe(false);
  });

  it('finds the tag of an image, not a registry port or a digest', () => {
    expect(imageTag('containers.intersystems.com/intersystems/iris-community:2025.3')).toBe('2025.3');
    expect(imageTag(`localhost:5000/iris:2025.1@sha256:${HEX}`)).toBe('2025.1');
    expect(imageTag('localhost:5000/iris')).toBeNull();
    expect(imageTag(`iris@sha256:${HEX}`)).toBeNull();
  });
});
