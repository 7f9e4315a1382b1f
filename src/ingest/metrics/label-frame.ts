/**
 * Frames a figure's label leaves unsaid, named once elsewhere in its sentence or the one before, each rule a small
 * pass over the sentence's labels after the rules of label-context.ts:
 *   act objects     接种人数 → HPV疫苗接种人数 (the vaccine or disease the act was done with);
 *   assessments     淄泉县综合得分 → …医共体建设评价综合得分 (the 在…中 frame a score sits in);
 *   money           县财政投入资金 → 宫颈癌、乳腺癌筛查县财政投入资金 (what it paid for, or what its whole was for);
 *   referents       平台接入医疗机构 → …共享平台接入医疗机构 (the name 平台, 该系统 stand for);
 *   act rates       收运处置率 → 医疗废物收运处置率 (what an earlier count did the act to);
 *   counted doers   诊疗人次 → 乡镇卫生院诊疗人次 (institutions counted at the clause's start);
 *   disease rates   检测覆盖率 → 艾滋病检测覆盖率 (the disease named before).
 *
 * An act counted without what it was done with: "为初二女生免费接种HPV疫苗，目前已接种1.06万人，首针接种率…"
 * labels its figures 接种人数 and 首针接种率, which leave unsaid which vaccine; the sentence (or the one before it)
 * names the act with its object once, and every bare mention of that act takes it (HPV疫苗接种人数,
 * HPV疫苗首针接种率). Only acts whose object is a thing (a vaccine, a disease screened for) are completed: the
 * people they were done for are another figure's subject, not this one's object.
 */
import { cleanText } from './label.ts';
import type { SentenceLabel } from './label-context.ts';
import { RATE_ACTIONS_ONLY } from './label-topic.ts';

/** Acts that need their object to say what was counted, with the head their object ends on. */
const ACT_OBJECT: Record<string, RegExp> = {
  接种: /(?:疫苗|苗)$/u,
  筛查: /(?:癌|病|症|缺陷|障碍|听力|视力|风险)$/u,
  检查: /(?:癌|病|症|缺陷)$/u,
};
/** How an act was done: these stand between the object and the act (HPV疫苗 + 首针接种率). */
const MANNER = '(?:全程|首针|首剂|免费|规范|及时|加强针|第[一二三]剂|完成)*';
/** What may follow the act in a bare label: a unit noun, a rate, a task's completion. */
const BARE_TAIL = /^(?:人数|人次|剂次|例数|次数|率|任务完成率|覆盖率)?(?:全[省市国县区]排名)?$/u;

/**
 * The name ending on the object's head at the end of `words`: a quoted name (“两癌”), a name with its Latin letters
 * (HPV疫苗), or a 、-list of names (宫颈癌、乳腺癌), from the last verb or function word on.
 */
function nameAtEnd(words: string, head: RegExp): string | undefined {
  const quoted = /[“"]([^”"]{1,10})[”"]$/u.exec(words)?.[1];
  if (quoted !== undefined) return quoted;
  // The words after the last verb or function word: "确定两癌", "免费开展宫颈癌、乳腺癌", "县里将HPV疫苗".
  const run = /[\p{Script=Han}A-Za-z0-9、]*$/u.exec(words)?.[0] ?? '';
  const cut = Math.max(...[...run.matchAll(NAME_BOUNDARY)].map((m) => m.index + m[0].length), 0);
  let name = run.slice(cut).replace(/^、+/u, '');
  // "适龄女生HPV疫苗": a name with Latin letters starts at them.
  const latin = /[A-Za-z0-9]+\p{Script=Han}*$/u.exec(name)?.[0];
  if (latin !== undefined && head.test(latin)) name = latin;
  return name.length >= 2 && name.length <= 12 && head.test(name) ? name : undefined;
}

/** Verbs and function words an object's name never runs across. */
const NAME_BOUNDARY =
  /(?:开展|实施|推动|启动|推进|进行|提供|确定|完成|免费|组织|落实|将|把|为|对|在|的|了|和|与|及|给|向|中|里)/gu;

