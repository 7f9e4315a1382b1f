/**
 * The benchmark's machinery on a tiny archive (npm run bench measures up to 20,000 articles):
 * the generator is deterministic and its entries pass the content check, and a 20-article project
 * copy builds, is searched and measured, beside its bare build, and built again with one article changed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INCREMENTAL_SENTENCE,
  KNOWN_ANSWERS_FILE,
  benchOne,
  checkTargets,
  markdownTable,
  ratioOf,
  stageTable,
} from '../../scripts/bench.ts';
import { generateArticles, generateWithKnownAnswers, readSeedMaterial } from '../../scripts/bench-generate.ts';
import type { KnownAnswers } from '../../scripts/bench-known-answers.ts';
import { readContentFiles } from '../../src/content-check/read-content.ts';
import { checkContent, formatProblem, isError } from '../../src/content-check/index.ts';

/** The content check's errors for generated entries added to the committed content. */
function errorsBeside(entries: ReadonlyArray<{ slug: string; mdx: string }>): string[] {
  const committed = readContentFiles(process.cwd());
  const articles = entries.map((e) => ({ path: `content/articles/${e.slug}.mdx`, text: e.mdx }));
  const problems = checkContent({ ...committed, articles: [...committed.articles, ...articles] });
  return problems.filter(isError).map(formatProblem);
}

describe('the synthetic archive', () => {
  const material = readSeedMaterial();

  it('is the same for the same seed, and another for another seed', () => {
    const a = generateArticles(30, 7, material);
    expect(generateArticles(30, 7, material)).toEqual(a);
    expect(generateArticles(30, 8, material).map((e) => e.mdx)).not.toEqual(a.map((e) => e.mdx));
    expect(new Set(a.map((e) => e.slug)).size).toBe(30);
  });

  it('recombines the real entries into entries the content check accepts, figures and all', () => {
    const entries = generateArticles(60, 1, material);
    expect(errorsBeside(entries)).toEqual([]);
    // Figures travel with their sentences, and the archive spreads over places and years.
    expect(entries.filter((e) => /\nmetrics:\n {2}- id:/u.test(e.mdx)).length).toBeGreaterThan(50);
    expect(new Set(entries.map((e) => /^region: (.+)$/mu.exec(e.mdx)?.[1])).size).toBeGreaterThan(20);
  });
});

describe('the known-answer queries', () => {
  const { entries, known } = generateWithKnownAnswers(80, 3);
  const committed = readContentFiles(process.cwd());
  const normalise = (text: string) => text.normalize('NFKC').replace(/[\s\p{P}]/gu, '');

  it('are planted in entries the content check still accepts', () => {
    expect(errorsBeside(entries)).toEqual([]);
  });

  it('expect exactly the articles whose text holds the planted string, and nothing for must-be-empty ones', () => {
    const categories = new Set(known.queries.map((q) => q.category));
    expect([...categories].sort()).toEqual(['empty', 'number', 'place', 'programme', 'traditional']);
    const texts = [
      ...entries.map((e) => ({ key: e.slug, text: normalise(e.mdx) })),
      ...committed.articles.map((a) => ({ key: a.path, text: normalise(a.text) })),
    ];
    for (const query of known.queries.filter((q) => q.category !== 'traditional')) {
      const holding = texts.filter((t) => t.text.includes(normalise(query.q))).map((t) => t.key);
      expect(holding.sort(), query.q).toEqual([...query.expected].sort());
    }
    expect(known.queries.filter((q) => q.category === 'empty').length).toBeGreaterThanOrEqual(15);
  });

  it('split tune / held out alternately within each category, fixed by the generation', () => {
    for (const category of new Set(known.queries.map((q) => q.category))) {
      const splits = known.queries.filter((q) => q.category === category).map((q) => q.split);
      splits.forEach((split, i) => expect(split).toBe(i % 2 === 0 ? 'tune' : 'heldout'));
    }
    expect(generateWithKnownAnswers(80, 3).known).toEqual(known);
  });
});

