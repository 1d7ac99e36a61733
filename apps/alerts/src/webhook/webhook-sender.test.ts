import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@legocity/observability';
import { captureLines } from '../../../../packages/observability/src/logger/capture-lines.test-support.js';
import type { MessageKind } from '../alerts-metrics.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';
import { heartbeatMessage, type WebhookMessage } from './alertmanager-message.js';
import { WebhookSender, type WebhookSenderOptions } from './webhook-sender.js';

function messageNamed(alertname: string, status: 'firing' | 'resolved' = 'firing'): WebhookMessage {
  return { ...heartbeatMessage(0, 'http://127.0.0.1:4042'), status, groupLabels: { alertname } };
}

describe('WebhookSender', () => {
  let receiver: WebhookReceiver;
  let logs: ReturnType<typeof captureLines>;
  let waits: number[];
  let counts: Record<string, number>;

  const sender = (options: Partial<WebhookSenderOptions> = {}) =>
    new WebhookSender({
      url: receiver.url,
      logger: createLogger({
        component: 'alerts',
        version: 't',
        commit: 't',
        destination: logs.destination,
      }),
      record: {
        delivered: (kind: MessageKind) =>
          void (counts[`delivered:${kind}`] = (counts[`delivered:${kind}`] ?? 0) + 1),
        failed: (kind: MessageKind) =>
          void (counts[`failed:${kind}`] = (counts[`failed:${kind}`] ?? 0) + 1),
        dropped: (kind: MessageKind) =>
          void (counts[`dropped:${kind}`] = (counts[`dropped:${kind}`] ?? 0) + 1),
      },
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      ...options,
    });

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    logs = captureLines();
    waits = [];
    counts = {};
  });
  afterEach(async () => {
    await receiver.close();
  });

  it('posts one message per state change, in order', async () => {
    const webhook = sender();
    webhook.send('firing', messageNamed('A'));
    webhook.send('resolved', messageNamed('A', 'resolved'));
    await webhook.idle();
    expect(receiver.received.map((m) => [m.groupLabels.alertname, m.status])).toEqual([
      ['A', 'firing'],
      ['A', 'resolved'],
    ]);
    expect(counts).toEqual({ 'delivered:firing': 1, 'delivered:resolved': 1 });
  });

  it('retries a failed delivery with a doubling backoff until it is delivered', async () => {
    receiver.failNext(503, 500, 429);
    const webhook = sender();
    webhook.send('firing', messageNamed('A'));
    await webhook.idle();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.attempts).toBe(4);
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    expect(counts).toEqual({ 'failed:firing': 3, 'delivered:firing': 1 });
  });

  it('sends the credentials of a user:password@ URL as basic authentication', async () => {
    const url = new URL(receiver.url);
    url.username = 'alerts';
    url.password = 's3cret';
    const webhook = sender({ url: url.toString() });
    webhook.send('firing', messageNamed('A'));
    await webhook.idle();
    expect(receiver.authorizations).toEqual([
      `Basic ${Buffer.from('alerts:s3cret').toString('base64')}`,
    ]);
  });

  it('drops a message the receiver refuses with a 4xx, and delivers the next', async () => {
    receiver.failNext(400);
    const webhook = sender();
    webhook.send('firing', messageNamed('A'));
    webhook.send('firing', messageNamed('B'));
    await webhook.idle();
    expect(receiver.received.map((m) => m.groupLabels.alertname)).toEqual(['B']);
    expect(counts['dropped:firing']).toBe(1);
  });

  it('never writes the URL or its token to the log', async () => {
    receiver.failNext(503, 400);
    const webhook = sender();
    webhook.send('firing', messageNamed('A'));
    await webhook.idle();
    const { port } = new URL(receiver.url);
    expect(logs.lines.map((line) => line.msg)).toEqual([
      'Webhook delivery failed; retrying with backoff',
      'Webhook receiver refused the message (4xx); it is dropped',
    ]);
    expect(logs.text()).not.toContain('receiver-token-123');
    expect(logs.text()).not.toContain('/hooks/');
    expect(logs.text()).not.toContain(port);
  });

  it('keeps only the newest heartbeat waiting behind a failing delivery', async () => {
    let release: (() => void) | undefined;
    receiver.failNext(503);
    const webhook = sender({
      sleep: () => new Promise<void>((resolve) => (release = resolve)),
    });
    webhook.send('firing', messageNamed('A'));
    await waitUntil(() => release !== undefined);
    webhook.send('heartbeat', messageNamed('heartbeat-1'));
    webhook.send('heartbeat', messageNamed('heartbeat-2'));
    expect(webhook.pending).toBe(2);
    release?.();
    await webhook.idle();
    expect(receiver.received.map((m) => m.groupLabels.alertname)).toEqual(['A', 'heartbeat-2']);
  });

  it('gives up at the shutdown deadline and says how many messages were not delivered', async () => {
    receiver.failNext(...Array.from({ length: 1000 }, () => 503));
    const webhook = sender({ sleep: (ms, signal) => abortableWait(ms, signal) });
    webhook.send('firing', messageNamed('A'));
    webhook.send('heartbeat', messageNamed('heartbeat'));
    await waitUntil(() => receiver.attempts >= 1);
    expect(await webhook.close(300)).toBe(1);
    webhook.send('firing', messageNamed('after close'));
    expect(webhook.pending).toBe(1);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
