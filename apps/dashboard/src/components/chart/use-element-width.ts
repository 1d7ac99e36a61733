'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * The rendered width of an element in CSS pixels, kept current with a ResizeObserver, so an
 * SVG can draw in real pixels (text stays the same size on a phone and a wide screen).
 * @example const [ref, width] = useElementWidth<HTMLDivElement>(320);
 */
export function useElementWidth<T extends HTMLElement>(initial: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const next = Math.round(element.getBoundingClientRect().width);
      if (next > 0) setWidth(next);
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
