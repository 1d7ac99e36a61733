import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;

/** Encrypts and decrypts stored secrets (broker keys) with AES-256-GCM. */
export interface SecretBox {
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; a fresh IV every call. */
  encrypt(plaintext: string): string;
  /** The plaintext, or an error naming no value when the text was tampered with or the key changed. */
  decrypt(sealed: string): string;
}

/**
 * A secret box whose key is derived (HKDF-SHA256) from the Payload secret, so rotating that
 * secret makes stored broker keys unreadable: they must be entered again.
 * @example const box = createSecretBox(secret); const sealed = box.encrypt(readKey);
 */
export function createSecretBox(payloadSecret: string): SecretBox {
  const key = Buffer.from(
    hkdfSync('sha256', payloadSecret, 'legocity-dashboard', 'broker-keys', 32),
  );
  return {
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv, tag, body]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) {
        throw new Error('Stored secret is not in the v1 format');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(body, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new Error(
          'Stored secret cannot be decrypted: the Payload secret changed or the value was altered',
        );
      }
    },
  };
}
