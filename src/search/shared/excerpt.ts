import { keepsCharacter, normaliseText } from './query.ts';

/** A run of excerpt text, marked when it is a query term. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** The excerpt starts after the beginning of the text / stops before its end. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

interface Folded {
  /** normaliseText(text) */
  folded: string;
  /** For each UTF-16 unit of `folded`, the index in `text` of the character it came from. */
  origin: number[];
}

/** Normalise character by character, remembering where each folded unit came from. */
function fold(text: string): Folded {
  const chars = [...text];
  const pieces = chars.map((ch) => ch.normalize('NFKC').toLowerCase());
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  chars.forEach((ch, i) => {
    const piece = [...pieces[i]!]
      .filter((c, j, all) => keepsCharacter(c, all[j - 1] ?? pieces[i - 1]?.at(-1), all[j + 1] ?? pieces[i + 1]?.[0]))
      .join('');
    folded += piece;
    for (let k = 0; k < piece.length; k += 1) origin.push(index);
    index += ch.length;
  });
  return { folded, origin };
}

/** Ranges [start, end) of `text` where a term occurs, merged where they overlap. */
export function findTerms(text: string, terms: readonly string[]): Array<[number, number]> {
  const { folded, origin } = fold(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const start = origin[at] ?? 0;
      const lastOrigin = origin[at + term.length - 1] ?? start;
      const end = lastOrigin + (text.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** Split a stretch of text into marked and unmarked parts. */
function markParts(text: string, from: number, to: number, ranges: ReadonlyArray<[number, number]>): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < to) parts.push({ text: text.slice(at, to), mark: false });
  return parts;
}

/**
 * Where one block of the page (a heading, a caption, a chart label) ends and the next begins,
 * in the stored text: U+2029 PARAGRAPH SEPARATOR, whitespace to the search (normaliseText
 * drops it like the space it replaces, so matching is unchanged), shown as "｜" in excerpts.
 */
export const BLOCK_BREAK = '\u2029';
/** What an excerpt prints at a block break. */
export const BLOCK_SEPARATOR = '｜';

/**
 * Pagefind's text of a page, as a reader would read it. Pagefind separates
 * blocks with a space and ends a block that lacks closing punctuation (a
 * headline, a caption) with ". ", a stray full stop in Chinese: that end, and
 * a space between two Chinese characters (which Chinese prose never has, so
 * two blocks meet there), become a block break; no space after Chinese punctuation.
 */
export function tidyPagefindText(content: string): string {
  return content
    .replace(/(?<=[^\x00-\x7f])\. /gu, BLOCK_BREAK)
    .replace(/(?<=\p{Script=Han})[^\S\u2029]+(?=\p{Script=Han})/gu, BLOCK_BREAK)
    .replace(/(?<=[\u3000-\u303f\uff01-\uff20“”‘’…—])\s+/gu, '')
    .replace(/[^\S\u2029]*\u2029\s*/gu, BLOCK_BREAK)
    .replace(/[^\S\u2029]{2,}/gu, ' ');
}

/** Chinese clause and sentence punctuation: what prose has and a list of figures and labels lacks. */
const PROSE = /[，。；！？]/u;

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * A window of about `length` characters around the query's terms, terms marked.
 * It starts a little before the stretch that holds the most different terms
 * (among those, the earliest that reads as prose: a sentence rather than the
 * key-figure list or a chart's labels), skipping the first `skip` characters
 * (the headline, shown apart) unless the terms occur only there.
 */
export function buildExcerpt(text: string, terms: readonly string[], length = 80, skip = 0): Excerpt {
  const ranges = findTerms(text, terms);
  const afterSkip = ranges.filter(([start]) => start >= skip);
  const pool = afterSkip.length > 0 ? afterSkip : ranges;
  let anchor = pool[0]?.[0] ?? Math.min(skip, text.length);
  let best = -1;
  for (const [start] of pool) {
    const windowText = normaliseText(text.slice(start, start + length));
    // Different terms covered count first; a sentence's punctuation breaks ties.
    const score =
      terms.filter((t) => windowText.includes(t)).length * 2 + (PROSE.test(text.slice(start, start + length)) ? 1 : 0);
    if (score > best) {
      best = score;
      anchor = start;
    }
  }
  // When the body has a term, the window stays out of the headline altogether.
  const floor = anchor >= skip ? skip : 0;
  let to = Math.min(text.length, Math.max(floor, anchor - Math.floor(length / 5)) + length);
  let from = Math.max(floor, to - length);
  // Never cut a surrogate pair in half.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to += 1;
  // An excerpt neither starts nor ends on a space or a block break (\s covers U+2029).
  while (from < to && /\s/u.test(text.charAt(from))) from += 1;
  while (to > from && /\s/u.test(text.charAt(to - 1))) to -= 1;
  // Headings and captions stay apart from the sentences around them.
  const parts = markParts(text, from, to, ranges).map((part) => ({
    ...part,
    text: part.text.replaceAll(BLOCK_BREAK, BLOCK_SEPARATOR),
  }));
  return { parts, clippedStart: from > 0, clippedEnd: to < text.length };
}
