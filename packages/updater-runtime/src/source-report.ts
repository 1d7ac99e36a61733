import type { Staleness } from './source.js';

/** Errors of one kind for one source. */
export interface ErrorCount {
  retryable: number;
  permanent: number;
  lastMessage: string;
  lastAt: string;
}

/** The last run of a polled source. */
export interface LastRun {
  startedAt: string;
  durationMs: number;
  ok: boolean;
  /** Delivered to the broker since this run queued its entities (known as the writer drains). */
  created: number;
  updated: number;
  /** Dropped as replays or observations not newer than the last one written. */
  unchanged: number;
  /** Refused by the data contract (and later by the broker, if it refuses any). */
  rejected: number;
}

/** What /health, /metrics and operators see of one source. */
export interface SourceReport {
  id: string;
  title: string;
  kind: 'polled' | 'stream';
  staleness: Staleness;
  lastSuccessAt?: string;
  lastRun?: LastRun;
  /** Since start, by outcome. */
  totals: { created: number; updated: number; unchanged: number; rejected: number };
  errors: Record<string, ErrorCount>;
  outbox: { pending: number; oldestAgeMs: number };
  /** Stream sources that tell: their own connection's readiness. */
  ready?: { ok: boolean; detail?: string };
}
