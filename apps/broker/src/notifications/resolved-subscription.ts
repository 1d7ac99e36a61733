import {
  DEFAULT_TRIGGERS,
  parseGeoQuery,
  parseQ,
  parseTypeSelection,
  type ActiveContext,
  type GeoQuery,
  type NotificationTrigger,
  type QExpression,
  type TypeSelection,
} from '@legocity/ngsi-ld';
import type { ContextService } from '../contexts/context-service.js';
import type { StoredSubscription } from '../subscriptions/subscription-store.js';

/** A subscription ready for matching: names expanded with its own @context, q and geoQ parsed. */
export interface ResolvedSubscription {
  stored: StoredSubscription;
  context: ActiveContext;
  selectors?: { type: TypeSelection; id?: string; idPattern?: RegExp }[];
  /** Expanded watched attribute names; undefined = any attribute. */
  watched?: ReadonlySet<string>;
  triggers: ReadonlySet<NotificationTrigger>;
  q?: QExpression;
  geo?: GeoQuery;
}

/**
 * Prepare a stored subscription for matching. It was validated when stored, so parse failures
 * cannot happen; a @context that can no longer be loaded throws (the notifier retries later).
 * @example const resolved = await resolveSubscription(stored, contexts)
 */
export async function resolveSubscription(
  stored: StoredSubscription,
  contexts: ContextService,
): Promise<ResolvedSubscription> {
  const context = await contexts.resolve(stored.context ?? undefined);
  const { body } = stored;
  const resolved: ResolvedSubscription = {
    stored,
    context,
    triggers: new Set(body.notificationTrigger ?? DEFAULT_TRIGGERS),
  };
  if (body.entities) {
    resolved.selectors = body.entities.map((selector) => {
      const type = parseTypeSelection(selector.type);
      if (!type.ok) throw new Error(`stored subscription ${stored.id} has a bad type selection`);
      return {
        type: type.value,
        ...(selector.id ? { id: selector.id } : {}),
        ...(selector.idPattern ? { idPattern: new RegExp(selector.idPattern) } : {}),
      };
    });
  }
  if (body.watchedAttributes)
    resolved.watched = new Set(body.watchedAttributes.map((name) => context.expandTerm(name)));
  if (body.q) {
    const q = parseQ(body.q);
    if (q.ok) resolved.q = q.value;
  }
  if (body.geoQ) {
    const { coordinates } = body.geoQ;
    const geo = parseGeoQuery({
      geometry: body.geoQ.geometry,
      georel: body.geoQ.georel,
      coordinates: typeof coordinates === 'string' ? coordinates : JSON.stringify(coordinates),
      ...(body.geoQ.geoproperty ? { geoproperty: body.geoQ.geoproperty } : {}),
    });
    if (geo.ok) resolved.geo = geo.value;
  }
  return resolved;
}
