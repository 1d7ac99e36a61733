import { CMS_COLLECTIONS, type CmsCounts } from '../../backup/cms-collections.js';
import { describeCounts } from '../describe-counts.js';
import { cmsGet, type CmsSession } from './cms-session.js';
import { fail, pass, type DrillCheck } from './drill-report.js';

/**
 * The scratch CMS's documents per collection (REST totalDocs, as the admin) equal the manifest's.
 * @example const check = await countsCheck(session, manifest.cms.counts);
 */
export async function countsCheck(session: CmsSession, expected: CmsCounts): Promise<DrillCheck> {
  const actual = {} as CmsCounts;
  for (const { slug } of CMS_COLLECTIONS) {
    const response = await cmsGet(session, `/api/${slug}?limit=1&depth=0`);
    actual[slug] =
      response.status === 200 ? ((await response.json()) as { totalDocs: number }).totalDocs : -1;
  }
  const differ = CMS_COLLECTIONS.filter(({ slug }) => actual[slug] !== expected[slug]).map(
    ({ slug }) =>
      `${slug} ${actual[slug] < 0 ? 'unreadable' : actual[slug]} (manifest ${expected[slug]})`,
  );
  return differ.length === 0
    ? pass('CMS counts', `equal the manifest: ${describeCounts(actual)}`)
    : fail('CMS counts', `differ: ${differ.join(', ')}`);
}
