import { NgsiLdError } from '@legocity/ngsi-ld';

export const JSON = 'application/json';
export const JSON_LD = 'application/ld+json';
export const GEO_JSON = 'application/geo+json';
export const MERGE_PATCH = 'application/merge-patch+json';

export type ResponseMediaType = typeof JSON | typeof JSON_LD | typeof GEO_JSON;

interface AcceptRange {
  type: string;
  q: number;
  order: number;
}

/**
 * Choose the response media type from the Accept header (§6.3.4): application/json unless the
 * client prefers application/ld+json, or application/geo+json where the resource offers it.
 * NotAcceptable (406) when nothing offered is accepted.
 * @example negotiate('application/ld+json', [JSON, JSON_LD]) // 'application/ld+json'
 */
export function negotiate(
  accept: string | undefined,
  offered: readonly ResponseMediaType[],
): ResponseMediaType {
  const first = offered[0] ?? JSON;
  if (!accept || accept.trim() === '') return first;
  const ranges = parseAccept(accept);
  let best: { type: ResponseMediaType; q: number; specificity: number; order: number } | undefined;
  for (const candidate of offered) {
    for (const range of ranges) {
      const specificity = matches(range.type, candidate);
      if (specificity < 0 || range.q <= 0) continue;
      const better =
        !best ||
        range.q > best.q ||
        (range.q === best.q && specificity > best.specificity) ||
        (range.q === best.q && specificity === best.specificity && range.order < best.order);
      if (better) best = { type: candidate, q: range.q, specificity, order: range.order };
    }
  }
  if (!best) {
    throw new NgsiLdError(
      'NotAcceptable',
      `None of the media types in Accept (${accept}) can be produced; offered: ${offered.join(', ')}`,
      {
        field: 'Accept',
      },
    );
  }
  return best.type;
}

function parseAccept(header: string): AcceptRange[] {
  return header.split(',').map((part, order) => {
    const [type = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return { type: type.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
  });
}

/** 2 exact, 1 type/*, 0 *\/*, -1 no match. */
function matches(range: string, candidate: string): number {
  if (range === candidate) return 2;
  if (range === '*/*') return 0;
  if (range.endsWith('/*') && candidate.startsWith(range.slice(0, -1))) return 1;
  return -1;
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}
