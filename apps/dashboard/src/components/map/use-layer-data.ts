'use client';

import { useEffect, useState } from 'react';
import { laterTime } from './data-age.js';
import { mergeFeatures, newestModifiedAt, type FeatureStore } from './feature-store.js';
import { syncLayer, type EventSourceLike, type SyncDeps } from './layer-sync.js';
import type { MapLayerView } from './map-types.js';

/** What the map knows of one layer's data. */
export interface LayerData {
  store: FeatureStore;
  isAggregated: boolean;
  /** Matching entities (for aggregated layers, more than the cells drawn). */
  total: number;
  newestChangeAt?: string;
  hasLoaded: boolean;
  isUnreachable: boolean;
  hasError: boolean;
  mode?: 'live' | 'polling';
}

/** Data of a layer before its first answer. */
export const EMPTY_LAYER_DATA: LayerData = {
  store: new Map(),
  isAggregated: false,
  total: 0,
  hasLoaded: false,
  isUnreachable: false,
  hasError: false,
};

function browserDeps(): SyncDeps {
  return {
    fetch: (url, init) => window.fetch(url, { ...init, credentials: 'same-origin' }),
    setTimer: (fn, ms) => {
      const timer = window.setTimeout(fn, ms);
      return () => window.clearTimeout(timer);
    },
    openEventSource:
      typeof window.EventSource === 'function'
        ? (url) => new window.EventSource(url) as unknown as EventSourceLike
        : undefined,
  };
}

/**
 * Loads and keeps current the data of every layer (see syncLayer), as React state keyed by
 * layer id.
 * @example const data = useLayerData(view.layers); data.get(layer.id)?.store
 */
export function useLayerData(layers: readonly MapLayerView[]): ReadonlyMap<string, LayerData> {
  const [data, setData] = useState<ReadonlyMap<string, LayerData>>(() => new Map());
  const key = layers.map((l) => `${l.id}:${l.refresh}:${l.refreshSeconds}`).join('|');

  useEffect(() => {
    const deps = browserDeps();
    const update = (layerId: string, change: (old: LayerData) => LayerData) =>
      setData((previous) => {
        const next = new Map(previous);
        next.set(layerId, change(previous.get(layerId) ?? EMPTY_LAYER_DATA));
        return next;
      });
    const stops = layers.map((layer) =>
      syncLayer(
        layer,
        {
          onData: (answer) =>
            update(layer.id, (old) => {
              const store = mergeFeatures(
                answer.isFullLoad ? new Map() : old.store,
                answer.features,
              );
              return {
                ...old,
                store,
                isAggregated: answer.isAggregated,
                total: answer.isAggregated ? (answer.total ?? old.total) : store.size,
                newestChangeAt: laterTime(
                  old.newestChangeAt,
                  laterTime(answer.newestChangeAt, newestModifiedAt(answer.features)),
                ),
                hasLoaded: true,
                isUnreachable: false,
                hasError: false,
              };
            }),
          onError: (error) =>
            update(layer.id, (old) => ({
              ...old,
              isUnreachable: error.isUnreachable,
              hasError: !error.isUnreachable,
            })),
          onMode: (mode) => update(layer.id, (old) => ({ ...old, mode })),
        },
        deps,
      ),
    );
    return () => stops.forEach((stop) => stop());
    // `key` stands for `layers`: the same layers must not restart their streams on re-render.
  }, [key]);

  return data;
}
