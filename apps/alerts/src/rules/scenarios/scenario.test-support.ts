import type { Labels } from '../../history/labels.js';

/**
 * A synthetic sample history and what a rule must do with it, in promtool's own notation so the
 * same scenario also runs through `promtool test rules` (test/docs/alert-rules-promtool.test.ts).
 */
export interface Scenario {
  /** The alert under test. */
  rule: string;
  /** A sentence: 'fires when the broker has not answered for two minutes'. */
  title: string;
  /** Time between samples and between evaluations; default '15s'. */
  interval?: string;
  /** `{ series: 'up{job="legocity-broker"}', values: '1x10 0x20' }`; samples start at time 0. */
  series: readonly { series: string; values: string }[];
  /** At each time (from 0), the firing alerts of this rule, by their series labels. */
  expect: readonly { at: string; firing: readonly Labels[] }[];
}

export const BROKER = 'job="legocity-broker", instance="127.0.0.1:1026"';
export const BROKER_LABELS = { job: 'legocity-broker', instance: '127.0.0.1:1026' };
export const UPDATERS = 'job="legocity-updaters", instance="127.0.0.1:4041"';
export const UPDATERS_LABELS = { job: 'legocity-updaters', instance: '127.0.0.1:4041' };
export const DASHBOARD = 'job="legocity-dashboard", instance="127.0.0.1:3000"';
export const DASHBOARD_LABELS = { job: 'legocity-dashboard', instance: '127.0.0.1:3000' };
export const ALERTS = 'job="legocity-alerts", instance="127.0.0.1:4042"';
export const ALERTS_LABELS = { job: 'legocity-alerts', instance: '127.0.0.1:4042' };
