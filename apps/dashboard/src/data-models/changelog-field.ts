import type { ArrayField } from 'payload';
import { nobody } from '../access/role-access.js';

/**
 * The read-only `changelog` array of a data model: one entry per accepted save, appended by the
 * enforceDataModelChange hook (nobody can write it, whatever their role or API).
 */
export const changelogField: ArrayField = {
  name: 'changelog',
  type: 'array',
  access: { create: nobody, update: nobody },
  admin: {
    readOnly: true,
    initCollapsed: true,
    components: { RowLabel: '/admin-components/DataModelRows/ChangelogRowLabel#ChangelogRowLabel' },
    description:
      'Written by the server on every accepted change: the version, when, who, and what changed.',
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'version', type: 'text', required: true },
        {
          name: 'date',
          type: 'date',
          required: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        { name: 'author', label: 'Who', type: 'text' },
      ],
    },
    { name: 'changes', type: 'textarea', required: true },
  ],
};
