import { createHash } from 'node:crypto';
import { MIN_OWNED_BUFFER } from './free-buffer.js';
import type { HashStream } from './hash-thread.js';

/** The archive's own SHA-256, over its bytes as they pass on to the decoder. */
export interface ArchiveHash {
  /** The source's chunks, in order, each handed on once it is hashed. */
  chunks: AsyncIterable<Buffer>;
  /** The hex digest; call after `chunks` is exhausted. */
  digest(): Promise<string>;
}

/** Hashes on the calling thread: for small archives, and for sources whose buffers are not ours to move. */
export function inlineArchiveHash(source: AsyncIterable<Buffer>): ArchiveHash {
  const hash = createHash('sha256');
  return {
    chunks: (async function* () {
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk;
      }
    })(),
    digest: async () => hash.digest('hex'),
  };
}

/** Compressed bytes hashed ahead of the decoder: enough to keep the worker busy while zlib inflates. */
const AHEAD_BYTES = 2 * 1024 * 1024;

/**
 * Hashes on a worker thread, so the archive's hash runs beside inflating instead of on the thread
 * that feeds zlib. Each chunk's buffer is transferred to the worker and back, then handed on: no
 * copy, and nothing else may hold the source's buffers (openArchiveFile's chunks are fresh ones).
 * Up to AHEAD_BYTES are held (being hashed, or hashed and waiting for the decoder); chunks come out in the order they went in.
 */
export function workerArchiveHash(
  source: AsyncIterable<Buffer>,
  stream: HashStream,
  aheadBytes = AHEAD_BYTES,
): ArchiveHash {
  return {
    chunks: passThrough(source, stream, aheadBytes),
    digest: () => stream.digest(),
  };
}

async function* passThrough(source: AsyncIterable<Buffer>, thread: HashStream, aheadBytes: number) {
  const iterator = source[Symbol.asyncIterator]();
  const hashed: { size: number; back: Promise<Buffer> }[] = [];
  let held = 0;
  let sourceDone = false;
  try {
    for (;;) {
      while (!sourceDone && (hashed.length === 0 || held < aheadBytes)) {
        const step = await iterator.next();
        if (step.done) sourceDone = true;
        else if (step.value.length > 0) {
          // A chunk of a small buffer may share it with others (Node's pool): it travels as a copy.
          const c = step.value.buffer.byteLength < MIN_OWNED_BUFFER ? copyOf(step.value) : step.value;
          const size = c.length; // the chunk is detached once sent
          const back = thread.send([[c.buffer as ArrayBuffer, c.byteOffset, size]], true).then((ranges) => {
            const [buffer, offset, length] = ranges[0]!;
            return Buffer.from(buffer, offset, length);
          });
          back.catch(() => undefined); // surfaced when awaited
          hashed.push({ size, back });
          held += size;
        }
      }
      const next = hashed.shift();
      if (!next) return;
      held -= next.size;
      yield await next.back;
    }
  } finally {
    if (!sourceDone) void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

/** The bytes in a buffer of their own (Buffer.from could take a slice of the shared pool). */
function copyOf(chunk: Buffer): Buffer {
  return Buffer.from(new Uint8Array(chunk).buffer);
}
