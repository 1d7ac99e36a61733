import { describe, expect, it } from 'vitest';
import { simulatedClock } from './simulated-clock.js';

describe('simulatedClock', () => {
  const origin = new Date('2025-06-01T00:00:00Z');

  it('follows the wall clock at speed 1', () => {
    const later = new Date('2025-06-01T00:10:00Z');
    expect(simulatedClock(1, origin)(later)).toEqual(later);
  });

  it('runs an hour a minute at speed 60', () => {
    expect(simulatedClock(60, origin)(new Date('2025-06-01T00:01:00Z')).toISOString()).toBe(
      '2025-06-01T01:00:00.000Z',
    );
  });
});
