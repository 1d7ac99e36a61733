import type { BrokerContext } from '../broker-context.js';
import { SubscriptionStore, type StoredSubscription } from './subscription-store.js';

/**
 * Query Subscriptions — ETSI GS CIM 009 v1.8.1 §5.8.4: a page in id order.
 * @example const { subscriptions } = await querySubscriptions(ctx, '', { limit: 20, offset: 0, count: false })
 */
export async function querySubscriptions(
  ctx: BrokerContext,
  tenantName: string,
  page: { limit: number; offset: number; count: boolean },
): Promise<{ subscriptions: StoredSubscription[]; count?: number }> {
  const tenant = await ctx.tenants.forRead(tenantName);
  return new SubscriptionStore(tenant.schema).list(ctx.db, page);
}
