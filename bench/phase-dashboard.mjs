/**
 * Phase: the dashboard in a browser (Debian's headless Chromium, software WebGL through
 * SwiftShader — no GPU). Figures, each beside a baseline measured in the same run:
 * - map idle with 10k and 100k points: a static page served by a tiny local HTTP server loads
 *   the dashboard's own maplibre-gl build and the offline basemap (@legocity/basemap), builds a
 *   clustered GeoJSON source of N points (before the clock starts) and times `new Map(…)` →
 *   the first `idle`. Baseline: the same page with an empty source. Ratio = points / empty.
 * - cold load of the demo dashboard: `legocity up` (built code, demo city, free ports, a temp
 *   folder), then each run opens `/` in a fresh browser context (empty cache) and times
 *   navigation start → `window.__legocityMapReady` (the first entities of every layer drawn and
 *   the map idle). Run 1 also pays for the server's first render; the later runs are reported
 *   as a median. Baseline: navigation start → `idle` of the static page with an empty source
 *   (the bare basemap, no app). Ratio = dashboard / bare map.
 * Nothing passes or fails on timing. Needs /usr/bin/chromium; builds the dashboard when its build
 * is missing or stale.
 * Standalone: `node bench/phase-dashboard.mjs [--quick]`.
 */
/* global window, document -- functions passed to page.evaluate run in the browser */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, startProcess, stopProcess } from './start-process.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
const POINT_COUNTS = [10_000, 100_000];
const VIEWPORT = { width: 1280, height: 800 };
/** The points cover Da Nang's bounding box, which the map fits. */
const AREA = { west: 108.1, south: 15.95, east: 108.3, north: 16.15 };
const WAIT_MS = 120_000;

/**
 * Get this phase ready before anything is timed: fail when Chromium or the CLI build is
 * missing, and build the dashboard when its production build is missing or older than its
 * sources (as `legocity up` would; the phase then starts it with LEGOCITY_DASHBOARD_BUILD=skip).
 * @example await prepareDashboardPhase(); // at the start of the run, not after the broker phases
 */
export async function prepareDashboardPhase() {
  const problems = [];
  if (!existsSync(CHROMIUM))
    problems.push(
      `${CHROMIUM} is missing: install it with apt-get install -y chromium (as root; DEBIAN_FRONTEND=noninteractive)`,
    );
  const cliBuild = join(ROOT, 'apps/cli/dist/dashboard-build.js');
  if (!existsSync(cliBuild)) problems.push(`${cliBuild} is missing: run npm run build`);
  if (problems.length > 0)
    throw new Error(`The dashboard phase cannot run:\n${problems.join('\n')}`);
  const { ensureDashboardBuild } = await import(pathToFileURL(cliBuild).href);
  await ensureDashboardBuild(join(ROOT, 'apps/dashboard'), log, process.env);
}

/**
 * @example const dashboard = await runDashboardPhase({ options: { quick: true } });
 */
export async function runDashboardPhase({ options = {} } = {}) {
  await prepareDashboardPhase();
  const runs = options.quick ? 2 : 5;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const pages = await startMapPageServer();
  try {
    log(`Dashboard: map idle time, ${runs} runs each of 0, ${POINT_COUNTS.join(', ')} points`);
    const idle = { empty: await repeat(runs, () => mapIdle(browser, pages.url, 0)) };
    for (const count of POINT_COUNTS)
      idle[count] = await repeat(runs, () => mapIdle(browser, pages.url, count));
    const bareMap = await repeat(runs, () => pageLoadToIdle(browser, pages.url));
    log(`Dashboard: cold load of the demo dashboard, ${runs} runs`);
    const coldLoad = await measureColdLoad(browser, runs);
    return {
      browser: `Chromium ${browser.version()}`,
      renderer: await webglRenderer(browser),
      runs,
      viewport: VIEWPORT,
      idle,
      bareMap,
      coldLoad,
    };
  } finally {
    await browser.close();
    await pages.close();
  }
}

/**
 * The lines `npm run bench` prints for this phase: a table of figure, value, baseline, ratio.
 * @example dashboardSummary(results.dashboard).forEach((line) => console.log(line))
 */
export function dashboardSummary(d) {
  const rows = [
    [
      'Cold load, first run (server cold)',
      ms(d.coldLoad.first),
      `${ms(median(d.bareMap))} (bare basemap page load)`,
      ratio(d.coldLoad.first, median(d.bareMap)),
    ],
    [
      d.runs > 2
        ? `Cold load, median of runs 2–${d.runs} (fresh browser context)`
        : 'Cold load, run 2 (fresh browser context)',
      ms(median(d.coldLoad.later)),
      `${ms(median(d.bareMap))} (bare basemap page load)`,
      ratio(median(d.coldLoad.later), median(d.bareMap)),
    ],
    ...POINT_COUNTS.map((count) => [
      `Map idle, ${count.toLocaleString('en-US')} clustered points (median)`,
      ms(median(d.idle[count])),
      `${ms(median(d.idle.empty))} (empty source)`,
      ratio(median(d.idle[count]), median(d.idle.empty)),
    ]),
  ];
  const header = ['figure', 'value', 'baseline', 'ratio'];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
  const line = (row) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [
    `Dashboard in ${d.browser}, ${d.renderer}, ${d.viewport.width}×${d.viewport.height}, ${d.runs} runs per figure:`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    `  demo city: ${d.coldLoad.features} features drawn at ready; cold-load runs (ms): ${[d.coldLoad.first, ...d.coldLoad.later].map(Math.round).join(', ')}`,
    `  idle runs (ms): ${Object.entries(d.idle)
      .map(([key, values]) => `${key}: ${values.map(Math.round).join('/')}`)
      .join('; ')}`,
  ];
}

