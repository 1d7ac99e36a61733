import type { ActiveContext } from '../jsonld/types.js';

/** The entity representations of ETSI GS CIM 009 §4.5 ("keyValues" is the simplified one, §4.5.4). */
export type Representation = 'normalized' | 'concise' | 'keyValues';

/** How to render stored-form entities for a response. */
export interface FormatOptions {
  /** Compacts every name (types, attributes, sub-attributes, vocab values). */
  context: ActiveContext;
  representation: Representation;
  /** Include createdAt/modifiedAt of the entity and of attribute instances (§4.8). */
  sysAttrs: boolean;
  /**
   * Language filter (§4.15), e.g. "fr-CH,fr;q=0.9,en;q=0.8,*;q=0.5": each LanguageProperty becomes a
   * Property holding the string of the best language, with a "lang" member naming it.
   */
  lang?: string;
  /** Projection: only these members. EXPANDED attribute IRIs, plus "id", "type" and "scope". */
  pick?: ReadonlySet<string>;
  /** Projection: all but these members. EXPANDED attribute IRIs, plus "id", "type" and "scope". */
  omit?: ReadonlySet<string>;
  /** application/ld+json: add "@context" (context.definition) to the body. */
  includeContext: boolean;
}

/** GeoJSON output (§4.5.16, §4.5.17) also names the GeoProperty that becomes the geometry. */
export interface GeoJsonFormatOptions extends FormatOptions {
  /** Expanded IRI of the GeoProperty, e.g. "https://uri.etsi.org/ngsi-ld/location". */
  geometryProperty: string;
}
