import type { CmsCounts } from '../backup/cms-collections.js';

/**
 * Counts of CMS documents in words, non-zero ones only.
 * @example describeCounts({ users: 1, pages: 3, 'map-views': 0, … }) // '1 users, 3 pages'
 */
export function describeCounts(counts: Partial<CmsCounts>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([slug, n]) => `${n} ${slug}`);
  return parts.length > 0 ? parts.join(', ') : 'no documents';
}
