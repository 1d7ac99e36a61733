'use client';

import { formatNumber } from '../blocks/kpi-colour.js';
import { chartGeometry, type ChartBox, type SeriesPoint } from './chart-geometry.js';
import { useElementWidth } from './use-element-width.js';

/** Chart heights: 'small' for the detail panel, 'wide' for a page block. */
const HEIGHTS: Record<'small' | 'wide', number> = { small: 140, wide: 220 };
const PADDING = { top: 12, right: 14, bottom: 24, left: 52 };

function timeLabel(iso: string, locale: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** Props of {@link LineChart}. */
export interface LineChartProps {
  points: readonly SeriesPoint[];
  /** Accessible name of the chart, e.g. "pm25 over time". */
  label: string;
  locale: string;
  colour?: string;
  emptyText: string;
  testId?: string;
  /** 'small' (default, 140 px high) or 'wide' (220 px); the width follows the container. */
  size?: 'small' | 'wide';
}

/**
 * A small SVG line chart of a time series: the line (broken at gaps), min and max values on
 * the left, first and last time below. Scales to its container's width.
 *
 * @example <LineChart points={answer.points} label="pm25 over time" locale="en" emptyText="No data" />
 */
export function LineChart({
  points,
  label,
  locale,
  colour = '#1f77b4',
  emptyText,
  testId,
  size = 'small',
}: LineChartProps) {
  const [frame, width] = useElementWidth<HTMLDivElement>(320);
  const BOX: ChartBox = { width, height: HEIGHTS[size], padding: PADDING };
  const g = chartGeometry(points, BOX);
  if (!g.hasValues)
    return (
      <div ref={frame}>
        <p className="lc-muted">{emptyText}</p>
      </div>
    );
  const { left, top, bottom } = BOX.padding;
  const plotBottom = BOX.height - bottom;
  return (
    <div ref={frame} className="lc-chart-frame">
      <svg
        className="lc-chart"
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        width={BOX.width}
        height={BOX.height}
        role="img"
        aria-label={label}
        data-testid={testId}
      >
        <line x1={left} y1={top} x2={left} y2={plotBottom} className="lc-chart__axis" />
        <line
          x1={left}
          y1={plotBottom}
          x2={BOX.width - BOX.padding.right}
          y2={plotBottom}
          className="lc-chart__axis"
        />
        <text x={left - 4} y={top + 4} textAnchor="end" className="lc-chart__label">
          {formatNumber(g.maxValue, locale)}
        </text>
        <text x={left - 4} y={plotBottom} textAnchor="end" className="lc-chart__label">
          {formatNumber(g.minValue, locale)}
        </text>
        <text x={left} y={BOX.height - 6} className="lc-chart__label">
          {timeLabel(g.firstTime, locale)}
        </text>
        <text
          x={BOX.width - BOX.padding.right}
          y={BOX.height - 6}
          textAnchor="end"
          className="lc-chart__label"
        >
          {timeLabel(g.lastTime, locale)}
        </text>
        {g.path && (
          <path d={g.path} fill="none" stroke={colour} strokeWidth={2} strokeLinejoin="round" />
        )}
        {g.dots.map((dot) => (
          <circle key={`${dot.x}-${dot.y}`} cx={dot.x} cy={dot.y} r={2.5} fill={colour} />
        ))}
      </svg>
    </div>
  );
}
