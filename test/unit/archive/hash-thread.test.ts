import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { workerArchiveHash } from '../../../src/archive/archive-hash.js';
import { HashThread, type HashRange } from '../../../src/archive/hash-thread.js';
import { IpmDbError } from '../../../src/util/errors.js';

const KiB = 1024;
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest('hex');
const range = (b: Buffer): HashRange => [b.buffer as ArrayBuffer, b.byteOffset, b.length];

/** Ends the thread's worker as a crash would (not through close()). */
function crash(thread: HashThread): Promise<number> {
  return (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
}

describe('HashThread', () => {
  it('keeps one SHA-256 per stream, batches interleaved; kept buffers come back in order, unchanged', async () => {
    const thread = new HashThread();
    try {
      const a = thread.stream('a');
      const b = thread.stream('b');
      const partsA = [randomBytes(100 * KiB), randomBytes(3), randomBytes(200 * KiB)];
      const partsB = [randomBytes(70 * KiB), randomBytes(90 * KiB)];
      const copiesA = partsA.map((p) => Buffer.from(p));
      const copiesB = partsB.map((p) => Buffer.from(p));
      const back: Promise<HashRange[]>[] = [];
      back.push(a.send([range(partsA[0]!)], true));
      void b.send([range(partsB[0]!)], false);
      back.push(a.send([range(partsA[1]!), range(partsA[2]!)], true));
      void b.send([range(partsB[1]!)], false);
      expect(partsA[0]!.length).toBe(0); // transferred, not copied
      const returned = (await Promise.all(back)).flat().map(([buf, off, len]) => Buffer.from(buf, off, len));
      expect(returned.map((r) => r.length)).toEqual(copiesA.map((c) => c.length));
      expect(Buffer.concat(returned).equals(Buffer.concat(copiesA))).toBe(true);
      expect(await a.digest()).toBe(sha(...copiesA));
      expect(await b.digest()).toBe(sha(...copiesB));
    } finally {
      thread.close();
    }
  });

  it('a thread that dies fails every waiting batch, the digest and later sends with archive-verifier-failed', async () => {
    const thread = new HashThread();
    const stream = thread.stream('IRIS.DAT');
    const waiting = stream.send([range(randomBytes(64 * KiB))], true);
    await crash(thread);
    const err = await waiting.then(
      () => null,
      (e: unknown) => e,
    );
    // The batch may have been hashed before the worker died; if not, it failed with the thread.
    if (err !== null) {
      expect(err).toBeInstanceOf(IpmDbError);
      expect((err as IpmDbError).code).toBe('archive-verifier-failed');
    }
    await expect(stream.digest()).rejects.toMatchObject({ code: 'archive-verifier-failed' });
    await expect(stream.send([range(randomBytes(KiB))], false)).rejects.toMatchObject({
      code: 'archive-verifier-failed',
      message: expect.stringContaining('hashing IRIS.DAT on a worker thread failed'),
    });
    expect(stream.error).toBeInstanceOf(IpmDbError);
  });

  it('refuses work once stopped instead of waiting forever', async () => {
    const thread = new HashThread();
    const stream = thread.stream('x');
    thread.close();
    await expect(stream.send([range(randomBytes(KiB))], true)).rejects.toThrow(/stopped/);
    await expect(stream.digest()).rejects.toThrow(/stopped/);
  });
});

describe('workerArchiveHash', () => {
  it('hands the chunks on in order, unchanged, and hashes them all; holds a bounded number ahead', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => randomBytes(i % 7 === 0 ? 1 : 64 * KiB));
    const copies = chunks.map((c) => Buffer.from(c));
    let read = 0;
    let passed = 0;
    let maxAhead = 0;
    async function* source() {
      for (const c of chunks) {
        read++;
        yield c;
      }
    }
    const thread = new HashThread();
    try {
      const hash = workerArchiveHash(source(), thread.stream('the archive'), 256 * KiB);
      const out: Buffer[] = [];
      for await (const c of hash.chunks) {
        passed++;
        maxAhead = Math.max(maxAhead, read - passed);
        out.push(Buffer.from(c));
      }
      expect(out.map((c) => c.length)).toEqual(copies.map((c) => c.length));
      expect(Buffer.concat(out).equals(Buffer.concat(copies))).toBe(true);
      expect(await hash.digest()).toBe(sha(...copies));
      // 256 KiB ahead is 4 chunks of 64 KiB (one more may be read before the bound is seen).
      expect(maxAhead).toBeLessThanOrEqual(5);
    } finally {
      thread.close();
    }
  });

  it("passes the source's own error on, and a dead thread's error as archive-verifier-failed", async () => {
    const thread = new HashThread();
    try {
      async function* failing() {
        yield randomBytes(KiB);
        throw new Error('disk went away');
      }
      const consume = async (chunks: AsyncIterable<Buffer>) => {
        for await (const c of chunks) void c;
      };
      await expect(consume(workerArchiveHash(failing(), thread.stream('a')).chunks)).rejects.toThrow('disk went away');
      async function* endless() {
        for (;;) yield randomBytes(16 * KiB);
      }
      const dying = workerArchiveHash(endless(), thread.stream('b'));
      let n = 0;
      await expect(
        (async () => {
          for await (const c of dying.chunks) {
            void c;
            if (++n === 3) await crash(thread);
          }
        })(),
      ).rejects.toMatchObject({ code: 'archive-verifier-failed' });
    } finally {
      thread.close();
    }
  });
});
