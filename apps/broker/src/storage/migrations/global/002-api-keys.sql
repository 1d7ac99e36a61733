-- API keys (docs/security.md, decision 0005). Only the SHA-256 of each secret is stored; the
-- secret is shown once, at creation or rotation.
create table legocity.api_key (
  id text collate "C" primary key,
  name text not null,
  -- [{ "access": "admin" } | { "access": "read", "tenants": [...] }
  --  | { "access": "write", "tenants": [...], "entityTypes": [...] }]
  scopes jsonb not null,
  secret_hash text not null,
  -- The secret replaced by the last rotation, accepted until previous_valid_until (overlap).
  previous_secret_hash text,
  previous_valid_until timestamptz,
  -- Requests per second for this key; null: the broker's LEGOCITY_BROKER_RATE_LIMIT.
  rate_limit double precision check (rate_limit is null or rate_limit >= 0),
  created_at timestamptz not null default now(),
  created_by text,
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);

-- A name identifies one live key; a revoked key's name may be reused.
create unique index api_key_live_name on legocity.api_key (name) where revoked_at is null;

-- Key management and denied requests (denials are aggregated: one row per key, reason and window).
create table legocity.audit_event (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_key_id text,
  actor_name text,
  action text not null,
  target text,
  outcome text not null check (outcome in ('success', 'denied')),
  detail jsonb not null default '{}'
);

create index audit_event_at on legocity.audit_event (at);
