import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An API key as clients send it: `lgc_<keyId>_<secret>`. */
export interface ApiKeyParts {
  /** Public, stored in clear: finds the row without a scan. */
  keyId: string;
  /** 32 random bytes, base64url; only its SHA-256 is stored. */
  secret: string;
}

const PREFIX = 'lgc_';
// keyId: 16 lowercase hex characters (no '_', so the first '_' after it ends it).
const KEY = /^lgc_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/**
 * A new random key id (8 random bytes, hex).
 * @example newKeyId() // '9f2c4e1a0b7d3c55'
 */
export function newKeyId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * A new secret (32 random bytes, base64url) and the full key text for a key id.
 * @example const { key, secret } = newSecret('9f2c4e1a0b7d3c55'); // key = 'lgc_9f2c…_…'
 */
export function newSecret(keyId: string): { key: string; secret: string } {
  const secret = randomBytes(32).toString('base64url');
  return { key: `${PREFIX}${keyId}_${secret}`, secret };
}

/**
 * Split a key sent by a client; undefined when it does not have the key format.
 * @example parseApiKey('lgc_9f2c4e1a0b7d3c55_…') // { keyId: '9f2c4e1a0b7d3c55', secret: '…' }
 */
export function parseApiKey(text: string): ApiKeyParts | undefined {
  const match = KEY.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { keyId: match[1], secret: match[2] };
}

/**
 * The stored form of a secret: hex SHA-256. A fast hash is right for 256-bit random secrets
 * (nothing to brute-force); see docs/decisions/0005-api-keys.md.
 * @example hashSecret(secret) // '3b5d…' (64 hex characters)
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Whether a secret hashes to a stored hash, compared in constant time.
 * @example isSecretOf(secret, row.secretHash) // true
 */
export function isSecretOf(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
