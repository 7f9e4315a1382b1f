/**
 * Issue 16, point 7: one range of years (1949 to next year) for ingest, npm run new and the check, stated in
 * every message; bidi controls and other invisible format characters taken out of titles and headings (and
 * the rest of the text), each removal recorded as a correction, nothing visible lost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNewArgs } from '../../../src/content-check/new-article.ts';
import { IngestError } from '../../../src/ingest/errors.ts';
import { findMissingFragments } from '../../../src/ingest/lossless.ts';
import { ingestSeed } from '../../../src/ingest/pipeline.ts';
import { decodeSeed } from '../../../src/ingest/read.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';
import { articleSchema, YEARS } from '../../../src/schemas/article.ts';
import { fixture, messages } from '../content-check/fixtures.ts';

const taxonomy = loadTaxonomy();
const NEXT_YEAR = new Date().getFullYear() + 1;
const jiyang = readFileSync('seeds/003_ac06bc49031416cc.txt', 'utf8');

function ingestText(text: string) {
  return ingestSeed(decodeSeed('seeds/t.txt', new TextEncoder().encode(text)), { taxonomy });
}

describe('the range of years', () => {
  it('is 1949 to next year, one constant', () => {
    expect(YEARS).toEqual({ first: 1949, last: NEXT_YEAR });
  });

  it('the schema takes next year and refuses the year after, and 2099 and 2100', () => {
    const base = { title: 't', region: '巨野县', city: '菏泽市' };
    expect(articleSchema.safeParse({ ...base, year: NEXT_YEAR }).success).toBe(true);
    expect(articleSchema.safeParse({ ...base, year: 1949 }).success).toBe(true);
    for (const year of [1948, NEXT_YEAR + 1, 2099, 2100])
      expect(articleSchema.safeParse({ ...base, year }).success, String(year)).toBe(false);
  });

  it('the check states the range', () => {
    const entry = fixture('articles/juye-2021.mdx');
    const found = messages([
      { path: 'content/articles/future.mdx', text: entry.text.replace(/^year: \d+$/mu, 'year: 2099') },
    ]);
    expect(found).toEqual([
      `content/articles/future.mdx:5 year 2099 is outside the years the archive covers (1949–${NEXT_YEAR}) — write the year the article reports on, from 1949 to ${NEXT_YEAR}`,
    ]);
  });

  it('npm run new states the range for --year 1800 and 2100', () => {
    for (const year of ['1800', '2100']) {
      const parsed = parseNewArgs(['标题', '--region', '巨野县', '--year', year]);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.error).toMatch(new RegExp(`--year ${year}.*1949.*${NEXT_YEAR}`, 'u'));
    }
  });

  it('ingest takes the year from the range only, and says the range when the text names none in it', () => {
    // The article names 2024 throughout; 2099 in its headline (five times the weight) must not win.
    const [entry] = ingestText(jiyang.replace('风劲帆满图新志 守护健康谱新篇', '风劲帆满图新志 2099年守护健康谱新篇'));
    expect(entry?.frontmatter.year).toBe(2024);
    const onlyFuture = jiyang.replace(/20\d\d(?=\s*年)/gu, '2100');
    expect(() => ingestText(onlyFuture)).toThrow(IngestError);
    expect(() => ingestText(onlyFuture)).toThrow(new RegExp(`1949.*${NEXT_YEAR}`, 'u'));
  });
});

describe('invisible format characters', () => {
  const RLO = '\u202e';
  const text = jiyang
    .replace('风劲帆满图新志 守护健康谱新篇', `风劲帆满图新志${RLO} 守护健康谱新篇`)
    .replace('铭刻忠诚烙印 党的领导坚强有力', '铭刻忠诚烙印\u2067 党的领导\u2069坚强有力\u200e')
    .replace('建设有温度的卫健党建品牌。', '建设有温度的卫健党建品牌\u2066。👩\u200d⚕️');

  it('are taken out of the title and headings, each text recorded as a correction', () => {
    const [entry] = ingestText(text);
    expect(entry?.frontmatter.title).toBe('风劲帆满图新志 守护健康谱新篇');
    expect(entry?.frontmatter.sections[0]).toBe('铭刻忠诚烙印 党的领导坚强有力');
    expect(entry?.mdx).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
    const invisible = entry?.frontmatter.corrections.filter((c) => c.kind === 'invisible') ?? [];
    expect(invisible).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          before: '风劲帆满图新志<U+202E> 守护健康谱新篇',
          after: '风劲帆满图新志 守护健康谱新篇',
          count: 1,
        }),
        expect.objectContaining({ after: '铭刻忠诚烙印 党的领导坚强有力', count: 3 }),
      ]),
    );
  });

  it('keep a zero-width joiner inside an emoji, and lose no visible text', () => {
    const [entry] = ingestText(text);
    expect(entry?.mdx).toContain('👩\u200d⚕️');
    const pages = entry ? [entry.mdx] : [];
    expect(findMissingFragments(text, pages, entry?.frontmatter.corrections ?? [])).toEqual([]);
  });
});
