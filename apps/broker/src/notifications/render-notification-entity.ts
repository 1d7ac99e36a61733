import {
  formatEntity,
  formatEntityAsFeature,
  type Entity,
  type JsonObject,
  type JsonValue,
} from '@legocity/ngsi-ld';
import type { ResolvedSubscription } from './resolved-subscription.js';

const LOCATION = 'https://uri.etsi.org/ngsi-ld/location';

/**
 * An entity as a subscription's notifications carry it (§5.2.14): only notification.attributes
 * when given, in its format (normalized, keyValues, concise), sysAttrs and language filter,
 * compacted with the subscription's @context; a GeoJSON Feature for application/geo+json.
 * A deleted entity is its id, type and deletedAt.
 * @example renderNotificationEntity(subscription, entity, undefined)
 */
export function renderNotificationEntity(
  subscription: ResolvedSubscription,
  entity: Entity,
  deletedAt: string | undefined,
): JsonValue {
  const { context } = subscription;
  const { notification, lang } = subscription.stored.body;
  if (deletedAt !== undefined) {
    const types = entity.type.map((type) => context.compactIri(type));
    const deleted: JsonObject = {
      id: entity.id,
      type: types.length === 1 ? types[0]! : types,
      deletedAt,
    };
    return deleted;
  }
  const attributes = notification.attributes?.map((name) => context.expandTerm(name));
  const options = {
    context,
    representation: notification.format ?? 'normalized',
    sysAttrs: notification.sysAttrs ?? false,
    includeContext: false,
    ...(lang ? { lang } : {}),
    ...(attributes ? { pick: new Set(['id', 'type', ...attributes]) } : {}),
  } as const;
  if (notification.endpoint.accept === 'application/geo+json')
    return formatEntityAsFeature(entity, { ...options, geometryProperty: LOCATION });
  return formatEntity(entity, options);
}
