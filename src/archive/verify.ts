import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { IpmDbError } from '../util/errors.js';
import { inlineArchiveHash, workerArchiveHash } from './archive-hash.js';
import { ArchiveCollector } from './archive-collector.js';
import { openArchiveFile, withStallTimeout } from './archive-source.js';
import { FindingList } from './findings.js';
import { InlineHasher, WorkerHasher } from './dat-hasher.js';
import { freeBuffer } from './free-buffer.js';
import { HashThread } from './hash-thread.js';
import { GzipMemberDecoder } from './gzip-member.js';
import { resolveLimits, type ArchiveLimits } from './limits.js';
import { checkPackage } from './package-checks.js';
import { VERIFY_REPORT_SCHEMA, type VerificationReport } from './report.js';
import { TarStreamParser } from './tar-stream.js';

export interface VerifyOptions {
  /** IRIS major.minor the package must install on ("2026.1"; a full build number is cut to major.minor). */
  expectedIrisVersion?: string;
  expectedModuleName?: string;
  expectedModuleVersion?: string;
  limits?: Partial<ArchiveLimits>;
}

/** How the chunks of verifyArchiveStream may be treated. */
export interface ChunkSource {
  /** The source's total size, when known. */
  size?: number;
  /** Every chunk is a fresh buffer that nothing else holds: it may be moved to another thread. */
  owned?: boolean;
}

/** IRIS.DAT (or an archive) from this size on is hashed on a worker thread, beside inflating. */
const WORKER_HASH_MIN_SIZE = 32 * 1024 * 1024;

/** Zlib output chunk: large enough that hashing on the main thread overlaps the next inflate call. */
const INFLATE_CHUNK_SIZE = 512 * 1024;
const INFLATE_HIGH_WATER_MARK = 2 * 1024 * 1024;

/**
 * Verifies a database package .tgz in one streaming pass, without extracting anything.
 * Throws IpmDbError("archive-unreadable") when the file cannot be read; everything about its
 * content is a finding in the returned report (valid=false when any finding is an error).
 */
export async function verifyArchive(path: string, options: VerifyOptions = {}): Promise<VerificationReport> {
  const limits = resolveLimits(options.limits);
  const source = await openArchiveFile(path);
  try {
    return await verifyArchiveStream(
      source.chunks,
      { path, fileName: basename(path) },
      { ...options, limits },
      { size: source.size, owned: true },
    );
  } finally {
    await source.close();
  }
}

/** The same verification over any byte source (a file's chunks, or a generated stream in tests). */
export async function verifyArchiveStream(
  chunks: AsyncIterable<Buffer>,
  meta: { path: string; fileName: string },
  options: VerifyOptions = {},
  chunkSource: ChunkSource = {},
): Promise<VerificationReport> {
  // One thread, started when first needed, hashes both the archive's bytes and IRIS.DAT.
  const thread: { started: HashThread | null } = { started: null };
  try {
    return await verifyChunks(chunks, meta, options, chunkSource, () => (thread.started ??= new HashThread()));
  } finally {
    thread.started?.close();
  }
}

