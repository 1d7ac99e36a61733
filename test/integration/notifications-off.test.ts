/**
 * LEGOCITY_BROKER_NOTIFICATIONS=false (the restore drill's scratch broker): subscriptions are
 * stored, but no endpoint is ever called — a copy of a city must not notify the real services.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startNotificationSink,
  type NotificationSink,
} from '../../apps/broker/src/testing/notification-sink.js';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers, uniqueTenant } from '../../apps/broker/src/testing/test-database.js';

describe.each(testDrivers())('a broker with notifications off, on %s', (driver) => {
  let off: TestBroker;
  let on: TestBroker;
  let sink: NotificationSink;
  beforeAll(async () => {
    sink = await startNotificationSink();
    // Private databases: a broker sharing one would deliver the other's changes (replicas do).
    off = await startTestBroker(
      driver,
      { LEGOCITY_BROKER_NOTIFICATIONS: 'false' },
      { isPrivate: true },
    );
    on = await startTestBroker(driver, {}, { isPrivate: true });
  });
  afterAll(async () => {
    await off.close();
    await on.close();
    await sink.stop();
  });

  /** Subscribe the sink to Sensor changes in a new tenant, then create one Sensor. */
  const subscribeAndWrite = async (broker: TestBroker, label: string) => {
    const headers = { 'ngsild-tenant': uniqueTenant(label) };
    const created = await broker.request('POST', '/ngsi-ld/v1/subscriptions', {
      headers,
      body: {
        type: 'Subscription',
        entities: [{ type: 'Sensor' }],
        notification: { endpoint: { uri: sink.url } },
      },
    });
    expect(created.status, created.text).toBe(201);
    const write = await broker.request('POST', '/ngsi-ld/v1/entities', {
      headers,
      body: {
        id: `urn:ngsi-ld:Sensor:${label}`,
        type: 'Sensor',
        level: { type: 'Property', value: 1 },
      },
    });
    expect(write.status, write.text).toBe(201);
  };

  it('keeps the subscription but calls no endpoint', async () => {
    await subscribeAndWrite(off, 'off');
    // The broker with notifications on, writing after it, proves the sink would have been called.
    await subscribeAndWrite(on, 'on');
    await expect.poll(() => sink.received.length, { timeout: 10_000 }).toBe(1);
    expect(JSON.stringify(sink.received[0])).toContain('urn:ngsi-ld:Sensor:on');
    // Two more poll periods for a delivery that should never come.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(JSON.stringify(sink.received)).not.toContain('urn:ngsi-ld:Sensor:off');
  });
});
