/**
 * Sentence splitting for Chinese body text, full- or half-width punctuation.
 *
 * A sentence ends after 。！？!? or ；; (a clause chain ended by ； is quoted on
 * its own: newspapers use ； to end list items that each hold a figure). Any run
 * of enders stays together (？！, 。”), and closing quotes/brackets that follow
 * belong to the sentence they close (“……！” / （……。）). Whitespace after a
 * sentence stays with it, so every part but the first starts with text.
 *
 * Half-width straight quotes ("…", '…') are ambiguous: after an ender, one closes
 * the sentence only if the sentence has an unclosed one; otherwise it opens the
 * next sentence (。"四结合一到位"做法… starts a new sentence with a quote).
 *
 * Lossless: the parts concatenate to the input exactly, so offsets into the
 * paragraph can be recovered by summing lengths (see sentenceSpans).
 */

const ENDERS = new Set(['。', '！', '？', '!', '?', '；', ';']);
/** Closers that always belong to the sentence before them. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '〉']);
const STRAIGHT_QUOTES = new Set(['"', "'"]);

export interface SentenceSpan {
  text: string;
  /** Offset of the first character in the paragraph. */
  start: number;
  /** Offset one past the last character. */
  end: number;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** Sentences of a paragraph with their offsets; see the module comment for the rules. */
export function sentenceSpans(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  let i = 0;
  const n = paragraph.length;
  while (i < n) {
    const ch = paragraph[i] as string;
    if (!ENDERS.has(ch)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const next = paragraph[j];
      if (next === undefined) break;
      if (ENDERS.has(next) || CLOSERS.has(next)) {
        j++;
        continue;
      }
      // A straight quote closes this sentence only if it has an odd count of them so far.
      if (STRAIGHT_QUOTES.has(next) && count(paragraph.slice(start, j), next) % 2 === 1) {
        j++;
        continue;
      }
      break;
    }
    while (j < n && /\s/u.test(paragraph[j] as string)) j++;
    spans.push({ text: paragraph.slice(start, j), start, end: j });
    start = j;
    i = j;
  }
  if (start < n) spans.push({ text: paragraph.slice(start), start, end: n });
  return spans;
}

/** Split a paragraph into sentences; the parts concatenate to the input exactly. */
export function splitSentences(paragraph: string): string[] {
  return sentenceSpans(paragraph).map((s) => s.text);
}