async function verifyChunks(
  chunks: AsyncIterable<Buffer>,
  meta: { path: string; fileName: string },
  options: VerifyOptions,
  chunkSource: ChunkSource,
  hashThread: () => HashThread,
): Promise<VerificationReport> {
  const started = performance.now();
  const limits = resolveLimits(options.limits);
  const findings = new FindingList(limits);
  let gzip: GzipMemberDecoder | null = null;
  const collector = new ArchiveCollector(findings, limits, (datSize) => {
    if (datSize < WORKER_HASH_MIN_SIZE) return new InlineHasher();
    const hasher = new WorkerHasher({ thread: hashThread() });
    hasher.onDrain = () => gzip?.resumeOutput();
    return hasher;
  });
  const tar = new TarStreamParser(collector, limits);
  let internalError: unknown = null;
  let size = 0;
  let inflated = 0;
  gzip = new GzipMemberDecoder(
    (data) => {
      const dat = collector.irisDatHasher;
      if (dat instanceof WorkerHasher) dat.observe(data);
      inflated += data.length;
      if (inflated > limits.compressionRatioGraceSize && inflated > limits.maxCompressionRatio * size) {
        tar.stop('limit-compression-ratio', compressionRatioMessage(inflated, size, limits));
      }
      try {
        tar.write(data);
      } catch (err) {
        internalError ??= err;
      }
      if (tar.stopped || internalError) gzip!.abandon();
      else if (dat instanceof WorkerHasher && dat.congested) gzip!.pauseOutput();
    },
    {
      chunkSize: INFLATE_CHUNK_SIZE,
      highWaterMark: INFLATE_HIGH_WATER_MARK,
      // The file's chunks are this verification's own: free each as soon as zlib is done with it.
      ...(chunkSource.owned && { onInputDone: (chunk: Buffer) => freeBuffer(chunk.buffer) }),
    },
  );
  const read = withStallTimeout(chunks, limits.readStallTimeoutMs, meta.path);
  const archiveHash =
    chunkSource.owned && (chunkSource.size ?? 0) >= WORKER_HASH_MIN_SIZE
      ? workerArchiveHash(read, hashThread().stream('the archive'))
      : inlineArchiveHash(read);
  let sha256: string;
  try {
    for await (const chunk of archiveHash.chunks) {
      size += chunk.length;
      await gzip.write(chunk);
    }
    sha256 = await archiveHash.digest();
  } catch (err) {
    gzip.abandon();
    collector.close();
    throw err;
  }
  const gz = await gzip.end();
  if (!internalError) {
    try {
      await collector.settle();
    } catch (err) {
      internalError = err;
    }
  }
  if (internalError) {
    collector.close();
    throw new IpmDbError(
      'archive-verifier-failed',
      `verifying ${meta.path} failed unexpectedly: ${String(internalError)}`,
      {
        hint: 'This is a bug in ipm-db; please report it with the archive if you can share it.',
        cause: internalError,
      },
    );
  }
  for (const p of gz.problems) findings.add(p.code, p.message);
  if (gz.memberComplete && !tar.stopped) tar.end();
  const fullyRead = gz.memberComplete && !tar.stopped;
  const expected = {
    ...(options.expectedIrisVersion !== undefined && { irisVersion: options.expectedIrisVersion }),
    ...(options.expectedModuleName !== undefined && { moduleName: options.expectedModuleName }),
    ...(options.expectedModuleVersion !== undefined && { moduleVersion: options.expectedModuleVersion }),
  };
  collector.finish();
  const collected = collector.result;
  const facts = checkPackage(collected, meta.fileName, options, fullyRead, findings);
  findings.finish();
  return {
    schema: VERIFY_REPORT_SCHEMA,
    valid: !findings.hasErrors,
    archive: {
      path: meta.path,
      fileName: meta.fileName,
      size,
      sha256,
      uncompressedSize: collected.uncompressedSize,
      entryCount: collected.entries.length,
      trailingBytes: gz.trailingBytes,
      endOfArchiveBlocks: tar.endBlocks,
      fullyRead,
    },
    module: facts.module,
    irisDat: collected.irisDat,
    checksum: facts.checksum,
    dependencies: facts.dependencies,
    builtWithTestResources: facts.builtWithTestResources,
    entries: collected.entries,
    errors: findings.bySeverity('error'),
    warnings: findings.bySeverity('warning'),
    infos: findings.bySeverity('info'),
    expected,
    limits,
    durationMs: Math.round(performance.now() - started),
  };
}

function compressionRatioMessage(inflated: number, compressed: number, limits: ArchiveLimits): string {
  return (
    `${compressed} compressed bytes decompressed to more than ${inflated} bytes, over limits.maxCompressionRatio ` +
    `(${limits.maxCompressionRatio}:1 past the first ${limits.compressionRatioGraceSize} bytes); verification stopped there. ` +
    'This is a decompression bomb, or a genuine package that compresses unusually well: then raise the limit.'
  );
}
