import type { Payload } from 'payload';
import type { Page } from '../../payload-types.js';
import type { Reader } from '../../site/load-views.js';

export type PageBlock = NonNullable<Page['blocks']>[number];

/** The block and whether its page is public (its answers may then be shared by caches). */
export interface FoundBlock {
  block: PageBlock;
  isPublic: boolean;
}

const BLOCK_ID = /^[0-9a-f]{24}$/;
/** Pages searched for a block; a city's dashboard site has far fewer. */
const MAX_PAGES = 1_000;

/**
 * The block with this row id on a page the reader may see: anonymous visitors see published
 * public pages, signed-in readers also drafts (preview). Unknown and unreadable ids alike →
 * undefined.
 * @example const found = await findBlock(payload, '65f0c0ffee0123456789abcd', null);
 */
export async function findBlock(
  payload: Payload,
  blockId: string,
  reader: Reader,
): Promise<FoundBlock | undefined> {
  if (!BLOCK_ID.test(blockId)) return undefined;
  const pages = await payload.find({
    collection: 'pages',
    limit: MAX_PAGES,
    depth: 0,
    draft: reader !== null && reader !== undefined,
    overrideAccess: false,
    user: reader,
  });
  for (const page of pages.docs) {
    const block = page.blocks?.find((candidate) => candidate.id === blockId);
    if (block) return { block, isPublic: page.public === true && page._status === 'published' };
  }
  return undefined;
}
