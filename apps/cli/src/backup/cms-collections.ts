/**
 * The CMS collections a backup counts and a restore drill checks: their REST slug and their
 * table (the same name in Payload's SQLite and PostgreSQL schemas).
 */
export const CMS_COLLECTIONS = [
  { slug: 'users', table: 'users' },
  { slug: 'pages', table: 'pages' },
  { slug: 'map-views', table: 'map_views' },
  { slug: 'data-models', table: 'data_models' },
  { slug: 'brokers', table: 'brokers' },
] as const;

export type CmsCollection = (typeof CMS_COLLECTIONS)[number]['slug'];

/** Documents per collection. */
export type CmsCounts = Record<CmsCollection, number>;

/** Whether any collection holds a document (a CMS with content, which a restore will not overwrite). */
export function hasContent(counts: Partial<CmsCounts>): boolean {
  return Object.values(counts).some((n) => (n ?? 0) > 0);
}
