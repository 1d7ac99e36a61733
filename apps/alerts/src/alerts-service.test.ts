import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@legocity/observability';
import { captureLines } from '../../../packages/observability/src/logger/capture-lines.test-support.js';
import { startAlertsService, type AlertsService } from './alerts-service.js';
import { readAlertsConfig } from './config.js';
import type { AlertsView } from './evaluate/alerts-view.js';
import { startFakeTarget, type FakeTarget } from './testing/fake-target.js';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver.js';

const START = Date.parse('2026-11-23T08:00:00Z');
const STEP = 15_000;
const BROKER_METRICS = [
  '# TYPE legocity_broker_http_requests_total counter',
  'legocity_broker_http_requests_total{method="GET",route="/ngsi-ld/v1/entities",status="200"} 10',
  '# TYPE legocity_broker_entities gauge',
  'legocity_broker_entities{tenant="default",type="Vehicle"} 40',
  'legocity_broker_entity_count_failures_total 0',
  '',
].join('\n');

describe('the alerts service, end to end against components serving /metrics', () => {
  let broker: FakeTarget;
  let updaters: FakeTarget;
  let dashboard: FakeTarget;
  let receiver: WebhookReceiver;
  let dir: string;
  let service: AlertsService;
  let logs: ReturnType<typeof captureLines>;
  let clock: number;

  const get = async (path: string) => {
    const response = await fetch(new URL(path, service.server.url));
    return { status: response.status, text: await response.text() };
  };
  const alerts = async () => JSON.parse((await get('/alerts')).text) as AlertsView;
  /** Runs rounds every 15 s of fake time for `ms`. */
  const runFor = async (ms: number) => {
    for (let end = clock + ms; clock < end;) {
      clock += STEP;
      await service.tick(clock);
    }
  };

  beforeEach(async () => {
    broker = await startFakeTarget(BROKER_METRICS);
    updaters = await startFakeTarget(
      'legocity_updaters_errors_total{source="weather",kind="timeout",class="retryable"} 0\n',
    );
    dashboard = await startFakeTarget(
      'legocity_dashboard_http_requests_total{method="GET",route="/api/data/x",status="200"} 1\n',
    );
    receiver = await startWebhookReceiver();
    dir = await mkdtemp(join(tmpdir(), 'legocity-alerts-'));
    logs = captureLines();
    clock = START;
    const loaded = readAlertsConfig({
      LEGOCITY_ALERTS_PORT: '0',
      LEGOCITY_ALERTS_BROKER_URL: broker.url,
      LEGOCITY_ALERTS_UPDATERS_URL: updaters.url,
      LEGOCITY_ALERTS_DASHBOARD_URL: dashboard.url,
      LEGOCITY_ALERTS_WEBHOOK_URL: receiver.url,
      LEGOCITY_ALERTS_HEARTBEAT_INTERVAL: '5m',
      LEGOCITY_ALERTS_DATA_DIR: dir,
      LEGOCITY_ALERTS_BACKUP_DIR: join(dir, 'backups'),
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    service = await startAlertsService({
      config: loaded.value,
      logger: createLogger({
        component: 'alerts',
        version: 't',
        commit: 't',
        destination: logs.destination,
      }),
      version: 'test',
      commit: 'test',
      now: () => clock,
      sleep: () => Promise.resolve(),
      memory: () => ({ availableBytes: 4e9, totalBytes: 8e9, availableRatio: 0.5 }),
      disk: (folders) =>
        Promise.resolve([
          { folder: folders[0] ?? '', availableBytes: 5e10, totalBytes: 1e11, availableRatio: 0.5 },
        ]),
    });
  });

  afterEach(async () => {
    await service.close(1_000);
    await Promise.all([broker.close(), updaters.close(), dashboard.close(), receiver.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('is ready only once it has evaluated the rules', async () => {
    expect((await get('/health/ready')).status).toBe(503);
    expect((await get('/health/live')).status).toBe(200);
    await service.tick(clock);
    expect((await get('/health/ready')).status).toBe(200);
    expect(JSON.parse((await get('/version')).text)).toMatchObject({ component: 'alerts' });
  });

  it('shows every target up and no alert when all is well', async () => {
    await service.tick(clock);
    expect(await alerts()).toEqual({
      evaluatedAt: '2026-11-23T08:00:00.000Z',
      targets: [
        { name: 'broker', url: broker.url, up: true, lastScrapeAt: '2026-11-23T08:00:00.000Z' },
        { name: 'updaters', url: updaters.url, up: true, lastScrapeAt: '2026-11-23T08:00:00.000Z' },
        {
          name: 'dashboard',
          url: dashboard.url,
          up: true,
          lastScrapeAt: '2026-11-23T08:00:00.000Z',
        },
      ],
      alerts: [],
    });
  });

  it('fires LegoCityBrokerDown two minutes after the broker stops answering, and resolves it', async () => {
    await service.tick(clock);
    broker.setStatus(503);
    await runFor(STEP);
    const pending = await alerts();
    expect(pending.targets[0]).toMatchObject({
      name: 'broker',
      up: false,
      error: '/metrics answered HTTP 503',
    });
    expect(pending.alerts).toEqual([
      {
        name: 'LegoCityBrokerDown',
        severity: 'critical',
        state: 'pending',
        activeSince: '2026-11-23T08:00:15.000Z',
        summary: `The broker on ${new URL(broker.url).host} is down`,
        description: expect.stringContaining('has not answered /metrics for 2 minutes') as string,
        runbook: 'docs/runbooks/alerts.md#broker-down',
        labels: { job: 'legocity-broker', instance: new URL(broker.url).host },
      },
    ]);
    await runFor(2 * 60_000);
    expect((await alerts()).alerts).toMatchObject([
      { name: 'LegoCityBrokerDown', state: 'firing' },
    ]);
    const metrics = (await get('/metrics')).text;
    expect(metrics).toContain(
      'legocity_alerts_firing{alertname="LegoCityBrokerDown",severity="critical"} 1',
    );
    expect(metrics).toContain('legocity_alerts_target_up{target="broker"} 0');
    const logged = logs.lines.find((line) => line.alert === 'LegoCityBrokerDown');
    expect(logged).toMatchObject({ severity: 'warn', alertSeverity: 'critical' });

    broker.setStatus(200);
    await runFor(STEP);
    expect((await alerts()).alerts).toEqual([]);
    const changes = receiver.received.filter(
      (m) => m.commonLabels.alertname === 'LegoCityBrokerDown',
    );
    expect(changes.map((m) => m.status)).toEqual(['firing', 'resolved']);
    expect(changes[0]?.alerts[0]?.startsAt).toBe('2026-11-23T08:02:15.000Z');
  });

  it('sends a heartbeat at start and every heartbeat interval', async () => {
    await service.tick(clock);
    await runFor(10 * 60_000);
    await service.close(1_000);
    const beats = receiver.received.filter((m) => m.commonLabels.alertname === 'LegoCityHeartbeat');
    expect(beats).toHaveLength(3);
    expect(beats.every((m) => m.status === 'firing')).toBe(true);
  });

  it('exports disk, memory and the time of the last backup', async () => {
    await service.tick(clock);
    let metrics = (await get('/metrics')).text;
    expect(metrics).toContain(`legocity_alerts_disk_available_ratio{folder="${dir}"} 0.5`);
    expect(metrics).toContain('legocity_alerts_memory_available_ratio 0.5');
    expect(metrics).not.toMatch(/^legocity_alerts_backup_last_success_timestamp_seconds/m);
    await mkdir(join(dir, 'backups'));
    await writeFile(
      join(dir, 'backups', 'last-backup.json'),
      JSON.stringify({ finishedAt: '2026-11-23T02:00:00Z', archive: 'city.tar.gz', ok: true }),
    );
    metrics = (await get('/metrics')).text;
    expect(metrics).toContain(
      `legocity_alerts_backup_last_success_timestamp_seconds{folder="${join(dir, 'backups')}"} ${Date.parse('2026-11-23T02:00:00Z') / 1000}`,
    );
  });

  it('never shows the webhook URL or its token, in logs, answers or metrics', async () => {
    receiver.failNext(503, 500);
    await service.tick(clock);
    await runFor(STEP);
    const everything = [
      logs.text(),
      (await get('/alerts')).text,
      (await get('/metrics')).text,
      (await get('/health')).text,
    ].join('\n');
    expect(everything).not.toContain('receiver-token-123');
    expect(everything).not.toContain(new URL(receiver.url).port);
  });
});
