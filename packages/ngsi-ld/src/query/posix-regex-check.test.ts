import { describe, expect, it } from 'vitest';
import { findNonPosixConstruct } from './posix-regex-check.js';

describe('findNonPosixConstruct', () => {
  it.each([
    '^\\d{3}-\\w+$',
    '(a|b)\\1',
    '(?:a)(?=b)(?!c)(?<=d)(?<!e)',
    '\\bword\\B\\y\\x41\\u0041\\cA\\t\\n',
    '\\\\q',
    'a{255}',
    'x{,3}',
    '\\.\\-\\/\\_',
  ])('finds nothing in %j', (pattern) => {
    expect(findNonPosixConstruct(pattern)).toBeUndefined();
  });

  it.each([
    ['(?<year>\\d{4})', "named groups '(?<name>…)'"],
    ['\\k<year>', "the escape '\\k'"],
    ['\\p{L}', "the escape '\\p'"],
    ['a\\q', "the escape '\\q'"],
    ['\\1(a)', "a back-reference '\\1' to a group not opened before it"],
    ['(a)\\2', "a back-reference '\\2' to a group not opened before it"],
    ['(?:a)\\1', "a back-reference '\\1' to a group not opened before it"],
    ['[\\p]', "the escape '\\p'"],
    ['(a)[\\1]', "the escape '\\1' inside brackets"],
    ['a{256}', 'a repetition count above 255'],
    ['a{2,300}', 'a repetition count above 255'],
  ])('finds %j', (pattern, construct) => {
    expect(findNonPosixConstruct(pattern)).toBe(construct);
  });
});
