import type { Correction } from '../../schemas/correction.ts';
import { removeInvisibles } from './invisibles.ts';
import { fixMisreadings } from './misreadings.ts';
import { widenPunctuation } from './punctuation.ts';
import { removeStraySpaces } from './spacing.ts';

/** Mechanical repairs counted across an article and recorded once, with an example. */
export interface RepairTally {
  spacing: Array<{ line: number; count: number; before: string; after: string }>;
  punctuation: Array<{ line: number; count: number; before: string; after: string }>;
}

/**
 * Repair one printed text: invisible format characters removed (each text's
 * removals recorded), half-width punctuation made full-width, stray
 * spaces removed (body text only: headlines keep the space between their two
 * phrases), evident misreadings fixed. Misreadings are recorded one by one;
 * the mechanical repairs are tallied.
 */
export function repairText(
  text: string,
  line: number,
  body: boolean,
  tally: RepairTally,
  corrections: Correction[],
): string {
  const invisibles = removeInvisibles(text);
  if (invisibles.removed > 0) {
    corrections.push({
      kind: 'invisible',
      line,
      before: invisibles.shown,
      after: invisibles.text,
      count: invisibles.removed,
      reason: '删去不可见的格式控制字符（如文字方向控制符），以免标题、正文显示颠倒或与检索不符',
    });
  }
  const punctuation = widenPunctuation(invisibles.text);
  if (punctuation.example) tally.punctuation.push({ line, count: punctuation.changed, ...punctuation.example });
  let out = punctuation.text;
  if (body) {
    const spacing = removeStraySpaces(out);
    if (spacing.example) tally.spacing.push({ line, count: spacing.removed, ...spacing.example });
    out = spacing.text;
  }
  const misreadings = fixMisreadings(out);
  for (const fix of misreadings.fixes) corrections.push({ kind: 'misreading', line, ...fix });
  return misreadings.text;
}

export function summariseRepairs(tally: RepairTally): Correction[] {
  const out: Correction[] = [];
  const summarise = (kind: 'spacing' | 'punctuation', items: RepairTally['spacing'], reason: string) => {
    const first = items[0];
    if (!first) return;
    out.push({
      kind,
      line: first.line,
      before: first.before,
      after: first.after,
      count: items.reduce((sum, item) => sum + item.count, 0),
      reason: `${reason}（共 ${items.length} 段，见第 ${items.map((i) => i.line).join('、')} 行）`,
    });
  };
  summarise('spacing', tally.spacing, '删去扫描换行留下的汉字间多余空格');
  summarise('punctuation', tally.punctuation, '中文文字中的半角标点改为全角');
  return out;
}
