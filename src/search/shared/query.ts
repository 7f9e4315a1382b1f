/** A reader's query, split into the terms every result must contain. */
export interface ParsedQuery {
  /** What the reader typed, trimmed: shown back to them and kept in the URL. */
  text: string;
  /** Normalised terms (see normaliseText); a result must contain each of them. */
  terms: string[];
}

/**
 * Separators between terms: spaces (ASCII and ideographic) and the list punctuation a reader types between
 * words; a full-width comma between digits groups them (１，０００), as the ASCII comma always does.
 */
const SEPARATORS = /(?:[\s、;；。！？!?]|(?<![0-9０-９])，|，(?![0-9０-９]))+/u;
/** Quote marks carry no meaning here: every term is matched as a phrase anyway. */
const QUOTES = /["'“”‘’「」『』《》]/gu;

/** Characters a term is read through: whitespace, the zero-width spaces Pagefind puts between the words it cut, and punctuation. */
const IGNORED = /[\s\u200b\p{P}]/u;
const DIGIT = /\d/u;

/** Is this character kept, given its neighbours (already folded)? A per cent sign and a decimal point between digits carry meaning (20.4万 is not 204万). */
export function keepsCharacter(ch: string, before: string | undefined, after: string | undefined): boolean {
  if (!IGNORED.test(ch) || ch === '%') return true;
  return ch === '.' && before !== undefined && after !== undefined && DIGIT.test(before) && DIGIT.test(after);
}

/**
 * The form text is compared in: compatibility-folded (full-width digits and
 * letters become ASCII), lower-cased, without whitespace or punctuation, so
 * "９７．４４％" and "97.44%", "医养 结合" and "医养结合", “3+X”家庭医生 and 3+X家庭医生,
 * 1,106 and 1106 compare equal: a term printed with quotes, brackets, a middle
 * dot or a line break between its characters is still found.
 */
export function normaliseText(text: string): string {
  const chars = [...text.normalize('NFKC').toLowerCase()];
  return chars.filter((ch, i) => keepsCharacter(ch, chars[i - 1], chars[i + 1])).join('');
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
