/**
 * Answers of the read proxy's block endpoint (`GET /api/data/blocks/{blockId}`), as the page
 * blocks read them. The view models of pages and blocks are in `src/site/view-models.ts`.
 */
import type { DataAge } from '../map/map-types.js';

export type { BlockView, KpiThreshold, PageViewModel } from '../../site/view-models.js';

/** A KPI card's value. */
export interface KpiAnswer {
  kind: 'kpi';
  value: number | null;
  unit?: string;
  count: number;
  trend?: number;
  dataAge: DataAge;
}

/** A table's rows. */
export interface TableAnswer {
  kind: 'table';
  columns: string[];
  rows: { id: string; values: Record<string, unknown> }[];
  total: number;
  dataAge: DataAge;
}

/** A time series' points. */
export interface TimeSeriesAnswer {
  kind: 'timeSeries';
  /** Aggregation period, e.g. 'PT1H' ('none' for raw values). */
  period?: string;
  points: [string, number | null][];
  dataAge: DataAge;
}

/** Any answer of the block endpoint. */
export type BlockAnswer = KpiAnswer | TableAnswer | TimeSeriesAnswer;
