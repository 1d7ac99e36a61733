import { randomUUID } from 'node:crypto';
import { NgsiLdError, type ContextDefinition, type SubscriptionInput } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { SubscriptionStore, type StoredSubscription } from './subscription-store.js';

/**
 * Create Subscription — ETSI GS CIM 009 v1.8.1 §5.8.1. The subscription keeps the @context it
 * was created with: its names are expanded, and its notifications compacted, with it.
 * @example const id = await createSubscription(ctx, '', input, 'https://example.org/ctx.jsonld')
 */
export async function createSubscription(
  ctx: BrokerContext,
  tenantName: string,
  input: SubscriptionInput,
  context: ContextDefinition | undefined,
): Promise<string> {
  const tenant = await ctx.tenants.forWrite(tenantName);
  const now = ctx.now();
  const id = input.id ?? `urn:ngsi-ld:Subscription:${randomUUID()}`;
  const { id: _given, ...body } = input;
  const subscription: StoredSubscription = {
    id,
    body,
    context: context ?? null,
    isActive: input.isActive ?? true,
    expiresAt: input.expiresAt ?? null,
    createdAt: now,
    modifiedAt: now,
    timesSent: 0,
    timesFailed: 0,
    lastNotification: null,
    lastSuccess: null,
    lastFailure: null,
    lastError: null,
    consecutiveFailures: 0,
  };
  const isCreated = await new SubscriptionStore(tenant.schema).insert(ctx.db, subscription);
  if (!isCreated)
    throw new NgsiLdError('AlreadyExists', `Subscription ${id} already exists`, { field: 'id' });
  // The notifier polls tenants with subscriptions (others it only wakes on their commits).
  await ctx.db.query(
    'update legocity.tenant set has_subscriptions = true where name = $1 and not has_subscriptions',
    [tenantName],
  );
  return id;
}
