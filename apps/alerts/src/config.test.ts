import { describe, expect, it } from 'vitest';
import { readAlertsConfig, thresholdsOf } from './config.js';

describe('readAlertsConfig', () => {
  it('has defaults for a machine running everything (ports 1026, 4041, 3000; 15 s)', () => {
    const loaded = readAlertsConfig({});
    expect(loaded.ok && loaded.value).toMatchObject({
      port: 4042,
      host: '127.0.0.1',
      targets: ['broker', 'updaters', 'dashboard'],
      brokerUrl: 'http://127.0.0.1:1026',
      updatersUrl: 'http://127.0.0.1:4041',
      dashboardUrl: 'http://127.0.0.1:3000',
      interval: 15_000,
      heartbeatInterval: 3_600_000,
      backupMaxAge: 26 * 3_600_000,
    });
  });

  it('turns the settings into rule thresholds', () => {
    const loaded = readAlertsConfig({
      LEGOCITY_ALERTS_BACKUP_MAX_AGE: '8d',
      LEGOCITY_ALERTS_ERROR_RATIO: '0.1',
    });
    expect(loaded.ok && thresholdsOf(loaded.value)).toEqual({
      errorRatio: 0.1,
      entityDropRatio: 0.2,
      entityGrowthFactor: 2,
      diskMinAvailableRatio: 0.1,
      memoryMinAvailableRatio: 0.1,
      backupMaxAgeSeconds: 8 * 86_400,
      outboxMaxAgeSeconds: 600,
      keyRefusedWindowSeconds: 300,
    });
  });

  it('takes the outbox age and the key-refused window as durations, the window at least 1 s', () => {
    const loaded = readAlertsConfig({
      LEGOCITY_ALERTS_OUTBOX_MAX_AGE: '2s',
      LEGOCITY_ALERTS_KEY_REFUSED_WINDOW: '10s',
    });
    expect(loaded.ok && thresholdsOf(loaded.value)).toMatchObject({
      outboxMaxAgeSeconds: 2,
      keyRefusedWindowSeconds: 10,
    });
    const tooShort = readAlertsConfig({ LEGOCITY_ALERTS_KEY_REFUSED_WINDOW: '500ms' });
    expect(tooShort.ok ? [] : tooShort.problems).toEqual([
      expect.objectContaining({
        variable: 'LEGOCITY_ALERTS_KEY_REFUSED_WINDOW',
        message: 'must be at least 1s',
      }),
    ]);
  });

  it('names every wrong variable at once, never echoing a value', () => {
    const loaded = readAlertsConfig({
      LEGOCITY_ALERTS_TARGETS: 'broker,brokr',
      LEGOCITY_ALERTS_WEBHOOK_URL: 'hooks.example.org/s3cret-token',
      LEGOCITY_ALERTS_ERROR_RATIO: '5%',
    });
    expect(loaded.ok).toBe(false);
    const problems = loaded.ok ? [] : loaded.problems;
    expect(problems.map((problem) => problem.variable)).toEqual([
      'LEGOCITY_ALERTS_TARGETS',
      'LEGOCITY_ALERTS_WEBHOOK_URL',
      'LEGOCITY_ALERTS_ERROR_RATIO',
    ]);
    expect(JSON.stringify(problems)).not.toContain('s3cret');
    expect(problems[0]?.message).toBe(
      'must be a comma-separated list of: broker, updaters, dashboard',
    );
  });
});
