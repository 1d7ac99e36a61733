-- Subscriptions (ETSI GS CIM 009 v1.8.1 §5.2.12) and the durable notification outbox.
create table subscription (
  id text collate "C" primary key,
  -- the Subscription as the client sent it (names as written), without system members
  body jsonb not null,
  -- the @context it was created with (a URL, an object or a list), to expand its names and
  -- compact its notifications; null = the core context only
  context jsonb,
  is_active boolean not null default true,
  expires_at timestamptz,
  created_at timestamptz not null,
  modified_at timestamptz not null,
  -- delivery state, shared by every broker process
  times_sent bigint not null default 0,
  times_failed bigint not null default 0,
  last_notification timestamptz,
  last_success timestamptz,
  last_failure timestamptz,
  last_error text,
  consecutive_failures integer not null default 0,
  -- no delivery before this time (retry backoff after a failure, or throttling)
  retry_at timestamptz,
  -- a broker process delivering this subscription's notifications holds it until this time
  lease_until timestamptz
);

-- One row per notification still to deliver: written in the same transaction that moves the
-- notifier's cursor, deleted once delivered. A broker restart loses nothing.
create table notification_outbox (
  id bigserial primary key,
  subscription_id text collate "C" not null references subscription (id) on delete cascade,
  entity_id text collate "C" not null,
  trigger text not null,
  -- the entity as it will be sent (already filtered and formatted for the subscription)
  entity jsonb not null,
  created_at timestamptz not null default now()
);
create index notification_outbox_subscription_idx on notification_outbox (subscription_id, id);

-- Where the notifier is in the change log (a single row). Only changes at or before this
-- position may be removed by history retention.
create table notifier_cursor (
  singleton boolean primary key default true check (singleton),
  txid xid8 not null default '0'::xid8,
  seq bigint not null default 0
);
insert into notifier_cursor default values;
