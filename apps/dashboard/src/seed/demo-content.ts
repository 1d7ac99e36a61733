/**
 * The demo city's CMS content: one public map of the simulated Da Nang (every type the simulator
 * writes), a public home page and a private operations page. Plain data; seed-demo.ts stores it.
 */

/** Slug of the demo's public map view. */
export const DEMO_MAP_SLUG = 'da-nang';
/** Name of the demo's broker document. */
export const DEMO_BROKER_NAME = 'Demo city';

type Style = 'points' | 'clusters' | 'heatmap' | 'lines' | 'polygons' | 'choropleth';

function layer(
  label: string,
  entityType: string,
  style: Style,
  colour: string,
  popupTemplate: string,
  extra: {
    refresh?: 'interval' | 'live';
    refreshSeconds?: number;
    choroplethAttribute?: string;
  } = {},
) {
  return {
    label,
    entityType,
    style,
    colour,
    popupTemplate,
    refresh: extra.refresh ?? 'interval',
    refreshSeconds: extra.refreshSeconds ?? 30,
    ...(extra.choroplethAttribute && { choroplethAttribute: extra.choroplethAttribute }),
  };
}

/** The demo map view, without its broker (set by the seed). */
export const demoMapView = {
  title: 'Da Nang — live city',
  slug: DEMO_MAP_SLUG,
  public: true,
  centre: { lon: 108.215, lat: 16.055, zoom: 12.5 },
  bounds: { west: 107.9, south: 15.85, east: 108.5, north: 16.25 },
  basemapStyle: 'offline',
  layers: [
    layer(
      'Flood risk zones',
      'FloodRiskZone',
      'polygons',
      '#3b82f6',
      '{{name}}: water {{waterDepth}} m',
    ),
    layer(
      'Traffic',
      'TrafficFlowObserved',
      'lines',
      '#f97316',
      '{{name}}: {{averageVehicleSpeed}} km/h, {{intensity}} vehicles/h',
    ),
    layer(
      'Air quality',
      'AirQualityObserved',
      'clusters',
      '#16a34a',
      '{{name}}: PM2.5 {{pm25}} µg/m³',
      {
        refresh: 'live',
      },
    ),
    layer(
      'Weather',
      'WeatherObserved',
      'points',
      '#0ea5e9',
      '{{name}}: {{temperature}} °C, wind {{windSpeed}} m/s',
    ),
    layer(
      'Car parks',
      'OffStreetParking',
      'choropleth',
      '#7c3aed',
      '{{name}}: {{availableSpotNumber}} of {{totalSpotNumber}} spots free',
      {
        choroplethAttribute: 'occupancy',
      },
    ),
    layer(
      'Bike stations',
      'BikeHireDockingStation',
      'points',
      '#db2777',
      '{{name}}: {{availableBikeNumber}} bikes, {{freeSlotNumber}} free docks',
    ),
    layer(
      'Hospitals',
      'MedicalFacility',
      'points',
      '#dc2626',
      '{{name}}: {{availableBedNumber}} of {{totalBedNumber}} beds free',
    ),
    layer(
      'Emergency vehicles',
      'EmergencyVehicle',
      'points',
      '#facc15',
      '{{name}}: {{speed}} km/h',
      {
        refresh: 'live',
      },
    ),
  ],
};

/** A Lexical rich-text value of plain paragraphs. */
export function paragraphs(...texts: string[]) {
  return {
    root: {
      type: 'root',
      format: '' as const,
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      children: texts.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [
          { type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
        ],
      })),
    },
  };
}

const kpi = (
  title: string,
  entityType: string,
  attribute: string,
  aggregate: 'avg' | 'min' | 'max' | 'sum' | 'count',
  unit: string,
  thresholds: { from: number; colour: string }[] = [],
) => ({ blockType: 'kpi' as const, title, entityType, attribute, aggregate, unit, thresholds });

/** The demo's public home page (`/`), without brokers and map view (set by the seed). */
export function demoHomePage(mapViewId: number, brokerId: number) {
  return {
    title: 'Da Nang — city now',
    slug: 'home',
    public: true,
    _status: 'published' as const,
    blocks: [
      {
        blockType: 'richText' as const,
        content: paragraphs(
          'Live data of a simulated Da Nang: air quality, weather, traffic, parking, bike stations, hospitals, floods and emergency vehicles.',
          'The data is simulated by the LegoCity demo city; connect your own update servers to show real data.',
        ),
      },
      { blockType: 'map' as const, mapView: mapViewId, height: 520 },
      {
        ...kpi('Air quality (PM2.5, average)', 'AirQualityObserved', 'pm25', 'avg', 'µg/m³', [
          { from: 0, colour: '#16a34a' },
          { from: 35, colour: '#f97316' },
          { from: 55, colour: '#dc2626' },
        ]),
        broker: brokerId,
      },
      {
        ...kpi('Temperature (average)', 'WeatherObserved', 'temperature', 'avg', '°C'),
        broker: brokerId,
      },
      {
        ...kpi('Free parking spots', 'OffStreetParking', 'availableSpotNumber', 'sum', 'spots'),
        broker: brokerId,
      },
      {
        ...kpi('Bikes available', 'BikeHireDockingStation', 'availableBikeNumber', 'sum', 'bikes'),
        broker: brokerId,
      },
      {
        blockType: 'table' as const,
        title: 'Hospitals',
        broker: brokerId,
        entityType: 'MedicalFacility',
        attributes: [{ name: 'name' }, { name: 'availableBedNumber' }, { name: 'totalBedNumber' }],
        pageSize: 20,
      },
    ],
  };
}

/** The demo's private operations page (signed-in staff only). */
export function demoOperationsPage(mapViewId: number, brokerId: number) {
  return {
    title: 'Operations',
    slug: 'operations',
    public: false,
    _status: 'published' as const,
    blocks: [
      {
        blockType: 'richText' as const,
        content: paragraphs('For city staff: capacity, floods and emergency response.'),
      },
      {
        ...kpi('Free hospital beds', 'MedicalFacility', 'availableBedNumber', 'sum', 'beds', [
          { from: 0, colour: '#dc2626' },
          { from: 50, colour: '#f97316' },
          { from: 150, colour: '#16a34a' },
        ]),
        broker: brokerId,
      },
      {
        ...kpi('Deepest flood water', 'FloodRiskZone', 'waterDepth', 'max', 'm', [
          { from: 0, colour: '#16a34a' },
          { from: 0.2, colour: '#f97316' },
          { from: 0.5, colour: '#dc2626' },
        ]),
        broker: brokerId,
      },
      {
        blockType: 'timeSeries' as const,
        title: 'PM2.5 at Hai Chau (hourly average)',
        broker: brokerId,
        entityId: 'urn:ngsi-ld:AirQualityObserved:danang-hai-chau',
        attribute: 'pm25',
        aggregationPeriod: 'PT1H' as const,
        aggregationMethod: 'avg' as const,
        lastHours: 24,
      },
      {
        blockType: 'table' as const,
        title: 'Emergency vehicles',
        broker: brokerId,
        entityType: 'EmergencyVehicle',
        attributes: [{ name: 'name' }, { name: 'speed' }, { name: 'heading' }],
        pageSize: 50,
      },
      { blockType: 'map' as const, mapView: mapViewId, height: 420 },
    ],
  };
}