function objectOf(text: string, act: string, head: RegExp): string | undefined {
  let found: string | undefined;
  // "接种HPV疫苗", "开展宫颈癌、乳腺癌筛查", "HPV疫苗免费接种项目": after the act or just before it.
  const after = new RegExp(`${act}([\\p{Script=Han}A-Za-z0-9、]{2,12}?)(?=[，,。；;（(]|的|服务|工作|项目|$)`, 'gu');
  for (const m of text.matchAll(after)) if (head.test(m[1] ?? '')) found = m[1];
  const before = new RegExp(`${MANNER}${act}`, 'gu');
  for (const m of text.matchAll(before)) found = nameAtEnd(text.slice(0, m.index), head) ?? found;
  return found;
}

/** The last sentence of the paragraph's text before this one, without its closing mark. */
function sentenceBefore(earlier: string): string {
  return /[^。！？!?]*$/u.exec(earlier.replace(/[。！？!?]\s*$/u, ''))?.[0] ?? '';
}

/** Gives a bare act (接种人数, 首针接种率, 筛查任务完成率) the object the sentence or the one before names with it. */
export function actObjects(sentence: string, items: SentenceLabel[], earlier: string): void {
  const lastSentence = sentenceBefore(earlier);
  for (const item of items) {
    for (const [act, head] of Object.entries(ACT_OBJECT)) {
      const at = item.label.indexOf(act);
      if (at < 0 || !BARE_TAIL.test(item.label.slice(at + act.length))) continue;
      const manner = new RegExp(`${MANNER}$`, 'u').exec(item.label.slice(0, at))?.[0] ?? '';
      const start = at - manner.length;
      // The label names its object already ("宫颈癌筛查人数").
      if (head.test(item.label.slice(0, start))) continue;
      const object = objectOf(sentence.slice(0, item.figure.start), act, head) ?? objectOf(lastSentence, act, head);
      if (object === undefined || item.label.includes(object)) continue;
      item.label = item.label.slice(0, start) + object + item.label.slice(start);
    }
  }
}

/** How an assessment's name ends, not a group of peers': 绩效考核, 专科能力评估, 擂台赛 (also metrics/rank.ts). */
export const ASSESSMENT_END = '(?:考核|评估|评价|评比|考评|评审|督查|检查|竞赛|比赛|擂台赛|大赛)';
/** An assessment named as the frame of what follows: "在2023年度全省紧密型县域医共体建设评价中，…". */
const ASSESSMENT_FRAME = new RegExp(
  `在(?:全国|全省|全市|全区|全县|山东省)?(?:\\d{4}年度?)?(?:全国|全省|全市|全区|全县)?([\\p{Script=Han}A-Za-z]{2,20}?${ASSESSMENT_END})中`,
  'u',
);
/** A score with no assessment named, perhaps after the place that earned it (淄泉县综合得分). */
const BARE_SCORE = /^(?:\p{Script=Han}{1,6}[县市区])?((?:综合)?(?:得分|成绩|分数|总分|评分))$/u;

