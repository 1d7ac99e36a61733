import type { CollectionConfig } from 'payload';
import { publicField, slugField } from '../fields/publishing-fields.js';
import { readPublishedPublicOrSignedIn } from '../access/public-access.js';
import { isAdmin, isEditor } from '../access/role-access.js';
import { PAGE_BLOCKS } from '../blocks/index.js';

/** A dashboard page built from blocks; drafts and versions, published when ready. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'public', '_status'],
    // The admin's Preview button: the page as visitors will see it, the draft included.
    preview: (doc) => (typeof doc.slug === 'string' ? `/pages/${doc.slug}?preview=1` : null),
  },
  versions: { drafts: true, maxPerDoc: 50 },
  access: {
    read: readPublishedPublicOrSignedIn,
    readVersions: isEditor,
    create: isEditor,
    update: isEditor,
    delete: isAdmin,
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField,
    publicField('Public pages need no login once published.'),
    { name: 'blocks', type: 'blocks', blocks: PAGE_BLOCKS },
  ],
};
