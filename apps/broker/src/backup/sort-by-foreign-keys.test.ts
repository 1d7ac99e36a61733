import { describe, expect, it } from 'vitest';
import { sortByForeignKeys } from './sort-by-foreign-keys.js';

describe('sortByForeignKeys', () => {
  it('puts referenced tables first, by name where keys leave a choice', () => {
    expect(
      sortByForeignKeys([
        { name: 'notification_outbox', references: ['subscription'] },
        { name: 'geo_attribute', references: ['entity'] },
        { name: 'subscription', references: [] },
        { name: 'entity', references: [] },
        { name: 'entity_change', references: [] },
      ]),
    ).toEqual(['entity', 'entity_change', 'subscription', 'geo_attribute', 'notification_outbox']);
  });

  it('ignores self-references and tables outside the list, and keeps a cycle by name', () => {
    expect(
      sortByForeignKeys([
        { name: 'b', references: ['b', 'elsewhere'] },
        { name: 'a', references: [] },
      ]),
    ).toEqual(['a', 'b']);
    expect(
      sortByForeignKeys([
        { name: 'y', references: ['x'] },
        { name: 'x', references: ['y'] },
      ]),
    ).toEqual(['x', 'y']);
  });
});
