import { StringDecoder } from 'node:string_decoder';
import { backupErrors } from './backup-messages.js';

/** One line of an NDJSON stream, without its `\n`, and its 1-based number. */
export interface NumberedLine {
  number: number;
  text: string;
}

/**
 * Split a byte stream into lines at `\n` (UTF-8, characters split across chunks kept whole).
 * A last line without `\n` is still a line; an empty line at the very end is not. Memory is one
 * chunk plus one line, bounded by `maxLineLength` characters (a 400 naming the line beyond).
 * @example for await (const line of ndjsonLines(request.raw)) …
 */
export async function* ndjsonLines(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxLineLength: number,
): AsyncGenerator<NumberedLine, void, undefined> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let number = 0;
  for await (const chunk of source) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (;;) {
      const end = pending.indexOf('\n', start);
      if (end < 0) break;
      number += 1;
      yield { number, text: pending.slice(start, end) };
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxLineLength) {
      throw backupErrors.inconsistent(
        { line: number + 1 },
        `the line is longer than ${maxLineLength} characters: it is not a line of a dump`,
      );
    }
  }
  pending += decoder.end();
  if (pending.length > 0) yield { number: number + 1, text: pending };
}
