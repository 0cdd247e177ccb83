import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { moduleXml } from '../../../scripts/make-example-archive.js';
import { verifyArchiveStream } from '../../../src/archive/verify.js';
import { ipmTarStream, orderLikeIpm } from '../../support/ipm-tar.js';

const MiB = 1024 * 1024;
const DAT_SIZE = 256 * MiB;

describe('verifyArchive memory', () => {
  it('streams a 256 MiB IRIS.DAT generated on the fly with small, bounded RSS growth', async () => {
    const datHash = createHash('sha256');
    async function* datChunks() {
      for (let i = 0; i < DAT_SIZE / MiB; i++) {
        const chunk = Buffer.alloc(MiB); // fresh: the consumer may still hold the previous one
        chunk.writeUInt32LE(i, 0); // a block header; the rest of each 8 KiB block is empty
        datHash.update(chunk);
        yield chunk;
      }
    }
    const xmlFor = (checksum: string) => Buffer.from(moduleXml({ name: 'big-module', version: '1.0.0', checksum }));
    const xmlSize = xmlFor('0'.repeat(64)).length;
    const entries = orderLikeIpm([
      { path: 'IRIS.DAT', data: { size: DAT_SIZE, chunks: datChunks } },
      // module.xml follows IRIS.DAT in IPM's order, so its checksum is known by the time it is generated.
      { path: 'module.xml', data: { size: xmlSize, chunks: () => [xmlFor(datHash.copy().digest('hex'))] } },
      { path: 'deps/', type: 'dir' },
    ]);
    const source = Readable.from(ipmTarStream(entries)).pipe(createGzip({ level: 1 }));

    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    let report;
    try {
      report = await verifyArchiveStream(source, {
        path: 'big-module-1.0.0-database.tgz',
        fileName: 'big-module-1.0.0-database.tgz',
      });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMiB = (peak - baseline) / MiB;
    console.log(`RSS growth while verifying a 256 MiB IRIS.DAT: ${growthMiB.toFixed(1)} MiB`);
    expect(report.errors).toEqual([]);
    expect(report.irisDat?.size).toBe(DAT_SIZE);
    expect(report.checksum.match).toBe(true);
    // Holding IRIS.DAT (or the archive) in memory would add at least 256 MiB.
    expect(growthMiB).toBeLessThan(96);
  });
});
