/**
 * The independent search oracle: which built pages a query should find, decided without the site's
 * search engine (nothing from src/search or src/lib/search-* is imported here, on purpose).
 *
 * A page is expected for a query when its searchable text, normalised, contains every normalised
 * query term as a substring. Terms are the query split on whitespace. Normalisation: NFKC (full-width
 * digits and letters become half-width), Traditional → Simplified (opencc-js), lower case, punctuation
 * and whitespace removed (a decimal point between digits and a per cent sign are kept: 20.4万 ≠ 204万),
 * which also removes thousands separators (1,106 → 1106).
 *
 * Searchable text is what the page's markup declares: the [data-pagefind-body] element without
 * [data-pagefind-ignore] parts, the selectors the site excludes and the elements Pagefind never indexes.
 * Block elements (paragraphs, headings, list items, cells) are separate passages: a term never spans two.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HTMLElement, TextNode, parse, type Node } from 'node-html-parser';
import * as OpenCC from 'opencc-js';

/** Parts of a page that are not searchable text: the site's own exclusions (its Pagefind configuration) and what Pagefind skips by design. */
const NOT_SEARCHABLE = [
  '[data-pagefind-ignore]',
  '[aria-hidden="true"]',
  '.chart-table caption',
  '.chart-table thead',
  'script',
  'style',
  'noscript',
  'label',
  'form',
  'svg',
  'footer',
  'nav',
  'iframe',
  'template',
];

/** Elements whose text is a passage of its own: nothing a reader sees joins across them. */
const BLOCKS = new Set(
  'address article aside blockquote br caption dd details div dl dt figcaption figure h1 h2 h3 h4 h5 h6 header hr li main ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const toSimplifiedTw = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Normalise text as the oracle compares it (see the file comment). */
export function normalise(text: string): string {
  const simplified = toSimplifiedTw(toSimplified(text.normalize('NFKC')));
  return simplified
    .toLowerCase()
    .replace(/(?<=\d)\.(?=\d)/gu, '\u0001')
    .replace(/[\p{P}\s]/gu, (c) => (c === '%' ? c : ''))
    .replace(/\u0001/gu, '.');
}

/** The query's terms, normalised; terms that normalise to nothing (pure punctuation) are dropped. */
export function queryTerms(q: string): string[] {
  return q
    .normalize('NFKC')
    .split(/\s+/u)
    .map(normalise)
    .filter((t) => t.length > 0);
}

/** A searchable page of the build. key: an article's slug, or stories/<slug> for a feature story. */
export interface OraclePage {
  key: string;
  type: 'article' | 'story';
  /** The page's passages, normalised. */
  passages: string[];
}

function collectPassages(node: Node, current: string[], out: string[]): void {
  if (node instanceof TextNode) {
    current.push(node.rawText);
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const tag = node.tagName?.toLowerCase() ?? '';
  const block = BLOCKS.has(tag);
  if (block) flush(current, out);
  for (const child of node.childNodes) collectPassages(child, current, out);
  if (block) flush(current, out);
}

function flush(current: string[], out: string[]): void {
  const text = decodeEntities(current.join(''));
  current.length = 0;
  const normalised = normalise(text);
  if (normalised) out.push(normalised);
}

function decodeEntities(text: string): string {
  return parse(`<p>${text}</p>`).textContent;
}

/** The searchable passages of one built HTML page, normalised (empty when it has no [data-pagefind-body]). */
export function searchablePassages(html: string): string[] {
  const body = parse(html).querySelector('[data-pagefind-body]');
  if (!body) return [];
  const copy = parse(body.outerHTML);
  for (const skipped of copy.querySelectorAll(NOT_SEARCHABLE.join(', '))) skipped.remove();
  const out: string[] = [];
  collectPassages(copy, [], out);
  return out;
}

/** Every searchable page of a built site: articles/<slug>/ and stories/<slug>/ pages with a [data-pagefind-body]. */
export function readOraclePages(siteDir: string): OraclePage[] {
  const pages: OraclePage[] = [];
  for (const [folder, type] of [
    ['articles', 'article'],
    ['stories', 'story'],
  ] as const) {
    const dir = join(siteDir, folder);
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir).sort()) {
      const file = join(dir, slug, 'index.html');
      if (!existsSync(file)) continue;
      const passages = searchablePassages(readFileSync(file, 'utf8'));
      if (passages.length === 0) continue;
      pages.push({ key: type === 'story' ? `stories/${slug}` : slug, type, passages });
    }
  }
  return pages;
}

/** Keys of the pages the query should find (articles first, then stories; each in key order). Empty query terms: nothing. */
export function expectedPages(pages: OraclePage[], q: string): string[] {
  const terms = queryTerms(q);
  if (terms.length === 0) return [];
  return pages
    .filter((page) => terms.every((term) => page.passages.some((p) => p.includes(term))))
    .map((page) => page.key);
}
