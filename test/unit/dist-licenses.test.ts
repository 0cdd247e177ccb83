import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { ALLOWED_LICENSES, licenseAllowed, packageDirOf } from '../../scripts/licenses.mjs';

const DIST = join(import.meta.dirname, '../../dist');

describe('licences of the bundled third-party code', () => {
  it('dist/licenses.txt names every bundled package, each under a licence on the allow-list', async () => {
    const text = await readFile(join(DIST, 'licenses.txt'), 'utf8');
    const entries = [...text.matchAll(/^(\S+@\d[^\n]*)\nLicense: ([^\n]+)$/gm)].map((m) => ({
      pkg: m[1]!,
      license: m[2]!,
    }));
    // The action cannot work without these; their absence means the list is not the bundle's.
    for (const name of ['@actions/core@', '@actions/artifact@', '@actions/cache@', 'saxes@'])
      expect(
        entries.some((e) => e.pkg.startsWith(name)),
        name,
      ).toBe(true);
    const refused = entries.filter((e) => !licenseAllowed(e.license));
    expect(refused).toEqual([]);
  });

  it('the allow-list check refuses what is not on it and reads SPDX expressions', () => {
    expect(licenseAllowed('MIT')).toBe(true);
    expect(licenseAllowed('(Apache-2.0 AND BSD-3-Clause)')).toBe(true);
    expect(licenseAllowed('(MIT OR GPL-3.0-only)')).toBe(true);
    expect(licenseAllowed('GPL-3.0-only')).toBe(false);
    expect(licenseAllowed('(MIT AND GPL-3.0-only)')).toBe(false);
    expect(licenseAllowed('no licence')).toBe(false);
    expect(licenseAllowed('MIT/X11')).toBe(false);
    expect(licenseAllowed('Apache-2.0 WITH LLVM-exception')).toBe(false);
    expect(licenseAllowed('(MIT')).toBe(false);
    expect(ALLOWED_LICENSES).not.toContain('GPL-3.0-only');
  });

  it('finds the innermost package folder of a bundled file', () => {
    expect(packageDirOf('node_modules/saxes/saxes.js')).toBe('node_modules/saxes');
    expect(packageDirOf('node_modules/@actions/core/lib/core.js')).toBe('node_modules/@actions/core');
    expect(packageDirOf('node_modules/@actions/cache/node_modules/semver/index.js')).toBe(
      'node_modules/@actions/cache/node_modules/semver',
    );
    expect(packageDirOf('src/index.ts')).toBeNull();
  });
});
