import { emWidth, isCjkPunct, isHan } from '../cjk.ts';

export interface SpacingResult {
  text: string;
  /** Spaces removed. */
  removed: number;
  /** The first removal with a little context, for the corrections list. */
  example?: { before: string; after: string };
}

/** Characters that, on both sides of a space, make it a space inside Chinese text. */
function isCjkContext(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch) || (ch !== undefined && /[0-9,.;:%)(]/u.test(ch));
}

interface Gap {
  /** Index of the space in the text. */
  at: number;
  /** Em offset of the space from the start of the text. */
  em: number;
  /** Inside quotation marks. */
  quoted: boolean;
  /** Han characters of the phrase on each side, within the quotation. */
  left: number;
  right: number;
}

function findGaps(text: string): Gap[] {
  const gaps: Gap[] = [];
  let em = 0;
  let quoteOpen = -1;
  let asciiQuoted = false;
  const chars = [...text];
  let index = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '“') quoteOpen = i;
    else if (ch === '”') quoteOpen = -1;
    else if (ch === '"') {
      asciiQuoted = !asciiQuoted;
      quoteOpen = asciiQuoted ? i : -1;
    }
    if (
      ch === ' ' &&
      isCjkContext(chars[i - 1]) &&
      isCjkContext(chars[i + 1]) &&
      (isCjk(chars[i - 1]) || isCjk(chars[i + 1]))
    ) {
      const quoted = quoteOpen >= 0;
      let left = 0;
      for (let k = i - 1; k > quoteOpen && chars[k] !== ' ' && isHan(chars[k]); k--) left++;
      let right = 0;
      for (let k = i + 1; k < chars.length && isHan(chars[k]); k++) right++;
      gaps.push({ at: index, em, quoted, left, right });
    }
    em += emWidth(ch);
    index += ch.length;
  }
  return gaps;
}

function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Which spaces to keep. A scanned column joined into one line leaves a space
 * at every line end, so such spaces fall at a steady rhythm (the column
 * width). A space off that rhythm inside quotation marks, between two
 * phrases of three or more characters ("医心向党 守护健康"), is the writer's
 * and stays; every other space inside Chinese text goes.
 */
function keptGaps(gaps: Gap[]): Set<Gap> {
  const kept = new Set<Gap>();
  const phrasal = (g: Gap) => g.quoted && g.left >= 3 && g.right >= 3;
  if (gaps.length < 3) {
    for (const gap of gaps) if (phrasal(gap)) kept.add(gap);
    return kept;
  }
  const widths = gaps.slice(1).map((g, i) => g.em - gaps[i]!.em);
  const column = median(widths);
  const steady = widths.filter((w) => Math.abs(w - column) <= Math.max(3, column * 0.2)).length / widths.length;
  if (column < 8 || column > 60 || steady < 0.5) {
    for (const gap of gaps) if (phrasal(gap)) kept.add(gap);
    return kept;
  }
  let lastBreak = gaps[0]!.em - column;
  for (const gap of gaps) {
    const onRhythm = Math.abs(gap.em - lastBreak - column) <= Math.max(3, column * 0.2);
    if (!onRhythm && phrasal(gap) && gap.em - lastBreak < column) kept.add(gap);
    else lastBreak = gap.em;
  }
  return kept;
}

/** Remove spaces a scan left inside Chinese text ("讲政 治" → "讲政治"). */
export function removeStraySpaces(text: string): SpacingResult {
  const gaps = findGaps(text);
  const kept = keptGaps(gaps);
  const drop = gaps.filter((g) => !kept.has(g));
  if (drop.length === 0) return { text, removed: 0 };
  const dropAt = new Set(drop.map((g) => g.at));
  let out = '';
  for (let i = 0; i < text.length; i++) if (!dropAt.has(i)) out += text[i];
  const first = drop[0]!.at;
  const start = Math.max(0, first - 4);
  const before = text.slice(start, first + 5);
  return {
    text: out,
    removed: drop.length,
    example: { before, after: before.replace(' ', '') },
  };
}
