import { messages } from './messages.js';
import type { PageParams } from './query-entities.js';
import type { QueryResult } from './types.js';

/** Stellio's default maximum page size, so paging works there without configuration. */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * Walk pages until one comes back short. A page longer than asked means the broker ignored
 * `limit` and sent everything; a page starting where the last one did means it ignored `offset`.
 * Either way there is nothing more to fetch, and stopping avoids looping forever.
 */
export async function* pages<T>(
  params: PageParams,
  pageSize: number = DEFAULT_PAGE_SIZE,
  fetchPage: (page: PageParams) => Promise<QueryResult<T>>,
): AsyncGenerator<T> {
  if (!(Number.isInteger(pageSize) && pageSize > 0)) {
    throw new RangeError(messages.invalidPageSize());
  }
  let offset = params.offset ?? 0;
  let previousFirst: unknown;
  for (;;) {
    const { entities } = await fetchPage({ limit: pageSize, offset, count: undefined });
    const first = (entities[0] as { id?: unknown } | undefined)?.id;
    if (offset !== (params.offset ?? 0) && first !== undefined && first === previousFirst) return;
    yield* entities;
    if (entities.length !== pageSize) return;
    previousFirst = first;
    offset += pageSize;
  }
}
