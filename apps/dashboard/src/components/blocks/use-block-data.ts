'use client';

import { useEffect, useState } from 'react';
import type { DataState } from '../map/data-age.js';
import { getJson } from '../map/layer-api.js';
import type { BlockAnswer } from './block-types.js';

/** Blocks refresh this often; their data-age rule uses the same period. */
export const BLOCK_REFRESH_SECONDS = 60;
/** The stale rule of blocks (see data-age.ts). */
export const BLOCK_RULE = { refresh: 'interval', refreshSeconds: BLOCK_REFRESH_SECONDS } as const;

/** A block's latest answer and the state of its requests. */
export interface BlockData<T extends BlockAnswer> extends DataState {
  answer?: T;
}

/**
 * Reads a block's data (endpoint 5) and re-reads it every minute; a failed request keeps the
 * last answer and marks the source unreachable or in error.
 * @example const { answer } = useBlockData<KpiAnswer>(block.id);
 */
export function useBlockData<T extends BlockAnswer>(blockId: string): BlockData<T> {
  const [data, setData] = useState<BlockData<T>>({
    hasLoaded: false,
    isUnreachable: false,
    hasError: false,
  });

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const load = async () => {
      try {
        const answer = await getJson<T>(
          (url, init) => window.fetch(url, { ...init, credentials: 'same-origin' }),
          `/api/data/blocks/${encodeURIComponent(blockId)}`,
          controller.signal,
        );
        setData({
          answer,
          hasLoaded: true,
          isUnreachable: false,
          hasError: false,
          newestChangeAt: answer.dataAge?.newestChangeAt ?? answer.dataAge?.fetchedAt,
        });
      } catch (error) {
        if (controller.signal.aborted) return;
        const isUnreachable = (error as { isUnreachable?: boolean }).isUnreachable === true;
        setData((old) => ({ ...old, isUnreachable, hasError: !isUnreachable }));
      }
      if (!controller.signal.aborted)
        timer = window.setTimeout(() => void load(), BLOCK_REFRESH_SECONDS * 1000);
    };
    void load();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [blockId]);

  return data;
}
