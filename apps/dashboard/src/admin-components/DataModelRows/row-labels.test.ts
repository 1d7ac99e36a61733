import { describe, expect, it } from 'vitest';
import { attributeRowLabel, changelogRowLabel } from './row-labels.js';

describe('data model row labels', () => {
  it('name an attribute by its name, types and lifecycle', () => {
    expect(
      attributeRowLabel({
        name: 'pm10',
        kind: 'Property',
        valueType: 'number',
        unitCode: 'GQ',
        status: 'deprecated',
        replacedBy: 'pm10Avg',
      }),
    ).toBe('pm10 (number, GQ) · deprecated → pm10Avg');
    expect(attributeRowLabel({ name: 'refZone', kind: 'Relationship', valueType: null })).toBe(
      'refZone (Relationship)',
    );
    expect(attributeRowLabel({ name: '' }, 3)).toBe('Attribute 03');
  });

  it('name a changelog entry by version, time and who', () => {
    expect(
      changelogRowLabel({ version: '1.2.0', date: '2026-12-07T09:05:00.000Z', author: 'e@city' }),
    ).toBe('1.2.0 · 2026-12-07 09:05 UTC · e@city');
    expect(changelogRowLabel(undefined, 2)).toBe('Entry 02');
  });
});
