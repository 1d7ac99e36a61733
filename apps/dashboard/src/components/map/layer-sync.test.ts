import { describe, expect, it } from 'vitest';
import type { Fetch } from './layer-api.js';
import { syncLayer, type EventSourceLike, type SyncHandlers } from './layer-sync.js';
import type { MapLayerView } from './map-types.js';

const LAYER: MapLayerView = {
  id: 'air',
  label: 'Air',
  entityType: 'AirQualityObserved',
  style: 'clusters',
  colour: '#d62728',
  refresh: 'live',
  refreshSeconds: 60,
};

function answer(ids: string[], newestChangeAt: string, aggregated = false): Response {
  return new Response(
    JSON.stringify({
      type: 'FeatureCollection',
      features: ids.map((id) => ({ type: 'Feature', id, geometry: null, properties: {} })),
      aggregated,
      total: ids.length,
      page: 0,
      nextPage: null,
      dataAge: { fetchedAt: '2026-11-23T12:00:05Z', newestChangeAt },
    }),
  );
}

class FakeStream implements EventSourceLike {
  listeners = new Map<string, (event: { data?: unknown }) => void>();
  onerror: ((event: unknown) => void) | null = null;
  isClosed = false;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.isClosed = true;
  }
  emit(type: string, data?: unknown) {
    this.listeners.get(type)?.({ data });
  }
}

/** Timers that run only when the test says so. */
function manualTimers() {
  const pending: { fn: () => void; ms: number; isCancelled: boolean }[] = [];
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const timer = { fn, ms, isCancelled: false };
      pending.push(timer);
      return () => {
        timer.isCancelled = true;
      };
    },
    runNext: (ms: number) => {
      const timer = pending.find((t) => !t.isCancelled && t.ms === ms);
      if (!timer) throw new Error(`no timer of ${ms} ms`);
      timer.isCancelled = true;
      timer.fn();
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function recorder() {
  const events: string[] = [];
  const handlers: SyncHandlers = {
    onData: (d) =>
      events.push(`${d.isFullLoad ? 'full' : 'merge'}:${d.features.map((f) => f.id).join(',')}`),
    onError: (e) => events.push(`error:${e.status}`),
    onMode: (mode) => events.push(`mode:${mode}`),
  };
  return { events, handlers };
}

describe('syncLayer', () => {
  it('loads the layer, then merges live updates from the stream', async () => {
    const stream = new FakeStream();
    const urls: string[] = [];
    const fetchFn: Fetch = (url) => {
      urls.push(url);
      return Promise.resolve(
        answer(url.includes('since') ? [] : ['a', 'b'], '2026-11-23T12:00:00Z'),
      );
    };
    const { events, handlers } = recorder();
    const timers = manualTimers();
    const stop = syncLayer(LAYER, handlers, {
      fetch: fetchFn,
      setTimer: timers.setTimer,
      openEventSource: () => stream,
    });
    await flush();
    stream.emit('open');
    await flush();
    stream.emit(
      'update',
      JSON.stringify({
        layerId: 'air',
        notifiedAt: 'x',
        features: [{ type: 'Feature', id: 'a', geometry: null, properties: { pm25: 3 } }],
      }),
    );
    expect(events).toEqual(['full:a,b', 'mode:live', 'merge:', 'merge:a']);
    expect(urls[1]).toContain('since=2026-11-23T12%3A00%3A00Z');
    timers.runNext(60_000); // the periodic check while streaming
    await flush();
    expect(urls).toHaveLength(3);
    expect(events.at(-1)).toBe('merge:');
    stop();
    expect(stream.isClosed).toBe(true);
  });

  it('falls back to polling with since= when the stream fails', async () => {
    const stream = new FakeStream();
    const urls: string[] = [];
    const fetchFn: Fetch = (url) => {
      urls.push(url);
      return Promise.resolve(answer(url.includes('since') ? ['b'] : ['a'], '2026-11-23T12:00:00Z'));
    };
    const { events, handlers } = recorder();
    const timers = manualTimers();
    syncLayer(LAYER, handlers, {
      fetch: fetchFn,
      setTimer: timers.setTimer,
      openEventSource: () => stream,
    });
    await flush();
    stream.onerror?.({});
    expect(stream.isClosed).toBe(true);
    timers.runNext(5000);
    await flush();
    expect(events).toEqual(['full:a', 'mode:polling', 'merge:b']);
    expect(urls.at(-1)).toContain('since=');
  });

  it('polls an interval layer every refreshSeconds and reports failures', async () => {
    let isDown = false;
    const fetchFn: Fetch = () =>
      isDown
        ? Promise.resolve(new Response('{"title":"Broker unreachable"}', { status: 502 }))
        : Promise.resolve(answer(['a'], '2026-11-23T12:00:00Z'));
    const { events, handlers } = recorder();
    const timers = manualTimers();
    syncLayer({ ...LAYER, refresh: 'interval', refreshSeconds: 120 }, handlers, {
      fetch: fetchFn,
      setTimer: timers.setTimer,
    });
    await flush();
    isDown = true;
    timers.runNext(120_000);
    await flush();
    expect(events).toEqual(['full:a', 'mode:polling', 'error:502']);
    expect(timers.pending.some((t) => !t.isCancelled && t.ms === 120_000)).toBe(true);
  });

  it('reloads an aggregated layer whole instead of streaming', async () => {
    let opened = 0;
    const fetchFn: Fetch = () => Promise.resolve(answer(['cell-1'], '2026-11-23T12:00:00Z', true));
    const { events, handlers } = recorder();
    const timers = manualTimers();
    syncLayer(LAYER, handlers, {
      fetch: fetchFn,
      setTimer: timers.setTimer,
      openEventSource: () => {
        opened++;
        return new FakeStream();
      },
    });
    await flush();
    timers.runNext(30_000);
    await flush();
    expect(opened).toBe(0);
    expect(events).toEqual(['full:cell-1', 'mode:polling', 'full:cell-1']);
  });
});
