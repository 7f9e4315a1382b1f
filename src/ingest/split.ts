import { hanCount } from './cjk.ts';
import { isHeadingShaped, type RoledUnit } from './roles.ts';

/** Units that end an article when they follow its text: a byline or a credit note. */
function isEndMark(unit: RoledUnit): boolean {
  return unit.role === 'byline' || unit.role === 'note';
}

/** Body text (paragraphs, not the editor's note) from index `from` up to the next end mark or headline. */
function bodyAhead(units: readonly RoledUnit[], from: number): { paragraphs: number; han: number } {
  let paragraphs = 0;
  let han = 0;
  for (let i = from; i < units.length; i++) {
    const unit = units[i]!;
    if (isEndMark(unit) || unit.role === 'dash' || unit.role === 'standfirst') break;
    if (unit.role === 'body') {
      paragraphs++;
      han += hanCount(unit.text);
    }
  }
  return { paragraphs, han };
}

/**
 * Where a new article starts: a headline with a "——" line under it, or a
 * headline that follows the previous article's byline or credit note and
 * leads into a body of its own (three paragraphs or more). Captions printed
 * between the byline and the new headline go with the new article.
 */
export function splitArticles(units: readonly RoledUnit[]): RoledUnit[][] {
  const starts = [0];
  // Han characters of body text so far in the current article: a byline only ends an article that has a body.
  let bodyHan = 0;
  let endedAt = -1;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.role === 'body') bodyHan += hanCount(unit.text);
    const seenBody = bodyHan >= 150;
    if (seenBody && isEndMark(unit)) endedAt = i;
    const headline = (unit.role === 'heading' || unit.role === 'caption') && isHeadingShaped(unit);
    if (!headline || !seenBody || i === 0) continue;
    const dashed = units[i + 1]?.role === 'dash';
    const ahead = bodyAhead(units, i + 1);
    const afterEnd = endedAt >= 0 && units.slice(endedAt + 1, i).every((u) => u.role === 'caption' || isEndMark(u));
    if (dashed || (afterEnd && ahead.paragraphs >= 3 && ahead.han >= 200)) {
      let start = i;
      while (start - 1 > endedAt && units[start - 1]!.role === 'caption') start--;
      starts.push(start);
      bodyHan = 0;
      endedAt = -1;
    }
  }
  return starts.map((start, k) => units.slice(start, starts[k + 1] ?? units.length));
}
