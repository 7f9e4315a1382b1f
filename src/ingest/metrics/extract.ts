/**
 * Metric extraction: the chartable figures of an article, each tied to the
 * exact sentence it came from. A pure ingest step: body paragraphs (after OCR
 * repair; headings and captions are not passed) and the article's year and
 * topics in, metrics out — the same text always gives the same metrics and ids.
 *
 * RULES
 * Sentences  src/figures/sentences.ts: split after 。！？!? and ；; (closing quotes stay
 *            with their sentence). `quote` is the trimmed sentence; `figure` is the
 *            figure as printed inside it, hedges included ("275.3万余元", "近80000人").
 *            Each sentence is read once (metrics/parse-sentence.ts: figures and their
 *            exclusions, times, names, ranks, clauses); every step below reads that.
 * Values     src/figures/parse-figures.ts: 万 ×10⁴, 亿 ×10⁸ (1.75亿元 → 175000000);
 *            % and ‰ keep the printed number (98.5%); 万元 is value×10⁴ with unit 元.
 * Units      as printed after the number (人, 人次, 元, %, ‰, 个, 家, 名, 次, 例, 份, 张,
 *            支, 剂, 平方米, 户, 项, 处, 所, 场次, 桶, 包, 对, 件, 盒, 板, 套, 期, 篇, 面 …),
 *            '' when none ("出生人口性别比110.7", "千人托位数4.41").
 * Qualifier  约/大约/左右 about; 余/多/超/超过/逾/突破/以上 over; 近/将近/接近 nearly;
 *            不足/不到/以内/以下 under.
 * Not metrics (src/ingest/metrics/classify.ts):
 *   - dates, years, durations and ages (2020年3月, 2月9日, 28日党员活动日, 24小时,
 *     10个月; 65岁以上 stays inside its label as words) — but a measured age or
 *     duration is one (人均预期寿命达到79.5岁, 平均住院日为8.8日);
 *   - ranges (2~3年, 1~2家, 1—9月) and ordinals (第4, 前3名);
 *   - ranks — judgment call: a figure in a clause that ranks counts competitors,
 *     not results (名列全省第四, 位列5个创建县城首位, 10项指标中2项居全省第一);
 *   - names: a bare number glued to a word (84消毒液, 2型, 20强, 16市, 6大类 — a
 *     bare number is a figure only before punctuation), numbers in short
 *     quotations or 《》 (“1143”, “2名班子成员+3名工作人员”, “3+X”), terms of
 *     expressions and ratios (7×24小时, 医护比1:1.2 — ratios are not read);
 *   - judgment call: the spelled-out parts of a named scheme after 即 (“1143”…即
 *     1个实施方案管总, 1张配档表抓细, 4个工作小组推进, 3项制度保落实) are slogan;
 *   - counts of abstract items in an enumeration (5个方面, 3个推进机制, 4项措施)
 *     and slogans in digits (3个一批);
 *   - the size of the area a result is counted over when the clause gives that
 *     result (全县18个镇区共建…试点6处 → only 6 处);
 *   - list numbering (1、 2. （3）) and phone-like numbers (7+ bare digits, or a
 *     bare number after 电话/热线/号码).
 *   - judgment call: Chinese numerals are not read (两名医生, 三个月, 十届, 三个一批):
 *     newspapers print statistics in digits, numerals are idiom or small counts;
 *     the exception is the round magnitude 百余/千余/万余 + unit (百余个 → over 100).
 *   Counts of honours, sites, teams, meetings and donated goods ARE metrics
 *   (5家卫生院获评…, 口罩200个, 召开专题会议26次), as are targets (省40%的创建目标).
 * Labels     src/ingest/metrics/label.ts (header there): the sentence's own words for
 *            what is measured, before or after the figure; a figure the sentence
 *            does not name is dropped. One figure shared by a list
 *            ("管理率与规则服药率均达100%") gives one metric per item, same figure and
 *            quote; "签约率分别达到100%" gives one.
 * Topic      the topic NAME (not id): the topic with most keyword hits in the label,
 *            then the sentence, then the paragraph; ties to the earlier topic; else
 *            the topic of the previous figure (metrics/topic.ts).
 * Period     metrics/period.ts: the time expression before the figure in its sentence
 *            (else the first after it), else the last one in the ；-chain of
 *            sentences it belongs to, else a year/span that opens the paragraph, else
 *            context.year (the year reported on; a running total with no printed span has
 *            none); 今年 and a date printed without its year are context.year. "2020年1月至11月" → "2020-01/2020-11",
 *            "2016年以来" → "2016/2020", a single day → "2023-03-11".
 * Ids        metrics/id.ts: `<topic-id>-<figure token>` (maternal-child-42337,
 *            health-poverty-275p3wan), -2, -3 … on collision in reading order. Ids
 *            depend on the topic, so retuning taxonomy keywords can rename them.
 */
