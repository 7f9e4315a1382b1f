/**
 * The archive's open data: the licence (one config value), the articles table's columns, the
 * version and build date, the rights statement's publishers, and the Frictionless Data package
 * descriptor (Data Package v1) built from the same column lists as the CSV files and /data/.
 */
import { createHash } from 'node:crypto';
import { csvOfColumns, tableSchemaFields, type DataColumn, type TableSchemaField } from '../lib/csv.ts';
import {
  articleLink,
  metricsCsv,
  metricSources,
  METRIC_COLUMNS,
  type ExportArticle,
} from '../figures/metrics-export.ts';
import type { Metric } from '../schemas/metric.ts';

/** Licences the extracted data can be published under, by SPDX id. */
const LICENCES = {
  'CC-BY-4.0': {
    title: '知识共享 署名 4.0 国际（CC BY 4.0）',
    path: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
  },
  'CC0-1.0': {
    title: '知识共享 CC0 1.0 公共领域贡献',
    path: 'https://creativecommons.org/publicdomain/zero/1.0/deed.zh-hans',
  },
  'ODbL-1.0': { title: '开放数据库许可 1.0（ODbL）', path: 'https://opendatacommons.org/licenses/odbl/1-0/' },
} as const;

/** THE licence of the extracted data (figures, labels, periods, topics): change it here only. */
export const DATA_LICENCE_ID: keyof typeof LICENCES = 'CC-BY-4.0';

export const dataLicence = { name: DATA_LICENCE_ID, ...LICENCES[DATA_LICENCE_ID] };

/** Version of the tables' layout: bump the major number when a column is renamed or removed. */
export const DATA_SCHEMA_VERSION = '1.0.0';

export const DATA_PACKAGE_NAME = 'shandong-health-archive';
export const DATA_TITLE = '山东卫生健康新闻档案：报道与数字';

/**
 * When this build was made: SOURCE_DATE_EPOCH (seconds) when set, for reproducible builds, else now.
 * Read once, so the page and the descriptor of one build say the same time.
 */
const BUILD_TIME = ((): Date => {
  const epoch = Number(process.env['SOURCE_DATE_EPOCH']);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
})();

export function buildTime(): Date {
  return new Date(BUILD_TIME);
}

/** Where one article's figures are served: /data/metrics/<slug>.csv (or .json), linked from its data panel. */
export function articleMetricsPath(slug: string, extension: 'csv' | 'json'): string {
  return `/data/metrics/${encodeURIComponent(slug)}.${extension}`;
}

/** What an articles row needs of an entry. */
export interface ArticleSource extends ExportArticle {
  subtitle?: string | undefined;
  /** The seed file under seeds/ the text came from. */
  sourceFile?: string | undefined;
  /** Characters of running text, as /data/articles.json counts them. */
  characters: number;
  metrics: readonly Metric[];
}

interface SiteArticle {
  article: ArticleSource;
  site: string;
}

export const ARTICLE_COLUMNS: readonly DataColumn<SiteArticle>[] = [
  {
    name: 'slug',
    type: 'string',
    title: '文章短名',
    description: '文章的短名，唯一；metrics.csv 的 article 列指向它。',
    required: true,
    value: (s) => s.article.slug,
  },
  {
    name: 'title',
    type: 'string',
    title: '标题',
    description: '标题，按原刊。',
    required: true,
    value: (s) => s.article.title,
  },
  {
    name: 'subtitle',
    type: 'string',
    title: '副题',
    description: '副题或标题下的“——”行，按原刊；没有时为空。',
    required: false,
    value: (s) => s.article.subtitle ?? null,
  },
  {
    name: 'url',
    type: 'string',
    format: 'uri',
    title: '网址',
    description: '文章页面的完整网址。',
    required: true,
    value: (s) => articleLink(s.site, s.article.slug),
  },
  {
    name: 'region',
    type: 'string',
    title: '地区',
    description: '报道的县级地区；全市性的报道为市名。',
    required: true,
    value: (s) => s.article.region,
  },
  {
    name: 'city',
    type: 'string',
    title: '地级市',
    description: '地区所属的地级市。',
    required: true,
    value: (s) => s.article.city,
  },
  {
    name: 'year',
    type: 'integer',
    title: '报道年份',
    description: '文章报道的年份。',
    required: true,
    value: (s) => s.article.year,
  },
  {
    name: 'publication',
    type: 'string',
    title: '原刊媒体',
    description: '刊载原文的报纸或媒体，原文印明时才有；空表示原文未印明。',
    required: false,
    value: (s) => s.article.publication ?? null,
  },
  {
    name: 'source_file',
    type: 'string',
    title: '原始文本',
    description: '录入所据的扫描文本文件名（网站 /sources/ 下可查看原样）。',
    required: false,
    value: (s) => s.article.sourceFile ?? null,
  },
  {
    name: 'characters',
    type: 'integer',
    title: '字数',
    description: '正文字数（小标题和段落，不计空白）。',
    required: true,
    value: (s) => s.article.characters,
  },
  {
    name: 'metrics',
    type: 'integer',
    title: '数字条数',
    description: 'metrics.csv 中属于本文的行数。',
    required: true,
    value: (s) => s.article.metrics.length,
  },
];

