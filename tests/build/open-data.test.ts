/**
 * The open data of the built site, read as a data user would: the CSVs parsed with d3-dsv (not our
 * writer), the Frictionless descriptor checked against the files it describes, the /data/ page's
 * dictionary against the CSV headers, chart downloads against metrics.csv, every footer for /data/.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { csvParseRows } from 'd3';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../support/content.ts';
import { builtArticles, builtHtml, builtSite, htmlFiles, readBuilt } from '../support/site.ts';
import { DATA_LICENCE_ID } from '../../src/site/open-data.ts';
import { ui } from '../../src/lib/ui-strings.ts';

interface Field {
  name: string;
  type: string;
  format?: string;
  description: string;
  constraints: { required: boolean; enum?: string[] };
}
interface Resource {
  profile: string;
  name: string;
  path: string;
  format: string;
  mediatype: string;
  encoding: string;
  bytes: number;
  hash: string;
  schema: {
    fields: Field[];
    missingValues: string[];
    primaryKey: string | string[];
    foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
  };
}
interface Package {
  profile: string;
  name: string;
  title: string;
  version: string;
  created: string;
  homepage: string;
  licenses: { name: string; path: string; title: string }[];
  sources: { title: string }[];
  resources: Resource[];
}

const BOM = '\uFEFF';

/** Header and rows of a built CSV, after checking it starts with a BOM and uses CRLF. */
function table(path: string): { header: string[]; rows: string[][] } {
  const text = readBuilt(path);
  expect(text.startsWith(BOM), `${path} starts with a BOM`).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsv(text.slice(1));
}

function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = csvParseRows(text.replace(/\r\n$/u, ''));
  return { header, rows };
}

const pkg = JSON.parse(readBuilt('data/datapackage.json')) as Package;

/** Table Schema v1 casting of a non-missing cell: an error message, or undefined when it casts. */
function castProblem(field: Field, cell: string): string | undefined {
  switch (field.type) {
    case 'number':
      return /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/u.test(cell) ? undefined : `not a number: ${cell}`;
    case 'integer':
      return /^-?\d+$/u.test(cell) ? undefined : `not an integer: ${cell}`;
    case 'boolean':
      return ['true', 'false', 'True', 'False', 'TRUE', 'FALSE', '1', '0'].includes(cell)
        ? undefined
        : `not a boolean: ${cell}`;
    case 'string':
      if (field.format === 'uri' && !URL.canParse(cell)) return `not a URI: ${cell}`;
      return undefined;
    default:
      return `unknown type ${field.type}`;
  }
}

