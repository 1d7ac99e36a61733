-- Entities of one tenant, in stored form (see packages/ngsi-ld/src/entity/types.ts).
-- Every tenant has its own schema; this file runs with search_path set to it.
create table entity (
  id text collate "C" primary key,
  types text[] not null,
  scopes text[],
  -- expanded attribute name -> array of AttributeInstance (one per datasetId)
  attrs jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  modified_at timestamptz not null
);
create index entity_types_idx on entity using gin (types);

-- One row per GeoProperty instance, so geo-queries can use spatial indexes.
create table geo_attribute (
  entity_id text collate "C" not null references entity (id) on delete cascade,
  name text not null,
  dataset_id text not null default '',
  geom public.geometry(Geometry, 4326) not null,
  primary key (entity_id, name, dataset_id)
);
create index geo_attribute_geom_idx on geo_attribute using gist (geom);
create index geo_attribute_geog_idx on geo_attribute using gist ((geom::public.geography));
