import { describe, expect, it } from 'vitest';
import { parseAttributeList } from './parse-attribute-list.js';

describe('parseAttributeList', () => {
  it('reads comma-separated names', () => {
    expect(
      parseAttributeList('temperature,schema:name,https://example.org/ns#speed', 'attrs'),
    ).toEqual({
      ok: true,
      value: ['temperature', 'schema:name', 'https://example.org/ns#speed'],
    });
  });

  it('drops repeated names, keeping the first', () => {
    expect(parseAttributeList('b,a,b,a', 'pick')).toEqual({ ok: true, value: ['b', 'a'] });
  });

  it('rejects an empty list', () => {
    expect(parseAttributeList('', 'omit')).toEqual({
      ok: false,
      problems: [{ field: 'omit', message: 'must name at least one attribute' }],
    });
  });

  it('reports every empty entry and invalid name at once, naming the parameter', () => {
    expect(parseAttributeList('a,,b c,,d-e,', 'attrs')).toEqual({
      ok: false,
      problems: [
        { field: 'attrs', message: 'entry 2 is empty (two commas in a row, or a comma at an end)' },
        {
          field: 'attrs',
          message:
            "'b c' is not a valid attribute name (a letter followed by letters, digits or '_', a compact IRI or an absolute IRI)",
        },
        { field: 'attrs', message: 'entry 4 is empty (two commas in a row, or a comma at an end)' },
        {
          field: 'attrs',
          message:
            "'d-e' is not a valid attribute name (a letter followed by letters, digits or '_', a compact IRI or an absolute IRI)",
        },
        { field: 'attrs', message: 'entry 6 is empty (two commas in a row, or a comma at an end)' },
      ],
    });
  });
});
