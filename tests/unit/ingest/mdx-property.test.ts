/**
 * Ingest's output always passes its own check (issue 16, point 5): random text full of web addresses,
 * angle brackets, braces, MDX, HTML and Markdown syntax, from a seeded PRNG (a failure names the seed and
 * case). First each paragraph alone through escapeMdx and the site's MDX compiler: it compiles, reads back
 * as exactly the text, holds no component, expression, import or HTML, and every link ends where its address
 * ends. Then whole seeds carrying that text through ingest and the content check.
 */
import { mdxToJs, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../../scripts/support/random.ts';
import { readContentFiles } from '../../../src/content-check/read-content.ts';
import { checkContent, formatProblem, isError } from '../../../src/content-check/index.ts';
import { IngestError } from '../../../src/ingest/errors.ts';
import { extractArticleMetrics } from '../../../src/ingest/metrics/article.ts';
import { ingestSeed } from '../../../src/ingest/pipeline.ts';
import { decodeSeed } from '../../../src/ingest/read.ts';
import { escapeMdx } from '../../../src/ingest/to-mdx.ts';
import { bodyBlocks } from '../../../src/lib/body-text.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';
import { realSeeds } from '../../support/fuzz-inputs.ts';

const SEED = 20261206;
const URL_CHARS = "abcxyzABC0123456789-._~:/?#@!$&'()*+,;=%";

function word(random: Random, alphabet: string, min: number, max: number): string {
  return Array.from({ length: random.int(min, max) }, () => random.pick([...alphabet])).join('');
}

/** One piece of hostile text. */
function fragment(random: Random): string {
  const host = () => `${word(random, 'abcdefgh', 1, 6)}.${random.pick(['cn', 'com', 'gov.cn', 'example'])}`;
  const path = () => (random.chance(0.7) ? `/${word(random, URL_CHARS, 0, 14)}` : '');
  return random.pick([
    () => `${random.pick(['http', 'https', 'HTTPS'])}://${host()}${path()}`,
    () => `www.${host()}${path()}`,
    () => `${word(random, 'abc_.+-', 1, 5)}@${host()}`,
    () => random.pick(['https://', 'http://', 'www.']),
    () => random.pick(['访问', '了解更多', '详见', '网址：', '（', '）', '。', '，', '“', '”', '、', '《', '》', '——']),
    () => word(random, '卫生健康局医院巨野县社区服务年', 1, 8),
    () =>
      random.pick([
        '<',
        '>',
        '<b>',
        '</b>',
        '<script>alert(1)</script>',
        '<a href="https://x.example">x</a>',
        '<!-- c -->',
      ]),
    () => random.pick(['{', '}', '{x}', '{1+1}', '{/* c */}', '{process.exit(0)}']),
    () => random.pick(['<Chart metrics={["a/b"]} />', '<Photo caption="x" />', '</Photo>', '<>', '</>']),
    () => random.pick(['import x from "y"', 'export const a = 1', 'import', 'export']),
    () =>
      random.pick([
        '#',
        '##',
        '*',
        '**',
        '_',
        '__',
        '`',
        '```',
        '[x](y)',
        '![i](j)',
        '|',
        '~',
        '~~',
        '> ',
        '\\',
        '&amp;',
        '&#60;',
        '&',
      ]),
    () => random.pick(['1.', '-', '+', '=', '1)', '---', '***']),
    () => word(random, 'abcXYZ019', 1, 6),
  ])();
}

/** A line as ingest's normaliser leaves it: no leading, trailing or doubled spaces. */
function hostileLine(random: Random): string {
  const parts = Array.from({ length: random.int(1, 8) }, () => fragment(random));
  return parts
    .map((p, i) => (i > 0 && random.chance(0.3) ? ` ${p}` : p))
    .join('')
    .replace(/ {2,}/gu, ' ')
    .trim();
}

interface Node {
  type: string;
  value?: string;
  url?: string;
  children?: Node[];
}

const textOf = (node: Node): string =>
  node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');

function nodes(node: Node): Node[] {
  return [node, ...(node.children ?? []).flatMap(nodes)];
}

describe('escapeMdx on random hostile text (property)', () => {
  const CASES = 1500;
  it(`${CASES} lines (PRNG seed ${SEED}): compile, read back unchanged, no code or HTML, links end where the address ends`, () => {
    const random = seededRandom(SEED);
    let links = 0;
    for (let i = 0; i < CASES; i++) {
      const text = hostileLine(random);
      if (!text) continue;
      const mdx = escapeMdx(text);
      const where = `case ${i}: ${JSON.stringify(text)} → ${JSON.stringify(mdx)}`;
      expect(() => mdxToJs(mdx), where).not.toThrow();
      const tree = mdxToMdast(mdx) as unknown as Node;
      expect(
        tree.children?.map((c) => c.type),
        where,
      ).toEqual(['paragraph']);
      expect(textOf(tree), where).toBe(text);
      expect(bodyBlocks(mdx), where).toEqual([{ type: 'paragraph', text }]);
      for (const node of nodes(tree)) {
        expect(node.type, where).toMatch(/^(root|paragraph|text|link|inlineCode)$/u);
        if (node.type !== 'link') continue;
        links += 1;
        const shown = textOf(node);
        // The address as shown is the link: nothing after it (Chinese text, a backslash) ran into it.
        expect([shown, `http://${shown}`, `mailto:${shown}`], where).toContain(node.url);
        expect(node.url, where).toMatch(/^(https?:\/\/|mailto:)[\x21-\x7e]+$/iu);
        expect(node.url, where).not.toMatch(/\\/u);
      }
    }
    expect(links).toBeGreaterThan(200);
  });

  it('the cases of the issue', () => {
    const linkOf = (text: string) =>
      nodes(mdxToMdast(escapeMdx(text)) as unknown as Node)
        .filter((n) => n.type === 'link')
        .map((n) => [n.url, textOf(n)]);
    expect(linkOf('访问https://a.example/page了解更多。')).toEqual([
      ['https://a.example/page', 'https://a.example/page'],
    ]);
    expect(() => mdxToJs(escapeMdx('见 https://a.example/page<b>'))).not.toThrow();
    expect(linkOf('见 https://a.example/page<b>')).toEqual([['https://a.example/page', 'https://a.example/page']]);
    expect(linkOf('见https://a.example/x_y&amp;z，')).toEqual([
      ['https://a.example/x_y&amp;z', 'https://a.example/x_y&amp;z'],
    ]);
    expect(linkOf('网址www.wsj.gov.cn。')).toEqual([['http://www.wsj.gov.cn', 'www.wsj.gov.cn']]);
    expect(linkOf('（https://a.example/(b)）')).toEqual([['https://a.example/(b)', 'https://a.example/(b)']]);
    expect(linkOf('网址https://了解')).toEqual([]);
  });
});

describe('ingest → check on seeds carrying hostile text (property)', () => {
  const CASES = 80;
  it(`${CASES} seeds (PRNG seed ${SEED}): every entry ingest writes passes the content check`, () => {
    const random = seededRandom(SEED + 1);
    const taxonomy = loadTaxonomy();
    const seeds = realSeeds().map((bytes) => new TextDecoder().decode(bytes));
    const committed = readContentFiles(process.cwd());
    let written = 0;
    for (let i = 0; i < CASES; i++) {
      // A real article with hostile text spliced into some of its lines (headings, captions and body alike).
      const lines = random
        .pick(seeds)
        .split('\n')
        .map((line) => (line.trim() && random.chance(0.25) ? `${line}${hostileLine(random)}` : line));
      const file = `seeds/property-${i}.txt`;
      let entries;
      try {
        entries = ingestSeed(decodeSeed(file, new TextEncoder().encode(lines.join('\n'))), {
          taxonomy,
          extractMetrics: (parsed, year) => extractArticleMetrics(parsed, year, taxonomy),
        });
      } catch (error) {
        if (!(error instanceof IngestError))
          throw new Error(`case ${i}: crashed with ${String(error)}`, { cause: error });
        continue;
      }
      written += entries.length;
      const problems = checkContent({
        ...committed,
        articles: entries.map((e) => ({ path: `content/articles/${e.slug}.mdx`, text: e.mdx })),
        stories: [],
        seeds: [...committed.seeds, `property-${i}.txt`],
      }).filter(isError);
      expect(problems.map(formatProblem), `case ${i}: ${entries.map((e) => e.mdx).join('\n')}`).toEqual([]);
    }
    expect(written).toBeGreaterThan(CASES / 2);
  });
});
