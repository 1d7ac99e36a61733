import type { Payload } from 'payload';
import { createSecretBox, type SecretBox } from './secret-box.js';

/** The plaintext keys of one broker, for server code only (never send them to a browser). */
export interface BrokerKeys {
  url: string;
  tenant: string | undefined;
  readKey: string | undefined;
  adminKey: string | undefined;
}

/**
 * The secret box of this Payload instance, keyed from the configured secret (not `payload.secret`,
 * which Payload derives from it for its own use).
 * @example brokerSecretBox(req.payload).encrypt(readKey)
 */
export function brokerSecretBox(payload: Payload): SecretBox {
  return createSecretBox(payload.config.secret);
}

/**
 * Reads a broker with its keys decrypted, bypassing access control: call it only from server
 * code that decided the requester may use this broker.
 * @example const { url, readKey } = await readBrokerKeys(payload, layer.broker);
 */
export async function readBrokerKeys(
  payload: Payload,
  brokerId: number | string,
): Promise<BrokerKeys> {
  const doc = (await payload.findByID({
    collection: 'brokers',
    id: brokerId,
    overrideAccess: true,
    depth: 0,
  })) as unknown as Record<string, unknown>;
  const box = brokerSecretBox(payload);
  const open = (sealed: unknown): string | undefined =>
    typeof sealed === 'string' && sealed !== '' ? box.decrypt(sealed) : undefined;
  return {
    url: String(doc.url),
    tenant: typeof doc.tenant === 'string' && doc.tenant !== '' ? doc.tenant : undefined,
    readKey: open(doc.readKeySealed),
    adminKey: open(doc.adminKeySealed),
  };
}
