import { describe, expect, it } from 'vitest';
import { hashSecret, isSecretOf, newKeyId, newSecret, parseApiKey } from './api-key-secret.js';

describe('API key secrets', () => {
  it('makes keys that parse back into their id and secret', () => {
    const id = newKeyId();
    const { key, secret } = newSecret(id);
    expect(key).toMatch(/^lgc_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key)).toEqual({ keyId: id, secret });
  });

  it('refuses text that is not a key', () => {
    for (const text of [
      '',
      'lgc_',
      'lgc_xyz_abc',
      `lgc_0123456789abcdef_${'a'.repeat(42)}`,
      'Bearer x',
    ])
      expect(parseApiKey(text)).toBeUndefined();
  });

  it('matches a secret to its hash only', () => {
    const { secret } = newSecret(newKeyId());
    expect(isSecretOf(secret, hashSecret(secret))).toBe(true);
    expect(isSecretOf(`${secret}x`, hashSecret(secret))).toBe(false);
    expect(isSecretOf(secret, 'not-hex')).toBe(false);
  });
});
