import { describe, expect, it } from 'vitest';
import { createHealth, healthHttpStatus } from './create-health.js';
import type { HealthCheck } from './run-check.js';

const identity = { version: '1.2.0', commit: 'abc1234' };

function countingCheck(name: string, options: { ok?: boolean; critical?: boolean } = {}) {
  const check = {
    name,
    critical: options.critical ?? true,
    calls: 0,
    run: () => {
      check.calls += 1;
      return Promise.resolve({ ok: options.ok ?? true });
    },
  };
  return check;
}

describe('createHealth', () => {
  it('answers liveness without running any check', () => {
    const database = countingCheck('database');
    expect(createHealth({ ...identity, checks: [database] }).liveness()).toEqual({ status: 'ok' });
    expect(database.calls).toBe(0);
  });

  it('is ready when every critical check passes, even if a non-critical one fails', async () => {
    const health = createHealth({
      ...identity,
      checks: [countingCheck('database'), countingCheck('mqtt', { ok: false, critical: false })],
    });
    const report = await health.readiness();
    expect(report.status).toBe('ok');
    expect(report.checks.mqtt).toMatchObject({ ok: false, critical: false });
    expect(healthHttpStatus(report)).toBe(200);
  });

  it('is not ready when a critical check fails', async () => {
    const health = createHealth({
      ...identity,
      checks: [countingCheck('database', { ok: false }), countingCheck('mqtt')],
    });
    const report = await health.readiness();
    expect(report.status).toBe('fail');
    expect(healthHttpStatus(report)).toBe(503);
  });

  it('runs checks concurrently rather than one after another', async () => {
    // Each check waits until all have started: run one at a time, the first would time out.
    let started = 0;
    let release: () => void = () => undefined;
    const allStarted = new Promise<void>((resolve) => (release = resolve));
    const waiting = (name: string): HealthCheck => ({
      name,
      critical: true,
      timeoutMs: 1_000,
      run: async () => {
        started += 1;
        if (started === 3) release();
        await allStarted;
        return { ok: true };
      },
    });
    const health = createHealth({ ...identity, checks: ['a', 'b', 'c'].map(waiting) });
    expect((await health.readiness()).status).toBe('ok');
  });

  it('reuses a result within the cache interval and shares a run already in progress', async () => {
    let clock = 0;
    const database = countingCheck('database');
    const health = createHealth({ ...identity, checks: [database], now: () => clock });
    await Promise.all([health.readiness(), health.readiness(), health.readiness()]);
    expect(database.calls).toBe(1);
    clock = 999;
    await health.readiness();
    expect(database.calls).toBe(1);
    clock = 1_000;
    await health.readiness();
    expect(database.calls).toBe(2);
  });

  it('fails readiness from the moment shutdown starts, while liveness stays ok', async () => {
    const health = createHealth({ ...identity, checks: [countingCheck('database')] });
    expect((await health.readiness()).status).toBe('ok');
    health.markShuttingDown();
    expect(await health.readiness()).toMatchObject({ status: 'fail', shuttingDown: true });
    expect(health.liveness()).toEqual({ status: 'ok' });
  });

  it('summarises readiness with version, commit and uptime', async () => {
    const startedAt = new Date(Date.now() - 90_000);
    const health = createHealth({ ...identity, component: 'broker', startedAt, checks: [] });
    const summary = await health.summary();
    expect(summary).toMatchObject({ status: 'ok', component: 'broker', ...identity, checks: {} });
    expect(summary.uptimeSeconds).toBeGreaterThanOrEqual(90);
  });

  it('refuses two checks with the same name', () => {
    const checks = [countingCheck('database'), countingCheck('database')];
    expect(() => createHealth({ ...identity, checks })).toThrow(/declared twice/);
  });
});