import type { Metric, MetricKind, MetricStatus } from '../../schemas/metric.ts';
import type { Topic } from '../../schemas/taxonomy.ts';
import type { Figure } from '../../figures/parse-figures.ts';
import type { Exclusion } from './classify.ts';
import { figureToken, uniqueIds } from './id.ts';
import { baseAt, cumulativeAt, kindOf, statusAt } from './kind.ts';
import { labelFigure, wordsAfter } from './label.ts';
import { clauseTopic } from './label-topic.ts';
import { hospitalNamedBefore, refineLabels } from './label-context.ts';
import { ownPlace, placeOfSentence } from './place-subject.ts';
import { periodAt } from './period.ts';
import type { RankFigure } from '../../figures/parse-ranks.ts';
import { parseParagraph, type ParsedSentence } from './parse-sentence.ts';
import { rankLabel } from './rank.ts';
import { actObjects } from './label-frame.ts';
import { fillTopics, topicByKeywords } from './topic.ts';

export interface MetricContext {
  year: number;
  topics: Topic[];
}

/** Where a metric came from, before ids and fallback topics are settled. */
interface Draft {
  figure: Figure;
  label: string;
  quote: string;
  period: string | undefined;
  topic: Topic | undefined;
  kind: MetricKind;
  status: MetricStatus;
  cumulative: boolean;
  span: string | undefined;
  base: string | undefined;
  /** Whose the figure is, from elsewhere in the sentence (label-context.ts): prefixed to the label once its topic is chosen. */
  subject?: string | undefined;
}

/** A rank read as a figure (value = the position), so ids, topics and periods treat it alike. */
function rankFigure(rank: RankFigure): Figure {
  return {
    text: rank.printed,
    start: rank.start,
    end: rank.end,
    numberStart: rank.start,
    numberEnd: rank.end,
    value: rank.value,
    magnitude: '',
    unit: rank.unit,
    ...(rank.qualifier === undefined ? {} : { qualifier: rank.qualifier }),
    range: false,
    chinese: true,
  };
}

const AGE_UNITS = new Set(['岁', '周岁']);

/** Figures that end the words of the figure before them: everything but names and ages. */
function boundsWords(figure: Figure, exclusion: Exclusion | undefined): boolean {
  return exclusion !== 'name' && !AGE_UNITS.has(figure.unit);
}

/**
 * Drafts of one parsed sentence; `inherited` is the period of its ；-chain or paragraph, `carried` the
 * paragraph's last label, `earlier` the paragraph's text before the sentence.
 */