export function articlesCsv(articles: readonly ArticleSource[], site: string): string {
  return csvOfColumns(
    ARTICLE_COLUMNS,
    articles.map((article) => ({ article, site })),
  );
}

/** Each named publication with its articles, and the articles whose text names none. */
export function publishers(articles: readonly ArticleSource[]): {
  named: { name: string; titles: string[] }[];
  unnamed: number;
} {
  const byName = new Map<string, string[]>();
  for (const a of articles) {
    if (a.publication) byName.set(a.publication, [...(byName.get(a.publication) ?? []), a.title]);
  }
  return {
    named: [...byName].map(([name, titles]) => ({ name, titles })),
    unnamed: articles.filter((a) => !a.publication).length,
  };
}

/** The files of /data/ as text, made once from the articles; the page and the descriptor read them. */
export interface OpenDataFiles {
  metricsCsv: string;
  articlesCsv: string;
  /** Layout version + the first 8 hex digits of the tables' SHA-256: it changes whenever the data does. */
  version: string;
  created: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function openDataFiles(articles: readonly ArticleSource[], site: string, created = buildTime()): OpenDataFiles {
  const metrics = metricsCsv(metricSources(articles, site));
  const table = articlesCsv(articles, site);
  return {
    metricsCsv: metrics,
    articlesCsv: table,
    version: `${DATA_SCHEMA_VERSION}+${sha256(metrics + table).slice(0, 8)}`,
    // To the second: RFC 3339 without a fraction, as Frictionless examples write it.
    created: new Date(Math.floor(created.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
  };
}

/** "2026-12-06": the build date as the page prints it (UTC). */
export function buildDate(files: Pick<OpenDataFiles, 'created'>): string {
  return files.created.slice(0, 10);
}

/** The citation line a reader copies. */
export function citation(files: Pick<OpenDataFiles, 'version' | 'created'>, site: string): string {
  return `${DATA_TITLE}（数据版本 ${files.version}，${buildDate(files)} 构建）。${site}/data/ 。数据按 ${dataLicence.name} 许可发布。`;
}

interface TabularResource {
  profile: 'tabular-data-resource';
  name: string;
  path: string;
  title: string;
  description: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  bytes: number;
  hash: string;
  dialect: { delimiter: ','; lineTerminator: '\r\n'; quoteChar: '"'; doubleQuote: true; header: true };
  schema: {
    fields: TableSchemaField[];
    missingValues: string[];
    primaryKey: string | string[];
    foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
  };
}

/** A Frictionless Data Package v1 descriptor (tabular-data-package profile). */
export interface DataPackage {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  homepage: string;
  version: string;
  created: string;
  licenses: { name: string; path: string; title: string }[];
  sources: { title: string; path?: string }[];
  resources: TabularResource[];
}

const DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } as const;

function resource(
  name: string,
  text: string,
  meta: Pick<TabularResource, 'title' | 'description'>,
  schema: Omit<TabularResource['schema'], 'missingValues'>,
): TabularResource {
  return {
    profile: 'tabular-data-resource',
    name,
    path: `${name}.csv`,
    ...meta,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes: Buffer.byteLength(text, 'utf8'),
    hash: `sha256:${sha256(text)}`,
    dialect: DIALECT,
    // An empty cell is a missing value; text cells that began with = + - @ carry a leading apostrophe.
    schema: { ...schema, missingValues: [''] },
  };
}

export function dataPackage(files: OpenDataFiles, articles: readonly ArticleSource[], site: string): DataPackage {
  const { named, unnamed } = publishers(articles);
  return {
    profile: 'tabular-data-package',
    name: DATA_PACKAGE_NAME,
    title: DATA_TITLE,
    description:
      "山东县市卫生健康局报道中的数字，每个数字附原句和出处。文件为 UTF-8（带字节顺序标记）、CRLF 换行的 CSV；以 = + - @ 开头的文字单元格前加了撇号（'），以免被电子表格当成公式。",
    homepage: `${site}/data/`,
    version: files.version,
    created: files.created,
    licenses: [{ name: dataLicence.name, path: dataLicence.path, title: dataLicence.title }],
    sources: [
      ...named.map(({ name, titles }) => ({ title: `${name}：${titles.join('；')}` })),
      ...(unnamed > 0 ? [{ title: `报纸扫描稿，原文未印明刊载媒体（${unnamed} 篇）` }] : []),
      { title: '山东卫生健康新闻档案（录入与校勘）', path: `${site}/` },
    ],
    resources: [
      resource(
        'metrics',
        files.metricsCsv,
        { title: '报道中的数字', description: '每行一个数字，附文章、原句和原文印出的样子。' },
        {
          fields: tableSchemaFields(METRIC_COLUMNS),
          primaryKey: ['article', 'id'],
          foreignKeys: [{ fields: 'article', reference: { resource: 'articles', fields: 'slug' } }],
        },
      ),
      resource(
        'articles',
        files.articlesCsv,
        { title: '文章', description: '每行一篇文章：标题、地区、年份、原刊和字数。' },
        { fields: tableSchemaFields(ARTICLE_COLUMNS), primaryKey: 'slug' },
      ),
    ],
  };
}
