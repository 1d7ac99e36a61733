import type { EntityBody } from '@legocity/broker-client';
import {
  PermanentError,
  isRetryable,
  type StreamContext,
  type StreamSource,
} from '@legocity/updater-runtime';
import type { MqttConfig } from './config.js';
import { deriveContracts } from './contracts.js';
import { createDeviceRegistry, staticEntity } from './device-registry.js';
import type { DevicesFile } from './devices.js';
import { toEntityFragments } from './measure.js';
import { messages } from './messages.js';
import {
  openMqttSession,
  type MqttSession,
  type MqttSessionOptions,
  type ReceivedMessage,
} from './mqtt-session.js';
import { sessionMarker } from './session-marker.js';
import { measureTopicFilters, parseDeviceTopic } from './topic.js';
import { createWriteQueue, type WriteQueue } from './write-queue.js';

/** Counters of the MQTT source since it started (also in /health through `ready().detail`). */
export interface MqttSourceStats {
  /** Messages taken from the MQTT broker. */
  received: number;
  /** Messages acknowledged (PUBACK sent) after their measures were queued or refused. */
  acknowledged: number;
  /** Messages refused whole: unknown device, not JSON, not a measure topic. */
  refused: number;
  /** Times the MQTT broker had forgotten our session (queued measures may be lost). */
  sessionsLost: number;
  /** Messages taken but not yet acknowledged. */
  pending: number;
}

/** The MQTT sensors source: a StreamSource with its own counters. */
export interface MqttSource extends StreamSource {
  stats(): MqttSourceStats;
}

export interface MqttSourceOptions {
  /** Source id (names metrics and the write key); default "mqtt". */
  id?: string;
  /** Most entities handed to the runtime in one write; default 1000. */
  maxBatch?: number;
  /** Replaces the MQTT connection (tests). */
  openSession?: (options: MqttSessionOptions) => Promise<MqttSession>;
}

const STOP_TIMEOUT_MS = 10_000;

/**
 * MQTT sensors like a FIWARE IoT Agent: measures on `<prefix>/<deviceId>/attrs` become attribute
 * updates of the device's entity, with their own observation time. QoS 1 over a persistent
 * session; each message is acknowledged only once `context.write` resolved (its entities are in
 * the durable outbox), so a kill of the update server loses nothing the MQTT broker still holds.
 * @example const source = createMqttSource(config, devicesFile); // handed to the runtime
 */
export function createMqttSource(
  config: MqttConfig,
  file: DevicesFile,
  options: MqttSourceOptions = {},
): MqttSource {
  const contracts = deriveContracts(file);
  const counts = { received: 0, acknowledged: 0, refused: 0 };
  let session: MqttSession | undefined;
  let queue: WriteQueue<EntityBody[]> | undefined;
  let stopping: AbortController | undefined;
  const host = new URL(config.url).host;

  return {
    kind: 'stream',
    id: options.id ?? 'mqtt',
    title: `MQTT sensors on ${host} (${config.topicPrefix}/…)`,
    entityTypes: contracts.map((contract) => contract.type),
    contracts,
    periodMs: config.periodMs,
    graceMs: config.graceMs,

    async start(context: StreamContext) {
      stopping = new AbortController();
      const signal = AbortSignal.any([context.signal, stopping.signal]);
      const registry = createDeviceRegistry(file, {
        autoProvision: config.autoProvision ?? file.autoProvision,
      });
      const writeQueue = createWriteQueue<EntityBody[]>({
        maxBatch: options.maxBatch ?? 1000,
        signal,
        write: (batch) => writeBatch(context, batch.flat()),
        onRetry: (error, delayMs) =>
          context.log.warn({ err: error, delayMs }, 'MQTT measures not queued yet: retrying'),
      });
      queue = writeQueue;
      // Static attributes of provisioned devices, written once per start (replays change nothing).
      const statics = registry.staticEntities();
      if (statics.length > 0) writeQueue.push({ input: statics, acknowledge: () => undefined });

      const refuse = (message: ReceivedMessage, error: Error) => {
        counts.refused += 1;
        context.reportError(error);
        writeQueue.push({ input: [], acknowledge: () => acknowledge(message) });
      };
      const acknowledge = (message: ReceivedMessage) => {
        counts.acknowledged += 1;
        message.acknowledge();
      };
      const onMessage = (message: ReceivedMessage) => {
        // Not acknowledged: the MQTT broker sends it again to our next connection.
        if (signal.aborted) return;
        counts.received += 1;
        const address = parseDeviceTopic(message.topic, config.topicPrefix);
        if (!address)
          return refuse(
            message,
            new PermanentError('parse', messages.notMeasureTopic(message.topic)),
          );
        const lookup = registry.resolve(message.topic, address);
        if (!lookup.ok) return refuse(message, lookup.error);
        const measure = toEntityFragments({
          topic: message.topic,
          payload: message.payload,
          device: lookup.device,
          deviceType: lookup.deviceType,
          receivedAt: context.now(),
        });
        for (const problem of measure.problems) context.reportError(problem);
        if (measure.fragments.length === 0 && measure.problems.length > 0) counts.refused += 1;
        const entities =
          lookup.isNew && Object.keys(lookup.device.staticAttributes).length > 0
            ? [staticEntity(lookup.device, lookup.deviceType), ...measure.fragments]
            : measure.fragments;
        writeQueue.push({ input: entities, acknowledge: () => acknowledge(message) });
      };

      session = await (options.openSession ?? openMqttSession)({
        url: config.url,
        clientId: config.clientId,
        username: config.username,
        password: config.password,
        topicFilters: measureTopicFilters(config.topicPrefix),
        protocol: config.protocol,
        receiveMaximum: config.receiveMaximum,
        sessionExpirySeconds: Math.round(config.sessionExpiry / 1000),
        marker: sessionMarker(config.stateDir, host, config.clientId),
        log: context.log,
        onMessage,
        onSessionLost: () =>
          context.reportError(new PermanentError('mqtt-session-lost', messages.sessionLost())),
      });
    },

    async stop() {
      // Take no more input, let the batch being written finish (its PUBACKs go out), then leave.
      stopping?.abort();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        queue?.idle(),
        new Promise((resolve) => (timer = setTimeout(resolve, STOP_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
      await session?.close();
      session = undefined;
    },

    ready() {
      if (!session) return { ok: false, detail: 'MQTT not started' };
      const lost = session.sessionsLost > 0 ? `; ${session.sessionsLost} lost session(s)` : '';
      return session.isConnected
        ? { ok: true, detail: `MQTT connected to ${host}${lost}` }
        : {
            ok: false,
            detail: `MQTT not connected to ${host}${session.lastError ? `: ${session.lastError}` : ''}${lost}`,
          };
    },

    stats() {
      return {
        ...counts,
        sessionsLost: session?.sessionsLost ?? 0,
        pending: queue?.pending ?? 0,
      };
    },
  };
}

/**
 * Hand entities to the runtime. A PermanentError (some entity breaks its contract) still stored
 * the valid ones: reported, and the messages are acknowledged. Anything else is retried.
 */
async function writeBatch(context: StreamContext, entities: EntityBody[]): Promise<void> {
  if (entities.length === 0) return;
  try {
    await context.write(entities);
  } catch (error) {
    if (isRetryable(error) || !(error instanceof PermanentError)) throw error;
    context.reportError(error);
  }
}
