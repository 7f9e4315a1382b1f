/**
 * Finding printed figures in Chinese text and reading their values.
 *
 * A figure is: [hedge] number [余|多] [万|亿|万亿] [余|多] [unit] [hedge].
 *   - number: ASCII or full-width digits, optional decimals (. or ．) and
 *     thousands groups ("1,000" — exactly three digits after each comma);
 *   - 万 ×10⁴, 亿 ×10⁸ are applied to the value (275.3万 → 2753000);
 *   - unit: the longest known unit printed right after (人次 before 人, 个月 before 个);
 *     ％ is read as %; 万元 is value×10⁴ with unit 元; a rate per population keeps
 *     its denominator as the unit (3.85/10万 → 3.85, unit "/10万");
 *   - hedges: 约/左右 about; 近/将近/接近 nearly; 超/超过/逾/突破/余/多/以上 over,
 *     and 不低于/不少于 (at least); 不足/不到/以内/以下 under, and 不超过/不高于.
 * Chinese numerals are read only in the round-magnitude form that newspapers
 * print as figures: [一…九两]?[十百千万] + 余/多 + unit (百余个 → over 100 个).
 * Numbers glued to Latin letters (H7N9, 6S, 5G) are codes, not figures.
 *
 * findFigures reports every figure, dates and ages included (unit 年/月/岁 …),
 * with `range` set on either end of "2~3年", "1—9月"; deciding which figures
 * are metrics is the extractor's business. The content check uses
 * quoteHasValue: "does value V appear in this quote?".
 */
import type { Qualifier } from '../schemas/metric.ts';

export interface Figure {
  /** The figure as printed, hedges included: "近80000人", "275.3万余元", "50%以上". */
  text: string;
  /** Offsets of `text` in the searched string. */
  start: number;
  end: number;
  /** Offsets of the number itself (digits, or the Chinese numeral). */
  numberStart: number;
  numberEnd: number;
  /** The value with 万/亿 applied. */
  value: number;
  /** 万, 亿, 万亿 or '' as printed. */
  magnitude: string;
  /** Unit as printed after the number ('%' for ％); '' when none. */
  unit: string;
  qualifier?: Qualifier;
  /** Either end of a range such as 2~3年 or 1—9月. */
  range: boolean;
  /** Printed in Chinese numerals (百余个). */
  chinese: boolean;
}

/** Units that measure time or age: such figures are dates, durations or ages. */
export const TIME_UNITS: ReadonlySet<string> = new Set([
  '年',
  '年度',
  '周年',
  '个月',
  '月',
  '月份',
  '日',
  '天',
  '周',
  '小时',
  '个小时',
  '分钟',
  '秒',
  '岁',
  '周岁',
  '季度',
  '个季度',
  '号',
  '时',
  '点',
]);

/** Counting units and measures, as printed after a number. Longest match wins. */
/** Units of physical measure (area, length, weight, volume): a figure in them is a measurement, not a count. */
export const MEASURE_UNITS: ReadonlySet<string> = new Set([
  '平方米',
  '平米',
  '亩',
  '公顷',
  '公里',
  '千米',
  '米',
  '吨',
  '公斤',
  '千克',
  '斤',
  '克',
  '毫升',
  '升',
]);

const COUNT_UNITS = [
  // Blood: whole blood in units, platelets in therapeutic doses (采集全血8.47万单位, 单采血小板1.09万治疗量).
  '单位',
  '治疗量',
  '人次',
  '人份',
  '人日',
  '剂次',
  '例次',
  '台次',
  '户次',
  '车次',
  '班次',
  '架次',
  '家次',
  '个次',
  '件次',
  '所次',
  // Times of any classifier, and bed-days (检测42.6万项次, 占用12.6万床日).
  '项次',
  '床次',
  '份次',
  '村次',
  '校次',
  '站次',
  '辆次',
  '床日',
  '人',
  '名',
  '位',
  '个',
  '家',
  '所',
  '处',
  '座',
  '间',
  '张',
  '床',
  '台',
  '套',
  '件',
  '项',
  '次',
  '场次',
  '场',
  '例',
  '份',
  '支',
  '剂',
  '盒',
  '板',
  '包',
  '桶',
  '袋',
  '箱',
  '瓶',
  '对',
  '户',
  '期',
  '篇',
  '面',
  '批次',
  '批',
  '轮',
  '届',
  '类',
  '种',
  '本',
  '册',
  '条',
  '辆',
  '架',
  '枚',
  '块',
  '组',
  '队',
  // Incidents and cases (事件73起, 案件21宗), lessons and hours (讲座120堂, 培训36课时), works (宣传片3部).
  '起',
  '宗',
  '堂',
  '节',
  '课时',
  '学时',
  '部',
  '首',
  '幅',
  '头',
  '只',
  '株',
  '栋',
  '幢',
  '元',
  ...MEASURE_UNITS,
  '个百分点',
  '百分点',
  '倍',
  '分',
  '%',
  '％',
  '‰',
];

