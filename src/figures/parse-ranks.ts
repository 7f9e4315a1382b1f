/**
 * Ranks and streaks printed in a sentence, read as metrics (issue 15): a data
 * journalist charts 名列全省第四 as much as a count.
 *   position  (名列|位列|位居|居|列|排名|排在|排)[scope]第N[名|位] → N; …首位 → 1
 *   top N     前N名 / 前N位 → N, "at most" (qualifier under); [scope]N强 / 百强 → N
 *   streak    连续N届 / 连续N年 → N 届/年 (kind streak)
 *   result    以[scope]第N、[scope]首位的成绩… → each position
 * Value is the position (unit 名) or the streak's length; `base` is what it ranks
 * among (全省, 全国, 5个创建县城, 全省52个现场考核县区); `printed` the rank as printed
 * with its scope (全省第四, 全市首位, 前三名, 全国20强, 连续十届).
 * A position needs a ranking verb before it: 第一批, 第二医科大学, 第一道防线 are names.
 */

import { CHINESE_DIGIT_VALUES } from './parse-figures.ts';
export interface RankFigure {
  start: number;
  end: number;
  value: number;
  unit: '名' | '届' | '年' | '次';
  kind: 'rank' | 'streak';
  /** The rank as printed with its scope: 全省第四, 前三名, 全国20强, 连续十届. */
  printed: string;
  /** Top-N ranks: the position is at most N. */
  qualifier?: 'under';
  /** What it ranks among: 全省, 5个创建县城, 全省52个现场考核县区. */
  base?: string;
  /** Offset where the ranking verb (or the scope) starts: the subject's words end there. */
  verbStart: number;
}

/** 四 → 4, 十 → 10, 十二 → 12, 二十 → 20, 20 → 20; undefined for anything else. */
export function smallNumber(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text);
  if (text === '百') return 100;
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (m === null || text === '') return undefined;
  if (m[2] === undefined) return m[3] === undefined ? CHINESE_DIGIT_VALUES[m[1] ?? ''] : undefined;
  return (
    (m[1] === undefined ? 1 : (CHINESE_DIGIT_VALUES[m[1]] ?? 0)) * 10 +
    (m[3] === undefined ? 0 : (CHINESE_DIGIT_VALUES[m[3]] ?? 0))
  );
}

const NUM = '(?:\\d{1,3}|[一二两三四五六七八九十]{1,3})';
const SCOPE = '(?:全国|全省|全市|全区|全县|山东省|省内|市内|同级|同类)';
const VERB = '(?:名列|位列|位居|排名|排在|排|居于|居|列)';

/** The peers a scope narrows to, printed before the position: 全省县级市第三, 全市同级医院第二位. */
const PEERS = '(?:(?![第首前])\\p{Script=Han}){0,8}?';
const POSITION = new RegExp(
  `${VERB}(?:(?:在)?([^，,；;。！？、]{1,14}?)中)?(${SCOPE}${PEERS})?(第(${NUM})(?:名|位)?|首位|榜首|前(${NUM})(?:名|位))`,
  'gu',
);
const POSITION_IN = new RegExp(
  `在(${SCOPE}?[^，,；;。！？、在]{0,16}?)中(${VERB})(${SCOPE})?(第(${NUM})(?:名|位)?|首位|前(${NUM})(?:名|位))`,
  'gu',
);
const FIELD_FIRST = new RegExp(`${VERB}([0-9]{1,3}个[^，,；;。！？、]{1,10}?)(首位|第(${NUM})(?:名|位)?)`, 'gu');
// 强化, 强调, 强基 are words, not ranks.
const TOP_N = new RegExp(`(${SCOPE}|山东省|该奖项)?(${NUM}|百)强(?![化调度项基制大力烈劲壮盛身健])`, 'gu');
const STREAK = new RegExp(`连续(${NUM})(届|年|次)`, 'gu');
/** "以全省第三、全市首位的成绩通过…复审": positions printed as the result something was achieved with. */
const RESULT_ITEM = `${SCOPE}(?:第${NUM}(?:名|位)?|首位)`;
const RESULT = new RegExp(`以(${RESULT_ITEM}(?:、${RESULT_ITEM})*)的(?:成绩|排名|名次|位次)`, 'gu');

