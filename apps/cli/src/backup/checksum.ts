import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The size and SHA-256 (hex) of some bytes. */
export interface Checksum {
  bytes: number;
  sha256: string;
}

/**
 * A pass-through stream that counts and hashes what flows through it; read `result()` once the
 * stream has finished.
 * @example const meter = new ChecksumStream(); await pipeline(source, meter, sink); meter.result()
 */
export class ChecksumStream extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private count = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.count += chunk.length;
    done(null, chunk);
  }

  /** Bytes seen so far. */
  get bytes(): number {
    return this.count;
  }

  /** The size and digest; call once, after the end. */
  result(): Checksum {
    return { bytes: this.count, sha256: this.hash.digest('hex') };
  }
}

/**
 * The size and SHA-256 of a file, streamed (never held in memory).
 * @example await checksumFile('backup/broker/dump.ndjson') // { bytes: 1234, sha256: '9f…' }
 */
export async function checksumFile(path: string): Promise<Checksum> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(createReadStream(path), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      hash.update(chunk);
      bytes += chunk.length;
    }
  });
  return { bytes, sha256: hash.digest('hex') };
}

/** SHA-256 (hex) of a string or buffer. */
export function sha256Of(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
