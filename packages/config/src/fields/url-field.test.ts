import { describe, expect, it } from 'vitest';
import { url } from './url-field.js';

describe('url', () => {
  const database = url({ env: 'DATABASE_URL', protocols: ['postgres:', 'postgresql:'] });

  it('keeps an accepted URL as written', () => {
    expect(database.parse(' postgres://app:pw@db:5432/city ')).toEqual({
      ok: true,
      value: 'postgres://app:pw@db:5432/city',
    });
  });

  it('rejects another protocol and names the accepted ones', () => {
    expect(database.parse('mysql://db/city')).toEqual({
      ok: false,
      message: 'must be a URL with protocol postgres: or postgresql:',
    });
  });

  it('accepts only HTTP(S) when no protocols are given, so a host:port is not taken for a URL', () => {
    const broker = url({ env: 'BROKER_URL' });
    expect(broker.parse('http://broker:1026').ok).toBe(true);
    for (const raw of ['localhost:1026', '/ngsi-ld/v1', 'ftp://files']) {
      expect(broker.parse(raw)).toEqual({
        ok: false,
        message: 'must be a URL with protocol http: or https:',
      });
    }
  });
});
