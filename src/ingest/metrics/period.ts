/**
 * Time expressions in a sentence, read as metric periods:
 *   2020年 → "2020"; 2019至2020年度 → "2019/2020"; 2023年3月11日 → "2023-03-11";
 *   2020年1月至11月 → "2020-01/2020-11"; 2017年3月至2020年9月 → "2017-03/2020-09";
 *   1—9月份 → "<year>-01/<year>-09"; 2016年以来 → "2016/<year>" ("2020" when it is the year);
 *   今年/今年以来/当年 → "<year>"; 去年 → "<year-1>"; 前三季度 → "<year>-01/<year>-09",
 *   上半年 → "-01/-06"; 截至11月底 → "<year>-11".
 *   3月12日 (no year printed) → "<year>-03-12".
 * `year` is the article's year (MetricContext.year). 截至目前/目前 are no expression of their own:
 * a figure with no time in its sentence, chain or paragraph takes the article's year (extract.ts).
 */

export interface TimeExpression {
  start: number;
  end: number;
  period: string;
  /** A single day names an event: it scopes its own sentence only. */
  day: boolean;
}

const pad = (n: string | number): string => String(n).padStart(2, '0');

type Reader = (m: RegExpExecArray, year: number) => string | undefined;

const CN_QUARTERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4 };

