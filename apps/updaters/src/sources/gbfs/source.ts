import { PermanentError, type FetchContext, type PolledSource } from '@legocity/updater-runtime';
import type { GbfsConfig } from './config.js';
import { bikeHireDockingStationContract } from './contract.js';
import { readDiscovery } from './discovery.js';
import { transformGbfs, type GbfsSnapshot } from './transform.js';

// Feeds whose ttl may say "not before" longer than the schedule: allow that much lateness.
const MIN_GRACE_MS = 10 * 60_000;

/**
 * Bike-share docking stations from any GBFS 2.x or 3.x system, written as BikeHireDockingStation.
 * Each run reads gbfs.json, then system_information (unless a system id is configured),
 * station_information and station_status, and tells the runtime the smallest `ttl` among them so
 * the feeds are not read again before they change.
 * @example runtime.add(createGbfsSource(readGbfsConfig().value))
 */
export function createGbfsSource(config: GbfsConfig): PolledSource<GbfsSnapshot> {
  return {
    kind: 'polled',
    id: 'gbfs',
    title: 'Bike-share docking stations (GBFS 2.x/3.x)',
    entityTypes: [bikeHireDockingStationContract.type],
    contracts: [bikeHireDockingStationContract],
    schedule: { every: config.every },
    periodMs: config.every,
    graceMs: Math.max(2 * config.every, MIN_GRACE_MS),
    fetch: (context) => fetchGbfs(config, context),
    transform(snapshot, context) {
      const { entities, problems } = transformGbfs(snapshot);
      for (const problem of problems)
        context.log.warn({ problem }, `GBFS station skipped: ${problem}`);
      if (entities.length === 0 && problems.length > 0) {
        throw new PermanentError('transform', `No GBFS station could be read: ${problems[0]}`);
      }
      return entities;
    },
  };
}

/** One run's reads: discovery, then the feeds it lists. */
async function fetchGbfs(config: GbfsConfig, context: FetchContext): Promise<GbfsSnapshot> {
  const { body } = await context.get(config.url);
  const discovery = readDiscovery(body, config.url, config.language);
  if (!discovery.ok) throw new PermanentError('parse', discovery.problems.join('; '));
  const { feeds, version } = discovery.value;
  const ttls: number[] = discovery.value.ttl === undefined ? [] : [discovery.value.ttl];

  const needed = ['station_information', 'station_status'];
  if (config.systemId === undefined) needed.unshift('system_information');
  const missing = needed.filter((name) => feeds[name] === undefined);
  if (missing.length > 0) {
    const listed = Object.keys(feeds).join(', ') || 'none';
    throw new PermanentError(
      'parse',
      `gbfs.json lists no ${missing.join(' or ')} feed (it lists: ${listed})`,
    );
  }

  const read = async (name: string): Promise<unknown> => {
    const response = await context.get(feeds[name] ?? '');
    const ttl = (response.body as { ttl?: unknown } | null)?.ttl;
    if (typeof ttl === 'number' && ttl >= 0) ttls.push(ttl);
    return response.body;
  };

  const systemId = config.systemId ?? readSystemId(await read('system_information'));
  const stationInformation = await read('station_information');
  const stationStatus = await read('station_status');
  if (ttls.length > 0) context.setTtl(Math.min(...ttls));
  const language = config.language ?? discovery.value.language;
  return {
    systemId,
    version,
    ...(language === undefined ? {} : { language }),
    stationInformation,
    stationStatus,
  };
}

function readSystemId(systemInformation: unknown): string {
  const data = (systemInformation as { data?: { system_id?: unknown } } | null)?.data;
  if (typeof data?.system_id === 'string' && data.system_id !== '') return data.system_id;
  throw new PermanentError(
    'parse',
    'system_information: data.system_id: expected a string (or set LEGOCITY_UPDATERS_GBFS_SYSTEM_ID)',
  );
}
