import { describe, expect, it } from 'vitest';
import { runEvery } from './run-every.js';

describe('runEvery', () => {
  it('runs at once, keeps going after a failed round, and stops after the round in progress', async () => {
    const errors: unknown[] = [];
    let rounds = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const loop = runEvery(
      0,
      async () => {
        rounds += 1;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        if (rounds === 2) throw new Error('scrape blew up');
      },
      (error) => errors.push(error),
    );
    expect(rounds).toBe(1);
    while (rounds < 4) await new Promise((resolve) => setImmediate(resolve));
    await loop.stop();
    const after = rounds;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(rounds).toBe(after);
    expect(maxInFlight).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
