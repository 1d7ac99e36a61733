import { describe, expect, it } from 'vitest';
import { component, healthyContext, NOW, source } from './doctor-context.test-support.js';
import { runDoctor } from './run-doctor.js';

const failing = (context: Parameters<typeof runDoctor>[0]) =>
  runDoctor(context).findings.filter((f) => f.status !== 'ok');

describe('runDoctor', () => {
  it('finds nothing wrong on a healthy platform', () => {
    const report = runDoctor(healthyContext());
    expect(report.failures + report.warnings).toBe(0);
    expect(report.findings.map((f) => f.check)).toEqual(
      expect.arrayContaining([
        'broker-errors',
        'cms-unreachable',
        'dashboard-shows-no-data',
        'keys-near-expiry',
        'backups-overdue',
        'disk-pressure',
        'memory-pressure',
        'firing-alerts',
      ]),
    );
  });

  it('says the broker does not answer, with what to do and the playbook', () => {
    const [finding] = failing(
      healthyContext({
        status: {
          components: [component('broker', { state: 'unreachable', error: 'connection refused' })],
        },
      }),
    );
    expect(finding).toMatchObject({
      check: 'broker-errors',
      status: 'fail',
      runbook: 'docs/runbooks/incidents.md#broker-errors',
    });
    expect(finding?.message).toContain('connection refused');
    expect(finding?.action).toMatch(/Start it/);
  });

  it('names the failing database check of a broker that is not ready', () => {
    const findings = failing(
      healthyContext({
        status: {
          components: [
            component('broker', { state: 'down', problems: ['database: connection refused'] }),
          ],
        },
      }),
    );
    expect(findings[0]?.message).toContain('database: connection refused');
  });

  it('tells "dashboard cannot reach backend" apart from a broker that is down', () => {
    const components = [
      component('broker'),
      component('dashboard', {
        state: 'degraded',
        checks: { database: { ok: true }, broker: { ok: false, detail: 'timeout' } },
      }),
    ];
    const [finding] = failing(healthyContext({ status: { components } }));
    expect(finding).toMatchObject({ check: 'dashboard-cannot-reach-backend', status: 'fail' });
    expect(finding?.action).toContain('LEGOCITY_DASHBOARD_BROKER_URL');
  });

  it('reports a CMS whose database fails', () => {
    const components = [
      component('dashboard', {
        state: 'down',
        checks: { database: { ok: false, detail: 'SQLITE_CANTOPEN' } },
      }),
    ];
    const [finding] = failing(healthyContext({ status: { components } }));
    expect(finding).toMatchObject({ check: 'cms-unreachable', status: 'fail' });
    expect(finding?.message).toContain('SQLITE_CANTOPEN');
  });

  it('explains an empty broker, a source that is down and an outbox that does not drain', () => {
    const findings = failing(
      healthyContext({
        status: {
          entities: { byTenant: {} },
          sources: [
            source('weather', {
              staleness: 'down',
              errors: {
                auth: {
                  retryable: 0,
                  permanent: 12,
                  lastMessage: 'HTTP 401: the API key has expired',
                  lastAt: NOW.toISOString(),
                },
              },
              outbox: { pending: 40, oldestAgeMs: 20 * 60_000 },
            }),
          ],
        },
      }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'The broker holds no entity: maps and KPIs have nothing to show',
      expect.stringMatching(/^Source weather is down \(last success 1 min ago; errors: 12 auth\)$/),
      'Source weather has 40 entities waiting in its outbox for 20 min: the broker refuses its key',
    ]);
  });

  it('warns a week before a key expires and fails on its last day', () => {
    const key = (name: string, inMs: number) => ({
      id: '0123456789abcdef',
      name,
      status: 'active' as const,
      createdAt: NOW.toISOString(),
      lastUsedAt: null,
      expiresAt: new Date(NOW.getTime() + inMs).toISOString(),
    });
    const findings = failing(
      healthyContext({
        keys: [key('soon', 7 * 86_400_000), key('today', 3_600_000), key('later', 60 * 86_400_000)],
      }),
    );
    expect(findings.map((f) => [f.status, f.message.split(' (')[0]])).toEqual([
      ['warn', 'Key soon'],
      ['fail', 'Key today'],
    ]);
  });

  it('fails when the last backup is older than its schedule, and warns when there is none', () => {
    const old = failing(
      healthyContext({
        lastBackup: {
          finishedAt: new Date(NOW.getTime() - 30 * 3_600_000).toISOString(),
          archive: 'a.tar.gz',
        },
      }),
    );
    expect(old[0]).toMatchObject({ check: 'backups-overdue', status: 'fail' });
    expect(old[0]?.message).toContain('30 h 0 min old');
    expect(failing(healthyContext({ lastBackup: { missing: true } }))[0]).toMatchObject({
      status: 'warn',
    });
  });

  it('warns under 20 % free disk and fails under 10 %', () => {
    const at = (available: number) =>
      failing(
        healthyContext({ disk: { path: '/data', availableBytes: available, totalBytes: 100 } }),
      )[0]?.status;
    expect([at(15), at(5), at(50)]).toEqual(['warn', 'fail', undefined]);
  });

  it('turns firing alerts into findings with their own runbook, and ignores pending ones', () => {
    const alert = {
      name: 'LegoCityBrokerDown',
      severity: 'critical',
      summary: 'Broker down',
      activeSince: NOW.toISOString(),
      runbook: 'docs/runbooks/alerts.md#broker-down',
    };
    const findings = failing(
      healthyContext({
        status: {
          alerts: [
            { ...alert, state: 'firing' },
            { ...alert, name: 'Other', state: 'pending' },
          ],
        },
      }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        check: 'firing-alerts',
        status: 'fail',
        runbook: 'docs/runbooks/alerts.md#broker-down',
      }),
    ]);
  });
});
