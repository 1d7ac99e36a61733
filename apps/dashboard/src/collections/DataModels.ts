import type { CollectionConfig } from 'payload';
import { isAdmin, isEditor, isViewer } from '../access/role-access.js';

/**
 * Entity types and their attributes: the data contract update servers validate against and the
 * documentation operators read.
 */
export const DataModels: CollectionConfig = {
  slug: 'data-models',
  admin: { useAsTitle: 'entityType', defaultColumns: ['entityType', 'version', 'idPattern'] },
  access: { read: isViewer, create: isEditor, update: isEditor, delete: isAdmin },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'entityType',
          type: 'text',
          required: true,
          admin: { description: 'e.g. AirQualityObserved' },
        },
        { name: 'version', type: 'text', required: true, defaultValue: '1.0.0' },
      ],
    },
    {
      name: 'idPattern',
      type: 'text',
      admin: {
        description:
          'Regular expression entity ids must match, e.g. ^urn:ngsi-ld:AirQualityObserved:',
      },
      validate: (value: unknown) => {
        if (value === undefined || value === null || value === '') return true;
        if (typeof value !== 'string') return 'Id pattern must be text';
        try {
          new RegExp(value);
          return true;
        } catch {
          return 'Id pattern must be a valid regular expression';
        }
      },
    },
    { name: 'description', type: 'textarea' },
    {
      name: 'attributes',
      type: 'array',
      admin: { initCollapsed: false },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true },
            {
              name: 'kind',
              type: 'select',
              required: true,
              defaultValue: 'Property',
              options: ['Property', 'Relationship', 'GeoProperty', 'LanguageProperty'],
            },
            {
              name: 'valueType',
              type: 'select',
              defaultValue: 'number',
              options: [
                'number',
                'integer',
                'string',
                'boolean',
                'object',
                'array',
                'date-time',
                'geometry',
              ],
            },
            { name: 'unitCode', type: 'text', admin: { description: 'UN/CEFACT code, e.g. CEL' } },
          ],
        },
        { name: 'description', type: 'textarea' },
      ],
    },
  ],
};
