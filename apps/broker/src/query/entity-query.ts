import type { GeoQuery, QExpression, TypeSelection } from '@legocity/ngsi-ld';

/** Which entities to consider: ids, an id pattern and a type selection, all optional (§5.2.8). */
export interface EntitySelector {
  ids?: string[];
  idPattern?: string;
  type?: TypeSelection;
}

/**
 * A parsed entity query (§5.7.2 Query Entities; §6.4.3.2 GET /entities and §6.23 POST
 * /entityOperations/query). Names are as the client wrote them; the operation expands them.
 * An entity matches when it matches ANY selector and all other conditions.
 */
export interface EntityQuery {
  selectors: EntitySelector[];
  q?: QExpression;
  geo?: GeoQuery;
  /** Attribute names (compact): entities must have at least one; only these are returned. */
  attrs?: string[];
  limit: number;
  offset: number;
  count: boolean;
  /** Language filter (§4.15) given in a POST query body (§5.2.23 `lang`); a rendering concern. */
  lang?: string;
}

/** True when nothing narrows the query (it would return every entity of the tenant). */
export function isUnrestricted(query: EntityQuery): boolean {
  const narrowed = query.selectors.some((s) => s.ids || s.idPattern || s.type);
  return !narrowed && !query.q && !query.geo && !query.attrs;
}
