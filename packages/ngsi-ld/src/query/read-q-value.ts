import { isDate, isDateTime, isTime, normalizeDateTime } from '../values/date-time.js';
import { isUri } from '../values/is-uri.js';
import type { QReader } from './q-reader.js';
import type { QComparableScalar, QScalar, QValue } from './q-types.js';

// JSON number (IETF RFC 8259 §6), as §4.9 requires.
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
// An unquoted URI starts with a scheme (RFC 3986 §3.1). Dates and times start with a digit.
const URI_START = /[A-Za-z][A-Za-z0-9+.-]*:/y;
// A value ends at a term delimiter or, inside a list, at ','.
const VALUE_END = new Set([';', '|', ')', ',']);
const COMPARABLE = new Set(['number', 'string', 'dateTime', 'date', 'time']);

type Item = QScalar | Extract<QValue, { kind: 'range' }>;

/**
 * Read the value of a comparison (§4.9, productions Value, Range, ValueList, URI): a scalar,
 * a range `min..max` or a list `a,b,c`. Unquoted URIs end at `;`, `|`, `,` or `)`: quote
 * URIs that contain those. Leaves the cursor at the end of the term; returns undefined (after
 * reporting) when the value is invalid.
 */
export function readValue(reader: QReader): QValue | undefined {
  const start = reader.pos;
  const items: Array<Item | undefined> = [readItem(reader)];
  while (reader.peek() === ',') {
    reader.pos += 1;
    items.push(readItem(reader));
  }
  if (!reader.atTermEnd()) {
    reader.report(
      `expected ';', '|' or ')' after the value at ${reader.position()}, found ${reader.found()}`,
    );
    reader.skipToTermEnd();
    return undefined;
  }
  if (!items.every((item): item is Item => item !== undefined)) return undefined;
  const [first] = items;
  if (items.length === 1) return first;
  if (items.some((item) => item.kind === 'range')) {
    reader.report(
      `a list of values cannot hold ranges ('${reader.text.slice(start, reader.pos)}' at ${reader.position(start)})`,
    );
    return undefined;
  }
  return { kind: 'list', values: items as QScalar[] };
}

function readItem(reader: QReader): Item | undefined {
  const start = reader.pos;
  const min = readScalar(reader);
  if (!reader.lookingAt('..')) return min;
  reader.pos += 2;
  const max = readScalar(reader);
  if (!min || !max) return undefined;
  const text = `'${reader.text.slice(start, reader.pos)}' at ${reader.position(start)}`;
  if (!isComparable(min) || !isComparable(max)) {
    reader.report(`range ${text} needs numbers, strings, dates, times or dateTimes as bounds`);
  } else if (min.kind !== max.kind) {
    reader.report(`range ${text} mixes a ${min.kind} and a ${max.kind}`);
  } else if (min.kind === 'number' && max.kind === 'number' && min.value > max.value) {
    reader.report(`range ${text} has its minimum above its maximum`);
  } else {
    return { kind: 'range', min, max };
  }
  return undefined;
}

function readScalar(reader: QReader): QScalar | undefined {
  const start = reader.pos;
  if (reader.peek() === '"') return readQuotedString(reader);
  URI_START.lastIndex = start;
  const isUriLike = URI_START.test(reader.text);
  // A quote never belongs to an unquoted value: stop there and let the caller report it.
  while (
    !reader.atEnd &&
    !VALUE_END.has(reader.peek()) &&
    reader.peek() !== '"' &&
    (isUriLike || !reader.lookingAt('..'))
  ) {
    reader.pos += 1;
  }
  const token = reader.text.slice(start, reader.pos);
  const scalar = classify(token);
  if (scalar) return scalar;
  reader.report(describeBadToken(reader, token, start, isUriLike));
  return undefined;
}

function classify(token: string): QScalar | undefined {
  if (token === 'true' || token === 'false') return { kind: 'boolean', value: token === 'true' };
  if (NUMBER.test(token)) {
    const value = Number(token);
    return Number.isFinite(value) ? { kind: 'number', value } : undefined;
  }
  if (isDateTime(token)) return { kind: 'dateTime', value: normalizeDateTime(token) ?? token };
  if (isDate(token)) return { kind: 'date', value: token };
  if (isTime(token)) return { kind: 'time', value: token };
  if (isUri(token)) return { kind: 'uri', value: token };
  return undefined;
}

function describeBadToken(
  reader: QReader,
  token: string,
  start: number,
  isUriLike: boolean,
): string {
  const at = reader.position(start);
  if (token === '') return `expected a value at ${at}, found ${reader.found()}`;
  if (isUriLike) return `'${token}' at ${at} is not a valid URI`;
  if (NUMBER.test(token)) return `'${token}' at ${at} is too large a number`;
  if (/^\d/.test(token) && /[-:]/.test(token)) {
    return `'${token}' at ${at} is not a valid date (YYYY-MM-DD), time (hh:mm:ss) or dateTime (YYYY-MM-DDThh:mm:ssZ)`;
  }
  return `'${token}' at ${at} is not a value: quote strings ("${token}"); numbers, true, false, dates, times, dateTimes and URIs go unquoted`;
}

/** A JSON string (§4.9 quotedStr: IETF RFC 8259 §7), escapes included. */
function readQuotedString(reader: QReader): QScalar | undefined {
  const start = reader.pos;
  let end = start + 1;
  while (end < reader.text.length && reader.text[end] !== '"')
    end += reader.text[end] === '\\' ? 2 : 1;
  if (end >= reader.text.length) {
    reader.report(`the string starting at ${reader.position(start)} is not closed (missing '"')`);
    reader.pos = reader.text.length;
    return undefined;
  }
  reader.pos = end + 1;
  try {
    return { kind: 'string', value: JSON.parse(reader.text.slice(start, end + 1)) as string };
  } catch {
    reader.report(
      `the string at ${reader.position(start)} is not a valid JSON string (check its escapes)`,
    );
    return undefined;
  }
}

function isComparable(scalar: QScalar): scalar is QComparableScalar {
  return COMPARABLE.has(scalar.kind);
}
