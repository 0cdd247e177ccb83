import { randomBytes } from 'node:crypto';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sha256Hex, syntheticIrisDat } from '../../../scripts/make-example-archive.js';
import { GzipMemberDecoder } from '../../../src/archive/gzip-member.js';
import type { VerificationReport } from '../../../src/archive/report.js';
import { verifyArchiveStream } from '../../../src/archive/verify.js';
import { FILE_NAME, ipmTar, packageEntries, verifyBytes } from './helpers.js';

const MiB = 1024 * 1024;

/** The bytes as fresh buffers nobody else holds, as openArchiveFile reads them. */
async function* ownedChunks(bytes: Buffer, chunkSize: number) {
  for (let off = 0; off < bytes.length; off += chunkSize) {
    yield Buffer.from(new Uint8Array(bytes.subarray(off, off + chunkSize)).buffer);
  }
}

/** Verification as for a large file: the archive and IRIS.DAT hashed on the worker thread. */
function verifyThreaded(bytes: Buffer): Promise<VerificationReport> {
  return verifyArchiveStream(
    ownedChunks(bytes, MiB),
    { path: FILE_NAME, fileName: FILE_NAME },
    {},
    { size: 64 * MiB, owned: true },
  );
}

function withoutTiming(report: VerificationReport): Omit<VerificationReport, 'durationMs'> {
  const { durationMs, ...rest } = report;
  void durationMs;
  return rest;
}

describe('verification with the hashing thread reports exactly what it reports on one thread', () => {
  // Over 32 MiB, so that IRIS.DAT is hashed on the worker too.
  const dat = syntheticIrisDat(33 * 128);
  const tgz = (async () =>
    gzipSync(
      await ipmTar(
        packageEntries({ override: [{ path: 'IRIS.DAT', data: dat }], module: { checksum: sha256Hex(dat) } }),
      ),
      { level: 1 },
    ))();

  const cases: [string, (gz: Buffer) => Buffer][] = [
    ['a valid package', (gz) => gz],
    ['a file cut inside IRIS.DAT', (gz) => gz.subarray(0, Math.floor(gz.length * 0.6))],
    ['a file cut inside the gzip trailer', (gz) => gz.subarray(0, gz.length - 3)],
    ['garbage after the gzip member', (gz) => Buffer.concat([gz, randomBytes(5000)])],
    [
      'a wrong CRC-32 in the trailer',
      (gz) => {
        const bad = Buffer.from(gz);
        bad[bad.length - 8] = bad[bad.length - 8]! ^ 0xff;
        return bad;
      },
    ],
  ];
  for (const [name, make] of cases) {
    it(
      name,
      async () => {
        const bytes = make(await tgz);
        const threaded = await verifyThreaded(bytes);
        const inline = await verifyBytes(bytes, { chunkSize: MiB });
        expect(withoutTiming(threaded)).toEqual(withoutTiming(inline));
        expect(threaded.archive.sha256).toBe(sha256Hex(bytes));
      },
      60_000,
    );
  }

  it('the valid package really was valid, with the IRIS.DAT hash from the worker', async () => {
    const report = await verifyThreaded(await tgz);
    expect(report.valid).toBe(true);
    expect(report.irisDat).toEqual({ size: dat.length, sha256: sha256Hex(dat) });
  }, 60_000);
});

describe('GzipMemberDecoder hands back input only once it is done with it', () => {
  it('chunks handed to onInputDone can be overwritten without changing what is decoded or found', async () => {
    const plain = randomBytes(3 * MiB);
    const member = gzipSync(plain);
    const bytes = Buffer.concat([member, Buffer.alloc(1000)]); // zero padding after the member
    const output: Buffer[] = [];
    let released = 0;
    const decoder = new GzipMemberDecoder((out) => output.push(Buffer.from(out)), {
      chunkSize: 64 * 1024,
      highWaterMark: 256 * 1024,
      onInputDone: (chunk) => {
        released += chunk.length;
        chunk.fill(0xaa); // as if freed and reused
      },
    });
    for (let off = 0; off < bytes.length; off += 100_000)
      await decoder.write(Buffer.from(bytes.subarray(off, off + 100_000)));
    const outcome = await decoder.end();
    expect(Buffer.concat(output).equals(plain)).toBe(true);
    expect(outcome.memberComplete).toBe(true);
    expect(outcome.trailingBytes).toBe(1000);
    expect(outcome.problems.map((p) => p.code)).toEqual(['gzip-trailing-data']);
    expect(outcome.problems[0]!.message).toContain('1000 zero bytes');
    // Most of the deflate data was handed back; never more than the deflate data itself.
    expect(released).toBeGreaterThan(member.length / 2);
    expect(released).toBeLessThanOrEqual(member.length - 18);
  });

  it('a corrupt stream stops decoding without handing back what zlib may still read', async () => {
    // Stored blocks: the second block's NLEN no longer matches its LEN.
    const deflated = deflateRawSync(randomBytes(2 * MiB), { level: 0 });
    const corruptAt = 5 + deflated.readUInt16LE(1) + 3;
    deflated[corruptAt] = deflated[corruptAt]! ^ 0xff;
    const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    const released: number[] = [];
    const decoder = new GzipMemberDecoder(() => {}, {
      chunkSize: 64 * 1024,
      highWaterMark: 256 * 1024,
      onInputDone: (chunk) => released.push(chunk.length),
    });
    const bytes = Buffer.concat([header, deflated]);
    for (let off = 0; off < bytes.length; off += 50_000)
      await decoder.write(Buffer.from(bytes.subarray(off, off + 50_000)));
    const outcome = await decoder.end();
    expect(outcome.problems.map((p) => p.code)).toEqual(['gzip-corrupt']);
    expect(outcome.problems[0]!.message).toContain('invalid stored block lengths');
    expect(released.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(corruptAt);
  });
});
