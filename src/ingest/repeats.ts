import { hanCount } from './cjk.ts';
import { IngestError } from './errors.ts';
import type { ParsedArticle } from './parse.ts';

/** Where a paragraph was first seen in this run. */
export interface SeenParagraph {
  file: string;
  line: number;
}

/** Paragraphs shorter than this (in Han characters) may well repeat in honest text: a slogan, a stock phrase. */
const LONG_PARAGRAPH = 40;

/**
 * Refuse a seed that repeats text word for word: a file pasted in twice, or the same article under two
 * names with different bytes. An article is a repeat when at least two of its long paragraphs, and at
 * least half of them, were already seen (earlier in this file, or in a seed ingested before it);
 * one shared paragraph, such as a quoted policy, is allowed. `seen` gains this seed's paragraphs only
 * when it is accepted.
 */
export function refuseRepeatedText(
  file: string,
  articles: readonly ParsedArticle[],
  seen: Map<string, SeenParagraph>,
): void {
  const own = new Map<string, SeenParagraph>();
  articles.forEach((article, index) => {
    const long = article.blocks.filter((b) => b.type === 'paragraph' && hanCount(b.text) >= LONG_PARAGRAPH);
    const repeats: Array<{ line: number; earlier: SeenParagraph }> = [];
    for (const block of long) {
      const earlier = seen.get(block.text) ?? own.get(block.text);
      if (earlier) repeats.push({ line: block.line, earlier });
      else own.set(block.text, { file, line: block.line });
    }
    const first = repeats[0];
    if (first && repeats.length >= 2 && repeats.length * 2 >= long.length) {
      const where =
        first.earlier.file === file ? `line ${first.earlier.line}` : `${first.earlier.file}:${first.earlier.line}`;
      throw new IngestError({
        file,
        line: first.line,
        message: `article ${index + 1} repeats ${repeats.length} of its ${long.length} paragraphs word for word (this line repeats ${where})`,
        fix: 'delete the repeated copy, so each article is in seeds/ once',
      });
    }
  });
  for (const [text, at] of own) seen.set(text, at);
}
