/**
 * The topic a bare label belongs to. Chinese news runs clauses on under one topic (话题)
 * and names it once: "严重精神障碍患者管理工作成效明显。全县在册患者2156人，规范管理率达到92.1%"
 * — 在册患者 and 规范管理率 are the 严重精神障碍患者's. A label is BARE when its words
 * cannot stand alone (RUBRIC.md, "names what is counted, of what"):
 *   rate       an action's rate or a rating with no named subject: 规范管理率, 处置率, 群众满意度;
 *   dependent  a generic head with at most a verb or status before it: 采集样本, 受益群众,
 *              在册患者, 拨付资金, 举办讲座, 全程接种人数 (the whose is missing);
 *   attribute  a part or share of the thing counted just before it: 床位, 建筑面积, 占比, 占总人口.
 * The topic is, nearest first: for an attribute, the figure before it in the sentence; the
 * object (after 开展/推进/新建…) or subject (before 稳步推进/成效明显…) of an earlier clause
 * of the sentence; the same of the sentence just before, or of the paragraph's opening sentence,
 * when that is one clause with no figure ("家庭医生签约服务扎实推进。").
 * A quoted name inside the topic is its short form (“健康大讲堂”进社区活动 → 健康大讲堂).
 * Clauses of manner or basis (按照…, 根据…, 聚焦…) name no topic.
 */
import { cleanText, stripFillers } from './label.ts';

export type BareKind = 'rate' | 'dependent' | 'attribute';

/** Adverbs and status words that may stand before a rate's action without naming a subject. */
const RATE_MANNER = '(?:规范|全程|按时|及时|有效|成功|系统|健康|总体|综合|群众|居民|患者|社会|服务)?';
/** Actions a rate measures: their rate needs whose action it is. */
const RATE_ACTION =
  '(?:管理|服药|处置|处理|筛查|覆盖|签约|续签|接种|完成|完结|办结|建成|治愈|控制|知晓|达标|随访|检出|使用|参保|救治|抢救成功|报告|到位|落实|满意|回访|治疗|检测|检查|监测|体检|评估|验收|培训|合格|整改|检验|预约|配送|收运|转运|清运|收集|回收)';
/** What may follow an act in a topic without being its object: a unit noun, a rate, a count. */
const OBJECT_END = /^(?:人数|人次|例数|次数|率|量|数|工作|服务|任务|情况)$/u;
/** A manner word before a rate's action: it says how, not whose. */
export const RATE_MANNER_WORD = new RegExp(`^${RATE_MANNER}$`, 'u');
/** An action whose rate needs whose action it is (管理, 签约 …); 婚检 names its object itself. */
export const RATE_ACTION_WORD = new RegExp(`^${RATE_ACTION}$`, 'u');
/** One or two actions and nothing else (收运处置, 配送到位): a rate of them names no subject. */
export const RATE_ACTIONS_ONLY = new RegExp(`^${RATE_ACTION}{1,2}$`, 'u');
const BARE_RATE = new RegExp(`^${RATE_MANNER}${RATE_ACTION}{1,2}(?:率|度)$`, 'u');
/** Heads that say what kind of thing, not whose: they need the topic. */
const DEPENDENT_HEAD = '(?:样本|群众|居民|患者|人员|讲座|资金|经费|课程|活动|病例)';
const DEPENDENT = new RegExp(`^\\p{Script=Han}{0,2}${DEPENDENT_HEAD}(?:人数|人次|次数|场次|金额)?$`, 'u');
/** Activities printed without their object (whose 接种?); only a manner word may stand before one: 产前筛查 names its object. */
const ACTIVITY =
  /^(?:全程|免费|规范|首次|累计|及时)?(?:接种|筛查|检测|监测|体检|随访|培训|救治|采样)(?:人数|人次|次数|剂次|例数)?$/u;
/** A verb of providing before an attribute (设置床位) adds nothing once its owner is named. */
const ATTRIBUTE = /^(?:设置|开设|新增)?(?:占比|床位|床位数|建筑面积|占地面积|面积|职工|职工人数)$/u;

/** A share whose subject is left unsaid: "…15.3万人，占总人口的24.6%". */
const SHARE = /^占\p{Script=Han}{1,8}$/u;

export function bareKind(label: string): BareKind | undefined {
  if (ATTRIBUTE.test(label) || SHARE.test(label)) return 'attribute';
  if (BARE_RATE.test(label)) return 'rate';
  if (DEPENDENT.test(label) || ACTIVITY.test(label)) return 'dependent';
  return undefined;
}

/** Clauses of basis, purpose or manner: "按照健康扶贫有关政策要求", "聚焦群众看病就医难点". */
const ADVERBIAL =
  /^(?:按照|根据|依据|依照|围绕|为了|为|随着|通过|聚焦|针对|立足|紧扣|对照|坚持|结合|本着|在\p{Script=Han}{0,12}(?:下|中|期间))/u;
/** Manner words before a verb, and the verbs whose object is the topic. */
const MANNER =
  /^(?:积极|扎实|持续|稳步|有序|全面|深入|不断|大力|着力|进一步|切实|认真|组织|全力|统筹|率先|在全\p{Script=Han}|在\p{Script=Han}{1,6}(?:范围内|辖区))+/u;
