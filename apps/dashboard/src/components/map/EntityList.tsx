'use client';

import { useMemo } from 'react';
import type { Translate } from '../../i18n/translate.js';
import type { FeatureStore } from './feature-store.js';
import { entityName } from './popup-template.js';

/** At most this many entities are listed per layer (the map shows them all). */
export const MAX_LISTED = 300;

/** Props of {@link EntityList}. */
export interface EntityListProps {
  layerId: string;
  label: string;
  store: FeatureStore;
  t: Translate;
  onOpen: (layerId: string, entityId: string) => void;
}

/**
 * The entities of one layer as buttons, collapsed by default: the keyboard way to an entity's
 * popup and detail panel.
 * @example <EntityList layerId="L1" label="Parking" store={store} t={t} onOpen={open} />
 */
export function EntityList({ layerId, label, store, t, onOpen }: EntityListProps) {
  const entries = useMemo(
    () =>
      [...store.entries()]
        .map(([id, feature]) => ({ id, name: entityName(id, feature.properties) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [store],
  );
  return (
    <details className="lc-entities">
      <summary aria-label={t('showEntities', { label })}>
        {t('entities')} ({entries.length})
      </summary>
      <ul className="lc-entities__list">
        {entries.slice(0, MAX_LISTED).map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              className="lc-link-button"
              onClick={() => onOpen(layerId, entry.id)}
              data-entity-id={entry.id}
            >
              {entry.name}
            </button>
          </li>
        ))}
        {entries.length > MAX_LISTED && (
          <li className="lc-muted">… +{entries.length - MAX_LISTED}</li>
        )}
      </ul>
    </details>
  );
}
