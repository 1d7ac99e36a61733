import { describe, expect, it } from 'vitest';
import { createDataServices } from './data-services.js';

describe('createDataServices', () => {
  it('limits each client on its own, and refuses with 429 beyond the burst', () => {
    const { rateLimiter } = createDataServices({ tokenSecret: 's', notifyUrl: 'http://x/notify' });
    for (let n = 0; n < 100; n += 1) expect(rateLimiter.take('10.0.0.1').isAllowed).toBe(true);
    expect(rateLimiter.take('10.0.0.1').isAllowed).toBe(false);
    expect(rateLimiter.take('10.0.0.2').isAllowed).toBe(true);
    expect(() => rateLimiter.check('10.0.0.1')).toThrow(/too many|retry/i);
  });

  it('limits all clients together, so forged client addresses cannot bypass it', () => {
    const { rateLimiter } = createDataServices({ tokenSecret: 's', notifyUrl: 'http://x/notify' });
    let allowed = 0;
    for (let n = 0; n < 2_000; n += 1) if (rateLimiter.take(`forged-${n}`).isAllowed) allowed += 1;
    expect(allowed).toBeGreaterThanOrEqual(800);
    expect(allowed).toBeLessThan(900);
  });
});
