/**
 * WeatherObserved-like entities (the Smart Data Models shape, ~10 attributes), deterministic so
 * every process of a run — the broker's load client, the pg baseline, the HTTP load generator —
 * agrees on ids and places without talking to each other.
 */

/** A city-sized area: 20 km × 20 km around central Paris. */
const CENTRE = { lon: 2.35, lat: 48.86 };
const HALF_SIDE_KM = 10;
const KM_PER_DEGREE_LAT = 111.2;
const KM_PER_DEGREE_LON = KM_PER_DEGREE_LAT * Math.cos((CENTRE.lat * Math.PI) / 180);
export const AREA = {
  west: CENTRE.lon - HALF_SIDE_KM / KM_PER_DEGREE_LON,
  east: CENTRE.lon + HALF_SIDE_KM / KM_PER_DEGREE_LON,
  south: CENTRE.lat - HALF_SIDE_KM / KM_PER_DEGREE_LAT,
  north: CENTRE.lat + HALF_SIDE_KM / KM_PER_DEGREE_LAT,
};

export const ENTITY_TYPE = 'WeatherObserved';

/** Entity number → id; zero-padded so ids sort like numbers. */
export function entityId(index) {
  return `urn:ngsi-ld:WeatherObserved:bench-${String(index).padStart(7, '0')}`;
}

/** mulberry32: a tiny seeded PRNG, good enough to spread values and points. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniformly random point in AREA as [lon, lat]. */
export function randomPoint(random) {
  const lon = AREA.west + (AREA.east - AREA.west) * random();
  const lat = AREA.south + (AREA.north - AREA.south) * random();
  return [round(lon, 6), round(lat, 6)];
}

/**
 * Entity number `index` as NGSI-LD normalized JSON (core @context). The station's place depends
 * on the index only; measurements also depend on `pass`, so a second pass really changes values.
 * @example weatherObserved(42, 1).temperature // { type: 'Property', value: 23.4, unitCode: 'CEL', … }
 */
export function weatherObserved(index, pass) {
  const place = seededRandom(index * 2654435761);
  const random = seededRandom(index * 2654435761 + pass * 97);
  const observedAt = new Date(Date.UTC(2026, 0, 1) + pass * 3_600_000 + index * 1000).toISOString();
  // Half of the stations report observedAt on their measurements, as real fleets are mixed.
  const stamped = index % 2 === 0 ? { observedAt } : {};
  return {
    id: entityId(index),
    type: ENTITY_TYPE,
    name: { type: 'Property', value: `Weather station ${index}` },
    dateObserved: { type: 'Property', value: { '@type': 'DateTime', '@value': observedAt } },
    temperature: {
      type: 'Property',
      value: round(10 + 25 * random(), 1),
      unitCode: 'CEL',
      ...stamped,
    },
    relativeHumidity: { type: 'Property', value: round(random(), 2), ...stamped },
    atmosphericPressure: {
      type: 'Property',
      value: round(990 + 40 * random(), 1),
      unitCode: 'A97',
    },
    windSpeed: { type: 'Property', value: round(20 * random(), 1), unitCode: 'MTS', ...stamped },
    windDirection: { type: 'Property', value: Math.floor(360 * random()), unitCode: 'DD' },
    precipitation: { type: 'Property', value: round(5 * random(), 1), unitCode: 'MMT' },
    refDevice: { type: 'Relationship', object: `urn:ngsi-ld:Device:bench-${index}` },
    location: { type: 'GeoProperty', value: { type: 'Point', coordinates: randomPoint(place) } },
  };
}

/**
 * The query of the query phase (type + q + geo-query, default limit 20) around one point, as
 * GET /entities parameters.
 */
export function queryParams([lon, lat]) {
  return {
    type: ENTITY_TYPE,
    q: 'temperature>20',
    georel: 'near;maxDistance==2000',
    geometry: 'Point',
    coordinates: `[${lon},${lat}]`,
  };
}

const CORE = 'https://uri.etsi.org/ngsi-ld/';
const DEFAULT_VOCAB = `${CORE}default-context/`;
const CORE_TERMS = new Set(['name', 'location']);

/**
 * The row the broker would store for this entity (expanded names, instance arrays, timestamps):
 * the raw-pg baseline writes exactly these bytes, so both sides move the same data.
 */
export function storedRow(entity, now) {
  const attrs = {};
  for (const [name, attribute] of Object.entries(entity)) {
    if (name === 'id' || name === 'type') continue;
    const iri = CORE_TERMS.has(name) ? `${CORE}${name}` : `${DEFAULT_VOCAB}${name}`;
    attrs[iri] = [{ ...attribute, createdAt: now, modifiedAt: now }];
  }
  return {
    id: entity.id,
    type: `${DEFAULT_VOCAB}${entity.type}`,
    attrs,
    geo: { name: `${CORE}location`, geometry: entity.location.value },
    now,
  };
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
