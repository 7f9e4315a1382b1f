/** A reader's query, split into the terms every result must contain. */
export interface ParsedQuery {
  /** What the reader typed, trimmed: shown back to them and kept in the URL. */
  text: string;
  /** Normalised terms (see normaliseText); a result must contain each of them. */
  terms: string[];
}

/** Separators between terms: spaces (ASCII and ideographic) and the list punctuation a reader types between words (not the ASCII comma, which groups digits: 1,000). */
const SEPARATORS = /[\s，、;；。！？!?]+/u;
/** Quote marks carry no meaning here: every term is matched as a phrase anyway. */
const QUOTES = /["'“”‘’「」『』《》]/gu;

/**
 * The form text is compared in: compatibility-folded (full-width digits and
 * letters become ASCII), lower-cased, without whitespace or the zero-width
 * spaces Pagefind puts between the words it cut, so "９７．４４％" and
 * "97.44%", "医养 结合" and "医养结合" compare equal.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b]+/gu, '');
}

export function parseQuery(raw: string): ParsedQuery {
  const text = raw.trim();
  const terms: string[] = [];
  for (const part of text.replace(QUOTES, ' ').split(SEPARATORS)) {
    const term = normaliseText(part);
    if (term && !terms.includes(term)) terms.push(term);
  }
  return { text, terms };
}

/** Does the text contain every term (terms already normalised, text raw)? */
export function containsAllTerms(text: string, terms: readonly string[]): boolean {
  const haystack = normaliseText(text);
  return terms.every((term) => haystack.includes(term));
}
