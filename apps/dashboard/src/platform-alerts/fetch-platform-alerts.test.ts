import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PayloadRequest } from 'payload';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchPlatformAlerts } from './fetch-platform-alerts.js';
import { platformAlertsEndpoint } from './platform-alerts-endpoint.js';

const firing = {
  name: 'LegoCityBrokerDown',
  severity: 'critical',
  state: 'firing',
  activeSince: '2026-12-07T09:00:00.000Z',
  summary: 'The broker does not answer',
  description: 'internal detail',
  runbook: 'docs/runbooks/alerts.md#broker-down',
  labels: { target: 'broker' },
};

let server: Server | undefined;
afterEach(() => server?.close());

/** An alert evaluator stand-in answering /alerts with `status` and `body`. */
async function evaluator(status: number, body: string): Promise<string> {
  server = createServer((_, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('fetchPlatformAlerts', () => {
  it('passes on the alerts, with only the fields the admin shows', async () => {
    const url = await evaluator(
      200,
      JSON.stringify({ evaluatedAt: 'now', alerts: [firing, { bad: 1 }] }),
    );
    expect(await fetchPlatformAlerts(url)).toEqual({
      ok: true,
      evaluatedAt: 'now',
      alerts: [
        {
          name: 'LegoCityBrokerDown',
          severity: 'critical',
          state: 'firing',
          activeSince: '2026-12-07T09:00:00.000Z',
          summary: 'The broker does not answer',
          runbook: 'docs/runbooks/alerts.md#broker-down',
        },
      ],
    });
  });

  it('says why the alerts are unknown: an error status, a wrong answer, no evaluator', async () => {
    expect(await fetchPlatformAlerts(await evaluator(503, '{}'))).toEqual({
      ok: false,
      error: 'the alert evaluator answered 503',
    });
    server?.close();
    expect(await fetchPlatformAlerts(await evaluator(200, '{"alerts":{}}'))).toEqual({
      ok: false,
      error: 'the alert evaluator answered without an alert list',
    });
    expect(await fetchPlatformAlerts('http://127.0.0.1:1')).toEqual({
      ok: false,
      error: 'the alert evaluator is unreachable',
    });
  });
});

describe('GET /api/platform/alerts', () => {
  const call = (user: unknown) =>
    platformAlertsEndpoint('http://127.0.0.1:1').handler({
      user,
    } as unknown as PayloadRequest) as Promise<Response>;

  it('answers 401 to anonymous visitors', async () => {
    const response = await call(null);
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a signed-in user, never cached', async () => {
    const response = await call({ id: 1, roles: ['viewer'] });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      ok: false,
      error: 'the alert evaluator is unreachable',
    });
  });
});
