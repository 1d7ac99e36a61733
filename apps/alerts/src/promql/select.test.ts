import { describe, expect, it } from 'vitest';
import { SampleHistory } from '../history/sample-history.js';
import { selectInstant, selectRange } from './select.js';

const keep = { keepMs: Infinity, fullResolutionMs: Infinity };
const MIN = 60_000;

function historyWith(samples: [labels: Record<string, string>, t: number, v: number | null][]) {
  const history = new SampleHistory({ retention: new Map([['m', keep]]) });
  for (const [labels, t, v] of samples) history.append({ __name__: 'm', ...labels }, t, v);
  return history;
}

describe('selectInstant', () => {
  it('takes the newest sample within the 5-minute lookback, without the metric name', () => {
    const history = historyWith([
      [{ a: '1' }, 0, 10],
      [{ a: '1' }, MIN, 11],
    ]);
    expect(selectInstant(history, 'm', [], 2 * MIN)).toEqual([{ labels: { a: '1' }, value: 11 }]);
    expect(selectInstant(history, 'm', [], 6 * MIN)).toEqual([]);
    expect(selectInstant(history, 'm', [], 30_000)).toEqual([{ labels: { a: '1' }, value: 10 }]);
  });

  it('sees nothing once the series was marked stale', () => {
    const history = historyWith([
      [{ a: '1' }, 0, 10],
      [{ a: '1' }, 15_000, null],
    ]);
    expect(selectInstant(history, 'm', [], 20_000)).toEqual([]);
    expect(selectInstant(history, 'm', [], 10_000)).toHaveLength(1);
  });

  it('matches labels exactly or by an anchored regular expression', () => {
    const history = historyWith([
      [{ status: '500' }, 0, 1],
      [{ status: '200' }, 0, 2],
      [{ status: '5000' }, 0, 3],
    ]);
    const values = (op: '=' | '=~', value: string) =>
      selectInstant(history, 'm', [{ label: 'status', op, value }], 0).map((e) => e.value);
    expect(values('=~', '5..')).toEqual([1]);
    expect(values('=', '200')).toEqual([2]);
  });
});

describe('selectRange', () => {
  it('keeps samples in (end − range, end] and leaves staleness markers out', () => {
    const history = historyWith([
      [{}, 0, 1],
      [{}, MIN, 2],
      [{}, 2 * MIN, null],
      [{}, 3 * MIN, 3],
    ]);
    const matrix = selectRange(history, 'm', [], 3 * MIN, 3 * MIN);
    expect(matrix.series[0]).toEqual({ labels: {}, times: [MIN, 3 * MIN], values: [2, 3] });
  });
});
