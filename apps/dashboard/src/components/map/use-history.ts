'use client';

import { useEffect, useState } from 'react';
import { loadHistory } from './layer-api.js';
import type { HistoryAnswer } from './map-types.js';

/** The history of one attribute of one entity, loading or failed. */
export interface HistoryState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  answer?: HistoryAnswer;
}

/**
 * Loads the last 24 h of an attribute of an entity (endpoint 3) whenever the three change.
 * @example const history = useHistory(layer.id, entityId, 'pm25');
 */
export function useHistory(
  layerId: string,
  entityId: string,
  attribute: string | undefined,
): HistoryState {
  const [state, setState] = useState<HistoryState & { key?: string }>({ status: 'idle' });
  const key = attribute ? `${layerId}|${entityId}|${attribute}` : undefined;

  useEffect(() => {
    if (!key || !attribute) return;
    const controller = new AbortController();
    setState({ status: 'loading', key });
    loadHistory(
      (url, init) => window.fetch(url, init),
      layerId,
      entityId,
      attribute,
      controller.signal,
    )
      .then((answer) => setState({ status: 'ready', answer, key }))
      .catch(() => {
        if (!controller.signal.aborted) setState({ status: 'error', key });
      });
    return () => controller.abort();
  }, [key, layerId, entityId, attribute]);

  return state.key === key ? state : { status: key ? 'loading' : 'idle' };
}
