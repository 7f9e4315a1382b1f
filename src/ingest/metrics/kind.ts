/**
 * What kind of number a figure is, read from its sentence (issue 15):
 *   kind        count | amount (元) | measure (area, weight, length) | rate (%, ‰, 个百分点)
 *               | ratio (性别比110.7, 千人托位数4.41, N倍) | rank | streak (metrics/rank.ts);
 *   status      forecast  预计…/将达到/有望 before the figure in its sentence;
 *               target    力争/目标为… before it, or "N%的…目标" after it (目标人群 is a population);
 *               plan      计划/拟 + a verb before it, and a project's 预计总投资;
 *               actual    otherwise;
 *   cumulative  累计 in the figure's clause, or a multi-year "…以来" span before it in the
 *               sentence ("2016年以来…共", "自2020年开展工作以来，共…"); 今年以来 is the year;
 *   base        per head/time (每人每月, 每月), per population (每千人口), a share's whole
 *               (占全区总诊疗量的60% → 全区总诊疗量).
 */

import type { MetricKind, MetricStatus } from '../../schemas/metric.ts';
import { MEASURE_UNITS } from '../../figures/parse-figures.ts';

/** The parts of a printed figure this module reads. */
export interface FigureSpan {
  start: number;
  end: number;
  unit: string;
  magnitude: string;
}

const CLAUSE_END = /[，,；;。！？!?：:]/u;
const RATE_UNITS = new Set(['%', '‰', '个百分点', '百分点']);
const PER_POPULATION = /^(?:每)?(?:十万|[百千万])名?(?:常住|户籍)?(?:人口|居民|老年人|儿童|新生儿|孕产妇|人)/u;

function clauseStart(sentence: string, at: number): number {
  let i = at;
  while (i > 0 && !CLAUSE_END.test(sentence[i - 1] as string)) i--;
  return i;
}

function clauseEnd(sentence: string, at: number): number {
  let i = at;
  while (i < sentence.length && !CLAUSE_END.test(sentence[i] as string)) i++;
  return i;
}

/** Per-population base named at the start of a label: 千人托位数 → 每千人, 每千人口托位数 → 每千人口. */
export function perPopulation(label: string): string | undefined {
  const m = PER_POPULATION.exec(label);
  return m === null ? undefined : `每${m[0].replace(/^每/u, '')}`;
}

export function kindOf(figure: FigureSpan, base: string | undefined): MetricKind {
  if (RATE_UNITS.has(figure.unit)) return 'rate';
  if (figure.unit === '元') return 'amount';
  if (MEASURE_UNITS.has(figure.unit)) return 'measure';
  if (figure.unit === '倍') return 'ratio';
  if (base !== undefined && /^每[千万百十]/u.test(base)) return 'ratio';
  if (figure.unit === '') return figure.magnitude === '' ? 'ratio' : 'count';
  return 'count';
}

const FORECAST = /预计(?!总?投资)|预期|有望|将(?:会)?(?:达到|达|超过|突破|增至|增加到|提高到|提升到)/u;
const TARGET_BEFORE = /力争|目标(?:为|是|值为?|任务为?)|(?:要|须|必须)(?:达到|确保)/u;
const PLAN =
  /预计总?投资|计划(?!生育)(?:于|在|到|投资|投入|新建|建设|开展|实施|完成|用|安排)|拟(?:于|在|投资|投入|新建|建设|开展|实施)|规划(?:建设|新建)/u;

/** Forecast, target, plan or actual, from the words of the figure's sentence. */
export function statusAt(sentence: string, figure: { start: number; end: number }): MetricStatus {
  const before = sentence.slice(0, figure.start);
  // "完成省40%的创建目标": the figure is a target set by someone, not what was reached.
  const after = sentence.slice(figure.end, clauseEnd(sentence, figure.end));
  if (/^的[^，,；;。]{0,8}?目标(?!人群)/u.test(after)) return 'target';
  // A plan governs its own clause ("规划建设…4个镇卫生院综合病房楼，完成6个…" ends at the comma),
  // and 预计总投资 only the sum right after it.
  const clauseFrom = clauseStart(sentence, figure.start);
  const clause = sentence.slice(clauseFrom, figure.start);
  const planned = PLAN.exec(clause);
  const plan = planned !== null && !/\d/u.test(clause.slice(planned.index + planned[0].length)) ? planned : null;
  const forecast = FORECAST.exec(before);
  const target = TARGET_BEFORE.exec(before);
  // The marker nearest the figure decides: "计划投资…，预计年底将达到…".
  const marks: Array<[number, MetricStatus]> = [];
  if (plan !== null) marks.push([clauseFrom + plan.index, 'plan']);
  if (forecast !== null) marks.push([forecast.index, 'forecast']);
  if (target !== null) marks.push([target.index, 'target']);
  marks.sort((a, b) => b[0] - a[0]);
  return marks[0]?.[1] ?? 'actual';
}

export interface Cumulative {
  cumulative: boolean;
  /** The running total's span as printed (2016年以来, 2023年). */
  span?: string;
}

/** A time expression of the sentence, with its text offsets and period ("2016/2020"). */
export interface TimeSpan {
  start: number;
  end: number;
  period: string;
}

/**
 * A running total: 累计 in the figure's clause (its span the time printed before 累计 in
 * that clause), or a "…以来" span reaching back before the article's year, or one
 * followed by 共/累计/总 before the figure.
 */
export function cumulativeAt(
  sentence: string,
  figure: { start: number },
  times: readonly TimeSpan[],
  year: number,
): Cumulative {
  const from = clauseStart(sentence, figure.start);
  const clause = sentence.slice(from, figure.start);
  const total = clause.lastIndexOf('累计');
  if (total >= 0) {
    const time = times.filter((t) => t.start >= from && t.end <= from + total).pop();
    return time === undefined ? { cumulative: true } : { cumulative: true, span: sentence.slice(time.start, time.end) };
  }
  for (const time of times) {
    if (time.end > figure.start) break;
    const text = sentence.slice(time.start, time.end);
    if (!/以来$/u.test(text) || /^(?:今年|当年|本年|年初)/u.test(text)) continue;
    const startYear = Number(/(\d{4})/u.exec(text)?.[1] ?? year);
    const between = sentence.slice(time.end, figure.start);
    if (startYear < year || /共|累计|总计|合计/u.test(between)) return { cumulative: true, span: text };
  }
  return { cumulative: false };
}

const PER_HEAD = /每人每[月年天日]|每户每[月年]|每[月年天日周]|人均/u;

/** What a per-unit figure or a share is relative to, as printed before it in its clause. */
export function baseAt(sentence: string, figure: FigureSpan, label: string): string | undefined {
  const from = clauseStart(sentence, figure.start);
  const words = sentence.slice(from, figure.start);
  const share = /占([^，,；;。]{2,14}?)的?$/u.exec(words.replace(/(?:比例|比重)?(?:为|达到|达|约)?$/u, ''));
  if (share !== null && RATE_UNITS.has(figure.unit)) return share[1];
  const head = [...words.matchAll(new RegExp(PER_HEAD.source, 'gu'))].pop();
  if (head !== undefined) return head[0];
  return perPopulation(label);
}
