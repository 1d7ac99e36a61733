import type { Field } from 'payload';

/** The URL part of a page or map view: lower-case words joined by hyphens, unique. */
export const slugField: Field = {
  name: 'slug',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  validate: (value: unknown) =>
    typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
      ? true
      : 'Slug must be lower-case words joined by hyphens',
};

/** Whether anonymous visitors may see the document; `description` says when. */
export function publicField(description: string): Field {
  return {
    name: 'public',
    type: 'checkbox',
    defaultValue: false,
    admin: { position: 'sidebar', description },
  };
}
