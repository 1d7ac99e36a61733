import type { Payload } from 'payload';
import { readBrokerKeys, type BrokerKeys } from '../secrets/broker-keys.js';
import { BrokerAdminError } from './broker-admin-errors.js';

/** A configured broker with its keys opened, for the admin operations (server side only). */
export interface AdminBroker extends BrokerKeys {
  id: number;
}

/**
 * Read a configured broker by id, keys decrypted. Callers decided already that the requester is
 * an admin. Only a broker stored in the CMS is ever called: no URL comes from a request.
 * @example const broker = await loadBroker(payload, 3);
 */
export async function loadBroker(payload: Payload, brokerId: number): Promise<AdminBroker> {
  let keys: BrokerKeys;
  try {
    keys = await readBrokerKeys(payload, brokerId);
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status === 404) {
      throw new BrokerAdminError('UnknownBroker', `Broker ${brokerId} does not exist`);
    }
    if (error instanceof Error && error.message.startsWith('Stored secret')) {
      throw new BrokerAdminError(
        'BrokerNotConfigured',
        `Broker ${brokerId}'s stored keys cannot be decrypted (was the Payload secret changed?); enter them again`,
      );
    }
    throw error;
  }
  return { id: brokerId, ...keys };
}

/**
 * The broker's admin key, or a 409 saying it has none (update-server keys need it).
 * @example const adminKey = adminKeyOf(broker);
 */
export function adminKeyOf(broker: AdminBroker): string {
  if (broker.adminKey === undefined) {
    throw new BrokerAdminError(
      'BrokerNotConfigured',
      `Broker ${broker.id} has no admin key: enter one to manage update-server keys`,
    );
  }
  return broker.adminKey;
}
