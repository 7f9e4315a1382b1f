import { geoArea } from 'd3';
import { describe, expect, it } from 'vitest';
import { matchPlaces, regionMap, regionMapTable, shandongGeo } from '../../../src/charts/region-map.ts';
import { places } from '../../../scripts/support/chart-fixtures.ts';
import { attr, expectAccessibleSvg, expectMarksUsable, expectSnapshot, expectTable, marks } from './helpers.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';

const title = '有报道的地方';

describe('Shandong geometry', () => {
  it('has the 16 cities and 136 county-level regions of the taxonomy', () => {
    const geo = shandongGeo();
    expect(geo.cities).toHaveLength(16);
    expect(geo.regions).toHaveLength(136);
    const taxonomy = loadTaxonomy();
    expect(geo.cities.map((c) => c.properties.name).sort()).toEqual(taxonomy.cities.map((c) => c.name).sort());
    // Every taxonomy region is on the map, inside the right city.
    for (const city of taxonomy.cities) {
      for (const region of city.regions) {
        const [m] = matchPlaces([{ name: region.name, city: city.name }]);
        expect(m?.level, `${city.name}${region.name}`).toBe('region');
      }
    }
  });

  it('winds every polygon the way d3-geo expects (small areas, not the whole sphere)', () => {
    const geo = shandongGeo();
    for (const f of [...geo.cities, ...geo.regions]) expect(geoArea(f)).toBeLessThan(0.01);
    expect(geoArea(geo.land)).toBeGreaterThan(0);
    expect(geoArea(geo.land)).toBeLessThan(0.01);
  });
});

describe('matchPlaces', () => {
  it('tells apart names used in two cities', () => {
    const [jinan, zaozhuang, ambiguous] = matchPlaces([
      { name: '市中区', city: '济南市' },
      { name: '市中区', city: '枣庄' },
      { name: '市中区' },
    ]);
    expect(jinan?.area?.id).toBe('370103');
    expect(zaozhuang?.area?.id).toBe('370402');
    expect(ambiguous?.area).toBeUndefined();
  });
  it('matches short names, cities, and reports unknown places', () => {
    const [juye, heze, nowhere] = matchPlaces([{ name: '巨野' }, { name: '菏泽市' }, { name: '北京市' }]);
    expect(juye?.level).toBe('region');
    expect(juye?.area?.properties.name).toBe('巨野县');
    expect(heze?.level).toBe('city');
    expect(nowhere?.area).toBeUndefined();
  });
});

describe('regionMap', () => {
  it('draws the province with the places highlighted, labelled and focusable', () => {
    const svg = regionMap(places, { title });
    expectAccessibleSvg(svg, title);
    expectMarksUsable(svg, places.length);
    expect(marks(svg).map((m) => attr(m, 'data-label'))).toEqual([
      '菏泽市巨野县',
      '济南市商河县',
      '枣庄市山亭区',
      '枣庄市市中区',
      '菏泽市单县',
      '威海市',
    ]);
    expect(marks(svg)[0]).toContain('data-href="/regions/juye/"');
    expect(marks(svg)[0]).toContain('aria-label="菏泽市巨野县：2篇"');
    expect(svg).toContain('aria-label="威海市（全市）：1篇"');
    for (const name of ['巨野县', '商河县', '山亭区', '市中区', '单县', '威海'])
      expect(svg).toContain(`>${name}</text>`);
    // Whole-city coverage is hatched, not only coloured, and the legend says so in words.
    expect(svg).toMatch(/<pattern id="[^"]+-hatch"/);
    expect(svg).toContain('全市范围的报道');
    expect(svg).toContain('有报道的县（市、区）');
    expect(svg).toContain('示意图，边界仅供定位');
    expect(svg).toMatch(/<desc[^>]*>[^<]*示意[^<]*巨野县、商河县/);
  });

  it('does not overlap the labels of highlighted places', () => {
    const svg = regionMap(places, { title });
    const boxes = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*class="chart-place-label">([^<]+)</g)].map(
      (m) => {
        const w = [...(m[3] ?? '')].length * 13;
        return { x0: Number(m[1]) - w / 2, x1: Number(m[1]) + w / 2, y0: Number(m[2]) - 7, y1: Number(m[2]) + 7 };
      },
    );
    expect(boxes).toHaveLength(places.length);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
  });

  it('renders with no places: all 16 city names, no marks', () => {
    const svg = regionMap([], { title });
    expectAccessibleSvg(svg, title);
    expect(marks(svg)).toHaveLength(0);
    expect((svg.match(/class="chart-city-label"/g) ?? []).length).toBe(16);
    expect(svg).toContain('没有标出的地方');
  });

  it('renders one place and lists unknown places in the description', () => {
    const svg = regionMap([{ name: '巨野县' }, { name: '<火星>' }], { title });
    expectAccessibleSvg(svg, title);
    expectMarksUsable(svg, 1);
    expect(svg).toContain('未能在地图上找到：&lt;火星&gt;');
  });

  it('stays compact and deterministic', async () => {
    const svg = regionMap(places, { title });
    expect(regionMap(places, { title })).toBe(svg);
    expect(svg.length).toBeLessThan(80_000);
    expectSnapshot(svg, 'region-map.svg');
  });

  it('has a table of places with their cities', () => {
    const html = regionMapTable(places, { title });
    expectTable(html, title, places.length);
    expect(html).toContain('<th scope="col">所属市</th>');
    expect(html).toContain('威海市（全市）');
    expect(html).toContain('2篇');
  });
});
