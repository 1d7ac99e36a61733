import mqtt, { type IConnackPacket, type IPublishPacket, type MqttClient } from 'mqtt';
import type { Logger } from '@legocity/observability';
import type { SessionMarker } from './session-marker.js';
import { messages } from './messages.js';

/** One message taken from the MQTT broker; `acknowledge` sends its PUBACK (QoS 1). */
export interface ReceivedMessage {
  topic: string;
  payload: Buffer;
  acknowledge(): void;
}

export interface MqttSessionOptions {
  url: string;
  clientId: string;
  username?: string | undefined;
  password?: string | undefined;
  topicFilters: string[];
  /** MQTT version; 'auto' tries 5 and falls back to 3.1.1 when the broker refuses 5. */
  protocol: 'auto' | '5' | '3.1.1';
  /** MQTT 5 Receive Maximum: unacknowledged QoS 1 messages the broker may send at once. */
  receiveMaximum: number;
  /** How long the broker keeps the session (and queues for it) while we are away, in seconds. */
  sessionExpirySeconds: number;
  marker: SessionMarker;
  log: Logger;
  onMessage(message: ReceivedMessage): void;
  /** Called once per lost session (see MqttSession.sessionsLost). */
  onSessionLost(): void;
}

/** A persistent MQTT 5 session that hands over messages and acknowledges them when told to. */
export interface MqttSession {
  readonly isConnected: boolean;
  /** Sessions the broker forgot while we expected it to keep them. */
  readonly sessionsLost: number;
  /** Last connection problem, for readiness details. */
  readonly lastError: string | undefined;
  close(): Promise<void>;
}

const MIN_RECONNECT_MS = 500;
const MAX_RECONNECT_MS = 30_000;

/**
 * Connect with a stable client id, Clean Start = false and a Session Expiry Interval, so the
 * broker queues QoS 1 measures while we are away; subscribe at QoS 1; reconnect with backoff.
 *
 * Acknowledgement: mqtt.js 5 calls `client.handleMessage(packet, callback)` for each PUBLISH and
 * sends the PUBACK from that callback; it handles the next packet only after the callback
 * ("Handle messages with backpressure support, one at a time", mqtt.js README,
 * `MqttClient#handleMessage`; build/lib/handlers/publish.js). Waiting there for each write would
 * allow one message per write. Instead the callback is called at once with an error, which makes
 * mqtt.js skip its own PUBACK (publish.js: `if (err) return done(err)`) and read on, and the
 * PUBACK is sent by `acknowledge()` once the message is durably queued, through the client's
 * packet writer `_sendPacket` (private in mqtt.js 5.16: checked again on upgrades by the tests).
 * A PUBACK is only sent on the connection its PUBLISH came on: after a reconnect the broker
 * sends unacknowledged messages again (MQTT 5.0 §4.4), and the runtime drops the duplicates.
 */
