import type { ArrayField } from 'payload';
import { nobody } from '../access/role-access.js';
import { ATTRIBUTE_STATUSES } from './data-model.js';

const KINDS = ['Property', 'Relationship', 'GeoProperty', 'LanguageProperty'];
const VALUE_TYPES = [
  'number',
  'integer',
  'string',
  'boolean',
  'object',
  'array',
  'date-time',
  'geometry',
];

const isDeprecated = (_data: unknown, siblingData: { status?: unknown } | undefined) =>
  siblingData?.status === 'deprecated';

/**
 * The `attributes` array of a data model. Name, kind, valueType and unitCode are fixed once
 * published; an attribute leaves through its lifecycle (status → deprecated with replacedBy, then
 * removal in a later version), enforced by the collection's enforceDataModelChange hook.
 */
export const attributesField: ArrayField = {
  name: 'attributes',
  type: 'array',
  admin: {
    initCollapsed: false,
    components: { RowLabel: '/admin-components/DataModelRows/AttributeRowLabel#AttributeRowLabel' },
    description:
      'Add attributes freely. To retire or retype one: add its replacement, mark the old one deprecated (replaced by the new one) and raise the version; remove it in a later version.',
  },
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
          options: KINDS,
        },
        { name: 'valueType', type: 'select', defaultValue: 'number', options: VALUE_TYPES },
        { name: 'unitCode', type: 'text', admin: { description: 'UN/CEFACT code, e.g. CEL' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'active',
          options: [...ATTRIBUTE_STATUSES],
          admin: { description: 'Deprecated: still written, about to be removed' },
        },
        {
          name: 'replacedBy',
          type: 'text',
          admin: {
            condition: isDeprecated,
            description: 'Name of the active attribute that replaces this one',
          },
        },
        {
          name: 'deprecatedIn',
          type: 'text',
          // Set by the server from the model's version: removal needs it to be an earlier one.
          access: { create: nobody, update: nobody },
          admin: { condition: isDeprecated, readOnly: true, description: 'Set on save' },
        },
      ],
    },
    { name: 'description', type: 'textarea' },
  ],
};
