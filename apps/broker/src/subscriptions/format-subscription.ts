import type { JsonObject, NotificationParams } from '@legocity/ngsi-ld';
import type { StoredSubscription } from './subscription-store.js';

/** The status of a subscription (§5.2.12-2): paused, expired or active. */
export function subscriptionStatus(
  subscription: StoredSubscription,
  now: string,
): 'active' | 'paused' | 'expired' {
  if (subscription.expiresAt !== null && subscription.expiresAt <= now) return 'expired';
  return subscription.isActive ? 'active' : 'paused';
}

/**
 * A subscription as the API returns it: the subscriber's members, plus the broker's read-only
 * ones (status; the notification's counters and times, §5.2.14), system times with sysAttrs.
 * @example formatSubscription(stored, ctx.now(), { sysAttrs: false })
 */
export function formatSubscription(
  subscription: StoredSubscription,
  now: string,
  options: { sysAttrs: boolean },
): JsonObject {
  const { notification, ...members } = subscription.body;
  const delivery: JsonObject = {
    ...(notification as unknown as JsonObject),
    endpoint: redactEndpoint(notification.endpoint) as unknown as JsonObject,
    status: subscription.consecutiveFailures > 0 ? 'failed' : 'ok',
    timesSent: subscription.timesSent,
    timesFailed: subscription.timesFailed,
  };
  if (subscription.lastNotification) delivery.lastNotification = subscription.lastNotification;
  if (subscription.lastSuccess) delivery.lastSuccess = subscription.lastSuccess;
  if (subscription.lastFailure) delivery.lastFailure = subscription.lastFailure;
  const body: JsonObject = {
    id: subscription.id,
    ...(members as unknown as JsonObject),
    type: 'Subscription',
    isActive: subscription.isActive,
    status: subscriptionStatus(subscription, now),
    notification: delivery,
  };
  if (options.sysAttrs) {
    body.createdAt = subscription.createdAt;
    body.modifiedAt = subscription.modifiedAt;
  }
  return body;
}

const SECRET_KEY = /authorization|token|secret|password|api[-_]?key|cookie/i;
const REDACTED = '***';

/**
 * The endpoint as shown to API clients: credentials in the URL and secret-looking receiverInfo
 * values (Authorization, tokens, keys) are masked — they are used for delivery, never shown.
 */
function redactEndpoint(endpoint: NotificationParams['endpoint']): NotificationParams['endpoint'] {
  let uri = endpoint.uri;
  try {
    const url = new URL(endpoint.uri);
    if (url.password) {
      url.password = REDACTED;
      uri = url.toString();
    }
  } catch {
    // stored endpoints were validated as URLs
  }
  const shown = { ...endpoint, uri };
  if (endpoint.receiverInfo)
    shown.receiverInfo = endpoint.receiverInfo.map(({ key, value }) => ({
      key,
      value: SECRET_KEY.test(key) ? REDACTED : value,
    }));
  return shown;
}
