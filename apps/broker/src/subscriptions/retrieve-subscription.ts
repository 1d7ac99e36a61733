import type { BrokerContext } from '../broker-context.js';
import { subscriptionNotFound } from './check-subscription.js';
import { SubscriptionStore, type StoredSubscription } from './subscription-store.js';

/**
 * Retrieve Subscription — ETSI GS CIM 009 v1.8.1 §5.8.3.
 * @example const subscription = await retrieveSubscription(ctx, '', id)
 */
export async function retrieveSubscription(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
): Promise<StoredSubscription> {
  const tenant = await ctx.tenants.forRead(tenantName);
  const subscription = await new SubscriptionStore(tenant.schema).get(ctx.db, id);
  if (!subscription) throw subscriptionNotFound(id);
  return subscription;
}