const TOPIC_VERB =
  /^(?:组织开展|开展|推进|推行|实施|新建|启动|落实|加强|做好|实行|推广|打造|改造|扩建|迁建|创建|部署)/u;
/** A predicate of progress after a subject: "家庭医生签约服务扎实推进", "…管理工作成效明显". */
const PROGRESS =
  /(?:工作)?(?:(?:扎实|有序|稳步|持续|不断|全面|深入|进一步|顺利|加快)(?:推进|开展|提升|提高|健全|加强|增强|完善|发力|普及|实施)|成效(?:明显|显著|突出)|取得(?:明显|显著|积极)?成效)$/u;
const AGENT =
  /^[\p{Script=Han}0-9]{0,10}?(?:卫健局|卫计局|卫生健康局|卫健委|卫生健康委|医院|卫生院|保健院|疾控中心|服务中心|急救中心)(?:党组|党委|党总支)?(?=开展|推进|推行|实施|新建|启动|落实|加强|做好|实行|推广|打造|改造|扩建|迁建|创建|部署|组织开展)/u;
/** Words that make a phrase a predicate or a fragment, not a noun phrase. */
const NOT_A_NOUN = /^[的和及与为是被把将在从到对向给由]|[了着过]|的$|(?:作为|成为|实现|完成|举行|召开)/u;

/**
 * The topic named by a clause without figures, or by the words after a clause's last figure:
 * the object of a verb of doing that opens it (开展X, 推进X, 新建X), or the subject of a
 * predicate of progress that closes it (X扎实推进, X成效明显).
 */
export function clauseTopic(raw: string): string {
  if (ADVERBIAL.test(raw.trim())) return '';
  const quoted = /[“"「『]([^”"」』“]{2,10})[”"」』]/u.exec(raw)?.[1];
  // An agent before the verb (区中医院新建…, 县妇幼保健院开展…) does it; the topic is what it does it to.
  const words = stripFillers(cleanText(raw)).words.replace(AGENT, '').replace(MANNER, '');
  const verb = TOPIC_VERB.exec(words)?.[0];
  const progress = PROGRESS.exec(words);
  let topic: string;
  if (verb !== undefined) topic = words.slice(verb.length);
  else if (progress !== null) topic = words.slice(0, progress.index);
  else return '';
  topic = topic.replace(/(?:工作|活动|行动|工程|水平|能力)$/u, '');
  if (quoted !== undefined && topic.includes(cleanText(quoted))) return cleanText(quoted);
  if (NOT_A_NOUN.test(topic)) return '';
  return /^(?=.*\p{Script=Han}{2})[\p{Script=Han}0-9A-Za-z]{2,14}$/u.test(topic) ? topic : '';
}

const PERSON_END = /(?:患者|老人|老年人|儿童|妇女|孕产妇|群众|居民|人口|人群|家庭|学生|职工)$/u;

/**
 * Topic and bare label as one phrase: the label's words already in the topic are said
 * once, the topic giving what comes before them (65岁以上老年人健康管理 + 健康管理率 → 65岁以上老年人健康管理率; 严重精神障碍患者管理 +
 * 规范管理率 → 严重精神障碍患者规范管理率); a rate of people is theirs, not their programme's
 * (严重精神障碍患者管理 + 服药率 → 严重精神障碍患者服药率).
 */
export function attachTopic(topic: string, bare: string, kind: BareKind): string {
  let label = bare;
  if (topic === '' || label.includes(topic)) return label;
  if (kind === 'attribute') label = label.replace(/^(?:设置|开设|新增)/u, '');
  // 60岁以上老年人 + 占总人口 → 60岁以上老年人占总人口比例.
  if (SHARE.test(label)) return `${topic}${label}${/[比重例]$/u.test(label) ? '' : '比例'}`;
  for (let n = Math.min(label.length, topic.length); n >= 2; n--) {
    for (let i = 0; i + n <= label.length; i++) {
      const word = label.slice(i, i + n);
      // The topic up to the shared word, then the whole label: its modifiers stay (在册患者 → 严重精神障碍在册患者).
      const at = topic.lastIndexOf(word);
      // "集中转运医疗废物" + 转运率: a rate of an act is of what the act was done to (医疗废物转运率).
      const object = topic.slice(at + word.length);
      if (at >= 0 && kind === 'rate' && RATE_ACTION_WORD.test(word) && object.length >= 2 && !OBJECT_END.test(object))
        return object + label;
      if (at >= 0) return topic.slice(0, at) + label;
    }
  }
  if (kind === 'rate') {
    const people =
      /^(.*?(?:患者|老人|老年人|儿童|妇女|孕产妇|群众|居民|人口|人群|家庭|学生|职工))\p{Script=Han}{2,4}$/u.exec(
        topic,
      )?.[1];
    if (people !== undefined && PERSON_END.test(people) && !/^(?:群众|居民|患者)/u.test(label)) return people + label;
  }
  return topic + label;
}
