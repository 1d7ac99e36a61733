import type { Problem } from '../errors/ngsi-ld-error.js';
import { fail, ok, type Parsed } from '../errors/result.js';
import { GEO_RELATIONS, type GeoRel, type GeoRelation } from './geo-query.js';

const DISTANCE = /^(maxDistance|minDistance)==(.*)$/;
// JSON number without sign (§4.10 PositiveNumber: RFC 8259 number, no minus).
const METRES = /^(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Parse `georel` (ETSI GS CIM 009 v1.8.1 §4.10): `near;maxDistance==2000`, `near;minDistance==100`,
 * `within`, `contains`, `intersects`, `equals`, `disjoint` or `overlaps`. Distances are metres.
 * Departures from the grammar: `near` may carry both distances (a ring: `near;minDistance==100;
 * maxDistance==2000`), and 0 is accepted (the spec asks for a non-zero number; 0 is well defined).
 * @example parseGeorel('near;maxDistance==2000') // { ok: true, value: { relation: 'near', maxDistance: 2000 } }
 */
export function parseGeorel(text: string, field = 'georel'): Parsed<GeoRel> {
  const [name = '', ...modifiers] = text.split(';');
  if (!isRelation(name)) {
    return fail({
      field,
      message: `'${name}' is not a geospatial relationship (expected ${GEO_RELATIONS.join(', ')})`,
    });
  }
  if (name !== 'near') {
    return modifiers.length === 0
      ? ok({ relation: name })
      : fail({ field, message: `'${name}' takes no distance, found '${modifiers.join(';')}'` });
  }
  if (modifiers.length === 0) {
    return fail({
      field,
      message:
        "'near' needs maxDistance==<metres> or minDistance==<metres>, e.g. near;maxDistance==2000",
    });
  }
  const problems: Problem[] = [];
  const georel: GeoRel = { relation: 'near' };
  for (const modifier of modifiers) {
    const match = DISTANCE.exec(modifier);
    const [, distance, metres = ''] = match ?? [];
    if (distance !== 'maxDistance' && distance !== 'minDistance') {
      problems.push({
        field,
        message: `'${modifier}' is not a distance (expected maxDistance==<metres> or minDistance==<metres>)`,
      });
    } else if (georel[distance] !== undefined) {
      problems.push({ field, message: `${distance} is given more than once` });
    } else if (!METRES.test(metres) || !Number.isFinite(Number(metres))) {
      problems.push({
        field,
        message: `${distance} must be a number of metres (0 or more), found '${metres}'`,
      });
    } else {
      georel[distance] = Number(metres);
    }
  }
  const { minDistance, maxDistance } = georel;
  if (minDistance !== undefined && maxDistance !== undefined && minDistance > maxDistance) {
    problems.push({
      field,
      message: `minDistance ${minDistance} is greater than maxDistance ${maxDistance}, so nothing can match`,
    });
  }
  return problems.length > 0 ? fail(problems) : ok(georel);
}

function isRelation(name: string): name is GeoRelation {
  return (GEO_RELATIONS as readonly string[]).includes(name);
}
