/**
 * The benchmark's machinery on a tiny archive (npm run bench measures up to 20,000 articles):
 * the generator is deterministic and its entries pass the content check, and a 20-article project
 * copy builds, is searched and measured, beside its bare build, and built again with one article changed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INCREMENTAL_SENTENCE, benchOne, checkTargets, markdownTable, stageTable } from '../../scripts/bench.ts';
import { generateArticles, readSeedMaterial } from '../../scripts/bench-generate.ts';
import { readContentFiles } from '../../src/content-check/read-content.ts';
import { checkContent, formatProblem, isError } from '../../src/content-check/index.ts';

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
    const committed = readContentFiles(process.cwd());
    const problems = checkContent({
      ...committed,
      articles: [
        ...committed.articles,
        ...entries.map((e) => ({ path: `content/articles/${e.slug}.mdx`, text: e.mdx })),
      ],
    });
    expect(problems.filter(isError).map(formatProblem)).toEqual([]);
    // Figures travel with their sentences, and the archive spreads over places and years.
    expect(entries.filter((e) => /\nmetrics:\n {2}- id:/u.test(e.mdx)).length).toBeGreaterThan(50);
    expect(new Set(entries.map((e) => /^region: (.+)$/mu.exec(e.mdx)?.[1])).size).toBeGreaterThan(20);
  });
});

describe('npm run bench, at 20 articles', () => {
  it('builds, searches and measures a project copy', { timeout: 480_000 }, async () => {
    const dir = resolve('.tmp/bench-smoke');
    const row = await benchOne(20, { dir, keep: true, queries: 2 });
    const articles = readdirSync(join(dir, 'dist', 'articles'));
    expect(articles).toHaveLength(20);
    expect(row.pages).toBeGreaterThan(20);
    expect(row.buildSeconds).toBeGreaterThan(0);
    expect(row.pagefindSeconds).toBeGreaterThan(0);
    expect(row.indexBytes).toBeGreaterThan(10_000);
    expect(row.distBytes).toBeGreaterThan(row.indexBytes);
    expect(row.firstQueryBytes.median).toBeGreaterThan(50_000);
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
    expect(work(row.profile, 'share images rendered')).toBe(20);
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
    expect(work(again.profile, 'share images rendered')).toBeLessThanOrEqual(1);
    expect(work(again.profile, 'share images rendered') + work(again.profile, 'share images from the cache')).toBe(20);
    const indexed = work(again.profile, 'pages indexed by Pagefind');
    expect(indexed).toBeGreaterThanOrEqual(1);
    expect(indexed).toBeLessThan(work(again.profile, 'pages'));
    expect(stageTable(row)).toContain('| search: Pagefind indexing |');
  });
});
