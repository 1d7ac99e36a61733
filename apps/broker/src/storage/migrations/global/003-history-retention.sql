-- How long a tenant's entity history (its change log, the temporal API) is kept, in seconds.
-- null: the broker's default (LEGOCITY_BROKER_HISTORY_RETENTION); 0: forever.
alter table legocity.tenant
  add column history_retention_seconds integer check (history_retention_seconds >= 0);
