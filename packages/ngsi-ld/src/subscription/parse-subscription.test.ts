import { describe, expect, it } from 'vitest';
import { mqttTopic, parseSubscription } from './parse-subscription.js';

const minimal = {
  type: 'Subscription',
  entities: [{ type: 'Sensor' }],
  notification: { endpoint: { uri: 'http://sink/notify' } },
};

describe('parseSubscription', () => {
  it('accepts a minimal subscription and ignores read-only members', () => {
    const parsed = parseSubscription({ ...minimal, status: 'active', createdAt: 'x' });
    expect(parsed).toEqual({ ok: true, value: minimal });
  });

  it('reports every problem at once, each naming its field', () => {
    const parsed = parseSubscription({
      type: 'Sub',
      entities: [],
      throttling: 0,
      notification: { endpoint: { uri: 'mailto:me@example.org', accept: 'text/html' } },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'type',
        'entities',
        'throttling',
        'notification.endpoint.uri',
        'notification.endpoint.accept',
      ]),
    );
  });

  it('refuses an expiry in the past when given the time', () => {
    const parsed = parseSubscription(
      { ...minimal, expiresAt: '2020-01-01T00:00:00Z' },
      { now: '2026-01-01T00:00:00.000Z' },
    );
    expect(parsed.ok).toBe(false);
  });

  it('names the members it does not implement', () => {
    expect(parseSubscription({ ...minimal, timeInterval: 5, scopeQ: '/a' }).unsupported).toEqual([
      'timeInterval',
      'scopeQ',
    ]);
  });

  it('checks MQTT endpoints and notifierInfo', () => {
    const ok = parseSubscription({
      ...minimal,
      notification: {
        endpoint: {
          uri: 'mqtt://broker:1883/city/a',
          notifierInfo: [{ key: 'MQTT-QoS', value: '1' }],
        },
      },
    });
    expect(ok.ok).toBe(true);
    const bad = parseSubscription({
      ...minimal,
      notification: {
        endpoint: { uri: 'mqtt://broker:1883/t', notifierInfo: [{ key: 'MQTT-QoS', value: '3' }] },
      },
    });
    expect(bad.ok).toBe(false);
  });

  it('refuses receiverInfo that would break HTTP headers', () => {
    const parsed = parseSubscription({
      ...minimal,
      notification: {
        endpoint: { uri: 'http://sink/n', receiverInfo: [{ key: 'X-A', value: 'a\r\nX-Evil: 1' }] },
      },
    });
    expect(parsed.ok).toBe(false);
  });
});

describe('mqttTopic', () => {
  it('is the URL path without its leading slash', () => {
    expect(mqttTopic('mqtt://broker:1883/city/alerts')).toBe('city/alerts');
    expect(mqttTopic('mqtt://broker:1883')).toBe('');
  });
});
