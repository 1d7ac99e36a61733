import { matchesTypeSelection, type NotificationTrigger } from '@legocity/ngsi-ld';
import type { ChangeRow } from '../history/change-rows.js';
import type { ResolvedSubscription } from './resolved-subscription.js';

/**
 * The trigger a change fires for a subscription (§5.2.12 notificationTrigger, watchedAttributes,
 * entities), or undefined when it fires none. q and geoQ are checked afterwards, in SQL, on the
 * entity as stored.
 * @example matchChange(subscription, row) // 'attributeUpdated'
 */
export function matchChange(
  subscription: ResolvedSubscription,
  row: ChangeRow,
): NotificationTrigger | undefined {
  if (!matchesSelectors(subscription, row)) return undefined;
  const { triggers, watched } = subscription;
  if (row.trigger === 'entityDeleted')
    return triggers.has('entityDeleted') ? 'entityDeleted' : undefined;
  const isWatched = (name: string) => !watched || watched.has(name);
  if (row.trigger === 'entityCreated') {
    const names = Object.keys(row.attrs);
    const hasWatched = !watched || names.some(isWatched);
    if (triggers.has('entityCreated') && hasWatched) return 'entityCreated';
    if (triggers.has('attributeCreated') && names.some(isWatched)) return 'attributeCreated';
    return undefined;
  }
  const events: NotificationTrigger[] = [];
  for (const [name, instances] of Object.entries(row.attrs)) {
    if (!isWatched(name)) continue;
    const isNew = instances.some((instance) => instance.createdAt === instance.modifiedAt);
    events.push(isNew ? 'attributeCreated' : 'attributeUpdated');
  }
  for (const name of Object.keys(row.deleted ?? {})) {
    if (isWatched(name)) events.push('attributeDeleted');
  }
  const fired = events.find((event) => triggers.has(event));
  if (fired) return fired;
  return events.length > 0 && triggers.has('entityUpdated') ? 'entityUpdated' : undefined;
}

function matchesSelectors(subscription: ResolvedSubscription, row: ChangeRow): boolean {
  const { selectors, context } = subscription;
  if (!selectors) return true;
  const expand = (name: string) => context.expandTerm(name);
  return selectors.some(
    (selector) =>
      matchesTypeSelection(selector.type, row.types, expand) &&
      (selector.id === undefined || selector.id === row.id) &&
      (selector.idPattern === undefined || selector.idPattern.test(row.id)),
  );
}
