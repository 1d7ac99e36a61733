import pg from 'pg';

/**
 * A throw-away database with PostGIS on the given server, so a run never touches real data and
 * every run starts from the same empty state. Drop it with `drop()`, also on failure.
 * @example const db = await createScratchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
 */
export async function createScratchDatabase(serverUrl) {
  const name = `legocity_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  await withClient(serverUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  // The broker's global migration also says `create extension if not exists postgis`; creating it
  // here lets the baseline tables exist before the broker starts.
  const drop = () =>
    withClient(serverUrl, (client) =>
      client.query(`drop database if exists "${name}" with (force)`),
    );
  try {
    await withClient(databaseUrl, (client) => client.query('create extension postgis'));
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    name,
    url: databaseUrl,
    /** Run one statement on the scratch database. */
    query: (sql, params) => withClient(databaseUrl, (client) => client.query(sql, params)),
    /** `with (force)` ends any connection a crashed broker left behind. */
    drop,
  };
}

async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The table pair of the raw-pg baseline: the same columns and indexes as a broker tenant. */
export const BASELINE_SCHEMA = 'bench_baseline';

export const BASELINE_DDL = `
create schema ${BASELINE_SCHEMA};
create table ${BASELINE_SCHEMA}.entity (
  id text collate "C" primary key,
  types text[] not null,
  scopes text[],
  attrs jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  modified_at timestamptz not null
);
create index on ${BASELINE_SCHEMA}.entity using gin (types);
create table ${BASELINE_SCHEMA}.geo_attribute (
  entity_id text collate "C" not null references ${BASELINE_SCHEMA}.entity (id) on delete cascade,
  name text not null,
  dataset_id text not null default '',
  geom public.geometry(Geometry, 4326) not null,
  primary key (entity_id, name, dataset_id)
);
create index on ${BASELINE_SCHEMA}.geo_attribute using gist (geom);
create index on ${BASELINE_SCHEMA}.geo_attribute using gist ((geom::public.geography));
`;