export async function openMqttSession(options: MqttSessionOptions): Promise<MqttSession> {
  let expectSession = await options.marker.exists();
  let sessionsLost = 0;
  let lastError: string | undefined;
  let reconnectMs = MIN_RECONNECT_MS;
  let isSubscribed = false;
  let protocolVersion: 4 | 5 = options.protocol === '3.1.1' ? 4 : 5;

  const subscribe = async (current: MqttClient): Promise<void> => {
    const filters = Object.fromEntries(
      options.topicFilters.map((filter) => [filter, { qos: 1 as const, rh: 1 }]),
    );
    try {
      await current.subscribeAsync(filters);
    } catch (error) {
      lastError = `subscription refused: ${(error as Error).message}`;
      options.log.error({ err: error }, 'MQTT subscription failed');
    }
  };

  const open = (): MqttClient => {
    const current = mqtt.connect(options.url, {
      protocolVersion,
      clientId: options.clientId,
      clean: false,
      manualConnect: true,
      ...(options.username !== undefined && { username: options.username }),
      ...(options.password !== undefined && { password: options.password }),
      // MQTT 5 ends a session at disconnect unless it has an expiry; 3.1.1 keeps it until cleaned.
      ...(protocolVersion === 5 && {
        properties: {
          sessionExpiryInterval: options.sessionExpirySeconds,
          receiveMaximum: options.receiveMaximum,
        },
      }),
      reconnectPeriod: MIN_RECONNECT_MS,
      connectTimeout: 10_000,
      // Subscriptions live in the broker's session; mqtt.js renews them when it was lost.
      resubscribe: true,
    });
    current.handleMessage = (packet: IPublishPacket, callback: (error?: Error) => void) => {
      const stream = current.stream;
      const messageId = packet.messageId;
      const isAcknowledged = packet.qos > 0 && messageId !== undefined;
      options.onMessage({
        topic: packet.topic,
        payload: typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload,
        acknowledge: () => {
          if (isAcknowledged && current.connected && current.stream === stream)
            sendPuback(current, messageId);
        },
      });
      callback(isAcknowledged ? DEFERRED : undefined);
    };
    current.on('connect', (connack: IConnackPacket) => {
      reconnectMs = MIN_RECONNECT_MS;
      current.options.reconnectPeriod = reconnectMs;
      lastError = undefined;
      const isSessionPresent = connack.sessionPresent;
      if (!isSessionPresent && expectSession) {
        sessionsLost += 1;
        options.log.warn({ clientId: options.clientId, sessionsLost }, messages.sessionLost());
        options.onSessionLost();
      }
      options.log.info(
        { clientId: options.clientId, isSessionPresent, protocolVersion },
        'MQTT connected',
      );
      if (!expectSession) {
        expectSession = true;
        options.marker
          .record()
          .catch((error: unknown) =>
            options.log.error({ err: error }, 'MQTT session marker cannot be written'),
          );
      }
      // Later connections: the session keeps the subscriptions, or mqtt.js renews them.
      if (!isSubscribed) {
        isSubscribed = true;
        void subscribe(current);
      }
    });
    current.on('close', () => {
      // mqtt.js schedules the next attempt with the period in force; lengthen the one after.
      reconnectMs = Math.min(reconnectMs * 2, MAX_RECONNECT_MS);
      current.options.reconnectPeriod = Math.round(reconnectMs * (0.5 + Math.random() / 2));
    });
    current.on('error', (error: Error & { code?: unknown }) => {
      lastError = error.message;
      if (protocolVersion === 5 && options.protocol === 'auto' && isUnsupportedVersion(error)) {
        // An MQTT 3.1.1 broker (e.g. the embedded aedes): speak its version from now on.
        protocolVersion = 4;
        options.log.info('MQTT broker does not speak MQTT 5: using MQTT 3.1.1');
        current.end(true);
        client = open();
        return;
      }
      options.log.warn({ err: error }, 'MQTT connection problem');
    });
    current.connect();
    return current;
  };
  let client = open();

  return {
    get isConnected() {
      return client.connected;
    },
    get sessionsLost() {
      return sessionsLost;
    },
    get lastError() {
      return lastError;
    },
    async close() {
      // Not forced: PUBACKs already written are flushed before DISCONNECT.
      await client.endAsync(false);
    },
  };
}

/** CONNACK refusals for the protocol version: 3.1.1 return code 1, MQTT 5 reason code 0x84. */
function isUnsupportedVersion(error: { code?: unknown }): boolean {
  return error.code === 1 || error.code === 0x84;
}

/** Tells mqtt.js not to acknowledge: we do, later. Never surfaces as an error. */
const DEFERRED = new Error('PUBACK deferred until the measure is queued');

type PacketWriter = { _sendPacket(packet: { cmd: 'puback'; messageId: number }): void };

function sendPuback(client: MqttClient, messageId: number): void {
  (client as unknown as PacketWriter)._sendPacket({ cmd: 'puback', messageId });
}
