/**
 * Which printed figures are metrics. A figure is NOT a metric when it is:
 *   time    a date, year, duration or age: unit 年/月/日/天/小时/个月/岁… (2020年3月,
 *           28日党员活动日, 24小时, 65岁以上 — an age stays inside the label), except
 *           a measured age or duration (预期寿命达到79.5岁, 平均住院日为8.8日);
 *   range   either end of 2~3年, 1~2家, 1—9月;
 *   ordinal 第4, 前3名;
 *   rank    in a clause that ranks (位列5个创建县城首位, 10项指标中2项居全省第一,
 *           名列全省第四): the numbers there count competitors, not results;
 *   name    part of a name: a bare number glued to the word after it (84消毒液, 2型糖尿病,
 *           20强, 16市, 6大类), or inside a short quotation or 《》 title
 *           (“2名班子成员+3名工作人员”夜班值守制度, “1143”, “3+X”), or a term of an
 *           expression or ratio (7×24小时, 医护比1:1.2 — ratios are left to the text);
 *   scheme  after 即 in its sentence: the spelled-out parts of a named scheme
 *           (“1143”体系，即1个实施方案管总，1张配档表抓细…);
 *   list    a count of abstract items being enumerated (5个方面, 3个推进机制, 4项措施)
 *           or a slogan of the 三个一批 kind in digits (3个一批);
 *   scope   the size of the area a result is counted over, when the clause goes on
 *           to give that result ("全县18个镇区共建…试点6处": 6 is the metric; a
 *           clause whose only figure is the divisions, "全县12个镇街同创国家卫生镇", keeps it);
 *   numbering  list numbering (1、 2. （3）);
 *   quota   a number per unit (每个支部选配支部委员2名): an allotment, not a reported total;
 *   phone   seven or more bare digits, or a bare number after 电话/热线/号码/邮编….
 * Chinese numerals are not read (两名医生, 三个月, 十届) except round magnitudes with
 * 余/多 (百余个), which parse-figures reads.
 */
import { TIME_UNITS, type Figure } from '../../figures/parse-figures.ts';

export type Exclusion =
  'quota' | 'time' | 'range' | 'ordinal' | 'rank' | 'name' | 'scheme' | 'list' | 'scope' | 'numbering' | 'phone';

/** Clause boundaries: a clause is what lies between two of these. */
export const CLAUSE_END = /[，,；;。！？!?：:]/u;

const HAN = /\p{Script=Han}/u;
const RANK =
  /(?:位列|名列|位居|排名|排在|排|居|列)[^，,；;。]*?(?:首位|前列|末位|第[一二三四五六七八九十百\d]+|前[一二三四五六七八九十\d]+)|首位/u;
const ABSTRACT = '方面|机制|措施|举措|原则|环节|步骤|理念|阵地|要求|维度|途径|渠道|特色|目标|抓手|结合|模式';
/** An abstract noun right after the counter (5个方面…) or ending the clause (3个推进机制，). */
const ABSTRACT_ITEMS = new RegExp(`^(?:${ABSTRACT})|(?:${ABSTRACT})$`, 'u');
const COUNTERS_OF_ITEMS = new Set(['个', '项', '条', '种', '大', '点', '类']);

export interface Span {
  start: number;
  end: number;
}

/** Short quotations and book titles in a sentence: names, slogans, titles. */
export function nameSpans(sentence: string): Span[] {
  const spans: Span[] = [];
  const pairs: ReadonlyArray<readonly [string, string]> = [
    ['“', '”'],
    ['「', '」'],
    ['『', '』'],
    ['‘', '’'],
  ];
  for (const [open, close] of pairs) {
    let from = 0;
    for (;;) {
      const s = sentence.indexOf(open, from);
      if (s < 0) break;
      const e = sentence.indexOf(close, s + 1);
      if (e < 0) break;
      spans.push({ start: s, end: e + 1 });
      from = e + 1;
    }
  }
  // Straight quotes pair up in order within the sentence.
  for (const q of ['"', "'"]) {
    const at: number[] = [];
    for (let i = 0; i < sentence.length; i++) if (sentence[i] === q) at.push(i);
    for (let k = 0; k + 1 < at.length; k += 2) spans.push({ start: at[k] as number, end: (at[k + 1] as number) + 1 });
  }
  const names = spans.filter((s) => {
    const inner = sentence.slice(s.start + 1, s.end - 1);
    return inner.length <= 20 && !/[，,。；;！？!?]/u.test(inner);
  });
  for (const m of sentence.matchAll(/《[^》]*》/gu)) names.push({ start: m.index, end: m.index + m[0].length });
  return names;
}

/** The clause (between clause boundaries) around offset `at`. */
export function clauseAround(sentence: string, at: number, to = at): Span {
  let start = at;
  while (start > 0 && !CLAUSE_END.test(sentence[start - 1] as string)) start--;
  let end = to;
  while (end < sentence.length && !CLAUSE_END.test(sentence[end] as string)) end++;
  return { start, end };
}

