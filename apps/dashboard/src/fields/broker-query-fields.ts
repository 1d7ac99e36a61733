import type { Field, TextField } from 'payload';

/** The broker a layer or block reads from (server-side, with the broker's read key). */
export const brokerField: Field = {
  name: 'broker',
  type: 'relationship',
  relationTo: 'brokers',
  required: true,
};

/** The NGSI-LD entity type queried. */
export const entityTypeField: Field = {
  name: 'entityType',
  type: 'text',
  required: true,
  validate: (value: unknown) =>
    typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_:/.#-]*$/.test(value)
      ? true
      : 'Entity type must be a name or URI without spaces',
};

/** An attribute name (short name or expanded URI). */
export function attributeField(name: string, required = true): TextField {
  return {
    name,
    type: 'text',
    required,
    validate: (value: unknown) =>
      (!required && (value === undefined || value === null || value === '')) ||
      (typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_:/.#-]*$/.test(value))
        ? true
        : 'Attribute must be a name or URI without spaces',
  };
}

/** A CSS hex colour such as #1f77b4. */
export function colourField(name: string, defaultValue?: string): Field {
  return {
    name,
    type: 'text',
    defaultValue,
    validate: (value: unknown) =>
      value === undefined ||
      value === null ||
      value === '' ||
      (typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value))
        ? true
        : 'Colour must be a hex colour such as #1f77b4',
  };
}
