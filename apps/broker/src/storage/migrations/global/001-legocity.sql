-- Broker-wide tables. Tenant data lives in one schema per tenant (see ../tenant/).
create extension if not exists postgis;

create table legocity.tenant (
  name text collate "C" primary key,
  schema_name text not null unique,
  created_at timestamptz not null default now()
);

-- User @contexts (ETSI GS CIM 009 v1.8.1 §5.13): hosted by the broker or cached from a URL.
create table legocity.jsonld_context (
  id text collate "C" primary key,
  url text collate "C" not null unique,
  kind text not null check (kind in ('Hosted', 'Cached', 'ImplicitlyCreated')),
  body jsonb not null,
  created_at timestamptz not null default now(),
  fetched_at timestamptz,
  last_used_at timestamptz,
  hits bigint not null default 0
);
