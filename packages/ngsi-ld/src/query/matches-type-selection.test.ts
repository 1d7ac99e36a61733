import { describe, expect, it } from 'vitest';
import { matchesTypeSelection } from './matches-type-selection.js';
import { parseTypeSelection } from './parse-type-selection.js';

function matches(selection: string, types: string[]): boolean {
  const parsed = parseTypeSelection(selection);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return matchesTypeSelection(parsed.value, types);
}

describe('matchesTypeSelection', () => {
  it('needs every type joined by ;', () => {
    expect(matches('Home;Vehicle', ['Home'])).toBe(false);
    expect(matches('Home;Vehicle', ['Vehicle', 'Home'])).toBe(true);
  });

  it('needs one of the types joined by , or |', () => {
    expect(matches('Home,Boat', ['Boat'])).toBe(true);
    expect(matches('Home|Boat', ['Car'])).toBe(false);
  });

  it('respects parentheses', () => {
    expect(matches('(Home;Vehicle)|Motorhome', ['Motorhome'])).toBe(true);
    expect(matches('(Home;Vehicle)|Motorhome', ['Home'])).toBe(false);
  });

  it('expands names before comparing', () => {
    const parsed = parseTypeSelection('Car');
    expect(
      parsed.ok && matchesTypeSelection(parsed.value, ['urn:x:Car'], (n) => `urn:x:${n}`),
    ).toBe(true);
  });
});
