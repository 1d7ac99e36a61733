import { findNonPosixConstruct } from './posix-regex-check.js';
import type { QReader } from './q-reader.js';

const CASE_INSENSITIVE = '(?i)';

export interface PatternText {
  pattern: string;
  caseInsensitive: boolean;
}

/**
 * Read the regular expression after `~=` or `!~=` (§4.9, production RegExp). It is unquoted and
 * may itself hold `(`, `)`, `|` and `;`, so it ends at the first `;` or `|` outside its own
 * parentheses and brackets, or at a `)` that closes a query group: write alternatives as
 * `(a|b)`. A leading `(?i)` makes the match case-insensitive (PostgreSQL's embedded option;
 * JavaScript lacks it, so it is taken off the pattern and returned as a flag).
 * Checks the syntax with JavaScript's RegExp; returns undefined (after reporting) when invalid.
 */
export function readPattern(reader: QReader): PatternText | undefined {
  const start = reader.pos;
  scanPattern(reader);
  const text = reader.text.slice(start, reader.pos);
  if (text === '') {
    reader.report(
      `expected a regular expression at ${reader.position(start)}, found ${reader.found()}`,
    );
    return undefined;
  }
  const caseInsensitive = text.startsWith(CASE_INSENSITIVE);
  const pattern = caseInsensitive ? text.slice(CASE_INSENSITIVE.length) : text;
  const unsupported = findNonPosixConstruct(pattern);
  if (unsupported) {
    reader.report(
      `the regular expression '${text}' at ${reader.position(start)} uses ${unsupported}, which POSIX regular expressions lack`,
    );
    return undefined;
  }
  try {
    new RegExp(pattern, caseInsensitive ? 'i' : '');
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^.*: /, '') : 'syntax error';
    reader.report(
      `the regular expression '${text}' at ${reader.position(start)} is invalid: ${reason}`,
    );
    return undefined;
  }
  return { pattern, caseInsensitive };
}

function scanPattern(reader: QReader): void {
  let depth = 0;
  let inClass = false;
  while (!reader.atEnd) {
    const char = reader.peek();
    if (char === '\\') {
      reader.pos += 2;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
      // A ']' right after '[' or '[^' is a literal member of the class.
      const skip = reader.peek(1) === '^' ? 2 : 1;
      if (reader.peek(skip) === ']') reader.pos += skip;
    } else if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      if (depth === 0) return;
      depth -= 1;
    } else if ((char === ';' || char === '|') && depth === 0) {
      return;
    }
    reader.pos += 1;
  }
  reader.pos = Math.min(reader.pos, reader.text.length);
}
