import type { Logger, Metrics } from '@legocity/observability';
import type { ContextService } from '../contexts/context-service.js';
import type { Database } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';
import type { TenantRegistry } from '../tenants/tenant-registry.js';
import { claimSubscriptions, deliverSubscription, type DeliveryOptions } from './deliver-outbox.js';
import { dispatchChanges } from './dispatch-changes.js';
import { MqttSenders } from './send-mqtt.js';

export interface NotifierOptions {
  db: Database;
  tenants: TenantRegistry;
  contexts: ContextService;
  logger: Logger;
  metrics: Metrics;
  /** Fallback polling of every tenant (notifications from PostgreSQL wake it sooner). */
  pollMs: number;
  timeoutMs: number;
  maxBackoffMs: number;
  leaseMs: number;
  concurrency: number;
}

/**
 * The background side of subscriptions: turns committed changes into outbox rows
 * (dispatchChanges) and delivers them (deliverOutbox), per tenant, woken right after each commit
 * of this process that logged a change, and by a polling timer for other processes' changes and
 * due retries. Runs off the request path: a slow or
 * failing endpoint never slows a write.
 */
export class Notifier {
  private readonly mqtt = new MqttSenders();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** Deliveries in progress, by tenant and subscription. */
  private readonly deliveries = new Map<string, Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Tenants without active subscriptions: commit wake-ups are ignored until this time. */
  private readonly idleUntil = new Map<string, number>();
  private readonly delivery: DeliveryOptions;
  private readonly queued;
  private readonly failed;

  constructor(private readonly options: NotifierOptions) {
    const { metrics } = options;
    const sent = metrics.counter<'result' | 'channel'>({
      name: 'notifications_total',
      help: 'Notification deliveries attempted, by result (success, failure) and channel.',
      labelNames: ['result', 'channel'],
    });
    const seconds = metrics.histogram<'channel'>({
      name: 'notification_delivery_seconds',
      help: 'Time to deliver one notification to its endpoint.',
      labelNames: ['channel'],
    });
    this.queued = metrics.counter({
      name: 'notifications_queued_total',
      help: 'Notifications written to the outbox.',
    });
    this.failed = metrics.counter({
      name: 'notifier_errors_total',
      help: 'Notifier cycles that failed (they are retried).',
    });
    metrics.gauge<'tenant'>({
      name: 'notification_outbox_pending',
      help: 'Notifications waiting in the outbox, by tenant (tenants with subscriptions).',
      labelNames: ['tenant'],
      collect: async (gauge) => {
        const { rows } = await options.db.query<{ name: string; schema_name: string }>(
          'select name, schema_name from legocity.tenant where has_subscriptions',
        );
        gauge.reset();
        for (const row of rows) {
          const counted = await options.db.query<{ n: number }>(
            `select count(*)::int as n from ${quoteIdentifier(row.schema_name)}.notification_outbox`,
          );
          gauge.set({ tenant: row.name || 'default' }, counted.rows[0]?.n ?? 0);
        }
      },
    });
    this.delivery = {
      contexts: options.contexts,
      mqtt: this.mqtt,
      timeoutMs: options.timeoutMs,
      maxBackoffMs: options.maxBackoffMs,
      leaseMs: options.leaseMs,
      maxEntities: 100,
      onResult: ({ ok, seconds: s, channel }) => {
        sent.inc({ result: ok ? 'success' : 'failure', channel });
        seconds.observe({ channel }, s);
      },
      onFailure: (subscriptionId, error) =>
        options.logger.warn({ subscriptionId, error }, 'Notification delivery failed; will retry'),
    };
  }

  start(): void {
    this.timer = setInterval(() => void this.pollAll(), this.options.pollMs);
    this.timer.unref();
    void this.pollAll();
  }

  /** Work on a tenant now (again after the current cycle if one is running). */
  poke(tenant: string): void {
    if (this.closed) return;
    if (this.running.has(tenant)) {
      this.again.add(tenant);
      return;
    }
    const cycle = this.cycle(tenant).finally(() => {
      this.running.delete(tenant);
      if (this.again.delete(tenant)) this.poke(tenant);
    });
    this.running.set(tenant, cycle);
  }

  /**
   * Forget what this process knows of tenants (a restore replaced them) and look at every tenant
   * with subscriptions now, so restored notifications go out without waiting for a poll.
   */
  forgetAll(): void {
    this.idleUntil.clear();
    void this.pollAll();
  }

  /** Stop: no new cycles; wait for the running ones (bounded by their timeouts); close MQTT. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.running.values()]);
    await Promise.allSettled([...this.deliveries.values()]);
    await this.mqtt.close();
  }

  private async pollAll(): Promise<void> {
    try {
      const { rows } = await this.options.db.query<{ name: string }>(
        'select name from legocity.tenant where has_subscriptions',
      );
      for (const tenant of rows) this.poke(tenant.name);
    } catch (error) {
      this.failed.inc();
      this.options.logger.warn({ err: error }, 'Notifier could not list tenants');
    }
  }

  private async cycle(tenantName: string): Promise<void> {
    try {
      // A tenant nobody subscribes to costs one skip-ahead per poll period, not one per commit.
      // Skipping is safe: the cursor only moves inside dispatchChanges, which checks in the
      // database whether a subscription exists; a new one is seen within a poll period.
      if ((this.idleUntil.get(tenantName) ?? 0) > Date.now()) return;
      const tenant = await this.options.tenants.forRead(tenantName);
      for (;;) {
        const result = await dispatchChanges(
          this.options.db,
          tenant.schema,
          this.options.contexts,
          new Date().toISOString(),
        );
        if (result.queued > 0) this.queued.inc(result.queued);
        if (result.idle) this.idleUntil.set(tenantName, Date.now() + this.options.pollMs);
        else this.idleUntil.delete(tenantName);
        if (!result.more) break;
      }
      const capacity = this.options.concurrency - this.deliveries.size;
      if (capacity <= 0) return;
      const claimed = await claimSubscriptions(
        this.options.db,
        tenant.schema,
        this.options.leaseMs,
        capacity,
      );
      for (const subscription of claimed) {
        const key = `${tenantName}\u0000${subscription.id}`;
        const delivery = deliverSubscription(
          this.options.db,
          tenant.schema,
          tenantName,
          subscription,
          this.delivery,
        )
          .catch((error: unknown) => {
            this.failed.inc();
            this.options.logger.warn({ err: error, tenant: tenantName }, 'Delivery failed');
          })
          .finally(() => {
            this.deliveries.delete(key);
            // More may be waiting (this subscription's next page, or others over capacity).
            this.poke(tenantName);
          });
        this.deliveries.set(key, delivery);
      }
    } catch (error) {
      if (this.closed) return;
      this.failed.inc();
      this.options.logger.warn(
        { err: error, tenant: tenantName },
        'Notifier cycle failed; will retry',
      );
    }
  }
}
