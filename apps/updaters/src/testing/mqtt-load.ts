import mqtt from 'mqtt';

export interface CounterLoadOptions {
  url: string;
  messagesPerSecond: number;
  durationMs: number;
  topicPrefix?: string;
  /** observedAt of message n is `startAt + n` ms, so it grows per device whatever the clock does. */
  startAt?: number;
}

export interface CounterLoadResult {
  /** Messages the Mosquitto acknowledged (PUBACK): all of them must arrive. */
  published: number;
  failed: number;
}

/**
 * Publish messages `{ "c": n, "observedAt": … }` for n = 0, 1, 2 … at QoS 1, paced, each from its
 * own auto-provisioned device `m-<n>` (topic `<prefix>/counter/m-<n>/attrs`), so each message
 * makes one entity `urn:ngsi-ld:Counter:m-<n>`: the broker must end with exactly as many Counter
 * entities as messages were published. (One entity per message, because the runtime merges
 * updates of one entity queued together: a history of one counter could not tell a merge from a
 * loss.)
 * @example const result = await publishCounterLoad({ url, messagesPerSecond: 1000, durationMs: 9000 })
 */
export async function publishCounterLoad(options: CounterLoadOptions): Promise<CounterLoadResult> {
  const prefix = options.topicPrefix ?? 'legocity/devices';
  const startAt = options.startAt ?? Date.now();
  const client = await mqtt.connectAsync(options.url, {
    clientId: `counter-publisher-${process.pid}-${Date.now()}`,
    protocolVersion: 5,
    clean: true,
    reconnectPeriod: 500,
  });
  const total = Math.round((options.messagesPerSecond * options.durationMs) / 1000);
  const started = Date.now();
  let published = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();
  for (let n = 0; n < total; n += 1) {
    const due = started + (n * 1000) / options.messagesPerSecond;
    const wait = due - Date.now();
    if (wait > 5) await new Promise((resolve) => setTimeout(resolve, wait));
    const payload = JSON.stringify({ c: n, observedAt: new Date(startAt + n).toISOString() });
    const sending: Promise<void> = client
      .publishAsync(`${prefix}/counter/m-${n}/attrs`, payload, { qos: 1 })
      .then(
        () => void (published += 1),
        () => void (failed += 1),
      )
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }
  await Promise.all(inFlight);
  await client.endAsync();
  return { published, failed };
}

/**
 * The provisioning file of the counter devices `counter-0` … (device type "counter", entity type
 * Counter, object `c` → attribute `counter`); `autoProvision` admits `m-<n>` devices too.
 */
export function counterDevicesFile(devices: number, autoProvision = false): unknown {
  return {
    autoProvision,
    deviceTypes: {
      counter: {
        entityType: 'Counter',
        entityIdPrefix: 'urn:ngsi-ld:Counter:',
        attributes: [{ object: 'c', name: 'counter', valueType: 'integer' }],
      },
    },
    devices: Array.from({ length: devices }, (_, i) => ({
      deviceId: `counter-${i}`,
      deviceType: 'counter',
    })),
  };
}
