import mqtt, { type MqttClient } from 'mqtt';
import { mqttTopic } from '@legocity/ngsi-ld';
import type { NotificationMessage } from './notification-message.js';

/**
 * MQTT notification senders (§7.2 MQTT binding), one connection per MQTT broker and credentials.
 * The message is JSON with "metadata" (what HTTP would send as headers) and "body" (the
 * Notification); published with the subscription's MQTT-QoS (default 1, acknowledged).
 */
export class MqttSenders {
  private readonly clients = new Map<string, MqttClient>();

  /**
   * Publish one notification; resolves when the MQTT broker acknowledged it (QoS 1/2).
   * @example await senders.send('mqtt://localhost:1883/city/alerts', message, notifierInfo, 10_000)
   */
  async send(
    uri: string,
    message: NotificationMessage,
    notifierInfo: readonly { key: string; value: string }[],
    timeoutMs: number,
  ): Promise<void> {
    const qos = Number(notifierInfo.find((pair) => pair.key === 'MQTT-QoS')?.value ?? '1') as
      0 | 1 | 2;
    const version = notifierInfo.find((pair) => pair.key === 'MQTT-Version')?.value;
    const client = await this.connected(uri, version === 'mqtt5.0' ? 5 : 4, timeoutMs);
    const payload = JSON.stringify({ metadata: message.headers, body: message.body });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no MQTT acknowledgement within ${timeoutMs} ms`)),
        timeoutMs,
      );
      client.publish(mqttTopic(uri), payload, { qos }, (error) => {
        clearTimeout(timer);
        if (error) reject(new Error(`MQTT publish failed: ${error.message}`));
        else resolve();
      });
    });
  }

  async close(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(clients.map((client) => client.endAsync(true).catch(() => undefined)));
  }

  private async connected(
    uri: string,
    protocolVersion: 4 | 5,
    timeoutMs: number,
  ): Promise<MqttClient> {
    const url = new URL(uri);
    const key = `${url.protocol}//${url.username}:${url.password}@${url.host}#${protocolVersion}`;
    let client = this.clients.get(key);
    if (!client) {
      client = mqtt.connect(`${url.protocol}//${url.host}`, {
        protocolVersion,
        ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
        ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
        reconnectPeriod: 1000,
        connectTimeout: 5000,
        // Unacknowledged publishes are not replayed by the client: the outbox retries them.
        queueQoSZero: false,
      });
      // Connection errors surface as failed publishes; the client keeps reconnecting.
      client.on('error', () => undefined);
      this.clients.set(key, client);
    }
    if (client.connected) return client;
    // Wait for the (re)connection, but never queue inside the client: the outbox retries.
    const waiting = client;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          waiting.off('connect', onConnect);
          reject(new Error(`not connected to the MQTT broker ${url.host}`));
        },
        Math.min(timeoutMs, 5000),
      );
      const onConnect = () => {
        clearTimeout(timer);
        resolve();
      };
      waiting.once('connect', onConnect);
    });
    return waiting;
  }
}
