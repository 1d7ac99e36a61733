/**
 * Data contracts 1.0.0 of every entity type the demo city produces: the seven types of the polled
 * face (written by this source) and the three types its MQTT sensors feed (written by the MQTT
 * source from the simulator's provisioning file). Types follow Smart Data Models where one exists;
 * FloodRiskZone, MedicalFacility and EmergencyVehicle are ours (see README.md).
 */
import type { AttributeContract, EntityContract } from '@legocity/updater-runtime';

const VERSION = '1.0.0';

/** Ids of the demo city: `urn:ngsi-ld:<Type>:danang-<slug>`. */
const idPatternOf = (type: string): string => `urn:ngsi-ld:${type}:danang-[a-z0-9]+(-[a-z0-9]+)*`;

const text = (name: string, description: string, required = true): AttributeContract => ({
  name,
  kind: 'Property',
  valueType: 'string',
  required,
  description,
});
const count = (name: string, description: string, required = true): AttributeContract => ({
  name,
  kind: 'Property',
  valueType: 'integer',
  minimum: 0,
  required,
  description,
});
const ratio = (name: string, description: string): AttributeContract => ({
  name,
  kind: 'Property',
  valueType: 'number',
  minimum: 0,
  maximum: 1,
  required: true,
  description,
});
const measure = (
  name: string,
  unitCode: string | undefined,
  bounds: [number, number],
  description: string,
): AttributeContract => ({
  name,
  kind: 'Property',
  valueType: 'number',
  ...(unitCode !== undefined && { unitCode }),
  minimum: bounds[0],
  maximum: bounds[1],
  description,
});
const dateTime = (name: string, description: string): AttributeContract => ({
  name,
  kind: 'Property',
  valueType: 'object',
  required: true,
  description: `${description}, an NGSI-LD DateTime ({"@type": "DateTime", …}).`,
});
const location = (geometry: string[]): AttributeContract => ({
  name: 'location',
  kind: 'GeoProperty',
  geometry,
  required: true,
});
const name = text('name', 'Local (Vietnamese) name.');
const alternateName = text('alternateName', 'English name.');
const dataProvider = text('dataProvider', 'Says the data is simulated.');

/** Builds a contract of the demo city. */
function contract(
  type: string,
  description: string,
  attributes: AttributeContract[],
): EntityContract {
  return { type, version: VERSION, idPattern: idPatternOf(type), description, attributes };
}

/** TrafficFlowObserved (Smart Data Models, dataModel.Transportation): one street piece. */
export const trafficFlowObservedContract = contract(
  'TrafficFlowObserved',
  'Traffic on a piece (≤ 800 m) of a Da Nang street, both directions.',
  [
    name,
    location(['LineString']),
    text('laneDirection', 'Always bothDirections: the sensor counts the whole road.'),
    count('intensity', 'Vehicles per hour (motorbikes included).'),
    measure('averageVehicleSpeed', 'KMH', [0, 130], 'Mean speed of passing vehicles, km/h.'),
    ratio('occupancy', 'Share of time the road is occupied, 0–1.'),
    { name: 'congested', kind: 'Property', valueType: 'boolean', required: true },
    dateTime('dateObserved', 'Time of the observation'),
    dataProvider,
  ],
);

/** OffStreetParking (Smart Data Models, dataModel.Parking). */
export const offStreetParkingContract = contract(
  'OffStreetParking',
  'A car park and its free spots.',
  [
    name,
    alternateName,
    location(['Point']),
    { name: 'category', kind: 'Property', valueType: 'array', required: true },
    count('totalSpotNumber', 'Spots in the car park.'),
    count('availableSpotNumber', 'Free spots now.'),
    ratio('occupancy', 'Share of spots taken, 0–1.'),
    text('status', 'spacesAvailable, almostFull (under 10 % free) or full.'),
    dateTime('dateObserved', 'Time of the count'),
    dataProvider,
  ],
);

/** BikeHireDockingStation (Smart Data Models, dataModel.Transportation). */
export const bikeHireDockingStationContract = contract(
  'BikeHireDockingStation',
  'A bike-share docking station along a central or beach street.',
  [
    name,
    location(['Point']),
    text('status', 'Always working in the demo city.'),
    count('totalSlotNumber', 'Docks at the station.'),
    count('availableBikeNumber', 'Bikes available for rent.'),
    count('freeSlotNumber', 'Empty docks.'),
    dateTime('dateLastReported', 'When the station last reported'),
    dataProvider,
  ],
);

/** FloodRiskZone (ours): a low-lying ward and its current flood risk. */
export const floodRiskZoneContract = contract(
  'FloodRiskZone',
  'A low-lying ward that floods after heavy rain; risk from the worst of its water-level sensors.',
  [
    name,
    alternateName,
    location(['Polygon']),
    text(
      'riskLevel',
      'low, moderate (75 % of alert level), high (alert level) or severe (danger level).',
    ),
    measure('waterDepth', 'MTR', [0, 5], 'Deepest water measured on its streets, m.'),
    dateTime('dateObserved', 'Time of the assessment'),
    dataProvider,
  ],
);

