/**
 * No measure is lost when the update server is killed under load: a publisher sends 1,000 QoS 1
 * messages/s to Mosquitto while the update server (a child process) is killed with SIGKILL for
 * 3 s and started again. Every message makes its own entity, so the broker must end with exactly
 * as many entities as Mosquitto acknowledged to the publisher. The control runs the same with a
 * Mosquitto whose per-client queue is too small (max_queued_messages 100) and must see the loss,
 * which shows the check can fail. Both run the Debian `mosquitto` binary with their own config.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  publishCounterLoad,
  counterDevicesFile,
} from '../../apps/updaters/src/testing/mqtt-load.js';
import { startMosquitto } from '../../apps/updaters/src/testing/mqtt-mosquitto.js';
import {
  countEntities,
  startMqttTestBroker,
} from '../../apps/updaters/src/testing/mqtt-test-broker.js';
import {
  startMqttUpdater,
  type MqttUpdaterProcess,
} from '../../apps/updaters/src/testing/mqtt-updater-process.js';

const RATE = 1_000;
const DURATION_MS = 9_000;
const KILL_AFTER_MS = 3_000;
const AWAY_MS = 3_000;

/** Run the load with one kill, and return how many messages the broker is missing. */
async function lossWithKill(
  maxQueuedMessages: number,
): Promise<{ published: number; stored: number; mosquittoLog: string }> {
  const mosquitto = await startMosquitto({ maxQueuedMessages });
  const broker = await startMqttTestBroker(['Counter']);
  const children: MqttUpdaterProcess[] = [];
  try {
    const dir = await mkdtemp(join(tmpdir(), 'mqtt-kill-'));
    const devicesFile = join(dir, 'devices.json');
    await writeFile(devicesFile, JSON.stringify(counterDevicesFile(0, true)));
    const prefix = `kill-${maxQueuedMessages}-${process.pid}`;
    const env = {
      LEGOCITY_UPDATERS_MQTT_URL: mosquitto.url,
      LEGOCITY_UPDATERS_MQTT_CLIENT_ID: `legocity-kill-${prefix}`,
      LEGOCITY_UPDATERS_MQTT_TOPIC_PREFIX: prefix,
      LEGOCITY_UPDATERS_MQTT_DEVICES: devicesFile,
      LEGOCITY_UPDATERS_MQTT_STATE_DIR: join(dir, 'state'),
      LEGOCITY_TEST_BROKER_URL: broker.url,
      LEGOCITY_TEST_TENANT: broker.tenant,
      LEGOCITY_TEST_WRITE_KEY: broker.writeKey,
      LEGOCITY_TEST_DATA_DIR: join(dir, 'data'),
    };
    const first = startMqttUpdater(env);
    children.push(first);
    await first.ready();

    const load = publishCounterLoad({
      url: mosquitto.url,
      messagesPerSecond: RATE,
      durationMs: DURATION_MS,
      topicPrefix: prefix,
    });
    await sleep(KILL_AFTER_MS);
    await first.kill();
    expect(first.stats()?.received).toBeGreaterThan(0);
    await sleep(AWAY_MS);
    const second = startMqttUpdater(env);
    children.push(second);
    await second.ready();
    const { published, failed } = await load;
    expect(failed).toBe(0);

    const stored = await settledCount(() => countEntities(broker, 'Counter'), published, second);
    await second.stop();
    return { published, stored, mosquittoLog: await mosquitto.output() };
  } finally {
    for (const child of children) await child.kill();
    await mosquitto.stop();
    await broker.close();
  }
}

/** The count once it reaches `expected`, or once nothing is left in flight and it stopped moving. */
async function settledCount(
  count: () => Promise<number>,
  expected: number,
  updater: MqttUpdaterProcess,
): Promise<number> {
  const deadline = Date.now() + 120_000;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const now = await count();
    if (now >= expected) return now;
    if (now !== last) [last, stableSince] = [now, Date.now()];
    const stats = updater.stats();
    const isIdle = stats !== undefined && stats.pending === 0 && stats.outboxPending === 0;
    if ((isIdle && Date.now() - stableSince > 5_000) || Date.now() > deadline) return now;
    await sleep(500);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('MQTT source killed under load', () => {
  it('loses nothing when killed for 3 s at 1,000 messages/s', async () => {
    const { published, stored } = await lossWithKill(100_000);
    expect(published).toBe((RATE * DURATION_MS) / 1000);
    expect(published - stored).toBe(0);
  }, 240_000);

  it('control: the same check sees the loss when Mosquitto queues too little (max_queued_messages 100)', async () => {
    const { published, stored, mosquittoLog } = await lossWithKill(100);
    expect(published - stored).toBeGreaterThan(0);
    expect(mosquittoLog).toMatch(/Outgoing messages are being dropped/);
  }, 240_000);
});
