/** Line breaking for Chinese headlines drawn outside a browser (the share image), at the pages' phrases. */
import { isSpace, NO_LINE_END as NO_END, NO_LINE_START as NO_START, splitPhrases } from '../lib/phrases.ts';

/** Latin letters and digits that belong together: 2020年 keeps "2020" whole, 98.5% too. */
const WORD = /[0-9A-Za-z.]/u;

/** Unbreakable pieces of a phrase: one Han character with the marks glued to it, or a Latin/number run. */
export function breakUnits(phrase: string): string[] {
  const units: string[] = [];
  let pendingOpen = '';
  for (const ch of phrase) {
    const last = units.at(-1);
    if (pendingOpen) {
      pendingOpen += ch;
      if (!NO_END.test(ch)) {
        units.push(pendingOpen);
        pendingOpen = '';
      }
    } else if (last !== undefined && (NO_START.test(ch) || (WORD.test(ch) && WORD.test(last.at(-1) ?? '')))) {
      units[units.length - 1] = last + ch;
    } else if (NO_END.test(ch)) {
      pendingOpen = ch;
    } else {
      units.push(ch);
    }
  }
  if (pendingOpen) units.push(pendingOpen);
  return units;
}

/** Greedy fill: as many pieces per line as fit; `joiner` goes between pieces on one line. */
function greedy(
  pieces: readonly string[],
  maxWidth: number,
  measure: (text: string) => number,
  joiner: string,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const candidate = line ? line + joiner + piece : piece;
    if (line && measure(candidate) > maxWidth) {
      lines.push(line);
      line = piece;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Wrap a headline into lines no wider than maxWidth, breaking where the pages break it: between the
 * BudouX phrases of src/lib/phrases.ts and at the space between a headline's halves. Only a phrase
 * wider than the line itself is cut, between characters, never before a closing mark or after an
 * opening one. Lines are then balanced: the narrowest width that needs no more lines is used, so no
 * line ends with one lonely character.
 */
export function wrapHeadline(
  text: string,
  maxWidth: number,
  measure: (text: string) => number,
  keepWhole?: readonly string[],
): string[] {
  const pieces = splitPhrases(text.trim(), keepWhole).flatMap((piece) =>
    isSpace(piece) ? [' '] : measure(piece) <= maxWidth ? [piece] : breakUnits(piece),
  );
  // A space starts the next piece, so a line that breaks there drops it (trimmed below).
  const glued = pieces.reduce<string[]>((out, piece) => {
    if (out.length > 0 && out[out.length - 1] === ' ') out[out.length - 1] = ' ' + piece;
    else out.push(piece);
    return out;
  }, []);
  const layout = (width: number) => greedy(glued, width, measure, '').map((l) => l.trim());
  const lines = layout(maxWidth);
  if (lines.length < 2) return lines;
  let low = 0;
  let high = maxWidth;
  // Binary search for the narrowest width that keeps the same number of lines.
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    if (layout(mid).length <= lines.length) high = mid;
    else low = mid;
  }
  return layout(high);
}