function draftsOfSentence(
  parsed: ParsedSentence,
  paragraph: string,
  inherited: string | undefined,
  year: number,
  topics: readonly Topic[],
  carried: string | undefined,
  earlier: string,
  paragraphTopics: readonly string[],
): Draft[] {
  const { text: sentence, figures, exclusions, metrics, times } = parsed;
  const quote = sentence.trim();
  const drafts: Draft[] = [];
  let previousBase: string | undefined;
  let previousLabel: string | undefined;
  let pending: string[] = []; // labels handed on by "分别" to the figures listed next
  const clauseOf = (at: number): number => parsed.clauses.findIndex((c) => at >= c.start && at <= c.end);
  metrics.forEach((figure, k) => {
    const previous = metrics[k - 1];
    const next = metrics[k + 1];
    const stopAfter = (from: number): number =>
      figures.find((f, j) => f.start >= from && boundsWords(f, exclusions[j]))?.start ?? sentence.length;
    const rightBound = stopAfter(figure.end);
    // The next metric's words matter only when it continues this clause or list item.
    const nextWords =
      next !== undefined && clauseOf(figure.end) === clauseOf(next.start)
        ? wordsAfter(sentence, next.end, stopAfter(next.end))
        : undefined;
    const labelled = labelFigure({
      sentence,
      figure,
      leftBound: previous?.end ?? 0,
      afterRecipients:
        previous !== undefined &&
        ['人', '名', '位'].includes(previous.unit) &&
        /(?:为|给|对|向)(?:全县|全区|全市|全镇|辖区)?$/u.test(sentence.slice(0, previous.start)) &&
        !/[，,；;。：:]/u.test(sentence.slice(previous.end, figure.start)),
      rightBound,
      ...(nextWords === undefined ? {} : { nextWords }),
      ...(previousBase === undefined ? {} : { previousBase }),
      ...(previousLabel === undefined ? {} : { previousLabel }),
    });
    const listed = previous !== undefined && /^[、，,和及与]$/u.test(sentence.slice(previous.end, figure.start));
    const handed = listed ? pending.shift() : undefined;
    if (!listed) pending = [];
    if (labelled.respectively !== undefined && respectivelyFits(sentence, metrics, k, labelled.respectively.length)) {
      const [own, ...rest] = labelled.respectively;
      labelled.labels = own === undefined ? labelled.labels : [own];
      pending = rest;
    }
    if (handed !== undefined) labelled.labels = [handed];
    if (labelled.labels.length === 0) return;
    previousBase = labelled.base;
    previousLabel = labelled.labels[0];
    const status = statusAt(sentence, figure);
    const running = cumulativeAt(sentence, figure, times, year);
    // A running total with no printed span has no period of its own; any other figure whose text names no
    // time belongs to the year the article reports on (RUBRIC.md).
    const period =
      running.cumulative && running.span === undefined
        ? undefined
        : (periodAt(times, figure.start, inherited, sentence) ?? String(year));
    for (const label of labelled.labels) {
      // topic, base and kind are settled once the sentence's labels are final (below).
      drafts.push({
        figure,
        label,
        quote,
        period,
        topic: undefined,
        kind: 'count',
        status,
        cumulative: running.cumulative,
        span: running.span,
        base: undefined,
      });
    }
  });
  refineLabels(sentence, drafts, carried, earlier, { clauses: parsed.clauses, paragraph: paragraphTopics });
  for (const draft of drafts) {
    draft.topic = topicByKeywords(topics, [draft.label, sentence, paragraph]);
    draft.base = baseAt(sentence, draft.figure, draft.label);
    draft.kind = kindOf(draft.figure, draft.base);
    if (draft.subject !== undefined) draft.label = draft.subject + draft.label;
  }
  // "…该院位列全省第五名": the hospital the sentence before named.
  const hospital = parsed.ranks.length > 0 ? hospitalNamedBefore(earlier, sentence) : undefined;
  for (const rank of parsed.ranks) {
    const before = drafts.filter((d) => d.figure.start < rank.start).pop();
    const ranked = rankLabel(sentence, rank, before?.label);
    const label =
      hospital !== undefined && ranked.startsWith(hospital.bare)
        ? hospital.named + ranked.slice(hospital.bare.length)
        : ranked;
    if (!/\p{Script=Han}{2}/u.test(label.replace(/(?:排名|届数|年数|次数)$/u, ''))) continue;
    drafts.push({
      figure: rankFigure(rank),
      label,
      quote,
      period: periodAt(times, rank.start, inherited) ?? String(year),
      topic: topicByKeywords(topics, [label, sentence, paragraph]),
      kind: rank.kind,
      status: statusAt(sentence, rank),
      cumulative: false,
      span: undefined,
      base: rank.base,
    });
  }
  // "开展宫颈癌、乳腺癌筛查，筛查任务完成率居全市首位": a rank of a bare act names the act's object too.
  actObjects(
    sentence,
    drafts.filter((d) => d.kind === 'rank'),
    earlier,
  );
  return drafts.sort((a, b) => a.figure.start - b.figure.start);
}

/** "分别达到4个、17个和101个": are there as many figures listed from k as items named? */
function respectivelyFits(sentence: string, metrics: readonly Figure[], k: number, items: number): boolean {
  for (let j = k + 1; j < k + items; j++) {
    const a = metrics[j - 1];
    const b = metrics[j];
    if (a === undefined || b === undefined || !/^[、，,和及与]$/u.test(sentence.slice(a.end, b.start))) return false;
  }
  return true;
}

/** Post titles: "书记1人、副书记1人" appoints officeholders, it does not count anything. */
const POST = /(?:书记|主任|局长|院长|组长|处长|科长|所长|站长|部长|主席|会长|队长)$/u;

/**
 * Drafts that are not statistics after all: a single officeholder (1人 after a
 * post title), and a figure restated in the same paragraph (same value, unit
 * and label as an earlier one: "成立机关4个支部……分配到4个支部").
 */
function keepDraft(draft: Draft, earlier: readonly Draft[]): boolean {
  if (draft.figure.value === 1 && /^[人名]$/u.test(draft.figure.unit) && POST.test(draft.label)) return false;
  // The restatement may name less ("机关4个支部" … "4个支部"): a label the earlier one ends with.
  return !earlier.some(
    (d) =>
      d.figure.value === draft.figure.value && d.figure.unit === draft.figure.unit && d.label.endsWith(draft.label),
  );
}

function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) grams.add(text.slice(i, i + 2));
  return grams;
}

/**
 * Restatements across the article: a rank printed again for the same subject (the
 * statement with its field — 在全省52个现场考核县区中 — is kept), and a bare N万 count
 * printed again ("64万市民群众" … "64万商河人": the population named twice).
 */