const ALL_UNITS = [...new Set([...COUNT_UNITS, ...TIME_UNITS])].sort((a, b) => b.length - a.length);

/** Longer hedges first: 不超过 is not 超过. */
const PREFIX_HEDGES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['不低于', 'over'],
  ['不少于', 'over'],
  ['不超过', 'under'],
  ['不高于', 'under'],
  ['不多于', 'under'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['近', 'nearly'],
  ['超过', 'over'],
  ['突破', 'over'],
  ['超', 'over'],
  ['逾', 'over'],
  ['大约', 'about'],
  ['约', 'about'],
  ['不足', 'under'],
  ['不到', 'under'],
];
const SUFFIX_HEDGES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['及以上', 'over'],
  ['以上', 'over'],
  ['余', 'over'],
  ['多', 'over'],
  ['以内', 'under'],
  ['以下', 'under'],
  ['左右', 'about'],
];

const DIGIT = '0-9０-９';
const NUMBER = new RegExp(
  `(?<![${DIGIT}.．A-Za-z])(?<![${DIGIT}],)[${DIGIT}]+(?:,[${DIGIT}]{3}(?![${DIGIT}]))*(?:[.．][${DIGIT}]+)?(?![${DIGIT}A-Za-z])(?![.．][${DIGIT}])`,
  'gu',
);
const CHINESE_ROUND = /(?<![一二三四五六七八九十百千万两零〇0-9０-９])([一二三四五六七八九两]?)([十百千万])(余|多)/gu;
/** Chinese digits and their values (两 is 2), for figures and ranks printed in characters. */
export const CHINESE_DIGIT_VALUES: Readonly<Record<string, number>> = {
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
// 十余 has no digit before the place: one ten.
const CHINESE_DIGITS: Readonly<Record<string, number>> = { '': 1, ...CHINESE_DIGIT_VALUES };
const CHINESE_PLACES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const RANGE_MARKS = '~～—–\\-至到';
const SPACE = /^[ \t\u3000]?/u;

/** ASCII digits and point for full-width ones; thousands commas dropped. */
export function toAsciiNumber(digits: string): string {
  return digits
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/gu, '.')
    .replace(/,/gu, '');
}

function scale(magnitude: string): number {
  if (magnitude === '万亿') return 1e12;
  if (magnitude === '亿') return 1e8;
  if (magnitude === '万') return 1e4;
  return 1;
}

/** Multiply without binary noise: 275.3 × 10⁴ is 2753000, not 2752999.9999999995. */
function scaled(number: string, magnitude: string): number {
  const factor = scale(magnitude);
  const decimals = number.includes('.') ? (number.split('.')[1] ?? '').length : 0;
  return Number((Number(number) * factor).toFixed(Math.max(0, decimals - Math.log10(factor))));
}

function startsWithAny<T>(
  text: string,
  options: ReadonlyArray<readonly [string, T]>,
): readonly [string, T] | undefined {
  return options.find(([word]) => text.startsWith(word));
}

function endsWithAny<T>(text: string, options: ReadonlyArray<readonly [string, T]>): readonly [string, T] | undefined {
  return options.find(([word]) => text.endsWith(word));
}

/** Read what follows a number: hedges, magnitude, unit. `at` is just past the number. */
function readTail(text: string, at: number, chinese: boolean) {
  let i = at;
  let qualifier: Qualifier | undefined;
  const take = (re: RegExp): string => {
    const m = re.exec(text.slice(i));
    const got = m?.[0] ?? '';
    i += got.length;
    return got;
  };
  if (!chinese) {
    take(SPACE);
    if (take(/^[余多]/u) !== '') qualifier = 'over';
  }
  const magnitude = chinese ? '' : take(/^(?:万亿|亿|万)/u);
  if (!chinese && take(/^[余多]/u) !== '') qualifier = 'over';
  const beforeUnit = i;
  take(SPACE);
  const rest = text.slice(i);
  // Rates per population: 3.85/10万, 12.5/千 (the denominator is part of the unit).
  const per = chinese ? null : /^[/／](?:10万|十万|1万|万|1000|千|100|百)/u.exec(rest);
  const unit = per?.[0].replace('／', '/') ?? ALL_UNITS.find((u) => rest.startsWith(u)) ?? '';
  if (unit === '') i = beforeUnit;
  else i += unit.length;
  const suffix = startsWithAny(
    text.slice(i),
    SUFFIX_HEDGES.filter(([w]) => w !== '余' && w !== '多'),
  );
  // 以上/以下 after a unit is a hedge; after a bare number it may start a phrase, still a hedge.
  if (suffix !== undefined) {
    qualifier = suffix[1];
    i += suffix[0].length;
  }
  return { end: i, magnitude, unit: unit === '％' ? '%' : unit, qualifier };
}

