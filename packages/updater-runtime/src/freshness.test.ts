import { describe, expect, it } from 'vitest';
import { createLogger } from '@legocity/observability';
import { captureLines } from '../../observability/src/logger/capture-lines.test-support.js';
import { createFreshness, staleness } from './freshness.js';

describe('staleness', () => {
  const limits = { periodMs: 60_000, graceMs: 30_000 };
  it('is fresh within the period, late within the grace, down after', () => {
    expect(staleness(60_000, limits)).toBe('fresh');
    expect(staleness(60_001, limits)).toBe('late');
    expect(staleness(90_000, limits)).toBe('late');
    expect(staleness(90_001, limits)).toBe('down');
  });
});

describe('createFreshness', () => {
  function setup() {
    const logs = captureLines();
    const log = createLogger({
      component: 't',
      version: 't',
      commit: 't',
      destination: logs.destination,
    });
    let clock = 0;
    const freshness = createFreshness({
      sourceId: 'weather',
      periodMs: 100,
      graceMs: 50,
      startedAt: 0,
      log,
      now: () => clock,
    });
    return { logs, freshness, tick: (ms: number) => (clock += ms) };
  }

  it('measures from the start before any success', () => {
    const { freshness, tick } = setup();
    expect(freshness.check()).toBe('fresh');
    tick(120);
    expect(freshness.check()).toBe('late');
    expect(freshness.lastSuccessAt).toBeUndefined();
  });

  it('logs each transition exactly once, warn for late and down, info back to fresh', () => {
    const { freshness, tick, logs } = setup();
    tick(120);
    freshness.check();
    freshness.check();
    tick(100);
    freshness.check();
    freshness.check();
    freshness.succeeded();
    freshness.check();
    freshness.check();
    const lines = logs.lines.map((line) => [line.severity, line.staleness]);
    expect(lines).toEqual([
      ['warn', 'late'],
      ['warn', 'down'],
      ['info', 'fresh'],
    ]);
  });
});
