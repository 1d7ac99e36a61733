import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GeoJsonFeature } from '@legocity/broker-client';
import type { JsonObject } from '@legocity/ngsi-ld';
import { entityToFeature } from './entity-feature.js';
import { geometryPropertyOf, type LayerConfig } from './layer-config.js';
import {
  layerSubscription,
  layerSubscriptionId,
  upsertSubscription,
} from './layer-subscription.js';
import { ProxyError } from './proxy-errors.js';
import { formatSseComment, formatSseFrame } from './sse-frames.js';

/** How often every open connection gets a comment, in milliseconds. */
export const HEARTBEAT_MS = 15_000;
/** Default most open browser connections per dashboard process. */
export const DEFAULT_MAX_CONNECTIONS = 1_000;
/** Reconnection delay suggested to EventSource, in milliseconds. */
export const SSE_RETRY_MS = 3_000;

export interface LiveUpdatesOptions {
  heartbeatMs?: number;
  maxConnections?: number;
  /**
   * Derive notify tokens from this secret (HMAC of the subscription id), so that restarts and
   * replicas agree on them; absent → a random token per subscription and process.
   */
  tokenSecret?: string;
  /** Per subscription request to the broker (default 8 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** What one live update carries to the browser (event `update`). */
export interface LiveUpdate {
  layerId: string;
  notifiedAt: string | undefined;
  features: GeoJsonFeature[];
}

/** The outcome of a notification that was accepted. */
export interface NotificationResult {
  /** Browser connections the update was written to. */
  delivered: number;
}

/** Fan-out of broker notifications to browsers' server-sent-event connections. */
export interface LiveUpdates {
  /** Add a browser connection to a layer; `send` writes a frame. Returns the unsubscribe. */
  subscribeLayer(layerId: string, send: (frame: string) => void): () => void;
  /**
   * Route a broker Notification to the layers of its subscription, after checking the token the
   * request carried (the NOTIFY_TOKEN_HEADER header). Throws ProxyError (401 or 400) otherwise.
   */
  handleNotification(body: unknown, token: string | undefined): NotificationResult;
  /** Create or refresh the one broker subscription of a layer; resolves to its id. */
  ensureSubscription(layer: LayerConfig, notifyUrl: string): Promise<string>;
  /** Open connections, all layers. */
  readonly connections: number;
  /** Stop the heartbeat and forget every connection. */
  close(): void;
}

interface Registration {
  layer: LayerConfig;
  tokenDigest: Buffer;
  fingerprint: string;
}

/**
 * The live-update hub of the read proxy.
 * @example const live = createLiveUpdates({ tokenSecret: payloadSecret });
 * await live.ensureSubscription(layer, 'http://127.0.0.1:3000/api/data/notify');
 * const stop = live.subscribeLayer(layer.id, (frame) => stream.write(frame));
 */
export function createLiveUpdates(options: LiveUpdatesOptions = {}): LiveUpdates {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const connectionsByLayer = new Map<string, Set<(frame: string) => void>>();
  const registrations = new Map<string, Registration>();
  const pending = new Map<string, Promise<string>>();
  let connectionCount = 0;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  function write(send: (frame: string) => void, frame: string, layerId: string): boolean {
    try {
      send(frame);
      return true;
    } catch {
      remove(layerId, send); // a closed connection: forget it rather than fail the others
      return false;
    }
  }

  function remove(layerId: string, send: (frame: string) => void): void {
    const set = connectionsByLayer.get(layerId);
    if (!set?.delete(send)) return;
    connectionCount -= 1;
    if (set.size === 0) connectionsByLayer.delete(layerId);
    if (connectionCount === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }

  function beat(): void {
    const frame = formatSseComment('heartbeat');
    for (const [layerId, set] of connectionsByLayer)
      for (const send of [...set]) write(send, frame, layerId);
  }

  function tokenFor(subscriptionId: string): string {
    if (options.tokenSecret === undefined) return randomBytes(32).toString('base64url');
    return createHmac('sha256', options.tokenSecret).update(subscriptionId).digest('base64url');
  }

  async function register(layer: LayerConfig, notifyUrl: string): Promise<string> {
    const id = layerSubscriptionId(layer, notifyUrl);
    const fingerprint = JSON.stringify([layer, notifyUrl]);
    if (registrations.get(id)?.fingerprint === fingerprint) return id;
    const token = tokenFor(id);
    const subscription = layerSubscription(layer, id, notifyUrl, token);
    // Registered before the request: the broker may notify before it answers.
    const previous = registrations.get(id);
    registrations.set(id, { layer, tokenDigest: digest(token), fingerprint });
    try {
      await upsertSubscription(layer, subscription, {
        timeoutMs: options.timeoutMs ?? 8_000,
        ...(options.fetch && { fetch: options.fetch }),
      });
    } catch (error) {
      if (previous) registrations.set(id, previous);
      else registrations.delete(id);
      throw error;
    }
    return id;
  }

  return {
    subscribeLayer(layerId, send) {
      if (connectionCount >= maxConnections) {
        throw new ProxyError('TooManyRequests', 'Too many live connections; retry later', {
          retryAfter: 30,
        });
      }
      const set = connectionsByLayer.get(layerId) ?? new Set();
      connectionsByLayer.set(layerId, set);
      if (!set.has(send)) {
        set.add(send);
        connectionCount += 1;
      }
      heartbeat ??= setInterval(beat, heartbeatMs);
      heartbeat.unref?.();
      write(send, `retry: ${SSE_RETRY_MS}\n\n`, layerId);
      return () => remove(layerId, send);
    },

    handleNotification(body, token) {
      const notification = parseNotification(body);
      const registration = registrations.get(notification.subscriptionId);
      // Unknown subscription and wrong token get the same answer: nothing to learn by probing.
      if (!registration || token === undefined || !isSameToken(registration.tokenDigest, token)) {
        throw new ProxyError('NotificationRefused', 'The notification token is not valid');
      }
      const { layer } = registration;
      const geometryProperty = geometryPropertyOf(layer);
      const features = notification.data
        .map((entity) => entityToFeature(entity, geometryProperty, layer.attributes))
        .filter((feature) => feature !== undefined);
      const update: LiveUpdate = {
        layerId: layer.id,
        notifiedAt: notification.notifiedAt,
        features,
      };
      const frame = formatSseFrame('update', update);
      let delivered = 0;
      for (const send of [...(connectionsByLayer.get(layer.id) ?? [])]) {
        if (write(send, frame, layer.id)) delivered += 1;
      }
      return { delivered };
    },

    ensureSubscription(layer, notifyUrl) {
      const key = JSON.stringify([layer.id, notifyUrl]);
      const running = pending.get(key);
      if (running) return running;
      const started = register(layer, notifyUrl).finally(() => pending.delete(key));
      pending.set(key, started);
      return started;
    },

    get connections() {
      return connectionCount;
    },

    close() {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = undefined;
      connectionsByLayer.clear();
      connectionCount = 0;
    },
  };
}

/**
 * A Notification (ETSI GS CIM 009 v1.8.1 §5.3.1) as the broker POSTs it; anything else is a 400.
 */
function parseNotification(body: unknown): {
  subscriptionId: string;
  notifiedAt: string | undefined;
  data: JsonObject[];
} {
  const value = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { subscriptionId, notifiedAt, data } = value;
  if (
    value.type !== 'Notification' ||
    typeof subscriptionId !== 'string' ||
    !Array.isArray(data) ||
    !data.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
  ) {
    throw new ProxyError(
      'InvalidRequest',
      'body: must be an NGSI-LD Notification with type, subscriptionId and data (an array of entities)',
    );
  }
  return {
    subscriptionId,
    notifiedAt: typeof notifiedAt === 'string' ? notifiedAt : undefined,
    data: data as JsonObject[],
  };
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Constant-time comparison of equal-length digests, whatever the length of the token sent. */
function isSameToken(expected: Buffer, token: string): boolean {
  return timingSafeEqual(expected, digest(token));
}
