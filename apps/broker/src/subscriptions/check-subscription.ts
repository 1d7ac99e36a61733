import { NgsiLdError, parseSubscription, type SubscriptionInput } from '@legocity/ngsi-ld';

/**
 * A valid Subscription from a request body, or the NgsiLdError to answer: BadRequestData listing
 * every problem, or NotImplemented naming members this broker does not support.
 * @example const input = checkSubscription(body, ctx.now())
 */
export function checkSubscription(body: unknown, now: string): SubscriptionInput {
  const parsed = parseSubscription(body, { now });
  if (parsed.unsupported && parsed.unsupported.length > 0) {
    throw new NgsiLdError(
      'NotImplemented',
      `Subscription members not supported by this broker: ${parsed.unsupported.join(', ')}`,
      { field: parsed.unsupported[0] },
    );
  }
  if (!parsed.ok) throw NgsiLdError.fromProblems('BadRequestData', parsed.problems);
  return parsed.value;
}

/** ResourceNotFound for a subscription id. */
export function subscriptionNotFound(id: string): NgsiLdError {
  return new NgsiLdError('ResourceNotFound', `Subscription ${id} does not exist`, {
    field: 'subscriptionId',
  });
}
