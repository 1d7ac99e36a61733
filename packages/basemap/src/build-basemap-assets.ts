import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fixLine, fixRing } from './antimeridian.js';
import type { Position } from './antimeridian.js';
import {
  BASEMAP_FONT_FILES,
  BORDERS_FILE,
  COASTLINE_FILE,
  FONT_LICENSE_FILE,
  FONTS_FOLDER,
  LAND_FILE,
  WORLD_ATLAS_LICENSE_FILE,
} from './asset-files.js';

/**
 * Decimal places kept in coordinates: 0.001° is about 110 m, finer than the 1:50m source
 * (quantised to 0.0036° × 0.0017°), and it halves the file sizes.
 */
const COORDINATE_DECIMALS = 3;

const require = createRequire(import.meta.url);

/** Rounds a path's coordinates and drops points that became duplicates of their predecessor. */
function roundPath(path: readonly Position[]): Position[] {
  const factor = 10 ** COORDINATE_DECIMALS;
  const rounded: Position[] = [];
  for (const [lon = 0, lat = 0] of path) {
    const point = [Math.round(lon * factor) / factor, Math.round(lat * factor) / factor];
    const previous = rounded[rounded.length - 1];
    if (previous && previous[0] === point[0] && previous[1] === point[1]) continue;
    rounded.push(point);
  }
  return rounded;
}

async function readTopology(file: string): Promise<Topology> {
  return JSON.parse(await readFile(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology;
}

function collection(topology: Topology, name: string, file: string): GeometryCollection {
  const object = topology.objects[name];
  if (object?.type !== 'GeometryCollection') {
    throw new Error(`world-atlas/${file}: object '${name}' is missing or not a GeometryCollection`);
  }
  // Natural Earth properties are not used: only the shapes are kept.
  return object as GeometryCollection;
}

/** A FeatureCollection of one feature, serialised the way the committed files are. */
function featureCollection(geometry: object): Uint8Array {
  const json = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry }],
  };
  return new TextEncoder().encode(`${JSON.stringify(json)}\n`);
}

function landPolygons(topology: Topology): Position[][][] {
  const land = feature(topology, collection(topology, 'land', 'land-50m.json'));
  const polygons: Position[][][] = [];
  for (const { geometry } of land.features) {
    const parts =
      geometry.type === 'Polygon'
        ? [geometry.coordinates]
        : geometry.type === 'MultiPolygon'
          ? geometry.coordinates
          : [];
    for (const rings of parts) {
      const [outer, ...holes] = rings.map(roundPath);
      // A polygon whose outer ring collapsed when rounded is dropped with its holes.
      if (outer === undefined || outer.length < 4) continue;
      polygons.push([outer, ...holes.filter((hole) => hole.length >= 4)].map(fixRing));
    }
  }
  return polygons;
}

function lines(topology: Topology, geometry: GeometryCollection, shared: boolean): Position[][] {
  const filter = shared ? (a: unknown, b: unknown) => a !== b : undefined;
  return mesh(topology, geometry, filter).coordinates.flatMap((line) => fixLine(roundPath(line)));
}

/**
 * Produces every file of the assets folder from the installed world-atlas (Natural Earth 1:50m)
 * and @fontsource/noto-sans packages: land polygons, shared land borders and the coastline as
 * GeoJSON (antimeridian repaired), the label fonts and the licence notices. Deterministic: the
 * same package versions give the same bytes, which is how a test keeps the committed copy honest.
 *
 * @returns file contents by path relative to the assets folder (see BASEMAP_ASSET_FILES)
 * @example const files = await buildBasemapAssets(); files.get('land.geojson')
 */
export async function buildBasemapAssets(): Promise<Map<string, Uint8Array>> {
  const land = await readTopology('land-50m.json');
  const countries = await readTopology('countries-50m.json');
  const landObject = collection(land, 'land', 'land-50m.json');
  const countriesObject = collection(countries, 'countries', 'countries-50m.json');

  const files = new Map<string, Uint8Array>();
  files.set(
    LAND_FILE,
    featureCollection({ type: 'MultiPolygon', coordinates: landPolygons(land) }),
  );
  files.set(
    BORDERS_FILE,
    featureCollection({
      type: 'MultiLineString',
      coordinates: lines(countries, countriesObject, true),
    }),
  );
  files.set(
    COASTLINE_FILE,
    featureCollection({ type: 'MultiLineString', coordinates: lines(land, landObject, false) }),
  );
  files.set(WORLD_ATLAS_LICENSE_FILE, await readFile(require.resolve('world-atlas/LICENSE')));
  for (const font of BASEMAP_FONT_FILES) {
    const source = require.resolve(`@fontsource/noto-sans/files/${font.file}`);
    files.set(`${FONTS_FOLDER}/${font.file}`, await readFile(source));
  }
  files.set(
    `${FONTS_FOLDER}/${FONT_LICENSE_FILE}`,
    await readFile(require.resolve('@fontsource/noto-sans/LICENSE')),
  );
  return files;
}