/** Longer patterns first: a match hides shorter ones that overlap it. */
const PATTERNS: ReadonlyArray<readonly [RegExp, Reader]> = [
  // 2017年3月至2020年9月, 2020年1月至11月, 3月至11月
  [
    /(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:\d{1,2}日)?[至到—\-~～](?:(\d{4})年)?(\d{1,2})月(?:份|底|末)?(?:\d{1,2}日)?/gu,
    (m, year) => {
      const y1 = m[1] ?? String(year);
      return `${y1}-${pad(m[2] ?? '')}/${m[3] ?? y1}-${pad(m[4] ?? '')}`;
    },
  ],
  // 2021年1-6月, 2018年1—9月份
  [
    /(\d{4})年(\d{1,2})[—\-~～至到](\d{1,2})月(?:份)?/gu,
    (m) => `${m[1]}-${pad(m[2] ?? '')}/${m[1]}-${pad(m[3] ?? '')}`,
  ],
  // 1—9月份, 1-9月
  [
    /(?<![\d年])(\d{1,2})[—\-~～至到](\d{1,2})月(?:份)?/gu,
    (m, year) => `${year}-${pad(m[1] ?? '')}/${year}-${pad(m[2] ?? '')}`,
  ],
  // 2019至2020年度, 2016—2020年
  [/(\d{4})(?:年)?[至到—\-~～](\d{4})年(?:度)?/gu, (m) => `${m[1]}/${m[2]}`],
  // 2016年以来, 自2020年开展工作以来, 2019年3月以来
  [
    /(?:自|从)?(\d{4})年(?:(\d{1,2})月)?[^，,。；;！？!?]{0,8}?以来/gu,
    (m, year) => {
      const from = m[2] === undefined ? (m[1] ?? '') : `${m[1]}-${pad(m[2])}`;
      return from === String(year) ? from : `${from}/${year}`;
    },
  ],
  // 截至11月底, 截至2020年9月
  [
    /截[至止](?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?(?:底|末)?/gu,
    (m, year) => `${m[1] ?? year}-${pad(m[2] ?? '')}${m[3] === undefined ? '' : `-${pad(m[3])}`}`,
  ],
  // 2023年3月11日, 2023年10月, 2020年
  [
    /(\d{4})年(?:度)?(?:(\d{1,2})月(?:份)?(?:(\d{1,2})[日号])?)?/gu,
    (m) => `${m[1]}${m[2] === undefined ? '' : `-${pad(m[2])}`}${m[3] === undefined ? '' : `-${pad(m[3])}`}`,
  ],
  // 3月12日, 5月8号, 3月份 printed without a year: the article's year
  [
    /(?<![\d年])(\d{1,2})月(?:份)?(?:(\d{1,2})[日号])?(?![\d至到—\-~～])/gu,
    (m, year) => `${year}-${pad(m[1] ?? '')}${m[2] === undefined ? '' : `-${pad(m[2])}`}`,
  ],
  // 前三季度, 一季度
  [
    /(?:今年)?(前)?([一二两三四])(?:个)?季度/gu,
    (m, year) => {
      const q = CN_QUARTERS[m[2] ?? ''] ?? 1;
      return m[1] === undefined
        ? `${year}-${pad(q * 3 - 2)}/${year}-${pad(q * 3)}`
        : `${year}-01/${year}-${pad(q * 3)}`;
    },
  ],
  [/(?:今年)?上半年/gu, (_m, year) => `${year}-01/${year}-06`],
  [/(?:今年)?下半年/gu, (_m, year) => `${year}-07/${year}-12`],
  // 预计年底: the end of a year, which year is settled below (timeExpressions)
  [/(?:今年|当年)?(?<![\d去前明])年[底末]/gu, (_m, year) => String(year)],
  [/(?:今年|当年|本年度?)(?:以来)?/gu, (_m, year) => String(year)],
  [/去年/gu, (_m, year) => String(year - 1)],
];

/** "由2019年的18.2%…": the time is joined by 的 to the figure right after it, and dates that figure alone. */
function datesAFigure(text: string, t: TimeExpression): boolean {
  return /^的[0-9０-９]/u.test(text.slice(t.end));
}

/** Time expressions in reading order, non-overlapping. */
export function timeExpressions(sentence: string, year: number): TimeExpression[] {
  const found: TimeExpression[] = [];
  for (const [pattern, read] of PATTERNS) {
    for (const m of sentence.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((t) => start < t.end && t.start < end)) continue;
      // "比去年增加", "较2019年下降", "与2021年度持平": a base of comparison, not the figure's period.
      const before = sentence.slice(0, start);
      if (
        /[比较]$/u.test(before) ||
        (/[与同跟和]$/u.test(before) && /^(?:相比|持平|比较|同期)/u.test(sentence.slice(end)))
      )
        continue;
      // "该院建于1958年": a founding date, not the period of the figures around it.
      if (/(?:建于|成立于|创建于|创办于|始于)$/u.test(sentence.slice(0, start))) continue;
      const period = read(m, year);
      if (period === undefined) continue;
      found.push({ start, end, period, day: /^\d{4}-\d{2}-\d{2}$/u.test(period) });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // 截至2023年6月底…预计年底: the year end of the year the sentence is in, not of the article's year.
  found.forEach((t, i) => {
    // The sentence's own time before it, not a date bound by 的 to another figure (由2019年的18.2%…).
    const earlier = found
      .slice(0, i)
      .filter((e) => !datesAFigure(sentence, e))
      .pop();
    // Of a span (2016/2022), the year it runs to.
    if (earlier !== undefined && /^年[底末]$/u.test(sentence.slice(t.start, t.end)))
      t.period = (earlier.period.split('/').pop() ?? earlier.period).slice(0, 4);
  });
  return found;
}

/**
 * The period for a figure at `at`: the last time expression before it in the
 * sentence, else the first after it, else `inherited` (the period of the
 * clause chain or paragraph the sentence belongs to).
 */
export function periodAt(
  expressions: readonly TimeExpression[],
  at: number,
  inherited: string | undefined,
  text = '',
): string | undefined {
  // "由2019年的18.2%提升到31.6%": a time joined by 的 to another figure is that figure's alone…
  const boundElsewhere = (t: TimeExpression): boolean => t.end + 1 < at && datesAFigure(text, t);
  const before = expressions.filter((t) => t.end <= at && !boundElsewhere(t));
  // …and the figure it was compared with is of the clause's time, not of a date printed after it.
  if (before.length === 0 && expressions.some((t) => t.end <= at && boundElsewhere(t))) return inherited;
  const last = before[before.length - 1];
  if (last !== undefined) {
    // "2023年4月24日，…2023年《职业病防治法》宣传周…": a bare year after a finer date in that year adds nothing.
    // (年底 is not such a year: it is when a forecast applies, not a repeat of the date before it.)
    const finer =
      /^\d{4}$/u.test(last.period) && !/年[底末]$/u.test(text.slice(last.start, last.end))
        ? before.find((t) => t.period.startsWith(`${last.period}-`) && !t.period.includes('/'))
        : undefined;
    return (finer ?? last).period;
  }
  const after = expressions.find((t) => t.start >= at);
  return after?.period ?? inherited;
}
