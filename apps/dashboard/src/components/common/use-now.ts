'use client';

import { useEffect, useState } from 'react';

/**
 * The current time in ms, refreshed every `everyMs`, for labels such as "updated 40 s ago".
 * Only the component that calls it re-renders.
 * @example const now = useNow(5000);
 */
export function useNow(everyMs = 5000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
