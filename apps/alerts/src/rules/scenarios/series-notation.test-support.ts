import { parseMetricsText } from '@legocity/observability';
import type { Labels } from '../../history/labels.js';

/** A sample value, `null` for a staleness marker, `undefined` for no sample at that step. */
export type NotationValue = number | null | undefined;

const REPEAT =
  /^(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(?:([+-])((?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?))?x(\d+)$/i;

/**
 * Expands promtool's series values: `a+bxn` is a, a+b, … a+n·b (n+1 values), `axn` is n+1 times
 * a, `_` a missing sample, `_xn` n missing samples, `stale` a staleness marker.
 * @example expandValues('1+1x2 _ stale') // [1, 2, 3, undefined, null]
 */
export function expandValues(text: string): NotationValue[] {
  const values: NotationValue[] = [];
  for (const token of text.trim().split(/\s+/)) {
    if (token === '_') values.push(undefined);
    else if (token === 'stale') values.push(null);
    else if (/^_x\d+$/.test(token)) {
      for (let i = 0; i < Number(token.slice(2)); i += 1) values.push(undefined);
    } else {
      const match = REPEAT.exec(token);
      if (match) {
        const start = Number(match[1]);
        const step = match[2] === undefined ? 0 : Number(`${match[2]}${match[3]}`);
        for (let i = 0; i <= Number(match[4]); i += 1) values.push(start + i * step);
      } else {
        const value = Number(token);
        if (Number.isNaN(value) && token !== 'NaN') throw new Error(`bad series value '${token}'`);
        values.push(value);
      }
    }
  }
  return values;
}

/**
 * The labels of a series written as in PromQL: `up{job="legocity-broker"}`.
 * @example seriesLabels('up{job="a"}') // { __name__: 'up', job: 'a' }
 */
export function seriesLabels(series: string): Labels {
  const parsed = parseMetricsText(`${series} 0\n`);
  const sample = parsed.ok ? parsed.value.samples[0] : undefined;
  if (!sample) throw new Error(`bad series '${series}'`);
  return sample.labels;
}