/** Why a figure is not a metric, or undefined when it is one. */
export function exclusionOf(sentence: string, figure: Figure, names: readonly Span[]): Exclusion | undefined {
  const before = sentence.slice(0, figure.numberStart);
  const after = sentence.slice(figure.end);
  const next = after[0] ?? '';
  if (figure.range) return 'range';
  // An age or a duration is a metric only when it is what is measured: a lifespan, a
  // mean age, an average or a waiting time ("人均预期寿命达到79.5岁", "平均住院日为8.8日").
  const measuredAge =
    /^(?:岁|周岁)$/u.test(figure.unit) && /(?:寿命|年龄)(?:达到|达|为|是|约)?$/u.test(before.replace(/[约近]$/u, ''));
  const measuredTime =
    /^(?:日|天|周|小时|个小时|分钟|秒)$/u.test(figure.unit) &&
    /(?:平均\p{Script=Han}{0,6}|时长|用时|时间|天数|日数|周期)(?:为|是|达到|达|约|缩短到|缩短至|缩短为|降至|控制在)?$/u.test(
      before.replace(/[约近]$/u, ''),
    );
  if (TIME_UNITS.has(figure.unit) && !measuredAge && !measuredTime) return 'time';
  if (/第$/u.test(before) || (/前$/u.test(before) && /^[名位]$/u.test(figure.unit))) return 'ordinal';
  const clause = clauseAround(sentence, figure.start, figure.end);
  if (RANK.test(sentence.slice(clause.start, clause.end))) return 'rank';
  if (names.some((s) => figure.start >= s.start && figure.end <= s.end)) return 'name';
  if (figure.unit === '' && figure.magnitude === '' && figure.qualifier === undefined) {
    if (/^[、.．]/u.test(after) && figure.start === clause.start) return 'numbering';
    if (/[(（]$/u.test(before) && /^[)）]/u.test(after)) return 'numbering';
    if (/^\d{7,}$/u.test(sentence.slice(figure.numberStart, figure.numberEnd))) return 'phone';
    if (/(?:电话|热线|号码|手机|传真|邮编|编号|代码)[:：]?$/u.test(before)) return 'phone';
  }
  // 84消毒液, 2型 are names; 64万市民群众 is a count whose noun follows its magnitude.
  if (figure.unit === '' && figure.magnitude === '' && (HAN.test(next) || /^[A-Za-z]/u.test(next))) return 'name';
  // 7×24小时, 3+2, 1:1.2: a term of an expression or ratio, not a quantity.
  const ratio = figure.unit === '' && /^[×xX*+/:：∶][0-9０-９]/u.test(sentence.slice(figure.numberEnd));
  if (ratio || /[0-9０-９][×xX*+/:：∶]$/u.test(before)) return 'name';
  // A scheme's spelled-out parts open their clauses ("即1个实施方案管总，1张配档表抓细"); a clause
  // that names its own subject first ("签约团队人员总数1106人") is a statistic, even after a 即.
  const opensClause = /^[\s“”"'‘’「」（(]*(?:即[:：]?)?[\s“”"'‘’「」（(]*$/u.test(
    sentence.slice(clause.start, figure.start),
  );
  // 即 opening the sentence explains the sentence before; only a 即 after a named scheme spells it out.
  const ji = before.search(/即[:：]?[^。；;]*$/u);
  if (opensClause && ji > 0 && /[^\s“”"'‘’「」（(]/u.test(before.slice(0, ji))) return 'scheme';
  if (figure.unit === '个' && /全[县市区省]$/u.test(before)) {
    const division = /^(?:镇区|镇街|乡镇|街道|县市区|县区|区县|村居|社区|镇|县|村)/u.exec(after);
    const rest = after.slice(division?.[0].length ?? 0, clause.end - figure.end);
    // "全区10个镇街党委政府高度重视…": the area's size as the subject, unless the clause says all of them did something.
    if (division !== null && (/[0-9０-９]/u.test(rest) || !/全部|均|都|全覆盖|同[创建步]|共同/u.test(rest)))
      return 'scope';
  }
  // "每个支部选配支部委员2名": a quota per unit, not a total the text reports.
  if (
    /^每(?:个|家|所|支|名|村|户|镇|乡|院)\p{Script=Han}{1,6}(?:选配|配备|配齐|配|设|设置|明确)/u.test(
      sentence.slice(clause.start, figure.start),
    )
  )
    return 'quota';
  if (COUNTERS_OF_ITEMS.has(figure.unit)) {
    if (/^一/u.test(after)) return 'list';
    const rest = after.slice(0, clauseAround(sentence, figure.end).end - figure.end);
    if (ABSTRACT_ITEMS.test(rest.replace(/[“”"'‘’「」]/gu, ''))) return 'list';
  }
  return undefined;
}