/** "在…医共体建设评价中，淄泉县综合得分92.6分": the score is the assessment's (…医共体建设评价综合得分). */
export function assessmentScores(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    const score = BARE_SCORE.exec(item.label)?.[1];
    const assessment = ASSESSMENT_FRAME.exec(sentence.slice(0, item.figure.start).replace(/[“”"《》]/gu, ''))?.[1];
    if (score !== undefined && assessment !== undefined) item.label = assessment + score;
  }
}

/** Money named by its kind alone, perhaps with who gave it: 县财政投入资金, 专项资金, 投资. */
const BARE_MONEY =
  /^(?<payer>[\p{Script=Han}、]{0,8}?(?:投入|安排|拨付|下达|争取|筹集|落实)|(?:中央|省|市|县|区|镇)级?(?:财政)?)?(?<kind>(?:专项|财政|配套|补助)?(?:资金|经费|投资|补助资金)|(?<=财政)投入|(?:计划|预计)投资)$/u;
/** Verbs of doing that open what money was spent on, after the people it served. */
const DOING = /(?:免费)?(?:开展|提供|进行|实施)/u;

/**
 * "县财政投入资金386万元，为2.75万名适龄妇女免费开展宫颈癌、乳腺癌筛查": money printed by its kind alone is
 * named by what the next clause says it paid for (宫颈癌、乳腺癌筛查县财政投入资金), as 用于 does (metrics/label.ts).
 */
export function moneyPurposes(sentence: string, items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    const money = item.figure.unit === '元' ? BARE_MONEY.exec(item.label) : null;
    if (money === null) return;
    // "投入智慧医院建设资金2.37亿元，其中市财政专项资金6800万元": a part of money is for what the whole was for.
    const whole = items[k - 1];
    const purposeOfWhole =
      whole !== undefined &&
      whole.figure.unit === '元' &&
      /^[，,]其中/u.test(sentence.slice(whole.figure.end, item.figure.start - item.label.length))
        ? whole.label
            .replace(/^(?:累计)?(?:投入|安排|争取|拨付|筹集)/u, '')
            .replace(/(?:专项)?(?:资金|经费|投资)$/u, '')
        : '';
    if (purposeOfWhole.length >= 2 && !BARE_MONEY.test(whole?.label ?? '')) {
      item.label = purposeOfWhole + item.label;
      return;
    }
    const after = sentence.slice(item.figure.end);
    // "计划投资3600万元新建、改造村卫生室120个", "投入1860万元，对87个村卫生室实施标准化改造": what it builds or does.
    const built = /^((?:新建|改造|改扩建|扩建|建设|新建、改造)[^，,。；;！？!?\d]{2,12})/u.exec(after)?.[1];
    const done =
      /^[，,]对\d*[个家所处]?([^，,。；;！？!?\d]{2,10}?)(?:实施|开展|进行)([^，,。；;！？!?\d]{2,8})[，,。；;]/u.exec(
        after,
      );
    const object = built ?? (done === null ? undefined : `${done[1] ?? ''}${done[2] ?? ''}`);
    if (object !== undefined && !/(?:床位|人次|[个家所处]$)/u.test(object)) {
      item.label = object + item.label;
      return;
    }
    const next = /^[，,](?:为|帮助)([^，,。；;！？!?]+)/u.exec(after)?.[1];
    if (next === undefined) return;
    // The people it served are counted apart; what was done for them names the money.
    const doing = DOING.exec(next);
    const purpose = (/\d/u.test(next) ? (doing === null ? '' : next.slice(doing.index + doing[0].length)) : next)
      .replace(/[“”"《》（）()]/gu, '')
      .replace(/^(?:免费)/u, '');
    if (purpose.length < 3 || purpose.length > 16 || /\d名|\d人/u.test(purpose)) return;
    const named = purpose + item.label;
    item.label = named.length <= 24 ? named : purpose + (money.groups?.kind ?? '');
  });
}

/** Words that stand for something named before them: "建成…共享平台，目前平台接入医疗机构287家". */
const REFERENT = /^(?:目前|现)?(?:该|此|这一?)?(平台|系统|热线|专班|工程|基地)(?=\p{Script=Han}{2})/u;
/** Where a name stops, reading back from its head: a verb that made it, 的, or a clause's start. */
const REFERENT_BOUNDARY = /(?:建成|建设|建立|打造|搭建|上线|开通|启用|推出|依托|通过|利用|的|将|把|为|在)/gu;

/** A label opening on 平台 or 该系统 takes the name its sentence (or the one before) gave that platform or system. */
export function referents(sentence: string, items: SentenceLabel[], earlier: string): void {
  const lastSentence = sentenceBefore(earlier);
  for (const item of items) {
    const ref = REFERENT.exec(item.label);
    const word = ref?.[1];
    if (ref === null || word === undefined) continue;
    const text = `${lastSentence}。${sentence.slice(0, item.figure.start)}`.replace(/[“”"《》]/gu, '');
    let name: string | undefined;
    for (const m of text.matchAll(new RegExp(`[\\p{Script=Han}A-Za-z0-9、]{2,24}${word}`, 'gu'))) {
      const run = m[0];
      const cut = Math.max(...[...run.matchAll(REFERENT_BOUNDARY)].map((b) => b.index + b[0].length), 0);
      const candidate = run.slice(cut);
      // The referent itself (目前平台) names nothing.
      if (candidate.length > word.length + 1 && candidate.length <= 18 && !REFERENT.test(`${candidate}接入`))
        name = candidate;
    }
    if (name !== undefined) item.label = name + item.label.slice(ref[0].length);
  }
}

/** What follows an act in a count's label and is no part of its object: 配送药品金额 → 药品. */
const UNIT_NOUN = /(?:金额|总额|人数|人次|数量|例数|次数|户数|吨数)$/u;

/**
 * "全年集中收运处置医疗废物1146.5吨，…，收运处置率达到100%": a rate named by its act alone is the rate of that act
 * done to what an earlier figure of the sentence counted (医疗废物收运处置率, 药品配送到位率).
 */
export function actRatesFromCounts(items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    const act = /^(\p{Script=Han}{2,4})率$/u.exec(item.label)?.[1];
    // A subject found for it already opens the label later (metrics/extract.ts).
    if (act === undefined || item.figure.unit !== '%' || !RATE_ACTIONS_ONLY.test(act) || item.subject !== undefined)
      return;
    const verb = act.slice(0, 2);
    for (const earlier of items.slice(0, k).reverse()) {
      const at = earlier.label.indexOf(verb);
      if (at < 0 || earlier.figure.unit === '%') continue;
      const done = act.startsWith(earlier.label.slice(at, at + act.length)) ? act.length : verb.length;
      const object = earlier.label.slice(at + done).replace(UNIT_NOUN, '');
      if (object.length >= 2 && !object.includes(act)) item.label = `${object}${act}率`;
      return;
    }
  });
}

/** Institutions counted: what they do next in the same clause is theirs. */
const INSTITUTION = /(?:医院|卫生院|保健院|中心|卫生室|卫生站|服务站|机构)$/u;

/**
 * "全县14处乡镇卫生院全年完成诊疗86.3万人次": a count of institutions opening a clause is the subject of the figure the
 * clause goes on to give (乡镇卫生院诊疗人次), and no figure's label carries the count itself ("14处乡镇卫生院…").
 */
export function countedDoers(sentence: string, items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    item.label = item.label.replace(/^[0-9.]+(?:处|家|个|所)(?=\p{Script=Han}{2})/u, '');
    const doers = items[k - 1];
    if (doers === undefined || !/^(?:处|家|个|所)$/u.test(doers.figure.unit) || !INSTITUTION.test(doers.label)) return;
    const between = sentence.slice(doers.figure.end, item.figure.start);
    if (/[，,；;。、和及与]/u.test(between) || !cleanText(between).startsWith(doers.label)) return;
    if (!item.label.includes(doers.label)) item.label = doers.label + item.label;
  });
}