/** MedicalFacility (schema.org name; ours as an NGSI-LD type): a hospital and its beds. */
export const medicalFacilityContract = contract(
  'MedicalFacility',
  'A hospital and its free beds.',
  [
    name,
    alternateName,
    { name: 'category', kind: 'Property', valueType: 'array', required: true },
    location(['Point']),
    count('totalBedNumber', 'Inpatient beds.'),
    count('availableBedNumber', 'Free inpatient beds now.'),
    ratio('bedOccupancy', 'Share of beds taken, 0–1.'),
    dateTime('dateObserved', 'Time of the count'),
    dataProvider,
  ],
);

/** Alert (Smart Data Models, dataModel.Alert) plus `status` and a link to the vehicle sent. */
export const alertContract = contract(
  'Alert',
  'An emergency incident; one entity per emergency base, reused.',
  [
    name,
    text('description', 'English description.'),
    text('category', 'traffic, health or security.'),
    text(
      'subCategory',
      'Smart Data Models Alert subCategory, e.g. carAccident, heartAttack, buildingFire.',
    ),
    text('severity', 'low, medium, high or critical.'),
    location(['Point']),
    dateTime('dateIssued', 'When the incident was reported'),
    dateTime('validFrom', 'When the incident began'),
    dateTime('validTo', 'When the incident ends (expected while active)'),
    text('alertSource', 'The dispatch centre (113 police, 114 fire, 115 medical).'),
    text('status', 'active or resolved (our extension).'),
    { name: 'refEmergencyVehicle', kind: 'Relationship', required: true },
    dataProvider,
  ],
);

/** EmergencyVehicle (after Smart Data Models Vehicle): an ambulance, fire engine or police car. */
export const emergencyVehicleContract = contract(
  'EmergencyVehicle',
  'An emergency vehicle driving along the streets to its incident and back.',
  [
    name,
    alternateName,
    text('vehicleType', 'ambulance, fireTender or police.'),
    text('vehiclePlateIdentifier', 'Number plate (43 is Da Nang).'),
    location(['Point']),
    measure('heading', 'DD', [0, 360], 'Direction of travel, degrees clockwise from north.'),
    measure('speed', 'KMH', [0, 130], 'Speed, km/h.'),
    text('status', 'available, enRoute, onScene or returning.'),
    text('serviceStatus', 'Smart Data Models Vehicle: onRoute while moving, parked otherwise.'),
    { name: 'refAlert', kind: 'Relationship', required: true },
    dataProvider,
  ],
);

/** WeatherObserved (Smart Data Models, dataModel.Weather), fed over MQTT. */
export const weatherObservedContract = contract(
  'WeatherObserved',
  'A weather station of the demo city (MQTT).',
  [
    name,
    alternateName,
    location(['Point']),
    measure('temperature', 'CEL', [-10, 50], 'Air temperature, °C.'),
    measure('relativeHumidity', 'C62', [0, 1], 'Relative humidity as a fraction.'),
    measure('atmosphericPressure', 'A97', [900, 1100], 'Air pressure, hPa.'),
    measure('windSpeed', 'MTS', [0, 80], 'Wind speed, m/s.'),
    measure('windDirection', 'DD', [0, 360], 'Direction the wind comes from, degrees.'),
    measure('precipitation', 'MMT', [0, 300], 'Rain in the last hour, mm.'),
    dataProvider,
  ],
);

/** AirQualityObserved (Smart Data Models, dataModel.Environment), fed over MQTT. */
export const airQualityObservedContract = contract(
  'AirQualityObserved',
  'An air-quality station of the demo city (MQTT).',
  [
    name,
    alternateName,
    location(['Point']),
    measure('pm25', 'GQ', [0, 1000], 'PM2.5, µg/m³.'),
    measure('pm10', 'GQ', [0, 2000], 'PM10, µg/m³.'),
    measure('no2', 'GQ', [0, 2000], 'NO₂, µg/m³.'),
    measure('o3', 'GQ', [0, 1000], 'O₃, µg/m³.'),
    measure('co', 'GQ', [0, 50_000], 'CO, µg/m³.'),
    { name: 'airQualityIndex', kind: 'Property', valueType: 'integer', minimum: 0, maximum: 500 },
    text('airQualityLevel', 'US EPA category of the AQI.', false),
    dataProvider,
  ],
);

/** FloodMonitoring (Smart Data Models, dataModel.Environment), fed over MQTT. */
export const floodMonitoringContract = contract(
  'FloodMonitoring',
  'A water-level sensor of the demo city (MQTT): a river gauge or a street flood sensor.',
  [
    name,
    alternateName,
    location(['Point']),
    measure(
      'currentLevel',
      'MTR',
      [0, 10],
      'River stage (gauges) or water depth on the road (street sensors), m.',
    ),
    measure('alertLevel', 'MTR', [0, 10], 'Alert threshold, m.'),
    measure('dangerLevel', 'MTR', [0, 10], 'Danger threshold, m.'),
    text('sensorPlacement', 'river or street.'),
    { name: 'refFloodRiskZone', kind: 'Relationship', required: true },
    dataProvider,
  ],
);

/** Contracts of the polled face (what createSimulatorSource writes). */
export const polledContracts: EntityContract[] = [
  trafficFlowObservedContract,
  offStreetParkingContract,
  bikeHireDockingStationContract,
  floodRiskZoneContract,
  medicalFacilityContract,
  alertContract,
  emergencyVehicleContract,
];

/** Contracts of the MQTT face (what the MQTT source writes from the simulator's devices). */
export const sensorContracts: EntityContract[] = [
  weatherObservedContract,
  airQualityObservedContract,
  floodMonitoringContract,
];
