import { afterEach, describe, expect, it } from 'vitest';
import { createHealth, createMetrics } from '@legocity/observability';
import { startUpdaterServer, type UpdaterServer } from './http-server.js';
import type { SourceReport } from './source-report.js';

function report(overrides: Partial<SourceReport> = {}): SourceReport {
  return {
    id: 'weather',
    title: 'Weather',
    kind: 'polled',
    staleness: 'fresh',
    totals: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
    errors: {},
    outbox: { pending: 0, oldestAgeMs: 0 },
    ...overrides,
  };
}

let server: UpdaterServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(reports: SourceReport[]) {
  server = await startUpdaterServer({
    port: 0,
    host: '127.0.0.1',
    updater: { report: () => reports },
    metrics: createMetrics({ prefix: 'legocity_updaters', collectDefaultMetrics: false }),
    health: createHealth({ version: '1.0.0', commit: 'abc', checks: [] }),
    version: { component: 'updaters', version: '1.0.0', commit: 'abc', startedAt: new Date() },
  });
  return server;
}

describe('startUpdaterServer', () => {
  it('answers /health with every source report, 200 when all are up', async () => {
    const { url } = await start([report()]);
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      sources: [{ id: 'weather', staleness: 'fresh' }],
    });
  });

  it('answers 503 on /health when a source is down or a stream is not ready', async () => {
    const { url } = await start([
      report({ staleness: 'down' }),
      report({ id: 'mqtt', kind: 'stream', ready: { ok: false, detail: 'session lost' } }),
    ]);
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'fail',
      problems: ['source weather is down', 'source mqtt is not ready: session lost'],
    });
    expect((await fetch(`${url}/health/ready`)).status).toBe(503);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });

  it('serves /metrics, /version and 404 elsewhere', async () => {
    const { url } = await start([]);
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toContain('legocity_updaters_metrics_collect_errors_total');
    expect(await (await fetch(`${url}/version`)).json()).toMatchObject({
      component: 'updaters',
      version: '1.0.0',
    });
    expect((await fetch(`${url}/nothing`)).status).toBe(404);
    expect((await fetch(`${url}/health`, { method: 'POST' })).status).toBe(405);
  });
});
