import type { CollectionConfig } from 'payload';
import { isAdmin, isEditor, isViewer } from '../access/role-access.js';
import { attributesField } from '../data-models/attributes-field.js';
import { changelogField } from '../data-models/changelog-field.js';
import { enforceDataModelChange } from '../data-models/enforce-data-model-change.js';
import { parseSemanticVersion } from '../data-models/semantic-version.js';

/**
 * Entity types and their attributes: the data contract update servers validate against and the
 * documentation operators read. Changes are staged (add new, deprecate old, remove later), need a
 * higher semantic version, and are recorded in the changelog: docs/runbooks/data-models.md.
 */
export const DataModels: CollectionConfig = {
  slug: 'data-models',
  admin: { useAsTitle: 'entityType', defaultColumns: ['entityType', 'version', 'idPattern'] },
  access: { read: isViewer, create: isEditor, update: isEditor, delete: isAdmin },
  hooks: { beforeChange: [enforceDataModelChange] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'entityType',
          type: 'text',
          required: true,
          admin: { description: 'e.g. AirQualityObserved; fixed once created' },
        },
        {
          name: 'version',
          type: 'text',
          required: true,
          defaultValue: '1.0.0',
          admin: { description: 'Semantic version; raise it with every change' },
          validate: (value: unknown) =>
            typeof value === 'string' && parseSemanticVersion(value) !== undefined
              ? true
              : 'Version must be a semantic version: MAJOR.MINOR.PATCH, e.g. 1.2.0',
        },
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
    attributesField,
    changelogField,
  ],
};
