/**
 * The home page's map of Europe and Central Asia, drawn at build time into plain SVG paths: no
 * map library, tiles or script reach the reader. Geodata: Natural Earth via world-atlas (1:110m,
 * light enough for slow connections); countries too small for that scale become a dot placed
 * with the 1:50m data.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoAzimuthalEqualArea, geoCentroid, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 560;

export interface MapCountry {
  /** ISO 3166-1 alpha-2. */
  iso: string;
  name: string;
  href: string;
}

export interface DrawnCountry extends MapCountry {
  /** An SVG path, or, for a country too small to draw, a dot's centre. */
  shape: { path: string } | { dot: [number, number] };
}

export interface DrawnMap {
  width: number;
  height: number;
  /** Outlines of all other countries in view, as one path (decoration, not content). */
  land: string;
  covered: DrawnCountry[];
}

type Countries = FeatureCollection<Geometry, { name: string }>;

const require = createRequire(import.meta.url);
function loadCountries(scale: '110m' | '50m'): Countries {
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${scale}.json`), 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  return feature(topology, topology.objects.countries) as Countries;
}

/** world-atlas identifies countries by ISO 3166-1 numeric code (Kosovo, which has none, by name). */
function findCountry(all: Countries, country: MapCountry): Feature<Geometry, { name: string }> | undefined {
  const numeric = countries.alpha2ToNumeric(country.iso);
  return all.features.find((f) => (numeric && String(f.id) === numeric) || f.properties.name === country.name);
}

/** Europe and Central Asia, from Iceland and Portugal to Kazakhstan's eastern border. */
function projection() {
  return geoAzimuthalEqualArea()
    .rotate([-35, -52])
    .fitExtent(
      [
        [0, 0],
        [MAP_WIDTH, MAP_HEIGHT],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [-20, 36],
          [85, 40],
          [60, 70],
          [-10, 68],
          [40, 33],
        ],
      },
    )
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
}

export function drawMap(covered: readonly MapCountry[]): DrawnMap {
  const world = loadCountries('110m');
  const project = projection();
  const path = geoPath(project).digits(0);
  const drawn: DrawnCountry[] = [];
  const coveredIds = new Set<unknown>();
  let detailed: Countries | undefined;
  for (const country of covered) {
    const shape = findCountry(world, country);
    const d = shape ? path(shape) : null;
    if (shape && d) {
      coveredIds.add(shape.id ?? shape.properties.name);
      drawn.push({ ...country, shape: { path: d } });
      continue;
    }
    detailed ??= loadCountries('50m');
    const small = findCountry(detailed, country);
    const point = small ? project(geoCentroid(small)) : null;
    if (point) drawn.push({ ...country, shape: { dot: [Math.round(point[0]), Math.round(point[1])] } });
  }
  const land = world.features
    .filter((f) => !coveredIds.has(f.id ?? f.properties.name))
    .map((f) => path(f) ?? '')
    .join('');
  return { width: MAP_WIDTH, height: MAP_HEIGHT, land, covered: drawn };
}
