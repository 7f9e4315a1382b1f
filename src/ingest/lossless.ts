import type { Correction, CorrectionKind } from '../schemas/correction.ts';
import { blanksBetweenLines, usesBlankLineParagraphs } from './layout.ts';

/** Kinds of correction that change words, so the check must replay them; the rest only move or restyle text. */
const TEXT_CHANGING: ReadonlySet<CorrectionKind> = new Set(['misreading', 'garbage']);

const QUOTES = /[“”"「」『』〝〞]/gu;
const SINGLE_QUOTES = /[‘’'`]/gu;
const DASHES = /[—–－-]/gu;

/**
 * A form of text for comparing the seed with the page: width folded (NFKC),
 * quotes and dashes unified, whitespace, invisible format characters (Cf)
 * and scan markup (#, *) removed. What this folds away is only ever
 * typography: spaces, the width of a mark, the shape of a quote.
 */
export function canonical(text: string): string {
  return text
    .normalize('NFKC')
    .replace(QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .replace(/[#*\s\p{Cf}]/gu, '');
}

/** Where a seed's text breaks into checkable fragments: after sentence punctuation. */
const FRAGMENT_END = /(?<=[。！？!?；;…])/u;

export interface MissingFragment {
  line: number;
  fragment: string;
}

/** Runs of non-blank lines: a paragraph as printed, however the scan wrapped it. */
function printedBlocks(text: string): Array<{ first: number; last: number; text: string }> {
  const blocks: Array<{ first: number; last: number; text: string }> = [];
  const lines = text.split(/\r\n|\r|\n/u);
  const wrapped = usesBlankLineParagraphs(blanksBetweenLines(lines));
  lines.forEach((line, index) => {
    const previous = blocks.at(-1);
    if (line.trim() === '') return;
    if (wrapped && previous && previous.last === index) {
      previous.text += `\n${line}`;
      previous.last = index + 1;
    } else {
      blocks.push({ first: index + 1, last: index + 1, text: line });
    }
  });
  return blocks;
}

/**
 * Every sentence fragment of a seed that is not in its pages. The seed is
 * split into printed paragraphs and then sentences; each paragraph first
 * gets the recorded word-changing corrections for its lines (a misreading
 * fixed, a garbage line dropped); then each fragment must occur in the text
 * of the pages made from the seed.
 */
export function findMissingFragments(
  seedText: string,
  pageTexts: readonly string[],
  corrections: readonly Correction[],
): MissingFragment[] {
  const page = canonical(pageTexts.join('\n'));
  const replays = corrections
    .filter((c) => TEXT_CHANGING.has(c.kind))
    .map((c) => ({ line: c.line, before: canonical(c.before), after: canonical(c.after) }))
    .filter((c) => c.before.length > 0);
  const missing: MissingFragment[] = [];
  for (const block of printedBlocks(seedText)) {
    let text = canonical(block.text);
    for (const replay of replays) {
      if (replay.line !== undefined && (replay.line < block.first || replay.line > block.last)) continue;
      text = text.split(replay.before).join(replay.after);
    }
    for (const fragment of text.split(FRAGMENT_END)) {
      if (fragment && /[\p{L}\p{N}]/u.test(fragment) && !page.includes(fragment))
        missing.push({ line: block.first, fragment });
    }
  }
  return missing;
}
