import { describe, expect, it } from 'vitest';
import { runCheck, sanitizeDetail } from './run-check.js';

const clock = () => performance.now();

describe('runCheck', () => {
  it('reports a passing check with its duration', async () => {
    const result = await runCheck(
      { name: 'db', critical: true, run: () => Promise.resolve({ ok: true, detail: 'v15' }) },
      clock,
    );
    expect(result).toMatchObject({ ok: true, critical: true, detail: 'v15' });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('counts a rejection as a failure with a short, password-free detail', async () => {
    const error = new Error('connect to postgres://app:hunter2@db/city failed\n    at Socket');
    const result = await runCheck(
      { name: 'db', critical: true, run: () => Promise.reject(error) },
      clock,
    );
    expect(result).toMatchObject({
      ok: false,
      detail: 'connect to postgres://app:***@db/city failed',
    });
  });

  it('counts a synchronous throw as a failure', async () => {
    const run = (): Promise<{ ok: boolean }> => {
      throw new Error('not connected');
    };
    expect(await runCheck({ name: 'mqtt', critical: false, run }, clock)).toMatchObject({
      ok: false,
      critical: false,
      detail: 'not connected',
    });
  });

  it('uses the error code when the message is empty, as for a refused dual-stack connect', async () => {
    const error = Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' });
    const result = await runCheck(
      { name: 'broker', critical: true, run: () => Promise.reject(error) },
      clock,
    );
    expect(result.detail).toBe('ECONNREFUSED');
  });

  it('fails a check that outlives its timeout and aborts its signal', async () => {
    let signal: AbortSignal | undefined;
    const result = await runCheck(
      {
        name: 'db',
        critical: true,
        timeoutMs: 20,
        run: (context) => {
          signal = context.signal;
          return new Promise(() => undefined);
        },
      },
      clock,
    );
    expect(result).toMatchObject({ ok: false, detail: 'timed out after 20 ms' });
    expect(signal?.aborted).toBe(true);
  });
});

describe('sanitizeDetail', () => {
  it('keeps the first line and caps its length at 200 characters', () => {
    expect(sanitizeDetail('first\nsecond')).toBe('first');
    const long = sanitizeDetail('x'.repeat(500));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