/**
 * One-character hedges that also end common words: 签约12.5万人 is signed, not "about" (约); 就近120个 is nearby.
 * The character before tells them apart.
 */
const WORD_ENDING_HEDGE: Readonly<Record<string, RegExp>> = {
  约: /[签节预履续解违制公条合邀特简集相赴婚]$/u,
  近: /[就附临最邻贴亲]$/u,
  超: /[赶高]$/u,
};

/** The hedge printed right before a number, unless it is the end of a word. */
function prefixHedge(text: string, numberStart: number): readonly [string, Qualifier] | undefined {
  const hedge = endsWithAny(text.slice(Math.max(0, numberStart - 3), numberStart), PREFIX_HEDGES);
  if (hedge === undefined) return undefined;
  const wordEnd = WORD_ENDING_HEDGE[hedge[0]];
  return wordEnd?.test(text.slice(0, numberStart - hedge[0].length)) === true ? undefined : hedge;
}

/** Both ends of "2~3年", "1—9月", "2019至2020年度": a range mark alone between two figures. */
function markRanges(text: string, figures: Figure[]): void {
  const mark = new RegExp(`^[${RANGE_MARKS}]$`, 'u');
  for (let k = 1; k < figures.length; k++) {
    const a = figures[k - 1] as Figure;
    const b = figures[k] as Figure;
    if (mark.test(text.slice(a.numberEnd, b.start)) || mark.test(text.slice(a.end, b.start))) {
      a.range = true;
      b.range = true;
    }
  }
}

/** Every figure printed in `text`, in reading order. */
export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  let taken = 0; // end of the last figure: a number inside it (the 10万 of 3.85/10万) is not another
  for (const m of text.matchAll(NUMBER)) {
    const numberStart = m.index;
    const numberEnd = numberStart + m[0].length;
    if (numberStart < taken) continue;
    const number = toAsciiNumber(m[0]);
    const tail = readTail(text, numberEnd, false);
    const hedge = prefixHedge(text, numberStart);
    const start = numberStart - (hedge?.[0].length ?? 0);
    const figure: Figure = {
      text: text.slice(start, tail.end),
      start,
      end: tail.end,
      numberStart,
      numberEnd,
      value: scaled(number, tail.magnitude),
      magnitude: tail.magnitude,
      unit: tail.unit,
      range: false,
      chinese: false,
    };
    const qualifier = hedge?.[1] ?? tail.qualifier;
    if (qualifier !== undefined) figure.qualifier = qualifier;
    figures.push(figure);
    taken = tail.end;
  }
  for (const m of text.matchAll(CHINESE_ROUND)) {
    const numberStart = m.index;
    const numberEnd = numberStart + (m[1] ?? '').length + (m[2] ?? '').length;
    const tail = readTail(text, numberEnd + 1, true);
    if (tail.unit === '') continue; // 百余 without a unit is prose, not a figure
    figures.push({
      text: text.slice(numberStart, tail.end),
      start: numberStart,
      end: tail.end,
      numberStart,
      numberEnd,
      value: (CHINESE_DIGITS[m[1] ?? ''] ?? 1) * (CHINESE_PLACES[m[2] ?? ''] ?? 1),
      magnitude: '',
      unit: tail.unit,
      qualifier: 'over',
      range: false,
      chinese: true,
    });
  }
  figures.sort((a, b) => a.start - b.start);
  markRanges(text, figures);
  return figures;
}

/**
 * The value of one printed figure ("275.3万余元" → 2753000, "98.5%" → 98.5,
 * "１．７５亿" → 175000000), or undefined when the text holds no figure or several.
 */
export function figureValue(text: string): number | undefined {
  const figures = findFigures(text.trim());
  return figures.length === 1 ? figures[0]?.value : undefined;
}

/** Same number, allowing for float noise in values read from YAML/JSON. */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Does a figure with this value (and unit, when given) appear in the quote? */
export function quoteHasValue(quote: string, value: number, unit?: string): boolean {
  return findFigures(quote).some((f) => sameValue(f.value, value) && (unit === undefined || f.unit === unit));
}