function dropRestatements(drafts: readonly Draft[]): Draft[] {
  return drafts.filter((d, k) => {
    return !drafts.some((o, j) => {
      if (j === k || o.figure.value !== d.figure.value || o.figure.unit !== d.figure.unit) return false;
      if (d.kind === 'rank' && o.kind === 'rank' && o.figure.text === d.figure.text) {
        const subject = (label: string): Set<string> => bigrams(label.replace(/(?:全国|全省|全市)?排名$/u, ''));
        const shared = [...subject(d.label)].filter((g) => subject(o.label).has(g)).length;
        const longer =
          (o.base ?? '').length > (d.base ?? '').length || ((o.base ?? '').length === (d.base ?? '').length && j < k);
        return shared >= 2 && longer;
      }
      return d.figure.unit === '' && d.figure.magnitude !== '' && o.figure.text === d.figure.text && j < k;
    });
  });
}
export function extractMetrics(paragraphs: readonly string[], context: MetricContext): Metric[] {
  const drafts: Draft[] = [];
  const own = ownPlace(paragraphs);
  for (const paragraph of paragraphs) {
    const parsed = parseParagraph(paragraph, context.year);
    let place: string | undefined;
    let chain: string | undefined;
    let earlier = '';
    const inParagraph: Draft[] = [];
    // Sentences that give no figure may name the topic of the figures after them (label-topic.ts).
    const paragraphTopics: string[] = [];
    for (const sentence of parsed.sentences) {
      const found = draftsOfSentence(
        sentence,
        paragraph,
        chain ?? parsed.lead,
        context.year,
        context.topics,
        inParagraph[inParagraph.length - 1]?.label,
        earlier,
        paragraphTopics,
      );
      earlier += sentence.text;
      // A county's paragraph in a city's article: its figures are the county's (place-subject.ts).
      place = placeOfSentence(sentence.text, place, own);
      if (place !== undefined)
        for (const draft of found) if (!draft.label.includes(place)) draft.label = place + draft.label;
      // Only a one-clause sentence without figures states a topic ("家庭医生签约服务扎实推进。"); longer ones narrate.
      const clause = sentence.clauses.length === 1 ? sentence.clauses[0] : undefined;
      paragraphTopics.push(
        clause === undefined || sentence.metrics.length > 0 || sentence.ranks.length > 0
          ? ''
          : clauseTopic(sentence.text.slice(clause.start, clause.end)),
      );
      for (const draft of found) if (keepDraft(draft, inParagraph)) inParagraph.push(draft);
      // A ；-chain shares its last time expression with the items after it; a full stop ends it.
      const last = sentence.times.filter((t) => !t.day).pop()?.period;
      chain = sentence.endsStatement ? undefined : (last ?? chain);
    }
    drafts.push(...inParagraph);
  }
  const kept = distinctLabels(dropRestatements(drafts));
  const topics = fillTopics(
    kept.map((d) => d.topic),
    context.topics,
  );
  const ids = uniqueIds(kept.map((d, k) => `${(topics[k] as Topic).id}-${idToken(d)}`));
  return kept.map((d, k): Metric => {
    const metric: Metric = {
      id: ids[k] as string,
      value: d.figure.value,
      unit: d.figure.unit,
      label: d.label,
      topic: (topics[k] as Topic).name,
      quote: d.quote,
      printed: d.figure.text,
      kind: d.kind,
    };
    if (d.period !== undefined) metric.period = d.period;
    if (d.figure.qualifier !== undefined) metric.qualifier = d.figure.qualifier;
    if (d.status !== 'actual') metric.status = d.status;
    if (d.cumulative) metric.cumulative = true;
    if (d.span !== undefined) metric.span = d.span;
    if (d.base !== undefined) metric.base = d.base;
    return metric;
  });
}

/**
 * The content check refuses two figures with one label in one period. The label rules
 * (metrics/label-context.ts) should leave none; should they fail, a later figure's label
 * says what it counts by its unit (人数, 户数 …), else which statement it is, for an editor to fix.
 */
function distinctLabels(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  for (const draft of drafts) {
    const key = (label: string): string => `${label}\u0000${draft.period ?? ''}`;
    if (seen.has(key(draft.label))) {
      const unit = draft.figure.unit;
      const noun = unit === '' || /^[%‰]$/u.test(unit) ? '' : ['人', '名', '位'].includes(unit) ? '人数' : `${unit}数`;
      const byUnit = noun === '' || draft.label.endsWith(noun) ? undefined : `${draft.label}${noun}`;
      let label = byUnit !== undefined && !seen.has(key(byUnit)) ? byUnit : draft.label;
      for (let n = 2; seen.has(key(label)); n++) label = `${draft.label}（${n}）`;
      draft.label = label;
    }
    seen.add(key(draft.label));
  }
  return drafts;
}

/** A rank's id says so (rank4, streak10); other figures spell their number (metrics/id.ts). */
function idToken(draft: Draft): string {
  return draft.kind === 'rank' || draft.kind === 'streak'
    ? `${draft.kind}${draft.figure.value}`
    : figureToken(draft.figure);
}
