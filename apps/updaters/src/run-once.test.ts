import type { SourceReport } from '@legocity/updater-runtime';
import { describe, expect, it } from 'vitest';
import { runOnce } from './run-once.js';

const report = (overrides: Partial<SourceReport> = {}): SourceReport => ({
  id: 'open-data-parking',
  title: 'Parking',
  kind: 'polled',
  staleness: 'fresh',
  totals: { created: 3, updated: 0, unchanged: 0, rejected: 0 },
  errors: {},
  outbox: { pending: 0, oldestAgeMs: 0 },
  ...overrides,
});
const ran = {
  startedAt: '2026-12-07T00:00:00Z',
  durationMs: 5,
  ok: true,
  created: 3,
  updated: 0,
  unchanged: 0,
  rejected: 0,
};

/** A fake clock: `sleep` moves time forward. */
function clock() {
  let t = 0;
  return { now: () => t, sleep: (ms: number) => Promise.resolve(void (t += ms)) };
}

describe('runOnce', () => {
  it('waits for the run and for the outbox to drain', async () => {
    const states = [
      report(),
      report({ lastRun: ran, outbox: { pending: 3, oldestAgeMs: 10 } }),
      report({ lastRun: ran }),
    ];
    let call = 0;
    const result = await runOnce(
      { report: () => [states[Math.min(call++, 2)]!] },
      { timeoutMs: 10_000, ...clock() },
    );
    expect(result).toMatchObject({ ok: true });
    expect(call).toBe(3);
  });

  it('says which source failed its run', async () => {
    const result = await runOnce(
      { report: () => [report({ lastRun: { ...ran, ok: false } })] },
      { timeoutMs: 1000, ...clock() },
    );
    expect(result).toMatchObject({
      ok: false,
      problem: 'the run of source open-data-parking failed',
    });
  });

  it('gives up at the timeout, naming the source and its last error', async () => {
    const stuck = report({
      lastRun: ran,
      outbox: { pending: 3, oldestAgeMs: 5000 },
      errors: {
        auth: { retryable: 0, permanent: 2, lastMessage: '401 Unauthorized', lastAt: 'x' },
      },
    });
    const result = await runOnce({ report: () => [stuck] }, { timeoutMs: 1000, ...clock() });
    expect(result.problem).toBe(
      'source open-data-parking did not run and deliver within 1 s (open-data-parking: auth: 401 Unauthorized)',
    );
  });
});
