import { describe, expect, it } from 'vitest';
import { defaultThresholds } from '../config.js';
import { ALERT_RULES } from '../rules/index.js';
import { retentionFor } from './retention.js';

const MIN = 60_000;

describe('retentionFor', () => {
  const retention = retentionFor(ALERT_RULES, defaultThresholds(), 15_000);

  it('keeps an entity count for a day plus the lookback, thinned past ten minutes', () => {
    expect(retention.get('legocity_broker_entities')).toEqual({
      keepMs: 24 * 60 * MIN + 5 * MIN + 15_000,
      fullResolutionMs: 10 * MIN,
    });
  });

  it('keeps error counters at full resolution as far back as their offset range reaches', () => {
    expect(retention.get('legocity_updaters_errors_total')).toEqual({
      keepMs: 20 * MIN + 15_000,
      fullResolutionMs: 15 * MIN + 15_000,
    });
  });

  it('keeps nothing of metrics no rule reads', () => {
    expect(retention.has('legocity_broker_http_request_duration_seconds_bucket')).toBe(false);
    expect(retention.has('up')).toBe(true);
  });
});
