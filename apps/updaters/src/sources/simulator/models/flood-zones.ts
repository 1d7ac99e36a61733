/**
 * Flood-risk zones (FloodRiskZone; Smart Data Models has no flood-area type): low wards drawn as
 * polygons, whose risk is the worst reading of their water-level sensors and whose water depth is
 * the deepest street flooding measured in them.
 */
import type { EntityBody } from '@legocity/broker-client';
import { DATA_PROVIDER, dateTimeProperty, entityId, geoProperty, property } from '../ngsi.js';
import { riskOfLevel, waterLevel, type FloodRiskLevel } from './flood.js';
import type { ModelInput } from './model-input.js';

const RISK_ORDER: FloodRiskLevel[] = ['low', 'moderate', 'high', 'severe'];

/** FloodRiskZone entities of every zone at an instant. */
export function floodZoneEntities({ city, seed, at }: ModelInput): EntityBody[] {
  const observedAt = at.toISOString();
  return city.floodZones.map((zone) => {
    let risk = 0;
    let depth = 0;
    for (const sensor of city.floodSensors.filter((candidate) => candidate.zone === zone.slug)) {
      const level = waterLevel(seed, sensor, zone, at);
      risk = Math.max(risk, RISK_ORDER.indexOf(riskOfLevel(level, sensor.kind)));
      if (sensor.kind === 'street') depth = Math.max(depth, level);
    }
    return {
      id: entityId('FloodRiskZone', zone.slug),
      type: 'FloodRiskZone',
      name: property(zone.name),
      alternateName: property(zone.alternateName),
      location: geoProperty({ type: 'Polygon', coordinates: [zone.ring] }),
      riskLevel: property(RISK_ORDER[risk]!, { observedAt }),
      waterDepth: property(depth, { unitCode: 'MTR', observedAt }),
      dateObserved: dateTimeProperty(observedAt),
      dataProvider: property(DATA_PROVIDER),
    };
  });
}
