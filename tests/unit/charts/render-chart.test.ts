import { describe, expect, it } from 'vitest';
import { mixNote, renderChart } from '../../../src/charts/render-chart.ts';
import { CHART_KINDS } from '../../../src/charts/chart-data.ts';
import {
  MetricReferenceError,
  buildMetricIndex,
  resolveMetrics,
  type IndexedArticle,
} from '../../../src/figures/metric-index.ts';
import { readEntries } from '../../support/content.ts';

const articles: IndexedArticle[] = readEntries().map((e) => ({
  slug: e.slug,
  title: e.data.title,
  region: e.data.region,
  city: e.data.city,
  year: e.data.year,
  metrics: e.data.metrics,
}));
const index = buildMetricIndex(articles);
const story = { file: 'content/stories/test.mdx' };
const resolve = (refs: string[]) => resolveMetrics(index, refs, story);

const counts = resolve([
  'juye-2020/elderly-care-101981',
  'shanghe-2020/elderly-care-71533',
  'jiyang-2024/elderly-care-4p66wan',
]);
const rates = resolve([
  'shanting-2018/elderly-care-67p1pct',
  'liaocheng-2023/elderly-care-73p72pct',
  'liaocheng-2023/maternal-child-109p64pct',
]);
const oneArticle = resolve(['juye-2020/health-poverty-141739', 'juye-2020/health-poverty-84276']);

describe('rendering a chart from references', () => {
  it.each(CHART_KINDS)('%s: graphic, table and downloads, every mark linked to its sentence, no NaN', (kind) => {
    const input = kind === 'proportion' || kind === 'waffle' ? rates : counts;
    const chart = renderChart(kind, input, { title: '测试图', id: `t-${kind}` }, story);
    const html = chart.graphic + chart.table;
    expect(html).not.toMatch(/NaN|undefined|Infinity/u);
    for (const r of input) expect(chart.graphic).toContain(r.href);
    if (kind !== 'numbers') {
      expect(chart.graphic).toContain('role="img"');
      expect(chart.graphic).toContain('<title');
      expect(chart.graphic).toContain('<desc');
    }
    expect(chart.table).toContain('<caption>测试图</caption>');
    expect(decodeURIComponent(chart.downloads.csv.href.split(',').slice(1).join(','))).toMatch(
      /^\uFEFFid,article,article_title,/u,
    );
    expect(
      JSON.parse(decodeURIComponent(chart.downloads.json.href.slice(chart.downloads.json.href.indexOf(',') + 1))),
    ).toHaveLength(input.length);
  });

  it('labels bars with place and period and warns that they differ', () => {
    const chart = renderChart('bar', counts, { title: '老年人', id: 'x' }, story);
    expect(chart.graphic).toContain('商河县 · 2017年3月—2020年9月 · 65岁及以上老年人免费健康查体人数');
    expect(chart.note).toBe(
      '数字来自不同地方的报道，年份或统计时段不同、统计口径不同，请对照标签阅读，不宜直接比较高低。',
    );
    expect(renderChart('bar', oneArticle, { title: '一篇', id: 'y' }, story).note).toBeUndefined();
  });

  it('says nothing about mixing when one article holds all figures', () => {
    expect(mixNote(oneArticle)).toBeUndefined();
    expect(mixNote(resolve(['juye-2020/primary-care-234', 'shanting-2018/party-building-63']))).toContain(
      '统计口径不同',
    );
  });

  it('keeps the written order when asked and sorts by value otherwise', () => {
    const asWritten = renderChart('bar', oneArticle, { title: 'o', id: 'o', sort: 'none' }, story).graphic;
    const sorted = renderChart('bar', [...oneArticle].reverse(), { title: 'o', id: 'o' }, story).graphic;
    expect(asWritten.indexOf('141739')).toBeLessThan(asWritten.indexOf('84276'));
    expect(sorted.indexOf('141739')).toBeLessThan(sorted.indexOf('84276'));
  });

  it('fails naming the file when units cannot share a scale', () => {
    const mixed = resolve(['juye-2020/health-poverty-559wan', 'juye-2020/health-poverty-141739']);
    expect(() => renderChart('bar', mixed, { title: '混合', id: 'm' }, story)).toThrow(MetricReferenceError);
    expect(() => renderChart('bar', mixed, { title: '混合', id: 'm' }, story)).toThrow(
      /^content\/stories\/test\.mdx: <Chart kind="bar" title="混合">: a bar chart needs one unit/u,
    );
    expect(() => renderChart('waffle', counts, { title: '华夫', id: 'w' }, story)).toThrow(/shows rates/u);
  });

  it('renders a single figure', () => {
    const one = renderChart('bar', resolve(['liaocheng-2023/emergency-55']), { title: '一个', id: 'one' }, story);
    expect((one.graphic.match(/class="chart-mark"/gu) ?? []).length).toBe(1);
    expect(one.graphic).toContain('55家');
  });
});
