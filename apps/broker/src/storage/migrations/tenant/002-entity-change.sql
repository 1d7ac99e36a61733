-- The change log: one row per entity change, written in the transaction that makes the change.
-- It is both the temporal history (ETSI GS CIM 009 v1.8.1 §4.5.6, the instances of every
-- attribute change) and the feed the notifier matches subscriptions against.
create table entity_change (
  seq bigserial primary key,
  -- The writing transaction: the notifier reads changes in (txid, seq) order, only below the
  -- oldest transaction still running, so a change committed late is never skipped.
  txid xid8 not null default pg_current_xact_id(),
  entity_id text collate "C" not null,
  types text[] not null,
  trigger text not null check (trigger in ('entityCreated', 'entityUpdated', 'entityDeleted')),
  -- expanded attribute name -> the instances created or changed (stored form, with datasetId,
  -- observedAt, createdAt, modifiedAt), as they were after the change
  attrs jsonb not null default '{}'::jsonb,
  -- expanded attribute name -> datasetIds ('' = default instance) of instances deleted
  deleted jsonb,
  at timestamptz not null
);
create index entity_change_feed_idx on entity_change (txid, seq);
create index entity_change_entity_idx on entity_change (entity_id, at);
create index entity_change_at_idx on entity_change (at);
