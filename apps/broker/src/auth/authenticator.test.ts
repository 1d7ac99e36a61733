import { describe, expect, it } from 'vitest';
import type { Queryable } from '../storage/database.js';
import { hashSecret, newKeyId, newSecret } from './api-key-secret.js';
import { Authenticator } from './authenticator.js';

/** A database holding one api_key row, counting reads. */
function fakeDb(row: Record<string, unknown>) {
  const db = {
    reads: 0,
    row,
    query: () => {
      db.reads += 1;
      return Promise.resolve({ rows: [{ ...db.row }], rowCount: 1 });
    },
    exec: () => Promise.resolve(),
  };
  return db as typeof db & Queryable;
}

function keyRow(id: string, secret: string) {
  return {
    id,
    name: 'weather',
    scopes: [{ access: 'read', tenants: ['*'] }],
    secret_hash: hashSecret(secret),
    previous_secret_hash: null,
    previous_valid_until: null,
    rate_limit: null,
    created_at: new Date(0),
    created_by: null,
    last_used_at: null,
    expires_at: null,
    revoked_at: null,
  };
}

describe('Authenticator', () => {
  it('reads a key once per cache period and refuses missing or malformed keys', async () => {
    const id = newKeyId();
    const { key, secret } = newSecret(id);
    const db = fakeDb(keyRow(id, secret));
    let now = 0;
    const auth = new Authenticator(db, { now: () => now, cacheTtlMs: 2_000 });
    expect(await auth.authenticate(key)).toMatchObject({ ok: true, principal: { keyId: id } });
    expect(await auth.authenticate(key)).toMatchObject({ ok: true });
    expect(db.reads).toBe(1);
    now = 2_001;
    await auth.authenticate(key);
    expect(db.reads).toBe(2);
    expect(await auth.authenticate(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(await auth.authenticate('nope')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('accepts a new secret at once after a rotation another process made, then both during the overlap', async () => {
    const id = newKeyId();
    const old = newSecret(id);
    const db = fakeDb(keyRow(id, old.secret));
    let now = 1_000;
    const auth = new Authenticator(db, { now: () => now });
    expect((await auth.authenticate(old.key)).ok).toBe(true);
    const fresh = newSecret(id);
    db.row = {
      ...keyRow(id, fresh.secret),
      previous_secret_hash: hashSecret(old.secret),
      previous_valid_until: new Date(now + 60_000),
    };
    expect((await auth.authenticate(fresh.key)).ok).toBe(true);
    expect((await auth.authenticate(old.key)).ok).toBe(true);
    now += 61_000;
    expect(await auth.authenticate(old.key)).toMatchObject({ ok: false, reason: 'superseded' });
  });

  it('re-reads at most every 250 ms for wrong secrets, and never names the key', async () => {
    const id = newKeyId();
    const db = fakeDb(keyRow(id, newSecret(id).secret));
    const now = 1_000;
    const auth = new Authenticator(db, { now: () => now });
    const wrong = newSecret(id).key;
    expect(await auth.authenticate(wrong)).toEqual({ ok: false, reason: 'invalid' });
    for (let i = 0; i < 10; i += 1) await auth.authenticate(wrong);
    expect(db.reads).toBe(2);
  });

  it('refuses a revoked or expired key', async () => {
    const id = newKeyId();
    const { key, secret } = newSecret(id);
    const db = fakeDb({ ...keyRow(id, secret), revoked_at: new Date(0) });
    const auth = new Authenticator(db, { now: () => 1_000 });
    expect(await auth.authenticate(key)).toMatchObject({ ok: false, reason: 'revoked', keyId: id });
    db.row = { ...keyRow(id, secret), expires_at: new Date(500) };
    auth.forget(id);
    expect(await auth.authenticate(key)).toMatchObject({ ok: false, reason: 'expired' });
  });
});
