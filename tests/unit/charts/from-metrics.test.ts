import { describe, expect, it } from 'vitest';
import {
  articlesToChartData,
  metricHref,
  metricToDatum,
  metricsToChartData,
  metricsToEvents,
  placesFromArticles,
} from '../../../src/charts/from-metrics.ts';
import { barChart } from '../../../src/charts/bar-chart.ts';
import { dataTable } from '../../../src/charts/data-table.ts';
import { metricSchema, type Metric } from '../../../src/schemas/metric.ts';

const metrics: Metric[] = [
  metricSchema.parse({
    id: 'relief-total',
    value: 5590000,
    unit: '元',
    label: '减免总费用',
    topic: 'health-poverty',
    qualifier: 'over',
    quote: '各医疗机构优惠减免共141739人次，减免总费用559万余元。',
    printed: '559万余元',
  }),
  metricSchema.parse({
    id: 'home-elderly',
    value: 7296,
    unit: '人',
    label: '服务城乡居家老年人',
    topic: 'elderly-care',
    period: '2020',
    quote: '服务城乡居家老年人7296人。',
  }),
];

describe('from metrics to chart data', () => {
  it('links each datum to its sentence', () => {
    expect(metricHref('juye-2020', 'relief-total')).toBe('/articles/juye-2020/#relief-total');
    expect(metricToDatum(metrics[0] as Metric, 'juye-2020')).toEqual({
      id: 'relief-total',
      label: '减免总费用',
      value: 5590000,
      unit: '元',
      href: '/articles/juye-2020/#relief-total',
      qualifier: 'over',
      printed: '559万余元',
    });
  });

  it('carries a forecast or running total into the chart table beside the label', () => {
    const forecast = { ...(metrics[0] as Metric), status: 'forecast' as const, cumulative: true, span: '2016年以来' };
    const d = metricToDatum(forecast, 'juye-2020');
    expect(d.tags).toBe('预计 累计（2016年以来）');
    expect(dataTable([d], { caption: 't' })).toContain('减免总费用（预计 累计（2016年以来））');
  });

  it('keeps the period as the date and leaves absent fields out', () => {
    const d = metricToDatum(metrics[1] as Metric, 'juye-2020', { group: '巨野县' });
    expect(d.date).toBe('2020');
    expect(d.group).toBe('巨野县');
    expect('qualifier' in d).toBe(false);
  });

  it('filters by topic and feeds a chart', () => {
    const data = metricsToChartData(metrics, 'juye-2020', { topic: 'elderly-care' });
    expect(data.map((d) => d.id)).toEqual(['home-elderly']);
    expect(barChart(data, { title: 't' })).toContain('data-href="/articles/juye-2020/#home-elderly"');
  });

  it('collects metrics across articles by region, dated by the article year', () => {
    const data = articlesToChartData(
      [
        { slug: 'juye-2020', data: { region: '巨野县', city: '菏泽市', year: 2020, metrics } },
        { slug: 'shanghe-2020', data: { region: '商河县', city: '济南市', year: 2021, metrics: metrics.slice(0, 1) } },
      ],
      (m) => m.id === 'relief-total',
    );
    expect(data).toEqual([
      expect.objectContaining({ id: 'juye-2020/relief-total', group: '巨野县', date: '2020' }),
      expect.objectContaining({
        id: 'shanghe-2020/relief-total',
        group: '商河县',
        date: '2021',
        href: '/articles/shanghe-2020/#relief-total',
      }),
    ]);
  });

  it('turns dated metrics into timeline events', () => {
    expect(metricsToEvents(metrics, 'juye-2020')).toEqual([
      { id: 'home-elderly', label: '服务城乡居家老年人', date: '2020', href: '/articles/juye-2020/#home-elderly' },
    ]);
  });

  it('counts articles per place for the map', () => {
    const places = placesFromArticles(
      [
        { data: { region: '巨野县', city: '菏泽市' } },
        { data: { region: '巨野县', city: '菏泽市' } },
        { data: { region: '市中区', city: '枣庄市' } },
      ],
      (region) => (region === '巨野县' ? '/regions/juye/' : undefined),
    );
    expect(places).toEqual([
      { name: '巨野县', city: '菏泽市', value: 2, unit: '篇', href: '/regions/juye/' },
      { name: '市中区', city: '枣庄市', value: 1, unit: '篇' },
    ]);
  });
});