describe('datapackage.json (Frictionless Data Package v1)', () => {
  it('validates against the official tabular-data-package profile (JSON Schema, tests/fixtures/frictionless)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // An editor hint of the profile's form builder, not a constraint.
    ajv.addFormat('textarea', true);
    const profile = JSON.parse(readFileSync('tests/fixtures/frictionless/tabular-data-package.json', 'utf8')) as object;
    const validate = ajv.compile(profile);
    expect(validate(pkg), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The profile can fail: a name with capitals and a space, a resource without a schema.
    expect(validate({ ...pkg, name: 'Not Valid' })).toBe(false);
    expect(validate({ ...pkg, resources: [{ name: 'x', path: 'x.csv' }] })).toBe(false);
  });

  it('has the descriptor properties the spec requires and recommends', () => {
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/u);
    expect(pkg.title.length).toBeGreaterThan(0);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(?:\+[0-9a-f]{8})?$/u);
    expect(new Date(pkg.created).toISOString().replace('.000Z', 'Z')).toBe(pkg.created);
    expect(pkg.licenses).toEqual([
      expect.objectContaining({ name: DATA_LICENCE_ID, path: expect.stringMatching(/^https:\/\//u) }),
    ]);
    expect(pkg.sources.length).toBeGreaterThan(0);
    expect(pkg.resources.map((r) => r.name)).toEqual(['metrics', 'articles']);
    for (const r of pkg.resources) {
      expect(r).toMatchObject({
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
      });
      expect(r.name).toMatch(/^[a-z0-9._-]+$/u);
      expect(r.path).toMatch(/^[a-z0-9._-]+\.csv$/u);
      for (const f of r.schema.fields) {
        expect(f.description.length, `${r.name}.${f.name} is described`).toBeGreaterThan(0);
        expect(['string', 'number', 'integer', 'boolean']).toContain(f.type);
      }
    }
  });

  it.each(['metrics', 'articles'])('%s.csv has the bytes, hash, header and cells its resource declares', (name) => {
    const r = pkg.resources.find((x) => x.name === name)!;
    const bytes = readFileSync(join(builtSite(), 'data', r.path));
    expect(bytes.length).toBe(r.bytes);
    expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    const { header, rows } = table(`data/${r.path}`);
    expect(header).toEqual(r.schema.fields.map((f) => f.name));
    expect(rows.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const [i, row] of rows.entries()) {
      expect(row).toHaveLength(header.length);
      r.schema.fields.forEach((field, c) => {
        const cell = row[c] ?? '';
        const where = `row ${i + 2}, ${field.name}`;
        if (r.schema.missingValues.includes(cell)) {
          if (field.constraints.required) problems.push(`${where}: required but empty`);
          return;
        }
        const problem = castProblem(field, cell);
        if (problem) problems.push(`${where}: ${problem}`);
        if (field.constraints.enum && !field.constraints.enum.includes(cell))
          problems.push(`${where}: ${cell} not in enum`);
      });
    }
    expect(problems).toEqual([]);
    // The primary key is unique.
    const key = [r.schema.primaryKey].flat().map((k) => header.indexOf(k));
    const keys = rows.map((row) => key.map((k) => row[k]).join('/'));
    expect(new Set(keys).size).toBe(rows.length);
  });

  it('every metric row points at an article of articles.csv (the foreign key holds)', () => {
    const metrics = pkg.resources.find((x) => x.name === 'metrics')!;
    const [fk] = metrics.schema.foreignKeys ?? [];
    expect(fk).toEqual({ fields: 'article', reference: { resource: 'articles', fields: 'slug' } });
    const articles = table('data/articles.csv');
    const slugs = new Set(articles.rows.map((row) => row[articles.header.indexOf('slug')]));
    const m = table('data/metrics.csv');
    for (const row of m.rows) expect(slugs).toContain(row[m.header.indexOf('article')]);
  });
});

describe('metric rows carry their article, as the content files say', () => {
  const entries = readEntries();
  const { header, rows } = table('data/metrics.csv');
  const col = (row: string[], name: string): string => row[header.indexOf(name)] ?? '';

  it('one row per metric of every entry, with slug, title, URL, region, city, year, publication and printed figure', () => {
    expect(rows).toHaveLength(entries.reduce((n, e) => n + e.data.metrics.length, 0));
    for (const entry of entries) {
      for (const metric of entry.data.metrics) {
        const row = rows.find((r) => col(r, 'article') === entry.slug && col(r, 'id') === metric.id);
        expect(row, `${entry.slug}/${metric.id}`).toBeDefined();
        expect({
          title: col(row!, 'article_title'),
          url: new URL(col(row!, 'article_url')).pathname,
          region: col(row!, 'region'),
          city: col(row!, 'city'),
          year: Number(col(row!, 'year')),
          publication: col(row!, 'publication'),
          value: Number(col(row!, 'value')),
          label: col(row!, 'label').replace(/^'(?=[=+\-@\t\r])/u, ''),
          quote: col(row!, 'quote').replace(/^'(?=[=+\-@\t\r])/u, ''),
        }).toEqual({
          title: entry.data.title,
          url: `/articles/${entry.slug}/`,
          region: entry.data.region,
          city: entry.data.city,
          year: entry.data.year,
          publication: entry.data.publication ?? '',
          value: metric.value,
          label: metric.label,
          quote: metric.quote,
        });
        if (metric.printed) expect(col(row!, 'printed')).toBe(metric.printed);
        expect(metric.quote).toContain(col(row!, 'printed'));
      }
    }
  });

  it('no text cell of any CSV under /data/ starts with a character a spreadsheet runs as a formula', () => {
    for (const path of ['data/metrics.csv', 'data/articles.csv']) {
      const csv = table(path);
      const numeric = new Set(
        pkg.resources
          .find((r) => `data/${r.path}` === path)!
          .schema.fields.filter((f) => f.type !== 'string')
          .map((f) => f.name),
      );
      for (const row of csv.rows) {
        row.forEach((cell, c) => {
          if (!numeric.has(csv.header[c] ?? '')) expect(cell, `${path} ${csv.header[c]}`).not.toMatch(/^[=+\-@\t\r]/u);
        });
      }
    }
  });

  it('/data/metrics.json has the same rows and keys as metrics.csv', () => {
    const json = JSON.parse(readBuilt('data/metrics.json')) as Array<Record<string, string | number | boolean | null>>;
    expect(json).toHaveLength(rows.length);
    json.forEach((record, i) => {
      expect(Object.keys(record)).toEqual(header);
      const asCells = header.map((name) => {
        const v = record[name];
        return v === null ? '' : typeof v === 'string' && /^[=+\-@\t\r]/u.test(v) ? `'${v}` : String(v);
      });
      expect(asCells).toEqual(rows[i]);
    });
  });
});

describe('per-article chart downloads', () => {
  const metrics = table('data/metrics.csv');
  const lines = new Set(metrics.rows.map((row) => JSON.stringify(row)));

  it('share the header of metrics.csv, and each row is a row of metrics.csv', () => {
    let downloads = 0;
    for (const [slug, page] of builtArticles()) {
      for (const link of page.querySelectorAll('.chart-figure__downloads a[type="text/csv"]')) {
        const href = link.getAttribute('href') ?? '';
        // Article pages link files under /data/charts/; stories still carry their table as a data: URL.
        const text = href.startsWith('data:')
          ? decodeURIComponent(href.slice(href.indexOf(',') + 1))
          : readBuilt(href.replace(/^\//u, ''));
        expect(text.startsWith(BOM)).toBe(true);
        const csv = parseCsv(text.slice(1));
        expect(csv.header, slug).toEqual(metrics.header);
        for (const row of csv.rows) expect(lines, `${slug}: ${row.join(',')}`).toContain(JSON.stringify(row));
        downloads += 1;
      }
    }
    expect(downloads).toBeGreaterThan(0);
  });
});

describe('per-article downloads from the data panel', () => {
  const metrics = table('data/metrics.csv');
  const json = JSON.parse(readBuilt('data/metrics.json')) as Array<Record<string, unknown>>;

  it('link each article’s own rows of metrics.csv and metrics.json, same columns', () => {
    const entries = readEntries().filter((e) => e.data.metrics.length > 0);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const page = builtArticles().get(entry.slug)!;
      const links = page.querySelectorAll('.data-panel-download a').map((a) => a.getAttribute('href'));
      const csvPath = `/data/metrics/${entry.slug}.csv`;
      const jsonPath = `/data/metrics/${entry.slug}.json`;
      expect(links).toEqual([csvPath, jsonPath, '/data/#metrics-columns']);
      const own = table(csvPath.slice(1));
      expect(own.header).toEqual(metrics.header);
      const slugColumn = metrics.header.indexOf('article');
      expect(own.rows).toEqual(metrics.rows.filter((row) => row[slugColumn] === entry.slug));
      expect(own.rows).toHaveLength(entry.data.metrics.length);
      expect(JSON.parse(readBuilt(jsonPath.slice(1)))).toEqual(json.filter((r) => r['article'] === entry.slug));
    }
  });
});

describe('the /data/ page', () => {
  const page = builtHtml('data/index.html');

  it.each([
    ['metrics.csv', 'metrics'],
    ['articles.csv', 'articles'],
  ])('its dictionary names every column of %s, and nothing else', (file, resource) => {
    const documented = page.querySelectorAll(`dl[data-columns-of="${file}"] dt code`).map((c) => c.textContent);
    expect(documented).toEqual(table(`data/${file}`).header);
    expect(documented).toEqual(pkg.resources.find((r) => r.name === resource)!.schema.fields.map((f) => f.name));
    const described = page.querySelectorAll(`dl[data-columns-of="${file}"] dd`).map((d) => d.textContent.trim());
    for (const text of described) expect(text.length).toBeGreaterThan(10);
  });

  it('links every download, each one a built file', () => {
    const links = page.querySelectorAll('main a[href^="/data/"]').map((a) => a.getAttribute('href'));
    for (const file of ['metrics.csv', 'metrics.json', 'articles.csv', 'articles.json', 'datapackage.json']) {
      expect(links).toContain(`/data/${file}`);
      expect(readBuilt(`data/${file}`).length).toBeGreaterThan(0);
    }
  });

  it('gives each download the size of the file served', () => {
    for (const item of page.querySelectorAll('ul.data-files li')) {
      const file = item.querySelector('a')!.getAttribute('href')!.slice(1);
      const bytes = readFileSync(join(builtSite(), file)).length;
      expect(item.querySelector('.data-size')?.textContent, file).toBe(ui.data.size(bytes));
    }
    expect(page.querySelectorAll('ul.data-files li')).toHaveLength(5);
  });

  it('states the version, build date and citation of this build, the licence, and every publisher', () => {
    const text = page.querySelector('main')!.textContent;
    expect(text).toContain(pkg.version);
    expect(page.querySelector('main time')?.getAttribute('datetime')).toBe(pkg.created);
    expect(text).toContain(pkg.created.slice(0, 10));
    expect(page.querySelector('.data-citation')?.textContent).toContain(pkg.version);
    expect(page.querySelector('a[rel~="license"]')?.getAttribute('href')).toBe(pkg.licenses[0]?.path);
    const publications = new Set(readEntries().flatMap((e) => (e.data.publication ? [e.data.publication] : [])));
    expect(publications.size).toBeGreaterThan(0);
    for (const name of publications) expect(page.querySelector('.data-publishers')?.textContent).toContain(name);
  });
});

describe('site footer', () => {
  it('links /data/ on every page', () => {
    const dir = builtSite();
    const missing = htmlFiles(dir).filter(
      (file) => !parse(readFileSync(join(dir, file), 'utf8')).querySelector('footer.site-footer a[href="/data/"]'),
    );
    expect(missing).toEqual([]);
  });
});
