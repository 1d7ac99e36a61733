import { describe, expect, it } from 'vitest';
import { formatSseComment, formatSseFrame } from './sse-frames.js';

describe('formatSseFrame', () => {
  it('writes one data line for JSON and ends with a blank line', () => {
    expect(formatSseFrame('update', { a: 'x\ny' })).toBe('event: update\ndata: {"a":"x\\ny"}\n\n');
  });

  it('splits text with newlines into several data lines, so it cannot forge an event', () => {
    expect(formatSseFrame('update', 'one\nevent: evil\r\ntwo')).toBe(
      'event: update\ndata: one\ndata: event: evil\ndata: two\n\n',
    );
  });
});

describe('formatSseComment', () => {
  it('keeps a comment on one line', () => {
    expect(formatSseComment('heart\nbeat')).toBe(': heart beat\n\n');
  });
});
