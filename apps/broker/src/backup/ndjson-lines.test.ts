import { describe, expect, it } from 'vitest';
import { ndjsonLines } from './ndjson-lines.js';

async function all(
  chunks: (Buffer | string)[],
  max = 1_000,
): Promise<{ number: number; text: string }[]> {
  const lines = [];
  for await (const line of ndjsonLines(chunks, max)) lines.push(line);
  return lines;
}

describe('ndjsonLines', () => {
  it('numbers lines split anywhere across chunks, multi-byte characters included', async () => {
    const bytes = Buffer.from('["Bắc"]\n["é"]\n');
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 9), bytes.subarray(9)];
    expect(await all(chunks)).toEqual([
      { number: 1, text: '["Bắc"]' },
      { number: 2, text: '["é"]' },
    ]);
  });

  it('keeps a last line without its newline, and empty lines in the middle', async () => {
    expect(await all(['a\n\nb'])).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: '' },
      { number: 3, text: 'b' },
    ]);
  });

  it('refuses a line longer than the limit, naming it', async () => {
    await expect(all(['ok\n', 'x'.repeat(20)], 10)).rejects.toThrow(
      'Dump line 2: the line is longer than 10 characters: it is not a line of a dump',
    );
  });
});
