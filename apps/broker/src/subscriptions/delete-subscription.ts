import type { BrokerContext } from '../broker-context.js';
import { subscriptionNotFound } from './check-subscription.js';
import { SubscriptionStore } from './subscription-store.js';

/**
 * Delete Subscription — ETSI GS CIM 009 v1.8.1 §5.8.5. Pending notifications are dropped.
 * @example await deleteSubscription(ctx, '', id)
 */
export async function deleteSubscription(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
): Promise<void> {
  const tenant = await ctx.tenants.forRead(tenantName);
  if (!(await new SubscriptionStore(tenant.schema).delete(ctx.db, id)))
    throw subscriptionNotFound(id);
}
