import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoPackageBytes, EXAMPLE_PATH } from '../../../scripts/make-example-archive.js';
import { verifyArchive } from '../../../src/archive/verify.js';

describe('the committed synthetic example', () => {
  it('equals a fresh generation (run "npm run example" and commit it if this fails)', async () => {
    const committed = await readFile(EXAMPLE_PATH);
    expect(committed.equals(await demoPackageBytes())).toBe(true);
  });

  it('verifies as valid', async () => {
    const report = await verifyArchive(EXAMPLE_PATH);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('is labelled SYNTHETIC next to it', async () => {
    expect(await readFile('examples/synthetic/README.md', 'utf8')).toMatch(/SYNTHETIC/);
  });
});
