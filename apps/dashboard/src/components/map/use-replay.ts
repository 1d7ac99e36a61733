'use client';

import { useEffect, useMemo, useState } from 'react';
import type { Domain } from './colour-ramp.js';
import { loadReplay } from './layer-api.js';
import type { ReplayAnswer } from './map-types.js';
import { replayDomain, replayValuesAt } from './replay.js';

/** Steps assumed before the replay is loaded (24 hourly values). */
export const DEFAULT_STEPS = 24;

/** What the map draws for a replay, when one is shown. */
export interface ActiveReplay {
  layerId: string;
  attribute: string;
  values: ReadonlyMap<string, number | null>;
  domain: Domain;
}

/** The answer of the replay endpoint for one layer and attribute, or how asking it went. */
interface Loaded {
  key: string;
  status: 'loading' | 'ready' | 'error';
  answer?: ReplayAnswer;
}

/**
 * The time slider's state: which layer and attribute, which hour; loads the replay (endpoint 4)
 * the first time the slider leaves "Live" for that layer and attribute.
 * @example const replay = useReplay(defaultLayerId, defaultAttribute);
 */
export function useReplay(defaultLayerId?: string, defaultAttribute?: string) {
  const [choice, setChoice] = useState<{ layerId?: string; attribute?: string }>({});
  const [step, setStep] = useState<number | 'live'>('live');
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const layerId = choice.layerId ?? defaultLayerId;
  const attribute = choice.layerId ? choice.attribute : defaultAttribute;
  const key = layerId && attribute ? `${layerId}|${attribute}` : undefined;
  const isWanted = step !== 'live' && key !== undefined;
  const current = loaded?.key === key ? loaded : undefined;
  const needsLoad = isWanted && current === undefined;

  useEffect(() => {
    if (!needsLoad || !key || !layerId || !attribute) return;
    // Not aborted on re-render: the answer is kept by key, a stale one is simply not used.
    setLoaded({ key, status: 'loading' });
    loadReplay((url, init) => window.fetch(url, init), layerId, attribute)
      .then((answer) => setLoaded((l) => (l?.key === key ? { key, status: 'ready', answer } : l)))
      .catch(() => {
        setLoaded((l) => (l?.key === key ? { key, status: 'error' } : l));
        setStep('live');
      });
  }, [needsLoad, key, layerId, attribute]);

  const answer = current?.answer;
  const active = useMemo<ActiveReplay | undefined>(() => {
    if (step === 'live' || !answer || !layerId || !attribute || step >= answer.steps.length)
      return undefined;
    return {
      layerId,
      attribute,
      values: replayValuesAt(answer, step),
      domain: replayDomain(answer),
    };
  }, [step, answer, layerId, attribute]);

  return {
    layerId,
    attribute,
    step,
    status: current?.status ?? 'idle',
    steps: answer?.steps,
    active,
    /** Picks the layer and attribute to replay; the slider goes back to live. */
    choose(nextLayerId: string, nextAttribute: string | undefined) {
      setChoice({ layerId: nextLayerId, attribute: nextAttribute });
      setStep('live');
    },
    /** Moves the slider; `'live'` returns to live data. */
    moveTo(next: number | 'live') {
      setStep(next);
    },
  };
}

/** The hook's result. */
export type ReplayControl = ReturnType<typeof useReplay>;
