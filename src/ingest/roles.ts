import { emWidth, endsSentence, hanCount } from './cjk.ts';
import type { Unit } from './line-kinds.ts';

/**
 * What a unit is in the article. Decided from its shape (length, closing
 * punctuation), its spacing relative to the file's usual paragraph spacing,
 * and its neighbours — never from which file it is in.
 */
export type Role = 'heading' | 'caption' | 'body' | 'byline' | 'note' | 'dash' | 'ellipsis' | 'standfirst' | 'garbage';

export interface RoledUnit extends Unit {
  role: Role;
}

/** Short enough to be a headline, heading or caption. */
export function isShort(text: string): boolean {
  return hanCount(text) <= 32 && emWidth(text) <= 40;
}

/** A line cut off mid-sentence: clause punctuation inside, or a last character that cannot end a headline. */
function isBrokenClause(text: string): boolean {
  const clauses = text.match(/[，,、；;]/gu)?.length ?? 0;
  // "2023年,聊城市加强": a sentence opening on its date, not a headline.
  const datedOpening = /^\d{4}年[^，,]{0,6}[，,]/u.test(text);
  return clauses >= 2 || datedOpening || /[，,、的地得和与及或在对为把被将]$/u.test(text);
}

/** Headline-shaped: short, not ending a sentence, not a clause cut off mid-sentence. */
export function isHeadingShaped(unit: Unit): boolean {
  return unit.kind === 'text' && isShort(unit.text) && !endsSentence(unit.text) && !isBrokenClause(unit.text);
}

// Captions describe a photo: who is doing what, where.
const PHOTO_WORDS =
  /正在|进行|开展|走访|慰问|督导|合影|外景|效果图|全景|揭牌|签约|坐诊|培训|会议|现场|举行|举办|启动|参加|投入使用|入户|义诊|活动|查房|手术中|检查|留影|授牌|开诊|送/u;
const PEOPLE_WORDS = /书记|局长|主任|院长|医生|医务人员|护士|专家|教授|领导|患儿|患者|群众|工作人员|志愿者|老人|居民/u;
// Headings of features pair two phrases: "党建引领 卫生健康事业谱新篇", "党建统领,凝聚发展合力".
const PAIRED = /^[^\s,，、。；;：:]{2,14}[\s,，][^\s,，、。；;：:]{2,16}$/u;

/** The most common number of blank lines before a unit: the file's paragraph spacing. */
export function usualSpacing(units: readonly Unit[]): number {
  const counts = new Map<number, number>();
  for (const unit of units.slice(1)) {
    if (unit.blanksBefore >= 99) continue;
    counts.set(unit.blanksBefore, (counts.get(unit.blanksBefore) ?? 0) + 1);
  }
  let best = 1;
  let bestCount = -1;
  for (const [blanks, count] of counts) {
    if (count > bestCount || (count === bestCount && blanks < best)) [best, bestCount] = [blanks, count];
  }
  return best;
}

/** Set apart by more blank lines than the file's paragraphs are (the file's edges don't count). */
function isolated(unit: Unit, spacing: number): boolean {
  return unit.blanksBefore > spacing && unit.blanksBefore < 99;
}

/** A short line with nothing but a scan's noise: no letters, or the tail of the line before repeated after a few stray characters. */
export function isGarbage(unit: Unit, previous: Unit | undefined): boolean {
  const text = unit.text;
  if (!/[\p{L}\p{N}]/u.test(text)) return !/^[….。·\s—-]+$/u.test(text);
  if (/\ufffd|Ã.|â€/u.test(text)) return true;
  if (!previous || hanCount(text) > 20) return false;
  // "豕烶健康促进工作模式。" after "…介绍家庭健康促进工作模式。": a rescanned tail with junk in front.
  const tail = previous.text.replace(/\s+/gu, '');
  const compact = text.replace(/\s+/gu, '');
  for (let junk = 1; junk <= 3; junk++) {
    const rest = compact.slice(junk);
    if (hanCount(rest) >= 4 && tail.endsWith(rest)) return true;
  }
  return false;
}

function captionScore(unit: Unit, next: Unit | undefined, spacing: number): number {
  let score = 0;
  if (isolated(unit, spacing)) score += 3;
  if (unit.blanksAfter > spacing && unit.blanksAfter < 99) score += 1;
  if (PHOTO_WORDS.test(unit.text)) score += 1;
  if (PEOPLE_WORDS.test(unit.text)) score += 1;
  if (hanCount(unit.text) > 24) score += 1;
  if (next && isHeadingShaped(next)) score += 0.5;
  return score;
}

function headingScore(unit: Unit, next: Unit | undefined): number {
  let score = 0;
  if (PAIRED.test(unit.text)) score += 2;
  if (next && next.kind === 'text' && !isShort(next.text)) score += 1;
  if (hanCount(unit.text) <= 16) score += 0.5;
  return score;
}

/** Give every unit of a file its role. */
export function assignRoles(units: readonly Unit[]): RoledUnit[] {
  const spacing = usualSpacing(units);
  // A file that marks its headings (#) marks all of them: other short lines are text or captions.
  const marksHeadings = units.filter((u) => u.marked).length >= 3;
  return units.map((unit, i) => {
    const previous = units[i - 1];
    const next = units[i + 1];
    const as = (role: Role): RoledUnit => ({ ...unit, role });
    switch (unit.kind) {
      case 'byline':
      case 'note':
      case 'dash':
      case 'ellipsis':
      case 'standfirst':
        return as(unit.kind);
      case 'text':
        break;
    }
    if (isGarbage(unit, previous)) return as('garbage');
    if (unit.marked) return as('heading');
    if (!isHeadingShaped(unit)) {
      // A short, self-contained sentence set apart from the text is a photo caption.
      const sentences = unit.text.split(/[。！？!?]/u).filter(Boolean).length;
      const captionLike = hanCount(unit.text) <= 80 && sentences <= 2 && endsSentence(unit.text);
      return as(captionLike && isolated(unit, spacing) ? 'caption' : 'body');
    }
    if (marksHeadings) return as(isolated(unit, spacing) ? 'caption' : 'body');
    return as(captionScore(unit, next, spacing) > headingScore(unit, next) ? 'caption' : 'heading');
  });
}
