import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ChecksumStream, checksumFile, sha256Of } from './checksum.js';

// SHA-256 of "abc" (FIPS 180-2, appendix B.1).
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('checksums', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('hashes and counts what flows through the stream, unchanged', async () => {
    const meter = new ChecksumStream();
    const received: Buffer[] = [];
    await pipeline(
      Readable.from([Buffer.from('a'), Buffer.from('bc')]),
      meter,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          received.push(chunk);
          done();
        },
      }),
    );
    expect(meter.result()).toEqual({ bytes: 3, sha256: ABC });
    expect(Buffer.concat(received).toString()).toBe('abc');
  });

  it('hashes a file', async () => {
    folder = await mkdtemp(join(tmpdir(), 'legocity-checksum-'));
    await writeFile(join(folder, 'f'), 'abc');
    expect(await checksumFile(join(folder, 'f'))).toEqual({ bytes: 3, sha256: ABC });
    expect(sha256Of('abc')).toBe(ABC);
  });
});
