import { describe, expect, it } from 'vitest';
import {
  csvOf,
  dataUri,
  downloadName,
  isChartKind,
  metricDate,
  periodText,
  spansArticles,
  toChartDatum,
  toCsv,
  toJson,
  toJsonRows,
  unitFamily,
  unitProblem,
} from '../../../src/charts/chart-data.ts';
import type { ResolvedMetric } from '../../../src/figures/metric-index.ts';
import type { Metric } from '../../../src/schemas/metric.ts';

function resolved(
  slug: string,
  region: string,
  year: number,
  m: Partial<Metric> & Pick<Metric, 'id' | 'value' | 'unit'>,
): ResolvedMetric {
  const metric: Metric = { label: m.id, topic: '妇幼健康', quote: '句子。', ...m };
  return {
    ref: `${slug}/${m.id}`,
    metric,
    article: { slug, title: `${region}的报道`, region, city: '某市', year, metrics: [metric] },
    href: `/articles/${slug}/#${m.id}`,
  };
}

const juye = resolved('juye-2020-2', '巨野县', 2020, {
  id: 'maternal-child-42337',
  value: 42337,
  unit: '人',
  label: '乳腺癌筛查人数',
});
const shanghe = resolved('shanghe-2020', '商河县', 2020, {
  id: 'maternal-child-14126',
  value: 14126,
  unit: '名',
  label: '适龄妇女免费两癌筛查人数',
  period: '2017-03/2020-09',
});
const rate = resolved('liaocheng-2023', '聊城市', 2023, {
  id: 'maternal-child-109p64pct',
  value: 109.64,
  unit: '%',
  label: '“两癌”检查覆盖率',
  period: '2023',
});
const money = resolved('juye-2020', '巨野县', 2020, {
  id: 'health-poverty-559wan',
  value: 5590000,
  unit: '元',
  label: '减免总费用',
  qualifier: 'over',
  period: '2016/2020',
  printed: '559万余元',
});

describe('chart kinds and units', () => {
  it('knows its kinds', () => {
    expect(isChartKind('bar')).toBe(true);
    expect(isChartKind('pie')).toBe(false);
  });

  it('counts 人 and 名 as one unit, nothing else', () => {
    expect(unitFamily('名')).toBe('人');
    expect(unitFamily('人次')).toBe('人次');
    expect(unitProblem('bar', [juye, shanghe])).toBeUndefined();
  });

  it('refuses to put different units on one scale, naming the references', () => {
    const problem = unitProblem('bar', [juye, money]);
    expect(problem).toContain('needs one unit');
    expect(problem).toContain('"元" (juye-2020/health-poverty-559wan)');
    expect(unitProblem('proportion', [rate, juye])).toContain('shows rates');
    expect(unitProblem('proportion', [rate])).toBeUndefined();
    expect(unitProblem('numbers', [rate, juye, money])).toBeUndefined();
  });
});

describe('labels that say where and when', () => {
  it('prints periods, or the article year marked as such', () => {
    expect(periodText(shanghe)).toBe('2017年3月—2020年9月');
    expect(periodText(rate)).toBe('2023年');
    expect(periodText(juye)).toBe('2020年报道');
    expect(periodText(resolved('a', 'x', 2023, { id: 'a-1', value: 1, unit: '', period: '2023-04-22' }))).toBe(
      '2023年4月22日',
    );
    expect(metricDate(juye)).toBe('2020');
    expect(metricDate(shanghe)).toBe('2017-03/2020-09');
  });

  it('prefixes bars with place and period only when a chart mixes articles', () => {
    expect(spansArticles([juye, shanghe])).toBe(true);
    expect(toChartDatum(shanghe, 'bar', true).label).toBe('商河县 · 2017年3月—2020年9月 · 适龄妇女免费两癌筛查人数');
    expect(toChartDatum(shanghe, 'bar', false).label).toBe('适龄妇女免费两癌筛查人数');
    expect(toChartDatum(shanghe, 'numbers', true).label).toBe('适龄妇女免费两癌筛查人数');
    expect(toChartDatum(money, 'bar', false)).toEqual({
      id: 'juye-2020/health-poverty-559wan',
      label: '减免总费用',
      value: 5590000,
      unit: '元',
      href: '/articles/juye-2020/#health-poverty-559wan',
      date: '2016/2020',
      group: '巨野县',
      qualifier: 'over',
    });
  });

  it('groups small multiples by place across articles, by label within one', () => {
    expect(toChartDatum(juye, 'small-multiples', true).group).toBe('巨野县');
    expect(toChartDatum(juye, 'small-multiples', false).group).toBe('乳腺癌筛查人数');
    expect(toChartDatum(juye, 'time-series', false).group).toBe('乳腺癌筛查人数');
  });
});

describe('downloads', () => {
  const rows = toJsonRows([money, juye], 'https://archive.example.org');

  it('has one row per figure in the columns of /data/metrics.csv, with its article and source link', () => {
    expect(rows[0]).toEqual({
      id: 'health-poverty-559wan',
      article: 'juye-2020',
      article_title: '巨野县的报道',
      article_url: 'https://archive.example.org/articles/juye-2020/',
      region: '巨野县',
      city: '某市',
      year: 2020,
      publication: null,
      label: '减免总费用',
      value: 5590000,
      unit: '元',
      printed: '559万余元',
      qualifier: 'over',
      kind: null,
      status: null,
      cumulative: null,
      span: null,
      base: null,
      period: '2016/2020',
      topic: '妇幼健康',
      quote: '句子。',
      quote_url: 'https://archive.example.org/articles/juye-2020/#health-poverty-559wan',
    });
    expect(rows[1]?.['quote_url']).toBe(`https://archive.example.org${juye.href}`);
  });

  it('writes CSV with a byte-order mark, CRLF and the global header', () => {
    const csv = toCsv([money, juye]);
    expect(csv.startsWith('\uFEFFid,article,article_title,article_url,region,city,year,publication,label,value,')).toBe(
      true,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csvOf([{ a: 'x,"y"', b: 'line\nbreak', c: 3 }], ['a', 'b', 'c'])).toBe(
      '\uFEFFa,b,c\r\n"x,""y""","line\nbreak",3\r\n',
    );
  });

  it('neutralises formulas in the other charts’ CSV too', () => {
    expect(csvOf([{ event: '=1+1', n: -3 }], ['event', 'n'])).toBe("\uFEFFevent,n\r\n'=1+1,-3\r\n");
  });

  it('makes data: URIs that decode back to the exact text', () => {
    const text = toCsv([money, juye]);
    const uri = dataUri(text, 'text/csv');
    expect(uri.startsWith('data:text/csv;charset=utf-8,%EF%BB%BF')).toBe(true);
    expect(decodeURIComponent(uri.slice(uri.indexOf(',') + 1))).toBe(text);
    expect(JSON.parse(toJson(rows))).toEqual(rows);
  });

  it('names files after the article, or the number of articles', () => {
    expect(downloadName([money], 'csv')).toBe('juye-2020-health-poverty-559wan.csv');
    expect(downloadName([juye, juye], 'json')).toBe('juye-2020-2-figures.json');
    expect(downloadName([juye, shanghe, rate], 'csv')).toBe('figures-3-articles.csv');
  });
});
