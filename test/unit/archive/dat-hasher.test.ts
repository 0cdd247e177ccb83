import { createHash, randomBytes } from 'node:crypto';
import { createInflateRaw, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WorkerHasher } from '../../../src/archive/dat-hasher.js';

const MiB = 1024 * 1024;

describe('WorkerHasher', () => {
  it('hashes zlib output on a worker, transferring the buffers zlib has moved past instead of copying them', async () => {
    const plain = Buffer.concat([randomBytes(6 * MiB), Buffer.alloc(10 * MiB, 7), randomBytes(3 * MiB + 123)]);
    const hasher = new WorkerHasher();
    const seen: Buffer[] = [];
    const lengths: number[] = [];
    const inflate = createInflateRaw({ chunkSize: 512 * 1024 });
    const done = new Promise<void>((resolve, reject) => {
      inflate.on('data', (out: Buffer) => {
        hasher.observe(out);
        // Hash all but the first 100 bytes of each chunk, as the tar parser would skip a header.
        hasher.update(out.subarray(Math.min(100, out.length)));
        seen.push(out);
        lengths.push(out.length);
      });
      inflate.on('end', resolve);
      inflate.on('error', reject);
    });
    inflate.end(deflateRawSync(plain));
    await done;
    const expected = createHash('sha256');
    let offset = 0;
    const sha = await hasher.digest();
    for (const length of lengths) {
      expected.update(plain.subarray(offset + Math.min(100, length), offset + length));
      offset += length;
    }
    expect(offset).toBe(plain.length);
    expect(sha).toBe(expected.digest('hex'));
    // Transferred buffers are detached on this side: zero-length views.
    const detached = seen.filter((c) => c.buffer.byteLength === 0).length;
    expect(detached).toBeGreaterThan(seen.length / 2);
  });

  it('reports congestion over its in-flight bound and calls onDrain once the worker catches up', async () => {
    const hasher = new WorkerHasher({ maxInFlight: 1 * MiB });
    let drained = 0;
    hasher.onDrain = () => void drained++;
    const chunks = Array.from({ length: 8 }, () => randomBytes(512 * 1024));
    const expected = createHash('sha256');
    let congested = false;
    for (const c of chunks) {
      expected.update(c);
      hasher.observe(c);
      hasher.update(c);
      congested ||= hasher.congested;
    }
    expect(congested).toBe(true);
    expect(await hasher.digest()).toBe(expected.digest('hex'));
    expect(drained).toBeGreaterThanOrEqual(1);
  });
});
