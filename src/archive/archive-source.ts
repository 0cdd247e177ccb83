import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { IpmDbError } from '../util/errors.js';

export const READ_CHUNK_SIZE = 1024 * 1024;

export interface ArchiveSource {
  size: number;
  chunks: AsyncIterable<Buffer>;
  close(): Promise<void>;
}

function unreadable(path: string, why: string, cause?: unknown): IpmDbError {
  return new IpmDbError('archive-unreadable', `cannot read archive ${path}: ${why}`, {
    hint: 'Give the path of a readable .tgz file written by IPM package-database.',
    cause,
  });
}

function describeOpenError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return err.message;
  }
}

/**
 * Opens a regular file for one sequential pass. O_NONBLOCK keeps a FIFO from blocking the open;
 * fstat then refuses anything but a regular file. Chunks are fresh buffers, read one ahead.
 */
export async function openArchiveFile(path: string): Promise<ArchiveSource> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw unreadable(path, describeOpenError(err as NodeJS.ErrnoException), err);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw unreadable(path, stat.isDirectory() ? 'it is a directory' : 'it is not a regular file');
    const read = async (): Promise<Buffer | null> => {
      const buffer = Buffer.allocUnsafe(READ_CHUNK_SIZE);
      let result;
      try {
        result = await handle.read(buffer, 0, buffer.length, null);
      } catch (err) {
        throw unreadable(path, describeOpenError(err as NodeJS.ErrnoException), err);
      }
      return result.bytesRead === 0 ? null : buffer.subarray(0, result.bytesRead);
    };
    const chunks = async function* () {
      let next = read();
      for (;;) {
        const chunk = await next;
        if (chunk === null) return;
        next = read();
        next.catch(() => undefined); // surfaced when awaited
        yield chunk;
      }
    };
    return { size: stat.size, chunks: chunks(), close: () => handle.close().catch(() => undefined) };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}

/** Fails a read that delivers nothing for `timeoutMs`, so a stalled source can never hang verification. */
export async function* withStallTimeout(
  source: AsyncIterable<Buffer>,
  timeoutMs: number,
  what: string,
): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new IpmDbError('archive-unreadable', `reading ${what} stalled: no data for ${timeoutMs} ms`, {
                hint: 'Check the file system or network the archive is on, or copy the archive to a local disk.',
              }),
            ),
          timeoutMs,
        );
      });
      let step: IteratorResult<Buffer>;
      try {
        step = await Promise.race([iterator.next(), stalled]);
      } finally {
        clearTimeout(timer);
      }
      if (step.done) return;
      yield step.value;
    }
  } finally {
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}
