/** Something placed in time: an attribute instance or an aggregation period (its start). */
export interface Timed {
  /** A normalized DateTime (UTC, milliseconds, `Z`): text order is time order. */
  time: string;
}

export interface CapResult<T> {
  series: T[][];
  /**
   * Set when some series held more than `cap` items: every series is then trimmed at the same
   * instant, so that the answer is complete up to it. Forward: items before `boundary` (the next
   * page starts at it: timerel=after&timeAt=boundary). Newest first: items at or after
   * `boundary` (the next page ends before it: timerel=before&timeAt=boundary).
   */
  boundary?: string;
}

/**
 * Cap every series of one answer (the instances of each attribute of each entity) at `cap`
 * items, as ETSI GS CIM 009 v1.8.1 §6.3.10 allows for temporal results: each series comes with
 * at most cap + 1 items, in time order (`newestFirst` for lastN), the extra one showing that it
 * was cut. A series cut after its cap-th item is complete only up to its first dropped item, so
 * all series are cut at the earliest such instant (forward) or the latest (newest first), and
 * the answer covers one time range with nothing missing inside it.
 * @example capSeries([[{ time: 'a' }, { time: 'b' }, { time: 'c' }]], 2, { newestFirst: false })
 * // { series: [[{ time: 'a' }, { time: 'b' }]], boundary: 'c' }
 */
export function capSeries<T extends Timed>(
  series: T[][],
  cap: number,
  options: { newestFirst: boolean },
): CapResult<T> {
  const cut = series.filter((items) => items.length > cap);
  if (cut.length === 0) return { series };
  if (!options.newestFirst) {
    // Complete before the first dropped item; keep what is strictly earlier than the earliest one.
    const boundary = min(cut.map((items) => (items[cap] as T).time));
    return { series: series.map((items) => items.filter((i) => i.time < boundary)), boundary };
  }
  // Newest first: complete from the oldest kept instant strictly newer than the first dropped item.
  const completeFrom = cut.map((items) => {
    const dropped = (items[cap] as T).time;
    const kept = items.slice(0, cap).filter((i) => i.time > dropped);
    return kept.length > 0 ? (kept[kept.length - 1] as T).time : (items[0] as T).time;
  });
  const boundary = max(completeFrom);
  return { series: series.map((items) => items.filter((i) => i.time >= boundary)), boundary };
}

/**
 * The Content-Range of a capped temporal answer (§6.3.10): `date-time <start>-<end>/<size>`.
 * Forward, start is timeAt (after, between) or the earliest instant returned, end the boundary;
 * newest first (lastN), start is the latest bound of the query (timeAt for before, endTimeAt for
 * between) or the newest instant returned, end the boundary and size lastN.
 * @example contentRange({ start: '2024-01-01T00:00:00.000Z', end: '2024-01-02T00:00:00.000Z' }) // 'date-time 2024-01-01T00:00:00.000Z-2024-01-02T00:00:00.000Z/*'
 */
export function contentRange(range: { start: string; end: string; size?: number }): string {
  return `date-time ${range.start}-${range.end}/${range.size ?? '*'}`;
}

function min(values: string[]): string {
  return values.reduce((a, b) => (b < a ? b : a));
}

function max(values: string[]): string {
  return values.reduce((a, b) => (b > a ? b : a));
}
