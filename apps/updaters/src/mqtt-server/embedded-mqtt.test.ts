import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { startEmbeddedMqtt } from './embedded-mqtt.js';

const connect = (url: string, clientId: string) =>
  mqtt.connectAsync(url, { clientId, clean: false, protocolVersion: 4, reconnectPeriod: 0 });

describe('startEmbeddedMqtt', () => {
  it('keeps a persistent session and its queued QoS 1 messages across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'embedded-mqtt-'));
    let broker = await startEmbeddedMqtt({ port: 0, dataDir });
    const subscriber = await connect(broker.url, 'sub-1');
    await subscriber.subscribeAsync('city/#', { qos: 1 });
    await subscriber.endAsync();
    const publisher = await connect(broker.url, 'pub-1');
    await publisher.publishAsync('city/a', 'while away', { qos: 1 });
    await publisher.endAsync();
    const port = Number(new URL(broker.url).port);
    await broker.close();

    broker = await startEmbeddedMqtt({ port, dataDir });
    const received: string[] = [];
    const back = mqtt.connect(broker.url, {
      clientId: 'sub-1',
      clean: false,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    back.on('message', (_topic, payload) => received.push(payload.toString()));
    const connack = await new Promise<{ sessionPresent: boolean }>((resolve) =>
      back.once('connect', resolve),
    );
    await expect.poll(() => received).toEqual(['while away']);
    expect(connack.sessionPresent).toBe(true);
    await back.endAsync();
    await broker.close();
  });

  it('refuses to start on a port already taken, naming the cause', async () => {
    const first = await startEmbeddedMqtt({ port: 0 });
    const port = Number(new URL(first.url).port);
    await expect(startEmbeddedMqtt({ port })).rejects.toThrow(/EADDRINUSE/);
    await first.close();
  });
});
