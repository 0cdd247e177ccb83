import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256OfFile } from '../../../src/util/file-hash.js';

describe('sha256OfFile', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipm-db-file-hash-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives the FIPS 180-2 digests of "" and "abc"', async () => {
    await writeFile(join(dir, 'empty'), '');
    await writeFile(join(dir, 'abc'), 'abc');
    expect(await sha256OfFile(join(dir, 'empty'))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await sha256OfFile(join(dir, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes a file of several read chunks as the whole of it', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 5);
    await writeFile(join(dir, 'large'), bytes);
    expect(await sha256OfFile(join(dir, 'large'))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('rejects for a missing file', async () => {
    await expect(sha256OfFile(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