describe('npm run bench, at 20 articles', () => {
  it('builds, searches and measures a project copy', { timeout: 480_000 }, async () => {
    const dir = resolve('.tmp/bench-smoke');
    const row = await benchOne(20, { dir, keep: true, queries: 2, pairs: 2 });
    const articles = readdirSync(join(dir, 'dist', 'articles'));
    expect(articles).toHaveLength(20);
    expect(row.pages).toBeGreaterThan(20);
    expect(row.buildSeconds).toBeGreaterThan(0);
    expect(row.pagefindSeconds).toBeGreaterThan(0);
    expect(row.indexBytes).toBeGreaterThan(10_000);
    expect(row.distBytes).toBeGreaterThan(row.indexBytes);
    // The facts file, a few 3 KB shards, a display chunk and the texts of the results shown.
    expect(row.firstQueryBytes.median).toBeGreaterThan(20_000);
    const known = JSON.parse(readFileSync(join(dir, KNOWN_ANSWERS_FILE), 'utf8')) as KnownAnswers;
    expect(known.articles).toBe(14);
    expect(known.queries.filter((q) => q.expected.length > 0).length).toBeGreaterThan(10);
    // The copy searched is the synthetic one: its index knows the generated pages.
    expect(readFileSync(join(dir, 'dist', 'sitemap-0.xml'), 'utf8')).toContain(
      `/articles/${articles.find((a) => /-\d{5}$/u.test(a))}/`,
    );
    expect(markdownTable([row])).toContain('| 20 |');
    expect(checkTargets([row])).toEqual([]);

    // The bare build: the same 20 articles, one page each, indexed by Pagefind alone.
    expect(row.bare?.pages).toBe(20);
    expect(row.bare?.astro.seconds).toBeGreaterThan(0);
    expect(row.bare?.pagefind.seconds).toBeGreaterThan(0);
    expect(markdownTable([row])).toMatch(/\| \d+\.\d\d× \|/u);
    // Two cold project builds and two bare builds in turn: the ratio is the median (here the mean) of the pairs'.
    expect(row.pairs).toHaveLength(2);
    const [first, second] = row.pairs ?? [];
    expect(first?.build).toBe(row.buildSeconds);
    expect(second?.build).toBeGreaterThan(0);
    expect(second?.bare).toBeGreaterThan(0);
    if (!first || !second) throw new Error('no pairs');
    expect(ratioOf(row)).toBeCloseTo((first.build / first.bare + second.build / second.bare) / 2, 10);

    // The profile names every stage of the full build, with its time and peak memory.
    const stages = row.profile.stages.map((st) => st.name);
    for (const name of [
      'content check',
      'pages',
      'search: Pagefind indexing',
      'search: derive files',
      'service worker',
    ])
      expect(stages.some((st) => st.startsWith(name))).toBe(true);
    expect(row.profile.stages.every((st) => st.seconds >= 0 && (st.peakRssBytes ?? 1) > 0)).toBe(true);
    expect(row.searchPeak.pagefindBytes).toBeGreaterThan(1_000_000);
    const work = (profile: typeof row.profile, key: string) =>
      profile.stages.reduce((sum, st) => sum + (st.work[key] ?? 0), 0);
    // Every image drawn once, in the thread that draws ahead of the pages, under the name its page asked for.
    expect(work(row.profile, 'share images drawn ahead in a worker thread')).toBe(20);
    expect(work(row.profile, 'share images rendered')).toBe(0);
    expect(work(row.profile, 'pages indexed by Pagefind')).toBe(work(row.profile, 'pages'));

    // One article changed: at most its share image drawn again, Pagefind run only on the pages whose HTML changed.
    const again = row.incremental;
    expect(again?.article).toMatch(/-\d{5}\.mdx$/u);
    expect(readFileSync(join(dir, 'content', 'articles', again?.article ?? ''), 'utf8')).toContain(
      INCREMENTAL_SENTENCE,
    );
    expect(
      readFileSync(join(dir, 'dist', 'articles', (again?.article ?? '').replace(/\.mdx$/u, ''), 'index.html'), 'utf8'),
    ).toContain(INCREMENTAL_SENTENCE);
    if (!again) throw new Error('no incremental build');
    // The edit is to the body, which the card may not show (title, dek, key figure, byline, reading time).
    const drawn =
      work(again.profile, 'share images rendered') + work(again.profile, 'share images drawn ahead in a worker thread');
    expect(drawn).toBeLessThanOrEqual(1);
    expect(drawn + work(again.profile, 'share images from the cache')).toBe(20);
    const indexed = work(again.profile, 'pages indexed by Pagefind');
    expect(indexed).toBeGreaterThanOrEqual(1);
    expect(indexed).toBeLessThan(work(again.profile, 'pages'));
    // The search files patched for the pages whose fragments changed: the derive read those, not every page.
    expect(work(again.profile, 'pages whose search files were patched')).toBeGreaterThanOrEqual(1);
    expect(work(again.profile, 'pages read for the search files')).toBeLessThanOrEqual(indexed);
    expect(stageTable(row)).toContain('| search: Pagefind indexing |');
  });
});
