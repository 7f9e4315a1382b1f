/**
 * Labels for ranks and streaks (src/figures/parse-ranks.ts finds them): what is ranked, and among what.
 */
import type { RankFigure } from '../../figures/parse-ranks.ts';
import { ASSESSMENT_END } from './label-frame.ts';

const CLAUSE_END = /[，,；;。！？!?：:]/u;
const QUOTES = /[“”"'‘’「」『』《》\s]/gu;
/** Subjects that name an activity, not a measure: the rank's label adds the subject's measure word. */
const MEASURED = /(?:考核|得分|评分|评估|率|情况|数量|工作|成绩|指标|水平|排名)$/u;
const GENERIC = /^(?:完成情况|工作|成绩|排名|情况)$/u;
/** A change of a measure (…较上年提高): the measure is what a rank after it ranks. */
const CHANGE = /(?:较上年|比上年|同比|较去年|较\d{4}年)?(?:提高|提升|增长|上升|下降|增加|减少)$/u;
const LEAD = /^(?:确保|实现|推动|推进|其中|并|且|还|也|均|都|已|在|全市|全省|全县|全区)+/u;
const AWARD = /(?:获评|荣获|获得|入选|人选|评为|被评为)([^，,；;。！？]+)/gu;
const YEAR = /\d{4}年度?/gu;
/** A place or a bureau: ranked by the assessment it took part in, not as itself. */
const PLACE_OR_BUREAU = /^(?:\p{Script=Han}{1,6}[县市区]|\p{Script=Han}{0,4}(?:卫健局|卫健委|卫生健康局|卫生健康委))$/u;
/** An assessment, not a group of peers: 绩效考核, 专科能力评估, 擂台赛. */
const ASSESSMENT = new RegExp(`${ASSESSMENT_END}$`, 'u');
/** A scope opening a name or a frame (全省…考核): the rank's own scope says it once. */
const SCOPE_PREFIX = /^(?:全国|全省|全市|全区|全县|山东省)/u;
/** A place's score or result with no assessment named (淄泉县综合得分). */
const PLACE_SCORE_PLACE = /^\p{Script=Han}{1,6}[县市区](?=\p{Script=Han}{2})/u;
const PLACE_SCORE = /^(?:\p{Script=Han}{1,6}[县市区])?(?:综合)?(?:得分|成绩|分数|总分|评分)$/u;

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
  const fromPrevious = subject === '' && previousLabel !== undefined;
  if (subject === '' && previousLabel !== undefined) subject = previousLabel;
  // "…占基层总诊疗量的31.7%，这一比例居全省第三": the figure before is what is ranked.
  // "低风险组病例死亡率降至0.021%，该项指标位列全省第三": 该/此 point back the same way.
  if (/^(?:这|该|此)[一项]?(?:项)?(?:比例|指标|数据|数字|比重)$/u.test(subject) && previousLabel !== undefined)
    subject = previousLabel;
  // "新增市级临床重点专科4个，数量居全市首位": the number of what the figure before counts.
  // "建成…41家，占…的93%，创建数量居全市第二": past a share of it, to the count itself.
  if (/^\p{Script=Han}{0,4}数量$/u.test(subject) && previousLabel !== undefined) {
    const counted = previousLabel
      .replace(/占\p{Script=Han}*$/u, '')
      .replace(/数量$/u, '')
      .replace(/^其中/u, '');
    const verb = subject.slice(0, -2);
    // "其中4个入选…案例，入选数量居全市首位": the count already says 入选.
    // "其中12处已通过省级验收，验收通过数量居全市首位": the count says the verb, in any order.
    if (
      verb !== '' &&
      (counted.includes(verb) || counted.includes(verb.slice(0, 2)) || counted.includes(verb.slice(-2)))
    )
      subject = `${counted}数量`;
    else if (!counted.startsWith(subject)) subject = `${counted}${subject}`;
  }
  if (GENERIC.test(subject)) subject = sentenceTopic(sentence.slice(0, from)) + subject;
  // "在册患者管理率97.8%，规范服药率、面访率等主要指标均位列全市第二": the indicators of the group measured before.
  if (/等(?:主要|各项|多项)?指标均?$/u.test(subject) && previousLabel !== undefined)
    subject = `${previousLabel.replace(/\p{Script=Han}{2}率$/u, '')}主要指标`;
  // "在全省卫生健康数字化转型评估中，汶北区位列全省第三": a place or a bureau is ranked by the assessment it was in.
  const assessment = /在(?:全国|全省|全市|山东省)?(?:\d{4}年度?)?(\p{Script=Han}{4,20}?)中/u.exec(
    sentence.slice(0, rank.verbStart).replace(QUOTES, ''),
  )?.[1];
  if (PLACE_OR_BUREAU.test(subject) && assessment) subject = assessment;
  // "在…医共体建设评价中，淄泉县综合得分92.6分，位列全省第五": the place's score in that assessment.
  else if (assessment && PLACE_SCORE.test(subject) && !subject.includes(assessment))
    subject = assessment.replace(SCOPE_PREFIX, '') + subject.replace(PLACE_SCORE_PLACE, '');
  // "在全省三级公立医院绩效考核中，该院位列全省第五名": a hospital's rank is its own, in that assessment.
  else if (/^(?:该院|该中心|本院|\p{Script=Han}{2,10}(?:医院|卫生院|保健院))$/u.test(subject) && assessment)
    subject += assessment;
  // "泓泽县以全省第三、全市首位的成绩通过省级…示范区复审": a place is ranked by what it passed with that result.
  const achieved = /^[^，,；;。]*?的(?:成绩|排名|名次|位次)(?:通过|获得|荣获|获评|完成)?([^，,；;。]{2,24})/u.exec(
    sentence.slice(rank.end),
  )?.[1];
  if (
    achieved !== undefined &&
    /^以/u.test(sentence.slice(rank.verbStart)) &&
    (PLACE_OR_BUREAU.test(subject) || subject === '')
  )
    return `${clean(achieved)}${scope}排名`;
  const field = rank.base !== undefined && rank.base !== scope ? rank.base : '';
  // "签约服务满意度在全省第三方评估中位列第二名": a measure ranked in an assessment is that measure's rank, in its scope.
  if (field !== '' && /度$/u.test(subject) && /在[^，,；;。]*中/u.test(sentence.slice(from, rank.start)))
    return `${subject}${scope || (/^(?:全国|全省|全市|全区|全县)/u.exec(field)?.[0] ?? '')}排名`;
  // "区中医医院治未病科在全省同级医院专科能力评估中位列第三", "病例组合指数在全市同级医院中位列第二": what
  // stands before 在 is what is ranked, in that assessment or among those peers.
  const framed = /^([^，,；;。]*?)在([^，,；;。]*)中/u.exec(sentence.slice(from, rank.start));
  const own = clean(framed?.[1] ?? '');
  const frame = clean(framed?.[2] ?? '').replace(SCOPE_PREFIX, '');
  if (
    framed !== null &&
    own.length >= 2 &&
    !PLACE_OR_BUREAU.test(own) &&
    !/^(?:该|本|其)/u.test(own) &&
    (ASSESSMENT.test(frame) || !MEASURED.test(own))
  ) {
    const among = ASSESSMENT.test(frame) ? frame : field.replace(SCOPE_PREFIX, '');
    return `${own}${among}${scope || (SCOPE_PREFIX.exec(field)?.[0] ?? '')}排名`;
  }
  if (field !== '' && !MEASURED.test(subject) && /在[^，,；;。]*中/u.test(sentence.slice(from, rank.start))) {
    // "居民健康素养水平达到31.6%，较上年提高3.2个百分点，在全省县区中位列第三": the measure before is what is ranked.
    const measure = previousLabel?.replace(CHANGE, '');
    return measure !== undefined && MEASURED.test(measure) ? `${measure}${field}排名` : `${field}排名`;
  }
  // "每10万人口配置数居全省县级市第三": ranked among the scope's peers, not the whole scope.
  const among =
    scope !== '' && rank.base?.startsWith(scope) === true && rank.printed.startsWith(rank.base) ? rank.base : scope;
  // "就诊率达到91.2%，较2019年提高6.5个百分点，居全市第二位": the measure is ranked, not its change.
  return `${fromPrevious ? subject.replace(CHANGE, '') : subject}${among}排名`;
}

function clauseEndAt(sentence: string, at: number): number {
  let i = at;
  while (i < sentence.length && !CLAUSE_END.test(sentence[i] as string)) i++;
  return i;
}
