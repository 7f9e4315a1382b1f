import { describe, expect, it } from 'vitest';
import { METRIC_COLUMNS, metricRecords, metricsCsv, metricSources } from '../../../src/figures/metrics-export.ts';
import type { Metric } from '../../../src/schemas/metric.ts';

const metric: Metric = {
  id: 'a-1',
  value: 2753000,
  unit: '元',
  label: '减免总费用',
  topic: '健康扶贫',
  qualifier: 'over',
  quote: '减免总费用275.3万余元，"共计"。',
  period: '2020-01/2020-11',
  printed: '275.3万余元',
};
const article = { slug: 'juye-2020', title: '巨野标题', region: '巨野县', city: '菏泽市', year: 2020 };
const site = 'https://archive.example.org';

describe('metric rows', () => {
  it('carry the article, its links, the printed figure, and null for what is not given', () => {
    const rows = metricRecords(
      metricSources(
        [
          {
            ...article,
            publication: '齐鲁晚报',
            metrics: [metric, { ...metric, id: 'b', period: undefined, qualifier: undefined }],
          },
        ],
        site,
      ),
    );
    expect(rows[0]).toEqual({
      id: 'a-1',
      article: 'juye-2020',
      article_title: '巨野标题',
      article_url: 'https://archive.example.org/articles/juye-2020/',
      region: '巨野县',
      city: '菏泽市',
      year: 2020,
      publication: '齐鲁晚报',
      label: '减免总费用',
      value: 2753000,
      unit: '元',
      printed: '275.3万余元',
      qualifier: 'over',
      kind: null,
      status: null,
      cumulative: null,
      span: null,
      base: null,
      period: '2020-01/2020-11',
      topic: '健康扶贫',
      quote: '减免总费用275.3万余元，"共计"。',
      quote_url: 'https://archive.example.org/articles/juye-2020/#a-1',
    });
    expect(rows[1]).toMatchObject({ id: 'b', period: null, qualifier: null });
  });

  it('read the fields the metric schema is gaining, whichever shape they land in', () => {
    const marked = {
      ...metric,
      kind: 'amount',
      status: 'forecast',
      cumulative: true,
      span: '2016年以来',
      base: '每人每月',
      printed: '275.3万余元（预计）',
    } as Metric;
    expect(metricRecords(metricSources([{ ...article, metrics: [marked] }], site))[0]).toMatchObject({
      kind: 'amount',
      status: 'forecast',
      cumulative: true,
      span: '2016年以来',
      base: '每人每月',
      printed: '275.3万余元（预计）',
    });
    const nested = { ...metric, cumulative: { span: '2016年以来' } } as unknown as Metric;
    expect(metricRecords(metricSources([{ ...article, metrics: [nested] }], site))[0]).toMatchObject({
      cumulative: true,
      span: '2016年以来',
    });
  });

  it('write CSV with the columns in order, a BOM and CRLF, quoting what needs it', () => {
    const csv = metricsCsv(metricSources([{ ...article, metrics: [metric] }], site));
    expect(csv.startsWith(`\ufeff${METRIC_COLUMNS.map((c) => c.name).join(',')}\r\n`)).toBe(true);
    expect(csv).toContain(
      'a-1,juye-2020,巨野标题,https://archive.example.org/articles/juye-2020/,巨野县,菏泽市,2020,,减免总费用,2753000,元,275.3万余元,over,,,,,,2020-01/2020-11,健康扶贫,"减免总费用275.3万余元，""共计""。",https://archive.example.org/articles/juye-2020/#a-1\r\n',
    );
  });

  it('neutralise a label that would run as a formula, but keep a negative value a number', () => {
    const hostile = { ...metric, label: '=HYPERLINK("http://evil.example","点我")', value: -3, unit: '@人' };
    const csv = metricsCsv(metricSources([{ ...article, metrics: [hostile] }], site));
    const row = csv.split('\r\n')[1] ?? '';
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.example"",""点我"")",-3,'@人,`);
    // The JSON keeps the label as written: only a spreadsheet reads formulas.
    expect(metricRecords(metricSources([{ ...article, metrics: [hostile] }], site))[0]?.['label']).toBe(hostile.label);
  });
});