/** Milliseconds from `new Map` to the first `idle`, with `count` points, in a fresh context. */
async function mapIdle(browser, baseUrl, count) {
  return withPage(browser, async (page) => {
    await page.goto(`${baseUrl}/?points=${count}`);
    await page.waitForFunction(
      () => window.__bench?.idleMs !== undefined || window.__bench?.error !== undefined,
      null,
      { timeout: WAIT_MS },
    );
    const { idleMs, rendered, error } = await page.evaluate(() => window.__bench);
    if (idleMs === undefined) throw new Error(`the map page failed: ${error}`);
    // A figure for a map that drew nothing would be meaningless.
    if (count > 0 && rendered === 0) throw new Error(`the map drew none of its ${count} points`);
    return idleMs;
  });
}

/** Milliseconds from navigation start to `idle` of the static page with an empty source. */
async function pageLoadToIdle(browser, baseUrl) {
  return withPage(browser, async (page) => {
    await page.goto(`${baseUrl}/?points=0`);
    await page.waitForFunction(
      () => window.__bench?.idleAt !== undefined || window.__bench?.error !== undefined,
      null,
      { timeout: WAIT_MS },
    );
    const { idleAt, error } = await page.evaluate(() => window.__bench);
    if (idleAt === undefined) throw new Error(`the map page failed: ${error}`);
    return idleAt;
  });
}

/** Start the platform with the demo city and time the dashboard's first entities drawn. */
async function measureColdLoad(browser, runs) {
  const platform = await startPlatform();
  try {
    const times = [];
    let features = 0;
    for (let run = 0; run < runs; run += 1) {
      const result = await withPage(browser, async (page) => {
        // Record the moment the flag is set; polling alone would add its interval.
        await page.addInitScript(() => {
          let ready = false;
          Object.defineProperty(window, '__legocityMapReady', {
            configurable: true,
            get: () => ready,
            set(value) {
              ready = value;
              if (value === true && window.__benchReadyAt === undefined)
                window.__benchReadyAt = performance.now();
            },
          });
        });
        await page.goto(`${platform.url}/`, { waitUntil: 'commit', timeout: WAIT_MS });
        await page.waitForFunction(() => window.__legocityMapReady === true, null, {
          timeout: WAIT_MS,
          polling: 50,
        });
        return page.evaluate(() => ({
          ms: window.__benchReadyAt ?? performance.now(),
          features: window.__legocityMap?.queryRenderedFeatures().length ?? 0,
        }));
      });
      times.push(result.ms);
      features = result.features;
    }
    return { first: times[0], later: times.slice(1), features };
  } finally {
    await platform.stop();
  }
}

/** `legocity up` on free ports in a temp folder, until it says it is up and the dashboard is ready. */
async function startPlatform() {
  const dir = mkdtempSync(join(tmpdir(), 'legocity-bench-dashboard-'));
  const [brokerPort, updatersPort, mqttPort, dashboardPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^LEGOCITY_(BROKER|UPDATERS|DASHBOARD|ALERTS)_/.test(name) &&
        name !== 'DATABASE_URL' &&
        name !== 'PAYLOAD_SECRET',
    ),
  );
  const handle = startProcess('legocity up', [join(ROOT, 'apps/cli/dist/main.js'), 'up'], {
    cwd: dir,
    env: {
      ...env,
      NEXT_TELEMETRY_DISABLED: '1',
      LEGOCITY_BROKER_PORT: String(brokerPort),
      LEGOCITY_BROKER_DATA_DIR: join(dir, 'broker'),
      LEGOCITY_UPDATERS_PORT: String(updatersPort),
      LEGOCITY_UPDATERS_DATA_DIR: join(dir, 'updaters'),
      LEGOCITY_UPDATERS_EMBEDDED_MQTT_PORT: String(mqttPort),
      LEGOCITY_DASHBOARD_PORT: String(dashboardPort),
      LEGOCITY_ALERTS_PORT: String(await freePort()),
      LEGOCITY_DASHBOARD_DATA_DIR: join(dir, 'dashboard'),
      LEGOCITY_DASHBOARD_DEMO: 'true',
      // prepareDashboardPhase built it when it was stale.
      LEGOCITY_DASHBOARD_BUILD: 'skip',
    },
  });
  const url = `http://127.0.0.1:${dashboardPort}`;
  const stop = async () => {
    await stopProcess(handle, 30_000);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 240_000;
    while (!handle.output().includes('LegoCity is up')) {
      if (handle.child.exitCode !== null || Date.now() > deadline)
        throw new Error(`legocity up did not come up:\n${handle.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.status,
      (error) => String(error),
    );
    if (ready !== 200) throw new Error(`dashboard /health/ready answered ${ready}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** A fresh browser context (empty cache, no cookies) with one page, closed afterwards. */
async function withPage(browser, use) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      return await use(page);
    } catch (error) {
      throw new Error(`${error.message}\npage errors: ${errors.join(' | ') || 'none'}`);
    }
  } finally {
    await context.close();
  }
}