/** A disease by name: 艾滋病, 肺结核, 手足口病, 宫颈癌 (not 病人, 病例, 病原学, 病毒, 病床). */
const DISEASE =
  /(?:艾滋病|肺结核|结核病|手足口病|乙肝|丙肝|梅毒|狂犬病|流感|高血压|\p{Script=Han}{2}(?:病|癌|炎))(?![人例原床房区员毒种变理])/gu;
/** Measures of a disease: its incidence, tests, treatment, cases found. */
const DISEASE_MEASURE = /(?:发病|患病|检测|治疗|阳性|治愈|病死|检出)\p{Script=Han}{0,4}率/u;
/** A label naming whose measure it is already: a group of people or patients. */
const NAMES_GROUP = /(?:患者|孕产妇|儿童|老年人|妇女|学生|居民|人群|感染者|病人)/u;

function lastDisease(text: string): string | undefined {
  return [...text.matchAll(DISEASE)].map((m) => m[0]).pop();
}

/**
 * "全年开展艾滋病病毒抗体检测68.4万人次，检测覆盖率达到…": a rate of a disease's measure printed without the disease
 * is of the disease the figure before it (or the sentence, or the one before) names (艾滋病检测覆盖率).
 */
export function diseaseRates(sentence: string, items: SentenceLabel[], earlier: string): void {
  const lastSentence = sentenceBefore(earlier);
  items.forEach((item, k) => {
    if (
      !DISEASE_MEASURE.test(item.label) ||
      lastDisease(item.label) !== undefined ||
      NAMES_GROUP.test(item.label) ||
      item.subject !== undefined
    )
      return;
    const disease =
      items
        .slice(0, k)
        .map((other) => lastDisease(other.label))
        .filter((d) => d !== undefined)
        .pop() ??
      lastDisease(cleanText(sentence.slice(0, item.figure.start))) ??
      lastDisease(cleanText(lastSentence));
    if (disease !== undefined && disease.length >= 2) item.label = disease + item.label;
  });
}
