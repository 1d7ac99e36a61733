import { describe, expect, it } from 'vitest';
import { createMetrics } from './create-metrics.js';

describe('createMetrics', () => {
  it('renders Prometheus text with prefixed default process metrics', async () => {
    const metrics = createMetrics({ prefix: 'legocity_broker' });
    const { contentType, body } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain('# TYPE legocity_broker_process_cpu_seconds_total counter');
    expect(body).toContain('legocity_broker_nodejs_eventloop_lag_seconds');
  });

  it('keeps two registries apart, so two servers in one process do not collide', async () => {
    const broker = createMetrics({ prefix: 'legocity_broker', collectDefaultMetrics: false });
    const updaters = createMetrics({ prefix: 'legocity_updaters', collectDefaultMetrics: false });
    broker.observeHttpRequest({ method: 'GET', route: '/health', status: 200, durationSeconds: 0 });
    expect((await updaters.render()).body).not.toContain('legocity_broker');
  });

  it('counts requests by method, route and status and records their duration', async () => {
    const metrics = createMetrics({ prefix: 'legocity_broker', collectDefaultMetrics: false });
    const route = '/ngsi-ld/v1/entities/:entityId';
    metrics.observeHttpRequest({ method: 'get', route, status: 200, durationSeconds: 0.003 });
    metrics.observeHttpRequest({ method: 'GET', route, status: 200, durationSeconds: 0.2 });
    metrics.observeHttpRequest({ method: 'BREW', route: '', status: 404, durationSeconds: 0.001 });
    const { body } = await metrics.render();
    expect(body).toContain(
      `legocity_broker_http_requests_total{method="GET",route="${route}",status="200"} 2`,
    );
    expect(body).toContain(
      'legocity_broker_http_requests_total{method="OTHER",route="unmatched",status="404"} 1',
    );
    expect(body).toContain(
      `legocity_broker_http_request_duration_seconds_bucket{le="0.005",method="GET",route="${route}"} 1`,
    );
    expect(body).toContain(
      `legocity_broker_http_request_duration_seconds_bucket{le="5",method="GET",route="${route}"} 2`,
    );
  });

  it('tracks requests in flight until each one finishes, once', async () => {
    const metrics = createMetrics({ prefix: 'legocity_broker', collectDefaultMetrics: false });
    const first = metrics.startHttpRequest();
    const second = metrics.startHttpRequest();
    first();
    first();
    expect((await metrics.http.requestsInFlight.get()).values[0]?.value).toBe(1);
    second();
    expect((await metrics.http.requestsInFlight.get()).values[0]?.value).toBe(0);
  });

  it('registers more instruments under the prefix, with a gauge filled at scrape time', async () => {
    const metrics = createMetrics({ prefix: 'legocity_broker', collectDefaultMetrics: false });
    metrics.gauge({
      name: 'entities',
      help: 'Entities stored, by tenant and type.',
      labelNames: ['tenant', 'type'],
      collect: (gauge) => {
        gauge.set({ tenant: 'city', type: 'Device' }, 42);
      },
    });
    metrics.counter({ name: 'write_failures_total', help: 'Failed writes.' }).inc();
    metrics.histogram({ name: 'batch_size', help: 'Entities per batch.', buckets: [10, 100] });
    const { body } = await metrics.render();
    expect(body).toContain('legocity_broker_entities{tenant="city",type="Device"} 42');
    expect(body).toContain('legocity_broker_write_failures_total 1');
    expect(body).toContain('legocity_broker_batch_size_bucket{le="100"} 0');
  });

  it('still answers a scrape when a collect callback fails, and counts the failure', async () => {
    const failures: string[] = [];
    const metrics = createMetrics({
      prefix: 'legocity_broker',
      collectDefaultMetrics: false,
      onCollectError: (metric) => failures.push(metric),
    });
    metrics.gauge({
      name: 'entities',
      help: 'Entities stored.',
      collect: () => Promise.reject(new Error('database down')),
    });
    const { body } = await metrics.render();
    expect(body).toContain('legocity_broker_http_requests_in_flight 0');
    expect(failures).toEqual(['legocity_broker_entities']);
    // Scrapes read metrics concurrently, so the count shows from the next scrape on.
    const errors = metrics.registry.getSingleMetricAsString(
      'legocity_broker_metrics_collect_errors_total',
    );
    expect(await errors).toContain('{metric="legocity_broker_entities"} 1');
  });

  it.each([
    ['counter', { name: 'write_failures', help: 'x' }, /must end in _total/],
    ['gauge', { name: 'entities_total', help: 'x' }, /only counters end in _total/],
    ['gauge', { name: 'Entities', help: 'x' }, /lower snake_case/],
    ['gauge', { name: 'entities', help: 'x', labelNames: ['entityId'] }, /label 'entityId'/],
    ['histogram', { name: 'latency_seconds', help: 'x', labelNames: ['correlation_id'] }, /ids/],
  ] as const)('refuses a %s breaking the naming rules: %j', (kind, options, message) => {
    const metrics = createMetrics({ prefix: 'legocity_broker', collectDefaultMetrics: false });
    expect(() => metrics[kind](options)).toThrow(message);
  });
});
