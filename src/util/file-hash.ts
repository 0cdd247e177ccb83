/** The SHA-256 of a file, read in 1 MiB chunks (a database package can be larger than memory allows). */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Lower-case hex. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