async function webglRenderer(browser) {
  return withPage(browser, (page) =>
    page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'no WebGL2';
    }),
  );
}

async function repeat(runs, measure) {
  const values = [];
  for (let run = 0; run < runs; run += 1) values.push(await measure());
  return values;
}

/**
 * The static map page and the files it loads: maplibre-gl (the dashboard's copy), the
 * browser-safe part of @legocity/basemap and its assets. Nothing else is served.
 */
async function startMapPageServer() {
  const maplibre = existsSync(join(ROOT, 'apps/dashboard/node_modules/maplibre-gl'))
    ? join(ROOT, 'apps/dashboard/node_modules/maplibre-gl/dist')
    : join(ROOT, 'node_modules/maplibre-gl/dist');
  const folders = {
    '/maplibre/': maplibre,
    '/basemap-style/': join(ROOT, 'packages/basemap/dist'),
    '/basemap/': join(ROOT, 'packages/basemap/assets'),
  };
  const types = {
    '.mjs': 'text/javascript',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.geojson': 'application/geo+json',
    '.woff2': 'font/woff2',
  };
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(MAP_PAGE);
      return;
    }
    const prefix = Object.keys(folders).find((p) => pathname.startsWith(p));
    const file = prefix && normalize(join(folders[prefix], pathname.slice(prefix.length)));
    if (!file || !file.startsWith(folders[prefix]) || !types[extname(file)]) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': types[extname(file)] });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/**
 * Builds N pseudo-random points over AREA (deterministic, before the clock starts), then times
 * `new Map` → first `idle` with them in a clustered source drawn as the dashboard draws clusters.
 */
const MAP_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>map idle benchmark</title>
<link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>html,body,#map{margin:0;width:100%;height:100%}</style></head>
<body><div id="map"></div>
<script type="module">
window.__bench = {};
try {
  const maplibregl = await import('/maplibre/maplibre-gl.mjs');
  const { offlineStyle } = await import('/basemap-style/browser.js');
  const count = Number(new URLSearchParams(location.search).get('points') || 0);
  const area = ${JSON.stringify(AREA)};
  let seed = 42;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
  const features = Array.from({ length: count }, (_, i) => ({
    type: 'Feature',
    id: i,
    geometry: { type: 'Point', coordinates: [
      area.west + random() * (area.east - area.west),
      area.south + random() * (area.north - area.south),
    ] },
    properties: { value: Math.round(random() * 100) },
  }));
  const style = offlineStyle({ assetsBaseUrl: '/basemap' });
  style.sources.points = {
    type: 'geojson', cluster: true, clusterRadius: 50, clusterMaxZoom: 14,
    data: { type: 'FeatureCollection', features },
  };
  style.layers.push(
    { id: 'clusters', type: 'circle', source: 'points', filter: ['has', 'point_count'],
      paint: { 'circle-color': '#1f77b4', 'circle-opacity': 0.8,
        'circle-radius': ['step', ['get', 'point_count'], 12, 100, 18, 1000, 24] } },
    { id: 'cluster-count', type: 'symbol', source: 'points', filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 12,
        'text-font': ['Noto Sans Regular'] } },
    { id: 'point', type: 'circle', source: 'points', filter: ['!', ['has', 'point_count']],
      paint: { 'circle-color': '#1f77b4', 'circle-radius': 4 } },
  );
  const startedAt = performance.now();
  const map = new maplibregl.Map({
    container: 'map', style, attributionControl: false,
    bounds: [area.west, area.south, area.east, area.north],
  });
  map.once('idle', () => {
    window.__bench.idleMs = performance.now() - startedAt;
    window.__bench.idleAt = performance.now();
    window.__bench.rendered = map.queryRenderedFeatures({ layers: ['clusters', 'point'] }).length;
  });
  map.on('error', (event) => { window.__bench.error = String(event.error?.message ?? event.error); });
} catch (error) {
  window.__bench.error = String(error?.stack ?? error);
}
</script></body></html>`;

const median = (values) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) =>
  Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ms` : '—';
const ratio = (value, baseline) =>
  Number.isFinite(value) && baseline > 0 ? `${(value / baseline).toFixed(2)}×` : '—';

function log(message) {
  process.stderr.write(`${message}\n`);
}

// Run alone: `node bench/phase-dashboard.mjs [--quick]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const results = await runDashboardPhase({ options: { quick } });
  process.stdout.write(`${dashboardSummary(results).join('\n')}\n`);
}
