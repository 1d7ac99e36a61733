/** One point of a series: ISO time and value (null = gap). */
export type SeriesPoint = readonly [string, number | null];

/** Drawing area of a chart, in SVG user units. */
export interface ChartBox {
  width: number;
  height: number;
  /** Space left around the plot for the axis labels. */
  padding: { top: number; right: number; bottom: number; left: number };
}

/** What an SVG line chart draws: the path, its ranges and the tick values. */
export interface ChartGeometry {
  /** SVG path data; gaps (null values) start a new sub-path. Empty without values. */
  path: string;
  /** Dots for isolated values that have no neighbour to join. */
  dots: { x: number; y: number }[];
  minValue: number;
  maxValue: number;
  firstTime: string;
  lastTime: string;
  hasValues: boolean;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Scales a time series into a box: time along x (by the timestamps, so uneven gaps stay
 * visible), value along y (a flat series is drawn in the middle).
 *
 * @example chartGeometry([['2026-11-23T00:00:00Z', 1], ['2026-11-23T01:00:00Z', 3]], box).path
 * // 'M40 … L…'
 */
export function chartGeometry(points: readonly SeriesPoint[], box: ChartBox): ChartGeometry {
  const timed = points
    .map(([iso, value]) => ({ iso, t: Date.parse(iso), value }))
    .filter((p) => !Number.isNaN(p.t))
    .sort((a, b) => a.t - b.t);
  const values = timed.flatMap((p) =>
    typeof p.value === 'number' && Number.isFinite(p.value) ? [p.value] : [],
  );
  const empty: ChartGeometry = {
    path: '',
    dots: [],
    minValue: 0,
    maxValue: 0,
    firstTime: timed[0]?.iso ?? '',
    lastTime: timed.at(-1)?.iso ?? '',
    hasValues: false,
  };
  if (values.length === 0) return empty;
  const minValue = Math.min(...values);
  const maxValue = Math.max(...values);
  const t0 = timed[0]!.t;
  const t1 = timed.at(-1)!.t;
  const { padding } = box;
  const plotWidth = box.width - padding.left - padding.right;
  const plotHeight = box.height - padding.top - padding.bottom;
  const x = (t: number) =>
    padding.left + (t1 === t0 ? plotWidth / 2 : ((t - t0) / (t1 - t0)) * plotWidth);
  const y = (v: number) =>
    padding.top +
    (maxValue === minValue
      ? plotHeight / 2
      : (1 - (v - minValue) / (maxValue - minValue)) * plotHeight);

  const segments: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  for (const p of timed) {
    if (typeof p.value === 'number' && Number.isFinite(p.value)) {
      current.push({ x: round(x(p.t)), y: round(y(p.value)) });
    } else if (current.length > 0) {
      segments.push(current);
      current = [];
    }
  }
  if (current.length > 0) segments.push(current);
  const path = segments
    .filter((s) => s.length > 1)
    .map((s) => s.map((pt, i) => `${i === 0 ? 'M' : 'L'}${pt.x} ${pt.y}`).join(' '))
    .join(' ');
  const dots = segments.filter((s) => s.length === 1).map((s) => s[0]!);
  return {
    path,
    dots,
    minValue,
    maxValue,
    firstTime: timed[0]!.iso,
    lastTime: timed.at(-1)!.iso,
    hasValues: true,
  };
}
