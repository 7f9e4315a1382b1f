/**
 * Ranks and streaks printed in a sentence, read as metrics (issue 15): a data
 * journalist charts 名列全省第四 as much as a count.
 *   position  (名列|位列|位居|居|列|排名|排在|排)[scope]第N[名|位] → N; …首位 → 1
 *   top N     前N名 / 前N位 → N, "at most" (qualifier under); [scope]N强 / 百强 → N
 *   streak    连续N届 / 连续N年 → N 届/年 (kind streak)
 * Value is the position (unit 名) or the streak's length; `base` is what it ranks
 * among (全省, 全国, 5个创建县城, 全省52个现场考核县区); `printed` the rank as printed
 * with its scope (全省第四, 全市首位, 前三名, 全国20强, 连续十届).
 * A position needs a ranking verb before it: 第一批, 第二医科大学, 第一道防线 are names.
 */

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

const CN_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 四 → 4, 十 → 10, 十二 → 12, 二十 → 20, 20 → 20; undefined for anything else. */
export function smallNumber(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text);
  if (text === '百') return 100;
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (m === null || text === '') return undefined;
  if (m[2] === undefined) return m[3] === undefined ? CN_DIGITS[m[1] ?? ''] : undefined;
  return (m[1] === undefined ? 1 : (CN_DIGITS[m[1]] ?? 0)) * 10 + (m[3] === undefined ? 0 : (CN_DIGITS[m[3]] ?? 0));
}

const NUM = '(?:\\d{1,3}|[一二两三四五六七八九十]{1,3})';
const SCOPE = '(?:全国|全省|全市|全区|全县|山东省|省内|市内|同级|同类)';
const VERB = '(?:名列|位列|位居|排名|排在|排|居于|居|列)';

const POSITION = new RegExp(
  `${VERB}(?:(?:在)?([^，,；;。！？、]{1,14}?)中)?(${SCOPE})?(第(${NUM})(?:名|位)?|首位|榜首|前(${NUM})(?:名|位))`,
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

const CLAUSE_END = /[，,；;。！？!?：:]/u;
const QUOTES = /[“”"'‘’「」『』《》\s]/gu;
/** Subjects that name an activity, not a measure: the rank's label adds the subject's measure word. */
const MEASURED = /(?:考核|得分|评分|评估|率|情况|数量|工作|成绩|指标|水平|排名)$/u;
const GENERIC = /^(?:完成情况|工作|成绩|排名|情况)$/u;
const LEAD = /^(?:确保|实现|推动|推进|其中|并|且|还|也|均|都|已|在|全市|全省|全县|全区)+/u;
const AWARD = /(?:获评|荣获|获得|入选|人选|评为|被评为)([^，,；;。！？]+)/gu;
const YEAR = /\d{4}年度?/gu;

function clauseStartAt(sentence: string, at: number): number {
  let i = at;
  while (i > 0 && !CLAUSE_END.test(sentence[i - 1] as string)) i--;
  return i;
}

function clean(text: string): string {
  return text.replace(QUOTES, '').replace(YEAR, '').replace(LEAD, '');
}

/** "推进医疗废物在线监管，…，完成情况列全省第一": the object of the sentence's first clause. */
function sentenceTopic(sentence: string): string {
  const first = sentence.split(CLAUSE_END)[0] ?? '';
  const object = clean(first).replace(/^(?:推进|加强|深化|推动|实施|开展|落实|强化|做好)/u, '');
  return object.length >= 2 && object.length <= 12 && !/\d/u.test(object) ? object : '';
}

/**
 * A rank's label: what is ranked, and among what. "结核筛查完成率居全省第三" → 结核筛查完成率全省排名;
 * "市卫生健康委在全市改革攻坚擂台赛中居前三名" → 全市改革攻坚擂台赛排名 (an actor is not a measure);
 * "获评规范性10强账号" → 规范性排名; "连续十届蝉联全国无偿献血先进市" → 蝉联全国无偿献血先进市届数.
 * `previousLabel` names a rank that follows another figure of its sentence ("覆盖率达109.64%，列全省首位").
 */
export function rankLabel(sentence: string, rank: RankFigure, previousLabel: string | undefined): string {
  if (rank.kind === 'streak') {
    const after = sentence.slice(rank.end, clauseEndAt(sentence, rank.end));
    return `${clean(after)}${rank.unit}数`;
  }
  const scope = /^(?:全国|全省|全市|全区|全县|山东省)/u.exec(rank.printed)?.[0] ?? '';
  const top = /强$/u.test(rank.printed);
  if (top) {
    const before = sentence.slice(0, rank.start);
    if (/该(?:奖项|项|榜单)$/u.test(before)) {
      const award = [...before.matchAll(AWARD)].pop()?.[1];
      if (award !== undefined) return `${clean(award)}排名`;
    }
    const from = clauseStartAt(sentence, rank.start);
    const words = sentence.slice(from, rank.verbStart);
    const verb = [...words.matchAll(/(?:获评|入选|人选|进入|跻身|列入|评为)/gu)].pop();
    const pre = clean(verb === undefined ? '' : words.slice(verb.index + verb[0].length));
    const after = clean(sentence.slice(rank.end, clauseEndAt(sentence, rank.end))).replace(/^的/u, '');
    const noun = /^(?:账号|单位|名单|行列|之列)$/u.test(after) ? '' : after;
    return `${scope}${pre}${noun}排名`;
  }
  const from = clauseStartAt(sentence, rank.start);
  // "艾滋病防治工作10项指标中2项居全省第一": the counts name a share of the ranked items.
  let subject = clean(sentence.slice(from, rank.verbStart)).replace(/\d+\p{Script=Han}{0,4}中\d+\p{Script=Han}?$/u, '');
  if (subject === '' && previousLabel !== undefined) subject = previousLabel;
  if (GENERIC.test(subject)) subject = sentenceTopic(sentence.slice(0, from)) + subject;
  const field = rank.base !== undefined && rank.base !== scope ? rank.base : '';
  if (field !== '' && !MEASURED.test(subject) && /在[^，,；;。]*中/u.test(sentence.slice(from, rank.start)))
    return `${field}排名`;
  return `${subject}${scope}排名`;
}

function clauseEndAt(sentence: string, at: number): number {
  let i = at;
  while (i < sentence.length && !CLAUSE_END.test(sentence[i] as string)) i++;
  return i;
}
