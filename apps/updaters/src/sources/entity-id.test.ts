import { describe, expect, it } from 'vitest';
import { idPart } from './entity-id.js';

describe('idPart', () => {
  it('keeps safe characters and percent-encodes the rest', () => {
    expect(idPart('A-1_b.2')).toBe('A-1_b.2');
    expect(idPart('Gare Nord/2')).toBe('Gare%20Nord%2F2');
    expect(idPart('é')).toBe('%C3%A9');
  });
});
