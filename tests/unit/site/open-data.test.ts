import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_COLUMNS,
  citation,
  DATA_LICENCE_ID,
  dataLicence,
  dataPackage,
  openDataFiles,
  publishers,
  type ArticleSource,
} from '../../../src/site/open-data.ts';
import { METRIC_COLUMNS } from '../../../src/figures/metrics-export.ts';

const site = 'https://archive.example.org';
const metric = { id: 'a', value: 5, unit: '人', label: '人数', topic: '妇幼健康', quote: '共5人。' };
const articles: ArticleSource[] = [
  { slug: 'x-2020', title: '甲', region: '巨野县', city: '菏泽市', year: 2020, characters: 10, metrics: [metric] },
  {
    slug: 'y-2021',
    title: '乙',
    region: '商河县',
    city: '济南市',
    year: 2021,
    publication: '齐鲁晚报',
    characters: 20,
    metrics: [],
  },
];
const created = new Date('2026-01-02T03:04:05.678Z');

describe('open data files', () => {
  const files = openDataFiles(articles, site, created);

  it('version the tables by their content, and date them to the second', () => {
    expect(files.version).toMatch(/^1\.0\.0\+[0-9a-f]{8}$/u);
    expect(files.created).toBe('2026-01-02T03:04:05Z');
    const changed = openDataFiles(
      [{ ...articles[0]!, metrics: [{ ...metric, value: 6 }] }, articles[1]!],
      site,
      created,
    );
    expect(changed.version).not.toBe(files.version);
    expect(openDataFiles(articles, site, new Date()).version).toBe(files.version);
  });

  it('write articles.csv in the columns of ARTICLE_COLUMNS', () => {
    expect(files.articlesCsv).toBe(
      `\uFEFF${ARTICLE_COLUMNS.map((c) => c.name).join(',')}\r\n` +
        'x-2020,甲,,https://archive.example.org/articles/x-2020/,巨野县,菏泽市,2020,,,10,1\r\n' +
        'y-2021,乙,,https://archive.example.org/articles/y-2021/,商河县,济南市,2021,齐鲁晚报,,20,0\r\n',
    );
  });

  it('name each publication with its articles, and count the articles that name none', () => {
    expect(publishers(articles)).toEqual({ named: [{ name: '齐鲁晚报', titles: ['乙'] }], unnamed: 1 });
  });

  it('describe both CSVs in the descriptor: fields from the same columns, exact bytes and hash', () => {
    const pkg = dataPackage(files, articles, site);
    expect(pkg.licenses).toEqual([{ name: DATA_LICENCE_ID, path: dataLicence.path, title: dataLicence.title }]);
    expect(pkg.version).toBe(files.version);
    const [metrics, table] = pkg.resources;
    expect(metrics?.schema.fields.map((f) => f.name)).toEqual(METRIC_COLUMNS.map((c) => c.name));
    expect(table?.schema.fields.map((f) => f.name)).toEqual(ARTICLE_COLUMNS.map((c) => c.name));
    expect(metrics?.bytes).toBe(Buffer.byteLength(files.metricsCsv));
    expect(table?.hash).toBe(`sha256:${createHash('sha256').update(files.articlesCsv).digest('hex')}`);
    expect(pkg.sources.map((s) => s.title)).toEqual([
      '齐鲁晚报：乙',
      '报纸扫描稿，原文未印明刊载媒体（1 篇）',
      '山东卫生健康新闻档案（录入与校勘）',
    ]);
    expect(citation(files, site)).toContain(`数据版本 ${files.version}，2026-01-02 构建`);
  });
});
