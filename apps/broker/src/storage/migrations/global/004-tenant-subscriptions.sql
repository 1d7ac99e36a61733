-- Tenants that have (or had) subscriptions: the notifier polls only these; other tenants are
-- woken by the notifications of their own commits.
alter table legocity.tenant add column has_subscriptions boolean not null default false;
