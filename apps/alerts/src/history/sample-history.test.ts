import { describe, expect, it } from 'vitest';
import { SampleHistory } from './sample-history.js';

const MIN = 60_000;
const up = { __name__: 'up', job: 'legocity-broker' };

function historyOf(keepMs: number, fullResolutionMs: number) {
  return new SampleHistory({
    retention: new Map([['up', { keepMs, fullResolutionMs }]]),
  });
}

describe('SampleHistory', () => {
  it('keeps only the metrics a rule reads', () => {
    const history = historyOf(10 * MIN, 10 * MIN);
    history.append({ __name__: 'nodejs_heap_size_total_bytes' }, 0, 1);
    history.append(up, 0, 1);
    expect(history.size()).toEqual({ series: 1, samples: 1 });
  });

  it('ignores samples that are not newer than the last one', () => {
    const history = historyOf(10 * MIN, 10 * MIN);
    history.append(up, 1000, 1);
    history.append(up, 1000, 0);
    history.append(up, 500, 0);
    expect(history.series('up')[0]?.values).toEqual([1]);
  });

  it('writes one staleness marker, and none for a series never seen', () => {
    const history = historyOf(10 * MIN, 10 * MIN);
    history.append({ __name__: 'up', job: 'ghost' }, 0, null);
    history.append(up, 0, 1);
    history.append(up, 15_000, null);
    history.append(up, 30_000, null);
    expect(history.series('up').map((series) => series.values)).toEqual([[1, null]]);
  });

  it('drops samples older than the retention of their metric', () => {
    const history = historyOf(5 * MIN, 5 * MIN);
    for (let t = 0; t <= 10 * MIN; t += 15_000) history.append(up, t, 1);
    history.compact(10 * MIN);
    expect(history.series('up')[0]?.times[0]).toBe(5 * MIN);
  });

  it('thins samples older than the full-resolution window to one a minute', () => {
    const history = historyOf(25 * 60 * MIN, 20 * MIN);
    for (let t = 0; t <= 25 * 60 * MIN; t += 15_000) history.append(up, t, t);
    history.compact(25 * 60 * MIN);
    const { times } = history.series('up')[0] ?? { times: [] };
    const old = times.filter((t) => t < 25 * 60 * MIN - 20 * MIN);
    // One per minute for 24 h 40 min, then every 15 s for the last 20 min.
    expect(old.length).toBe(24 * 60 + 40);
    expect(old.every((t) => t % MIN === 45_000)).toBe(true);
    expect(times.length - old.length).toBe(20 * 4 + 1);
  });

  it('forgets a series that is only a staleness marker', () => {
    const history = historyOf(5 * MIN, 5 * MIN);
    history.append(up, 0, 1);
    history.append(up, 15_000, null);
    history.compact(5 * MIN + 10_000);
    expect(history.size()).toEqual({ series: 0, samples: 0 });
  });
});
