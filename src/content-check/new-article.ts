import { isMap, parseDocument } from 'yaml';
import { checkRegion, indexTaxonomy } from './taxonomy-refs.ts';
import { listPlaces, type Place } from '../lib/taxonomy.ts';
import type { Taxonomy } from '../schemas/taxonomy.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';

/** What `npm run new -- "<标题>" --region 巨野县 --year 2021 [--city 菏泽市]` asks for. */
export interface NewArticleRequest {
  title: string;
  region: string;
  year: number;
  city?: string;
}

export const NEW_USAGE = 'usage: npm run new -- "<标题>" --region 巨野县 --year 2021 [--city 菏泽市]';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Read the command line: a title, --region, --year and optionally --city (either `--x v` or `--x=v`). */
export function parseNewArgs(argv: readonly string[]): Result<NewArticleRequest> {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--(region|year|city)(?:=(.*))?$/u.exec(arg);
    if (match) {
      const value = match[2] ?? argv[++i];
      if (value === undefined || value.startsWith('--'))
        return { ok: false, error: `--${match[1]} needs a value\n${NEW_USAGE}` };
      options.set(match[1] ?? '', value.trim());
    } else if (arg.startsWith('--')) return { ok: false, error: `unknown option ${arg}\n${NEW_USAGE}` };
    else positional.push(arg);
  }
  const title = positional.join(' ').trim();
  if (!title) return { ok: false, error: `give the headline first, in quotes\n${NEW_USAGE}` };
  const region = options.get('region');
  if (!region) return { ok: false, error: `say which region the article is about: --region 巨野县\n${NEW_USAGE}` };
  const yearText = options.get('year') ?? '';
  if (!/^\d{4}$/u.test(yearText) || Number(yearText) < 1949 || Number(yearText) > 2100) {
    return {
      ok: false,
      error: `--year ${JSON.stringify(yearText)} is not a year — write the year the article reports on in four digits: --year 2021`,
    };
  }
  const city = options.get('city');
  return { ok: true, value: { title, region, year: Number(yearText), ...(city ? { city } : {}) } };
}

/** The one place a request names, or why it names none. */
export function resolvePlace(taxonomy: Taxonomy, region: string, city?: string): Result<Place> {
  const index = indexTaxonomy(taxonomy);
  const [problem] = checkRegion(index, region, city);
  if (problem)
    return {
      ok: false,
      error: `--${String(problem.path[0])} ${problem.message} — ${problem.fix.replace(/\bwrite city: /u, 'use --city ')}`,
    };
  const matches = listPlaces(taxonomy).filter((p) => p.name === region && (city === undefined || p.city === city));
  const place = matches.find((p) => p.level === 'region') ?? matches[0];
  if (!place) return { ok: false, error: `--region ${region} is not a known region` };
  const cities = [...new Set(matches.map((p) => p.city))];
  if (cities.length > 1)
    return {
      ok: false,
      error: `--region ${region} is in ${cities.join(' and in ')} — add ${cities.map((c) => `--city ${c}`).join(' or ')}`,
    };
  return { ok: true, value: place };
}

/** <pinyin>-<year>, then -2, -3 … until no existing entry has it (compared ignoring case). */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((s) => s.toLowerCase()));
  let slug = base;
  for (let n = 2; lower.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * The new entry: the template with title, region, city and year filled in
 * (its comments kept, they are the editor's instructions) and its file name.
 */
export function planNewArticle(
  request: NewArticleRequest,
  taxonomy: Taxonomy,
  taken: ReadonlySet<string>,
  template: string,
): Result<{ slug: string; text: string }> {
  const place = resolvePlace(taxonomy, request.region, request.city);
  if (!place.ok) return place;
  const split = splitFrontmatter(template);
  if (!split.ok)
    return {
      ok: false,
      error: 'the template content/templates/article.mdx has no frontmatter between two "---" lines',
    };
  const doc = parseDocument(split.yaml);
  if (doc.errors.length > 0 || !isMap(doc.contents))
    return { ok: false, error: 'the template content/templates/article.mdx has broken frontmatter' };
  doc.set('title', request.title);
  doc.set('region', place.value.name);
  doc.set('city', place.value.city);
  doc.set('year', request.year);
  const yaml = doc.toString({ lineWidth: 0 });
  const slug = uniqueSlug(`${place.value.pinyin}-${request.year}`, taken);
  // A blank line after the frontmatter: where the editor starts typing.
  return { ok: true, value: { slug, text: `---\n${yaml}---\n${split.body || '\n'}` } };
}
