/**
 * Phase 2: HTTP under concurrency. The same load generator (autocannon, in a child process),
 * connections and duration run first against a no-op Fastify 5 server (the baseline), then
 * against the broker holding the entities of phase 1: GET one entity, the type + q + geo
 * query, and PATCH of one attribute. Reads run before writes so that they see the freshly
 * loaded table, not the dead rows the PATCH phase leaves for autovacuum.
 */
import { authHeaders } from './api-key.mjs';
import { entityId, queryParams, randomPoint, seededRandom } from './entity-generator.mjs';
import { cpus } from 'node:os';
import { sampleRss, waitForQuietMachine } from './proc-stats.mjs';
import { freePort, runChild, startProcess, stopProcess, waitForHttp } from './start-process.mjs';

const CLIENT = new URL('./http-client.mjs', import.meta.url).pathname;
const NOOP_SERVER = new URL('./noop-server.mjs', import.meta.url).pathname;

/**
 * @example const http = await runHttpPhase({ options, db, broker: { url, pid } });
 * // { noop: { get, patch }, broker: { get, query, patch }, probe, maxRssKib }
 */
export async function runHttpPhase({ options, db, broker }) {
  const load = {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    entities: options.entities,
    databaseName: db.name,
  };

  const port = await freePort();
  const noopServer = startProcess('no-op server', [NOOP_SERVER, String(port)]);
  const noop = {};
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health/ready`, noopServer);
    for (const scenario of ['get', 'patch']) {
      await quiet(options);
      log(
        `no-op Fastify ${scenario}: ${options.connections} connections, ${options.durationSeconds} s`,
      );
      noop[scenario] = await runChild(CLIENT, {
        ...load,
        url,
        scenario,
        serverPid: noopServer.pid,
      });
    }
  } finally {
    await stopProcess(noopServer);
  }

  const probe = await probeBroker(broker.url, options.entities);
  const results = {};
  let maxRssKib = 0;
  for (const scenario of ['get', 'query', 'patch']) {
    await quiet(options);
    log(`broker ${scenario}: ${options.connections} connections, ${options.durationSeconds} s`);
    const rss = sampleRss(broker.pid);
    results[scenario] = await runChild(CLIENT, {
      ...load,
      url: broker.url,
      scenario,
      serverPid: broker.pid,
    });
    results[scenario].maxRssKib = rss.stop().maxKib;
    maxRssKib = Math.max(maxRssKib, results[scenario].maxRssKib);
  }
  return { noop, broker: results, probe, maxRssKib };
}

/**
 * Before timing, check that the data is what the phases assume: an entity reads back, and the
 * query finds entities (a query that always answered [] would be fast and meaningless).
 */
async function probeBroker(url, entities) {
  const one = await fetch(
    `${url}/ngsi-ld/v1/entities/${encodeURIComponent(entityId(entities - 1))}`,
    { headers: authHeaders() },
  );
  const body = await one.json();
  if (one.status !== 200 || body.temperature === undefined) {
    throw new Error(
      `GET of the last loaded entity answered ${one.status}: ${JSON.stringify(body).slice(0, 300)}`,
    );
  }
  const random = seededRandom(7);
  let returned = 0;
  let matching = 0;
  const points = 20;
  for (let i = 0; i < points; i += 1) {
    const search = new URLSearchParams({ ...queryParams(randomPoint(random)), count: 'true' });
    const response = await fetch(`${url}/ngsi-ld/v1/entities?${search.toString()}`, {
      headers: authHeaders(),
    });
    const page = await response.json();
    if (response.status !== 200)
      throw new Error(`The probe query answered ${response.status}: ${JSON.stringify(page)}`);
    returned += page.length;
    matching += Number(response.headers.get('ngsild-results-count'));
  }
  return {
    queryPoints: points,
    averageReturned: returned / points,
    averageMatching: matching / points,
  };
}

/** On a shared machine, give other people's work a chance to leave the CPUs first. */
function quiet(options) {
  return waitForQuietMachine({ timeoutSeconds: options.quietWaitSeconds, cores: cpus().length });
}

function log(message) {
  process.stderr.write(`[http] ${message}\n`);
}
