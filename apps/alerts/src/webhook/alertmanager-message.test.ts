import { describe, expect, it } from 'vitest';
import type { ActiveAlert } from '../evaluate/alert-state.js';
import { heartbeatMessage, stateChangeMessage } from './alertmanager-message.js';

const alert: ActiveAlert = {
  key: 'k',
  name: 'LegoCityBrokerDown',
  severity: 'critical',
  labels: { job: 'legocity-broker', instance: '127.0.0.1:1026' },
  state: 'firing',
  activeSinceMs: Date.parse('2026-11-23T10:00:00Z'),
  firedAtMs: Date.parse('2026-11-23T10:02:00Z'),
  value: 0,
  summary: 'The broker on 127.0.0.1:1026 is down',
  description: 'd',
  runbook: 'docs/runbooks/alerts.md#broker-down',
};

describe('Alertmanager webhook messages', () => {
  it('carry a firing alert as Alertmanager would (version 4, no end yet)', () => {
    const message = stateChangeMessage(
      { kind: 'firing', alert, atMs: alert.firedAtMs ?? 0 },
      'http://127.0.0.1:4042',
    );
    expect(message).toMatchObject({
      version: '4',
      status: 'firing',
      receiver: 'legocity-alerts',
      groupKey: '{}:{alertname="LegoCityBrokerDown"}',
      groupLabels: { alertname: 'LegoCityBrokerDown' },
      commonLabels: {
        alertname: 'LegoCityBrokerDown',
        severity: 'critical',
        job: 'legocity-broker',
        instance: '127.0.0.1:1026',
      },
      externalURL: 'http://127.0.0.1:4042',
      truncatedAlerts: 0,
    });
    expect(message.alerts).toEqual([
      {
        status: 'firing',
        labels: message.commonLabels,
        annotations: {
          summary: 'The broker on 127.0.0.1:1026 is down',
          description: 'd',
          runbook_url: 'docs/runbooks/alerts.md#broker-down',
        },
        startsAt: '2026-11-23T10:02:00.000Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://127.0.0.1:4042/alerts',
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) as string,
      },
    ]);
  });

  it('end a resolved alert at the time it resolved', () => {
    const atMs = Date.parse('2026-11-23T10:05:00Z');
    const message = stateChangeMessage({ kind: 'resolved', alert, atMs }, 'http://a');
    expect(message.status).toBe('resolved');
    expect(message.alerts[0]?.endsAt).toBe('2026-11-23T10:05:00.000Z');
  });

  it('send the heartbeat as the always-firing LegoCityHeartbeat', () => {
    const message = heartbeatMessage(Date.parse('2026-11-23T09:00:00Z'), 'http://a');
    expect(message.commonLabels).toEqual({ alertname: 'LegoCityHeartbeat', severity: 'none' });
    expect(message.alerts[0]?.startsAt).toBe('2026-11-23T09:00:00.000Z');
  });
});
