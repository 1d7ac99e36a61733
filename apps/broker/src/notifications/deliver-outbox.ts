import type { JsonValue } from '@legocity/ngsi-ld';
import type { ContextService } from '../contexts/context-service.js';
import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import type { StoredSubscription } from '../subscriptions/subscription-store.js';
import { retryDelayMs } from './backoff.js';
import { buildNotification } from './notification-message.js';
import type { MqttSenders } from './send-mqtt.js';
import { sendHttp } from './send-http.js';

export interface DeliveryOptions {
  contexts: ContextService;
  mqtt: MqttSenders;
  /** Default per-notification timeout when the endpoint names none. */
  timeoutMs: number;
  maxBackoffMs: number;
  leaseMs: number;
  /** Entities per notification at most. */
  maxEntities: number;
  onResult?: (result: { ok: boolean; seconds: number; channel: 'http' | 'mqtt' }) => void;
  onFailure?: (subscriptionId: string, error: string) => void;
}

export interface ClaimedSubscription {
  id: string;
  body: StoredSubscription['body'];
  context: StoredSubscription['context'];
  consecutive_failures: number;
}

interface OutboxRow {
  id: number;
  entity_id: string;
  entity: JsonValue;
}

/**
 * Lease up to `limit` subscriptions of one tenant that have notifications to deliver and may
 * deliver now (not in backoff or throttled, not leased by another process). A lease makes one
 * broker process at a time deliver a subscription, in order; a process that dies mid-delivery
 * loses its lease after leaseMs and the notifications are delivered again: at least once,
 * never lost.
 * @example const claimed = await claimSubscriptions(db, 'tenant_default', 30_000, 16)
 */
export async function claimSubscriptions(
  db: Queryable,
  schema: string,
  leaseMs: number,
  limit: number,
): Promise<ClaimedSubscription[]> {
  const s = quoteIdentifier(schema);
  const { rows } = await db.query<ClaimedSubscription>(
    `update ${s}.subscription s set lease_until = now() + ($1::double precision * interval '1 millisecond')
     where s.id in (
       select c.id from ${s}.subscription c
       where (c.lease_until is null or c.lease_until < now())
         and (c.retry_at is null or c.retry_at <= now())
         and exists (select 1 from ${s}.notification_outbox o where o.subscription_id = c.id)
       order by c.id limit $2 for update skip locked)
     returning s.id, s.body, s.context, s.consecutive_failures`,
    [leaseMs, limit],
  );
  return rows;
}

/**
 * Deliver the pending notifications of one leased subscription, then release it: a delivered
 * notification leaves the outbox; after a failure the rest stay and the subscription waits out a
 * capped exponential backoff (or the endpoint's cooldown); a throttled subscription waits its
 * throttling period. Returns the notifications delivered.
 * @example await deliverSubscription(db, 'tenant_default', '', claimed, options)
 */
export async function deliverSubscription(
  db: Queryable,
  schema: string,
  tenant: string,
  subscription: ClaimedSubscription,
  options: DeliveryOptions,
): Promise<number> {
  const s = quoteIdentifier(schema);
  const { endpoint } = subscription.body.notification;
  const throttlingMs = (subscription.body.throttling ?? 0) * 1000;
  const channel = endpoint.uri.startsWith('mqtt') ? 'mqtt' : 'http';
  let sent = 0;
  let failure: string | undefined;
  try {
    const { rows } = await db.query<OutboxRow>(
      `select id, entity_id, entity from ${s}.notification_outbox where subscription_id = $1 order by id limit 1000`,
      [subscription.id],
    );
    const context = await options.contexts.resolve(subscription.context ?? undefined);
    const contextUrl = await options.contexts.linkUrl(context);
    for (const batch of batches(rows, throttlingMs > 0, options.maxEntities)) {
      const message = buildNotification({
        subscriptionId: subscription.id,
        data: batch.send.map((row) => row.entity),
        accept: endpoint.accept ?? 'application/json',
        contextUrl,
        contextDefinition: context.definition,
        tenant,
        receiverInfo: endpoint.receiverInfo ?? [],
        now: new Date().toISOString(),
      });
      const started = performance.now();
      const timeoutMs = endpoint.timeout ?? options.timeoutMs;
      try {
        if (channel === 'mqtt')
          await options.mqtt.send(endpoint.uri, message, endpoint.notifierInfo ?? [], timeoutMs);
        else await sendHttp(endpoint.uri, message, timeoutMs);
        options.onResult?.({ ok: true, seconds: (performance.now() - started) / 1000, channel });
      } catch (error) {
        options.onResult?.({ ok: false, seconds: (performance.now() - started) / 1000, channel });
        failure = (error as Error).message;
        break;
      }
      await db.query(`delete from ${s}.notification_outbox where id = any($1::bigint[])`, [
        batch.remove,
      ]);
      sent += 1;
      if (throttlingMs > 0) break;
    }
  } catch (error) {
    failure ??= `delivery could not be prepared: ${(error as Error).message}`;
  }
  const failures = failure ? subscription.consecutive_failures + 1 : 0;
  const waitMs = failure
    ? Math.max(retryDelayMs(failures, options.maxBackoffMs), endpoint.cooldown ?? 0)
    : sent > 0 && throttlingMs > 0
      ? throttlingMs
      : 0;
  await db.query(
    `update ${s}.subscription set lease_until = null,
       times_sent = times_sent + $2 + $3::int,
       times_failed = times_failed + $3::int,
       last_notification = case when $2 + $3::int > 0 then now() else last_notification end,
       last_success = case when $2 > 0 then now() else last_success end,
       last_failure = case when $3::int > 0 then now() else last_failure end,
       last_error = coalesce($4, last_error),
       consecutive_failures = $5,
       retry_at = case when $6::double precision > 0 then now() + ($6::double precision * interval '1 millisecond') else null end
     where id = $1`,
    [subscription.id, sent, failure ? 1 : 0, failure ?? null, failures, waitMs],
  );
  if (failure) options.onFailure?.(subscription.id, failure);
  return sent;
}

/**
 * Group pending rows into notifications, in order. Throttled subscriptions get one notification
 * with the latest version of each entity; others get every change, an entity at most once per
 * notification.
 */
function batches(
  rows: OutboxRow[],
  coalesce: boolean,
  maxEntities: number,
): { send: OutboxRow[]; remove: number[] }[] {
  if (coalesce) {
    const latest = new Map<string, OutboxRow>();
    for (const row of rows) latest.set(row.entity_id, row);
    return [{ send: [...latest.values()], remove: rows.map((row) => row.id) }];
  }
  const result: { send: OutboxRow[]; remove: number[] }[] = [];
  let current: OutboxRow[] = [];
  let ids = new Set<string>();
  for (const row of rows) {
    if (ids.has(row.entity_id) || current.length >= maxEntities) {
      result.push({ send: current, remove: current.map((r) => r.id) });
      current = [];
      ids = new Set();
    }
    current.push(row);
    ids.add(row.entity_id);
  }
  if (current.length > 0) result.push({ send: current, remove: current.map((r) => r.id) });
  return result;
}
