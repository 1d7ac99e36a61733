import { NgsiLdError, type ContextDefinition } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { checkSubscription, subscriptionNotFound } from './check-subscription.js';
import { SubscriptionStore } from './subscription-store.js';

/**
 * Update Subscription — ETSI GS CIM 009 v1.8.1 §5.8.2: the members given replace the stored
 * ones (`notification` member by member); the result must still be a valid Subscription.
 * A fragment with its own @context makes that the subscription's context.
 * @example await updateSubscription(ctx, '', id, { isActive: false }, undefined)
 */
export async function updateSubscription(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  fragment: unknown,
  context: ContextDefinition | undefined,
): Promise<void> {
  if (typeof fragment !== 'object' || fragment === null || Array.isArray(fragment))
    throw new NgsiLdError('BadRequestData', 'The body must be a Subscription fragment object', {
      field: 'body',
    });
  const changes = fragment as Record<string, unknown>;
  if (changes.id !== undefined && changes.id !== id)
    throw new NgsiLdError('BadRequestData', 'The id of a subscription cannot be changed', {
      field: 'id',
    });
  if (Object.keys(changes).filter((key) => key !== '@context').length === 0)
    throw new NgsiLdError('BadRequestData', 'The fragment changes nothing', { field: 'body' });
  const tenant = await ctx.tenants.forRead(tenantName);
  const store = new SubscriptionStore(tenant.schema);
  await ctx.db.transaction(async (tx) => {
    const current = await store.get(tx, id);
    if (!current) throw subscriptionNotFound(id);
    const { '@context': _context, type: _type, ...members } = changes;
    const notificationChanges = members.notification;
    const merged: Record<string, unknown> = { ...current.body, ...members, type: 'Subscription' };
    if (typeof notificationChanges === 'object' && notificationChanges !== null)
      merged.notification = { ...current.body.notification, ...notificationChanges };
    // expiresAt in the past is only refused when this update sets it.
    const input = checkSubscription(merged, changes.expiresAt !== undefined ? ctx.now() : '');
    const { id: _id, ...body } = input;
    await store.replace(tx, {
      ...current,
      body,
      context: context ?? current.context,
      isActive: input.isActive ?? true,
      expiresAt: input.expiresAt ?? null,
      modifiedAt: ctx.now(),
    });
  });
}
