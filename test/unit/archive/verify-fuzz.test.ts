import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../../src/archive/report.js';
import { ipmTar, packageEntries, verifyBytes } from './helpers.js';

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function consistent(report: VerificationReport): void {
  expect(report.valid).toBe(report.errors.length === 0);
  for (const f of [...report.errors, ...report.warnings, ...report.infos]) {
    expect(f.code).toMatch(/^[a-z0-9-]+$/);
    expect(f.message.length).toBeGreaterThan(10);
  }
}

describe('verifyArchive on damaged input', () => {
  it('never throws and always reports consistently: random byte damage in the tar stream', async () => {
    const tar = await ipmTar(packageEntries());
    const random = prng(1);
    for (let i = 0; i < 150; i++) {
      const damaged = Buffer.from(tar);
      const hits = 1 + Math.floor(random() * 4);
      for (let h = 0; h < hits; h++) {
        // Mostly header blocks (first 512 bytes of each entry), where damage matters most.
        const offset = Math.floor(random() * damaged.length);
        damaged[offset] = Math.floor(random() * 256);
      }
      consistent(await verifyBytes(gzipSync(damaged), { chunkSize: 1 + Math.floor(random() * 3000) }));
    }
  });

  it('never throws and always reports consistently: damaged or cut gzip bytes', async () => {
    const tar = await ipmTar(packageEntries());
    const tgz = gzipSync(tar);
    const random = prng(2);
    for (let i = 0; i < 150; i++) {
      const damaged = Buffer.from(tgz);
      // Past the 10-byte header, whose mtime, XFL, OS and FTEXT bits a reader may ignore.
      const at = 10 + Math.floor(random() * (damaged.length - 10));
      damaged[at] = damaged[at]! ^ (1 << Math.floor(random() * 8));
      const report = await verifyBytes(damaged, { chunkSize: 1 + Math.floor(random() * 2000) });
      consistent(report);
      // Some flips change a back-reference into another that copies identical bytes (runs of zeros):
      // such an archive still decodes to exactly the same tar stream, and only then may it pass.
      if (report.valid) expect(gunzipSync(damaged).equals(tar)).toBe(true);
    }
    for (let cut = 0; cut < tgz.length; cut += 37) {
      const report = await verifyBytes(tgz.subarray(0, cut));
      consistent(report);
      expect(report.valid).toBe(false);
    }
  });
});
