import type { CollectionBeforeChangeHook, CollectionConfig, Field } from 'payload';
import { isAdmin, isEditor, nobody } from '../access/role-access.js';
import { createBrokerAdminEndpoints } from '../broker-admin/broker-admin-endpoints.js';
import { brokerSecretBox } from '../secrets/broker-keys.js';

/** Write-only inputs and the encrypted columns they are stored in. */
const KEY_FIELDS = [
  { input: 'readKey', sealed: 'readKeySealed' },
  { input: 'adminKey', sealed: 'adminKeySealed' },
] as const;

/**
 * Encrypts a newly entered key into its sealed column and drops the plaintext; an empty input
 * keeps the stored key. Sealed columns never take a value from the request.
 */
const sealKeys: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const box = brokerSecretBox(req.payload);
  const next: Record<string, unknown> = { ...data };
  for (const { input, sealed } of KEY_FIELDS) {
    const entered = next[input];
    next[sealed] =
      typeof entered === 'string' && entered.trim() !== ''
        ? box.encrypt(entered.trim())
        : (originalDoc as Record<string, unknown> | undefined)?.[sealed];
    delete next[input];
  }
  return next;
};

/** A key typed in the admin: stored only encrypted, never read back through any API. */
function keyInput(name: string, label: string): Field {
  return {
    name,
    label,
    type: 'text',
    virtual: true,
    admin: {
      description:
        'Write-only: stored encrypted, never shown again. Leave empty to keep the current key.',
    },
    hooks: { afterRead: [() => undefined] },
  };
}

function sealedKey(name: string): Field {
  return {
    name,
    type: 'text',
    access: { read: nobody, create: nobody, update: nobody },
    admin: { hidden: true },
  };
}

/** NGSI-LD brokers the dashboard reads from; only server code ever uses their keys. */
export const Brokers: CollectionConfig = {
  slug: 'brokers',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'url', 'tenant'] },
  access: { read: isEditor, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeChange: [sealKeys] },
  // Admin only (checked in each handler): test connection, update-server keys. See README.
  endpoints: createBrokerAdminEndpoints(),
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    {
      name: 'url',
      type: 'text',
      required: true,
      admin: { description: 'Internal URL the server calls, e.g. http://127.0.0.1:1026' },
      validate: (value: unknown) =>
        typeof value === 'string' && /^https?:\/\/[^\s/]+/.test(value)
          ? true
          : 'URL must start with http:// or https:// and name a host',
    },
    {
      name: 'tenant',
      type: 'text',
      admin: { description: 'NGSILD-Tenant; empty = default tenant' },
    },
    keyInput('readKey', 'Read key'),
    keyInput('adminKey', 'Admin key'),
    sealedKey('readKeySealed'),
    sealedKey('adminKeySealed'),
    {
      // Stores nothing: the "Test connection" button and the update-server keys panel.
      name: 'brokerTools',
      type: 'ui',
      admin: {
        components: { Field: '/admin-components/BrokerTools/BrokerTools#BrokerTools' },
        disableListColumn: true,
      },
    },
  ],
};