/** Ranks and streaks in reading order, non-overlapping. */
export function findRanks(sentence: string): RankFigure[] {
  const found: RankFigure[] = [];
  const add = (r: RankFigure): void => {
    if (found.some((f) => r.start < f.end && f.start < r.end)) return;
    found.push(r);
  };
  // "在全省52个现场考核县区中名列全省第四": the field is the 在…中 phrase.
  for (const m of sentence.matchAll(POSITION_IN)) {
    const [, field = '', , scope = '', rank = '', n, top] = m;
    const value = rank === '首位' ? 1 : smallNumber(n ?? top ?? '');
    if (value === undefined) continue;
    const at = m.index + m[0].length - rank.length - scope.length;
    const r: RankFigure = {
      start: at,
      end: m.index + m[0].length,
      value,
      unit: '名',
      kind: 'rank',
      printed: scope + rank,
      base: field || scope,
      verbStart: m.index,
    };
    if (top !== undefined) r.qualifier = 'under';
    add(r);
  }
  // "位列5个创建县城首位": the field sits between the verb and the position.
  for (const m of sentence.matchAll(FIELD_FIRST)) {
    const [whole, field = '', rank = '', n] = m;
    const value = rank === '首位' ? 1 : smallNumber(n ?? '');
    if (value === undefined) continue;
    add({
      start: m.index + whole.length - rank.length,
      end: m.index + whole.length,
      value,
      unit: '名',
      kind: 'rank',
      printed: rank,
      base: field,
      verbStart: m.index,
    });
  }
  for (const m of sentence.matchAll(POSITION)) {
    const [whole, field, scope = '', rank = '', n, top] = m;
    const value = rank === '首位' || rank === '榜首' ? 1 : smallNumber(n ?? top ?? '');
    if (value === undefined) continue;
    const start = m.index + whole.length - rank.length - scope.length;
    const r: RankFigure = {
      start,
      end: m.index + whole.length,
      value,
      unit: '名',
      kind: 'rank',
      printed: scope + rank,
      verbStart: m.index,
    };
    const base = field ?? (scope === '' ? undefined : scope);
    if (base !== undefined) r.base = base;
    if (top !== undefined) r.qualifier = 'under';
    add(r);
  }
  for (const m of sentence.matchAll(TOP_N)) {
    const [whole, scope = '', n = ''] = m;
    const value = smallNumber(n);
    // 20强 glued to a digit before it is part of a longer number, not a rank.
    if (value === undefined || /[0-9]$/u.test(sentence.slice(0, m.index))) continue;
    const ownScope = scope === '该奖项' ? '' : scope;
    const start = m.index + (scope === '该奖项' ? scope.length : 0);
    const r: RankFigure = {
      start,
      end: m.index + whole.length,
      value,
      unit: '名',
      kind: 'rank',
      printed: ownScope + n + '强',
      qualifier: 'under',
      verbStart: start,
    };
    if (ownScope !== '') r.base = ownScope;
    add(r);
  }
  for (const m of sentence.matchAll(RESULT)) {
    const list = m[1] ?? '';
    let at = m.index + 1;
    for (const item of list.split('、')) {
      const position = new RegExp(`^(${SCOPE})(?:第(${NUM})(?:名|位)?|首位)$`, 'u').exec(item);
      const value = item.endsWith('首位') ? 1 : smallNumber(position?.[2] ?? '');
      if (position !== null && value !== undefined)
        add({
          start: at,
          end: at + item.length,
          value,
          unit: '名',
          kind: 'rank',
          printed: item,
          base: position[1] ?? '',
          verbStart: m.index,
        });
      at += item.length + 1;
    }
  }
  for (const m of sentence.matchAll(STREAK)) {
    const [whole, n = '', unit = '届'] = m;
    const value = smallNumber(n);
    if (value === undefined) continue;
    add({
      start: m.index,
      end: m.index + whole.length,
      value,
      unit: unit as '届' | '年' | '次',
      kind: 'streak',
      printed: whole,
      verbStart: m.index,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
