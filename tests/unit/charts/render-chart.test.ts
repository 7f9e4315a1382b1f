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
const oneArticleRates = resolve(['liaocheng-2023/elderly-care-73p72pct', 'liaocheng-2023/elderly-care-79p88pct']);

describe('rendering a chart from references', () => {
  it.each(CHART_KINDS)('%s: graphic, table and downloads, every mark linked to its sentence, no NaN', (kind) => {
    // Bars and rate bars share an axis: only figures of one article may (see the next tests).
    const input =
      kind === 'proportion' ? oneArticleRates : kind === 'waffle' ? rates : kind === 'bar' ? oneArticle : counts;
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

  it('refuses bars or rate bars on one axis for figures its own note says not to compare, naming the file and the fix', () => {
    for (const [kind, input, fix] of [
      ['bar', counts, 'kind="numbers"'],
      ['proportion', rates, 'kind="waffle"'],
    ] as const) {
      let error: unknown;
      try {
        renderChart(kind, input, { title: '老年人', id: 'x' }, story);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MetricReferenceError);
      expect(String(error)).toContain('content/stories/test.mdx');
      expect(String(error)).toContain(fix);
    }
    expect(renderChart('bar', oneArticle, { title: '一篇', id: 'y' }, story).note).toBeUndefined();
  });

  it('draws such figures one by one, each with place and period, and warns that they differ', () => {
    const chart = renderChart('numbers', counts, { title: '老年人', id: 'x' }, story);
    expect(chart.graphic).toContain('商河县 · 2017年3月—2020年9月');
    expect(chart.graphic).not.toContain('<svg');
    expect(chart.note).toBe(
      '数字来自不同地方的报道，年份或统计时段不同、统计口径不同，请对照标签阅读，不宜直接比较高低。',
    );
  });

  it('gives small multiples of different measures a scale per panel, and says so', () => {
    const own = renderChart('small-multiples', counts, { title: '各地', id: 's' }, story).graphic;
    expect(own).toContain('各图刻度不同');
    expect(own).not.toContain('各图刻度相同');
    const shared = renderChart('small-multiples', oneArticle, { title: '一篇', id: 't' }, story).graphic;
    expect(shared).toContain('各图刻度相同');
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
