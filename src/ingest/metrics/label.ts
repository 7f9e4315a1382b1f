/**
 * Labels: what a figure measures, in the sentence's own words, short enough
 * for a chart axis.
 *
 * Chinese puts the measured thing on either side of a figure:
 *   before  "服务城乡居家老年人7296人" "满意度达98.5%" "减免总费用275.3万余元"
 *   after   "3个隔离病区改造完成" "1972名医师" "2万余人的固定献血者队伍"
 * Rates, money and bare numbers (%, ‰, 元, no unit) take the words before them;
 * counts (个, 名, 家 …) take the noun after them when there is one ("N个X"),
 * else the words before ("X N个"). Around that:
 *   - filler is dropped: leading time/scope/connective words (2020年, 今年,
 *     全县, 其中, 累计, 预计 — but 预计总投资 names its own quantity…), trailing verbs of being (达到, 为, 分别达到, 均为, 共…),
 *     years inside the words, and a construction verb with what precedes it
 *     (建成/组建/发放/完成…: "发放奖励扶助资金" → "奖励扶助资金"); 每千人口/人均 stay;
 *   - after a count the noun stops at its predicate (获评, 参与, 在, 为…) or at 的,
 *     keeping a short predicate when the noun alone says little (镇街进入创建程序);
 *     "N人组成的X" and "N人的X" name X; a bracketed aside is never the label;
 *   - "为N名X进行/提供/开展/发放Y" → "X Y人数" (为71533名65岁及以上老年人进行免费健康查体
 *     → 65岁及以上老年人免费健康查体人数);
 *   - "X与Y均达N" / "X、Y均为N" → one label per listed item (several metrics);
 *     "X、Y和Z分别达到N1、N2和N3" / "X和Y分别增长N1和N2" → one item per figure;
 *     "签约率分别达到100%" after several groups → one metric, "签约率";
 *   - "N个国家级、M个省级X" → 国家级X, 省级X;
 *   - "X由N1提高到N2", "X从2019年的N1提高到…" → X for both; "比去年增加N" → the
 *     previous figure's label + 比去年增加; "X占N%" → X占比;
 *   - a label that is only a generic word (金额, 得分…) takes the head of the
 *     previous label in the sentence (健康扶贫帮扶 + 金额), else of the clause before;
 *     a figure after a bare 达到/和 takes the previous label (…提高3.2个百分点，达到98%);
 *   - a figure standing alone ("16057剂，这是…配送中药预防方剂的数量") takes the
 *     phrase before 的数量/的人数/的金额 in its sentence;
 *   - the unit's noun is added where the words name an activity, not a thing:
 *     人/名 → 人数 (乳腺癌筛查人数), 人次 → 人次, 次 → 次数, 元 → 金额.
 * A figure whose sentence gives no words for it gets no label and is not a metric.
 */
import type { Figure } from '../../figures/parse-figures.ts';
import { CLAUSE_END } from './classify.ts';

const QUOTES = /[“”"'‘’「」『』《》]/gu;
const PARENS = /[（(][^（()）]*[)）]/gu;

const TIME_PHRASE =
  '全年度?(?!任务|目标|资金|计划)|\\d{4}年(?:度)?(?:\\d{1,2}月(?:份)?(?:\\d{1,2}[日号])?)?(?:以来|底|末)?|\\d{1,2}月(?:份|底|末)?|(?:今年|去年|当年|本年度?)(?:以来)?|截[至止]目前|目前|截[至止][^，,]*?[底末]|前[一二三]季度|[上下]半年|年[底末初]|年内|近年来|近期|至今';
const LEADING = new RegExp(
  `^(?:${TIME_PHRASE}|的|到|预计(?!总?投资|总?建筑面积)|辖区|区内|县内|市内|全县|全市|全区|全省|全国|我国|全镇|全院|全系统|该院|本院|我们|我县|我市|我区|我院|该县|该市|该区|其中|另外|此外|同时|并且|并|还|又|各(?:级)?\\p{Script=Han}{0,4}?(?:医疗机构|机构|医院|单位|部门|卫生院|科室)|已经|已|对|为|给|向|把|将|由|共计|共有|总计|合计|累计|共(?![建享同产])|现有|拥有|有(?![效关力序益机的])|全部|多层级|全方位)`,
  'u',
);
// A one-character filler that ends a word (签约, 报到, 成为, 拥有) is part of that word.
const TRAILING =
  /(?:(?:缩短|延长|扩展|扩大|压缩|拓展|扩充|延伸|降低|减至)(?:至|到)|的|始终|一直|将达到|将会|分别达到|分别达|分别为|均达到|均达|均为|都达到|都达|都为|都是|达到了|达到|已达|高达|多达|约为|控制在|保持在|稳定在|下降到|下降至|上升到|上升至|减少到|减少至|增长到|降至|降到|提高到|提高至|提升到|提升至|增加到|增至|达至|共计|共有|总计|合计|累计|突破|超过|分别|(?<![送到抵传下直表发])达|(?<![成作认称行])为|是|(?<![拥具现享占持所])有|共|(?<![签节预履续解违制公条合邀特简集相赴婚])约|占|(?<![截甚乃直])至|(?<![报送收来得遇达做迟受])到|逾|已|均|都|将|了)$/u;
/** Verbs whose object is the counted thing: the label starts after them. */
const LEAD_VERBS =
  /(?:供应|配送|共建|建成|新建|组建|成立|培育|打造|创建|出台|召开|举办|设立|配齐|配备|开设|拥有|现有|完成|开展|进行|确定|带去|发放|解决|形成|提供了|提供|抽调|选派|邀请|登记|建立|建设|投入)/gu;
/**
 * Lead verbs that say which of the nouns are counted, not that they exist: 新建标准化村卫生室37个 counts the new
 * ones, 选派专家46名 the experts sent. They stay in the label; 建成/拥有/组建… only say the thing is there.
 */
const SELECTING_VERB = /^(?:新建|选派|抽调|邀请|带去|解决|供应|配送)$/u;
/** Words that end a noun phrase after a figure: what follows is the predicate. */
const PREDICATE =
  /(?:全年|今年|年内|上半年|参与|参加|参会|组成|组建|相约|常驻|成立|驰援|赴|前往|奔赴|进入|获评|荣获|获批|获得|获授|入选|人选|纳入|纳人|提供|进行|开展|发放|实现|成为|正在|全部|共同|深入|全面|积极|认真|顺利|扎实|合理|统一|及时|集中|取得|分配|被|在(?!线)|(?<![行作认成转])为|已|均|获|中(?=深入|开展|全面|广泛|积极|推行|实施|组织))/u;
/** Predicates that say which of the counted nouns are meant: awarded, selected, sent, taking part. */
const OUTCOME = /^(?:在\p{Script=Han}{1,8}中获奖|获评|荣获|获批|入选|人选|驰援|常驻|参与|参加|参会|进入|纳入)/u;
/** Words that join the counted noun to something else: the label always stops there. */
const JOINER = /(?<!参)(?:与|跟|从|向)/u;
/** Words before 投入 that are not who paid: 累计, 共, 全年 (fillers stripped already), 争取. */
const OTHER_PAYER = /(?:争取|累计|共|计划|预计)$/u;
/** A group's name up to its head, when more words follow it: 市级质控专家库, 稀有血型献血者应急队伍. */
const GROUP_HEAD =
  /^\p{Script=Han}{2,16}?(?:队伍|团队|专家库|人才库|专家组|工作组|小组|专班|服务队|志愿队|小分队|分队|医疗队|突击队|宣讲团)(?=\p{Script=Han}{2})/u;
/** Verbs of a service given to people: "为N名X进行Y". */
const SERVICE = /(?:提供了|提供|进行|开展|发放|实施|送去|供应|配送|安装|配备|配发)/u;
const GENERIC =
  /^(?:金额|总金额|费用|总费用|资金|数量|人数|总数|总量|比例|比率|总额|合计|总计|成绩|得分|分数|结果|任务|全年任务|年度任务|目标|目标值|全年目标)$/u;
/** A change named without its subject: "同比增长12.5%" after "门诊量32.1万人次". */
const GROWTH =
  /^(?:相比|同比|环比|比上年|较上年|比去年|较去年|比[0-9]{4}年|较[0-9]{4}年)?(?:增长|下降|增加|减少|提高|降低|上升)(?![到至])/u;
const PERSON_END = /(?:[人者员士师生儿女妇将工民口户属长群众庭家医护童手伍库象族友干部子才]|书记)$/u;
const MONEY_END = /(?:费|用|金|额|款|资|入|元|贴|助|本|值|价|酬|准)$/u;
const MAX_PHRASE = 20;

/** Drop quotes, parentheticals and spaces: labels are plain words. */
export function cleanText(text: string): string {
  return (
    text
      // 执业（助理）医师 is one term: its brackets are kept, as printed.
      .replace(/[（(]助理[)）]/gu, '\u0000')
      .replace(PARENS, '')
      .replace(/[（()）]/gu, '')
      .replace(QUOTES, '')
      .replace(/[\s\u3000]+/gu, '')
      .replace(/^[、，,]+|[、，,]+$/gu, '')
      .replace(/\u0000/gu, '（助理）')
  );
}

/** Remove filler at both ends; returns the words and what was stripped from the end. */
export function stripFillers(text: string): { words: string; trailing: string } {
  let words = text;
  let trailing = '';
  for (let changed = true; changed;) {
    changed = false;
    const lead = LEADING.exec(words);
    if (lead !== null && lead[0].length > 0 && lead[0].length < words.length) {
      words = words.slice(lead[0].length);
      changed = true;
    }
    const trail = TRAILING.exec(words);
    if (trail !== null && trail[0].length < words.length) {
      trailing = trail[0] + trailing;
      words = words.slice(0, -trail[0].length);
      changed = true;
    }
  }
  // 共 as an adverb inside ("健康扶贫共帮扶"), not in 公共/共建/共享…
  words = words.replace(/(?<![公总一社医])共(?![建享同产青识性济赢治体])/gu, '');
  return { words: words.replace(/^[、，,]+|[、，,]+$/gu, ''), trailing };
}

/**
 * Text after the last construction verb, when enough is left to name something; with `keepSelecting`, a verb that
 * says which of the nouns are counted (新建) stays (a figure's own words; an owner's name never keeps it).
 */
export function afterLeadVerb(text: string, keepSelecting = false): string {
  // "重点任务涉及聊城": the measured thing is before 涉及/包括/覆盖.
  const scope = /(?:涉及|包括|覆盖)(?![率面])/u.exec(text);
  // "家庭医生签约服务覆盖重点人群": the people covered are what is counted.
  const covered = scope !== null && scope[0] === '覆盖' && PERSON_END.test(text.slice(scope.index + 2));
  let words = scope !== null && scope.index >= 2 && !covered ? text.slice(0, scope.index) : text;
  // "…策划包装了总建筑面积": the object of a finished action.
  const le = words.lastIndexOf('了');
  if (le >= 0 && words.length - le - 1 >= 2) words = words.slice(le + 1);
  // Verbs may overlap (共建成 holds 共建 and 建成): every position is tried, the latest end wins.
  let cut = -1;
  const verb = new RegExp(LEAD_VERBS.source, 'uy');
  for (let at = 0; at < words.length; at++) {
    verb.lastIndex = at;
    const m = verb.exec(words);
    if (m === null) continue;
    const rest = words.slice(at + m[0].length);
    // "新建、改建急救站点": a verb listed with another is part of one act, not a lead to cut.
    if (rest.startsWith('、')) continue;
    // "登记管理高血压患者": registered for care is one act, not a registration to cut.
    if (m[0] === '登记' && rest.startsWith('管理')) continue;
    // "执业登记等审批事项", "新院区建设等项目": a verb before 等 is inside the list the noun heads;
    // "基础设施建设资金", "医共体建设专项资金": a verb before a bare 资金 or 项目 is part of what the money is for.
    // "卫生健康基础设施建设完成投资": the 建设 of something is what the money was spent on, not a verb to cut at.
    if (/^(?:完成)?投资$/u.test(rest) && (m[0] === '建设' || /建设$/u.test(words.slice(0, at)))) continue;
    if (m[0] === '建设' && /^(?:专项|配套|补助)(?:资金|经费)$/u.test(rest)) continue;
    if (rest.length >= 2 && !/^[率数量度等]/u.test(rest) && !/^(?:资金|项目|工程)$/u.test(rest))
      // "新组建…中心11个", "新设立…": a verb of building made new (新 before it) counts the new ones.
      cut = Math.max(
        cut,
        keepSelecting && (SELECTING_VERB.test(m[0]) || /[新再]/u.test(words[at - 1] ?? ''))
          ? at - (/[新再]/u.test(words[at - 1] ?? '') ? 1 : 0)
          : at + m[0].length,
      );
  }
  return cut < 0 ? words : words.slice(cut);
}

function firstMatch(text: string, re: RegExp, from: number): number {
  const m = new RegExp(re.source, 'gu');
  m.lastIndex = from;
  const found = m.exec(text);
  return found === null ? -1 : found.index;
}

/** What a figure counts once it has become Y: "N家卫生院入选…标准卫生院" → the Y (a kind of X). */
const AWARDED = /^(?:获评|荣获|入选|人选|获批)(?:为)?(\p{Script=Han}{2,20})$/u;
/** People sent to form a group are its members: "抽调N名骨干力量组建…专班" → …专班成员. */
const FORMED = /^(?:成立|组建|组成)(\p{Script=Han}{2,16})$/u;
/** An award given in the clause after the counted noun: "N家医院，被…评定为“Y”". */
const AWARDED_NEXT =
  /^[，,](?:并|均|都|已)?被?[^，,。；;！？!?]{0,12}?(?:评定为|评为|命名为|认定为|确定为)([^，,。；;！？!?]{2,24})/u;
const PLACE_END = /(?:省|市|县|区|镇|乡|村|街道|街|国)$/u;

/**
 * The modifier printed right before a counted figure ("成立机关4个支部" → 机关): two to
 * four characters of a noun, not a place (its scope), a time, or a verb.
 */
function modifierBefore(before: string): string {
  const words = afterLeadVerb(before);
  if (!/^\p{Script=Han}{2,4}$/u.test(words) || PLACE_END.test(words) || /[了的等和及与着]$/u.test(words)) return '';
  if (new RegExp(LEAD_VERBS.source, 'u').test(words) || PREDICATE.test(words)) return '';
  return new RegExp(`^(?:${TIME_PHRASE})`, 'u').test(words) || LEADING.test(words) ? '' : words;
}

/** Heads that name no subject on their own: "238个问题" says nothing of which problems. */
const GENERIC_HEAD = /^(?:问题|任务|事项|项目|案件)$/u;

/** The fuller naming of a bare head earlier in the sentence: "开展看病就医不够便利问题专项整治" → 看病就医不够便利问题. */
function namedBefore(sentence: string, end: number, head: string): string {
  const text = cleanText(sentence.slice(0, end));
  const at = text.lastIndexOf(head);
  if (at < 0) return '';
  const run = /\p{Script=Han}*$/u.exec(text.slice(0, at))?.[0] ?? '';
  const words = stripFillers(afterLeadVerb(run, true)).words;
  return words.length >= 2 && words.length + head.length <= MAX_PHRASE ? words + head : '';
}

/** Label from the words after a counted figure ("N个X…"). */
function afterLabel(after: string, before: string, rawBefore: string, people = false, modifier = ''): string {
  // "由26家区直部门负责人为成员的医养结合工作领导小组": the departments are the group's members.
  const members = /^(\p{Script=Han}{2,10}?)(?:主要)?(?:负责人)?为成员的(\p{Script=Han}{2,16})$/u.exec(after);
  if (members !== null) return `${members[2]}成员${members[1]}`;
  // "提供为期三个月的专科护理轮训": how long it lasts is not what it is.
  let a = (after.startsWith('的') ? after.slice(1) : after).replace(/为期\p{Script=Han}{1,6}的/u, '');
  const de = a.indexOf('的');
  const afterDe = de > 0 ? a.slice(de + 1) : '';
  if (de > 0) {
    // "N个享有脱贫政策的贫困户" counts the people after 的; "N名白衣战士驰援武汉的大义担当" the noun before.
    // "N万市民群众的健康守门人": the noun before 的 already names people, so it is what is counted.
    const countsAfter = /[户者员民众人]$/u.test(afterDe) && !/[户者员民众人]$/u.test(a.slice(0, de));
    a = countsAfter && a.length <= MAX_PHRASE ? a : a.slice(0, de);
  }
  if (/(?:为|对|给|向)(?:全县|全市|全区|全省|各)?$/u.test(rawBefore)) {
    const s = firstMatch(a, SERVICE, 2);
    if (s > 0) {
      const verb = SERVICE.exec(a.slice(s))?.[0] ?? '';
      const x = a.slice(0, s);
      // "为N名X发放Y资金": the people counted are X receiving Y (X Y人数), the money is counted apart.
      const y = a.slice(s + verb.length).replace(verb === '发放' ? /(?:资金|金)$/u : /服务$/u, '');
      // "向53家医疗机构供应血液成分": institutions counted are those served, not what they were given.
      // Couples and households served (3215对计划怀孕夫妇) received it.
      if (!people && y.length >= 2 && (verb + y + x).length < MAX_PHRASE)
        return PERSON_END.test(x) ? `接受${y}的${x}` : `${/^(?:进行|实施|开展)$/u.test(verb) ? '' : verb}${y}的${x}`;
      return (x + y).length <= MAX_PHRASE ? x + y : x;
    }
  }
  if (/从[^中]*$/u.test(rawBefore)) {
    const z = a.indexOf('中');
    if (z > 0) a = a.slice(0, z);
  }
  const j = firstMatch(a, JOINER, 2);
  if (j > 0) a = a.slice(0, j);
  // "全县12处镇卫生院中，…": the set the clause is about, not "镇卫生院中".
  if (after.indexOf('的') < 0) a = a.replace(/(?<=[院室站所村镇户员者人心馆队])中$/u, '');
  a = a.replace(/[和及或、]$/u, '');
  if (a === '') return '';
  const p = firstMatch(a, PREDICATE, 0);
  if (p === 0) {
    // "10人组成的疫情防控工作队": the figure sizes what follows 的; in people, it counts the members.
    // "…组成的市级质控专家库按季度开展巡查": the group ends at its head; what it does is no part of its name.
    if (afterDe !== '')
      return stripFillers(GROUP_HEAD.exec(afterDe)?.[0] ?? afterDe).words + (people && /^组成/u.test(a) ? '成员' : '');
    // "1人获评…", "5次在全市…会议上发言": the figure counts the predicate itself.
    const pred = stripFillers(a.replace(/^在/u, '')).words;
    return before === '' ? pred : before + pred;
  }
  const q = firstMatch(a, PREDICATE, 2);
  if (q > 0) {
    // "7家定点医院分病种组建…": institutions end at their head noun; 分病种 is how they act.
    const noun = a
      .slice(0, q)
      .replace(
        /^(.+?(?:医院|卫生院|保健院|中心|机构|单位|学校|企业|卫生室))(?:分|各|均|共|统一|逐)\p{Script=Han}{0,4}$/u,
        '$1',
      );
    const group = FORMED.exec(a.slice(q))?.[1];
    if (people && group !== undefined) return `${group}成员`;
    // "由21个市直部门组成的医养结合工作领导小组": the departments are the group's members.
    if (a.slice(q) === '组成' && afterDe !== '')
      return `${stripFillers(GROUP_HEAD.exec(afterDe)?.[0] ?? afterDe).words}${people ? '' : '成员'}${noun}`;
    // "4个推荐项目在省级决赛中获奖", "3名白衣战士驰援武汉": an outcome says which of the nouns are counted;
    // too long for a chart, the award alone names them when it is a kind of the noun (…入选…种植基地).
    const outcome = OUTCOME.test(a.slice(q)) && a.length <= 16;
    // "12处镇街卫生院全部建成国医馆": what all of them did is what the count is of.
    const all = /^(?:全部|均已?|都已?)(\p{Script=Han}{3,10})$/u.exec(a.slice(q))?.[1];
    if (all !== undefined && noun.length + all.length <= MAX_PHRASE) return noun + all;
    // "132家医疗机构已接入…平台": the institutions counted are those that joined it.
    const joined = /^已(?:经)?((?:接入|纳入|加入|通过|开通|达到)\p{Script=Han}{2,12})$/u.exec(a.slice(q))?.[1];
    if (joined !== undefined && noun.length + joined.length + 1 <= MAX_PHRASE) return `${joined}的${noun}`;
    const award = AWARDED.exec(a.slice(q))?.[1];
    if (!outcome && award !== undefined && award.endsWith(noun.slice(-2))) return award;
    if (modifier !== '' && noun.length <= 3) return modifier + noun;
    // "1260名党员中深入开展…活动": the people among whom it was done are what is counted.
    if (a[q] === '中') return noun;
    // A bare head noun (镇街, 卫生院, 案例) says little: keep its predicate when short.
    return (noun.length <= 3 || outcome) && a.length <= MAX_PHRASE ? a : noun;
  }
  return a;
}

function withUnitNoun(label: string, unit: string): string {
  const base = label;
  // "卫生技术人员比上年增加83.0万人": a change is named by its verb, no unit noun.
  if (/(?:增加|增长|减少|下降|提高|降低|上升)$/u.test(base)) return base;
  switch (unit) {
    case '人':
    case '名':
    case '位': {
      // "近80000人核酸检测任务" → 核酸检测人数
      const work = base.replace(/(?:任务|工作)$/u, '');
      return PERSON_END.test(base) || /[数次]$/u.test(base) ? base : `${work}人数`;
    }
    case '人次':
      return /(?:人次|人数|量)$/u.test(base) ? base : `${base}人次`;
    case '次':
      return /[次数量]$/u.test(base) ? base : `${base}次数`;
    case '元':
      return MONEY_END.test(base) ? base : `${base}金额`;
    case '户':
      return /[户数]$/u.test(base) ? base : `${base}户数`;
    // "派出救护车2.17万车次" → 派出救护车车次: the unit says what is counted, trips not ambulances.
    case '车次':
    case '班次':
    case '架次':
    case '家次':
    case '件次':
    case '所次':
    case '户次':
      return /[次数量]$/u.test(base) ? base : `${base}${unit}`;
    case '例':
      return /(?:[例数件]|病例|案)$/u.test(base) ? base : `${base}例数`;
    default:
      return base;
  }
}

export interface LabelRequest {
  sentence: string;
  figure: Figure;
  /** Words before the figure start after this offset (end of the previous metric figure). */
  leftBound: number;
  /** Words after the figure stop here (the next metric or time figure). */
  rightBound: number;
  /** The figure before counts the people a service is for ("为N名X…"): the words before this one open with them. */
  afterRecipients?: boolean;
  /** Words after the next metric figure, when it follows in the same clause: "N个国家级、M个省级X", "13支371人的X". */
  nextWords?: string;
  /** The previous label of the sentence without its unit noun, for generic labels. */
  previousBase?: string;
  /** The previous label of the sentence as given (无偿献血人次): what a change printed alone changes. */
  previousLabel?: string;
}

export interface Labelled {
  /** Chart labels; several when one figure is shared ("A与B均达100%"). */
  labels: string[];
  /** Label before the unit noun was added: what a following 金额 attaches to. */
  base: string;
  /**
   * "省级、市级和区级示范标准化村卫生室分别达到4个、17个和101个": one label per
   * listed item, for this figure and the ones listed after it (unit noun added).
   */
  respectively?: string[];
}

function hardLeft(sentence: string, at: number): number {
  let i = at;
  while (i > 0 && !CLAUSE_END.test(sentence[i - 1] as string)) i--;
  return i;
}

function hardRight(sentence: string, at: number): number {
  let i = at;
  while (i < sentence.length && !CLAUSE_END.test(sentence[i] as string) && sentence[i] !== '、') i++;
  return i;
}

/** Words after a figure up to the next boundary, cleaned. */
export function wordsAfter(sentence: string, from: number, bound: number): string {
  // A bracketed aside inside the words ("残疾人（含儿童）发放…") is dropped; a bracket left
  // open before the bound starts an aside, and the figure's words stop there.
  const text = sentence.slice(from, Math.min(hardRight(sentence, from), bound)).replace(PARENS, '');
  const aside = text.search(/[（(]/u);
  return cleanText(aside >= 0 ? text.slice(0, aside) : text);
}

/** Words between `from` and a figure, starting inside an aside the figure is in: "（其中财政资金8000万元）". */
function wordsBefore(sentence: string, from: number, to: number): string {
  const text = sentence.slice(from, to);
  const open = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
  const close = Math.max(text.lastIndexOf('）'), text.lastIndexOf(')'));
  return cleanText(open > close ? text.slice(open + 1) : text);
}

/** The head of the clause before `at`: "…组织的卫生城市复审现场评估，成绩为78.8%" → 卫生城市复审现场评估. */
function previousClauseHead(sentence: string, at: number): string {
  const start = hardLeft(sentence, at);
  if (start === 0) return '';
  const clause = cleanText(sentence.slice(hardLeft(sentence, start - 1), start - 1)).replace(TIME_ANYWHERE, '');
  const head = stripFillers(afterLeadVerb(clause.slice(clause.lastIndexOf('的') + 1))).words;
  return head.length >= 2 && head.length <= 12 && !/\d/u.test(head) ? head : '';
}

/** The phrase naming a lone figure elsewhere in its sentence: "…配送中药预防方剂的数量". */
function namedElsewhere(sentence: string, from: number): string {
  const m = /([^，,。；;！？!?]{2,}?)的(数量|人数|总数|总量|金额|次数|规模)/u.exec(sentence.slice(from));
  if (m === null) return '';
  return stripFillers(cleanText((m[1] ?? '').replace(/^这是/u, ''))).words + (m[2] ?? '');
}

/** Split "A、B和C" into its items; bare modifiers (省级) take the last item's head noun. */
function listItems(subject: string): string[] {
  const parts = subject
    // 及 and 与 inside a word (及时率, 参与) join nothing.
    .split(/、|和|及(?![时早])|(?<!参)与/u)
    .map((p) => stripFillers(p).words)
    .filter((p) => p !== '');
  const last = parts[parts.length - 1] ?? '';
  const modifier = /^\p{Script=Han}{1,3}级/u.exec(last);
  const head = modifier === null ? '' : last.slice(modifier[0].length);
  // "新生儿、婴儿和5岁以下儿童死亡率": short items share the last item's rate.
  const rate = /\p{Script=Han}{0,2}率$/u.exec(last)?.[0];
  const people = PEOPLE.exec(last);
  const peopleHead =
    people !== null && people.index > 0 && last.length - people.index > people[0].length
      ? last.slice(people.index)
      : '';
  // "区人民医院、区中医医院门诊量": institutions listed share the measure printed after the last of them.
  const measured = /^(.+?(?:医院|卫生院|保健院|中心))(\p{Script=Han}{2,})$/u.exec(last)?.[2];
  // "适龄妇女宫颈癌和乳腺癌筛查": the people before the first item and the act after the last are every item's.
  const act = /(?:筛查|检查|检测|接种|体检|随访|救治|治疗)$/u.exec(last)?.[0];
  const lead = /^\p{Script=Han}{0,4}(?:妇女|儿童|老人|老年人|居民|学生|女孩|新生儿|孕产妇)(?=\p{Script=Han}{2})/u.exec(
    parts[0] ?? '',
  )?.[0];
  return parts.map((p, k) => {
    if (measured !== undefined && p !== last && /(?:医院|卫生院|保健院|中心)$/u.test(p)) return p + measured;
    if (act !== undefined && parts.length === 2 && p !== last && !p.endsWith(act) && p.length <= 8) return p + act;
    if (lead !== undefined && act !== undefined && parts.length === 2 && k > 0 && !p.startsWith(lead)) return lead + p;
    // "新创建省级、市级健康企业": a grade after the list's verb shares the last item's head too.
    if (
      /^\p{Script=Han}{1,3}级$/u.test(p) ||
      (k === 0 && /^\p{Script=Han}{2,4}[省市县区国]级$/u.test(p) && head !== '')
    )
      return p + head;
    // "签约任务完成率、续签率": a bare rate listed after a named one shares its subject.
    const named = parts
      .slice(0, k)
      .reverse()
      .find((q) => /\p{Script=Han}{3,}\p{Script=Han}{2}率$/u.test(q));
    if (/^\p{Script=Han}{1,2}率$/u.test(p) && named !== undefined)
      return named.replace(/\p{Script=Han}{2}率$/u, '') + p;
    // "宫颈癌、乳腺癌筛查目标人群覆盖率", "城镇职工和城乡居民医保参保人数": a short item without a head of its own
    // stands for the start of the last item, and shares the rest of it.
    const rest = last.slice(p.length);
    if (
      k < parts.length - 1 &&
      p.length >= 2 &&
      p.length <= 5 &&
      rest.length >= 2 &&
      HEADED.test(rest) &&
      !HEADED.test(p) &&
      !/[儿婴童人者妇女]$/u.test(p) &&
      !/[0-9]/u.test(last.slice(0, p.length + 1))
    )
      return p + rest;
    // "城乡居民高血压、糖尿病患者规范管理率": an item without a head of its own shares the last item's,
    // from the people it names on (患者规范管理率), before its rate alone (高血压管理率 is another measure).
    // 新生儿、婴儿 name people of their own: they take the rate alone.
    if (p !== last && peopleHead !== '' && !HEADED.test(p) && !/[儿婴童人者妇女]$/u.test(p)) return p + peopleHead;
    if (rate !== undefined && p !== last && p.length <= 4 && !/率$/u.test(p)) return p + rate;
    if (p !== last && peopleHead !== '' && !HEADED.test(p)) return p + peopleHead;
    return p;
  });
}
const PEOPLE = /(?:患者|人群|儿童|老人|老年人|妇女|孕产妇|居民|家庭)/u;
/** Ends with a head noun: people, or what a rate, count or amount measures. */
const HEADED =
  /(?:患者|人群|儿童|老人|老年人|妇女|孕产妇|居民|家庭|人|者|员|率|数|量|额|费|金|度|比|楼|中心|院|站|室|所|馆|项目|工程)$/u;

/** "X占Y的60%" → X占比. */
function shareOf(before: string): string | undefined {
  const m = /^(.{2,}?)占.+$/u.exec(before);
  return m === null ? undefined : `${m[1]}占比`;
}

/** Whether `a` and `b` share a run of `n` characters: a label that says a name's words again. */
export function sharesRun(a: string, b: string, n: number): boolean {
  for (let i = 0; i + n <= a.length; i++) if (b.includes(a.slice(i, i + n))) return true;
  return false;
}

/** Words that make a count a flow (new this period): 新增社区医院, 新建标准化村卫生室. */
export const FLOW = /^(?:新增|新建成?)(?=\p{Script=Han}{2})/u;

/** Years and months inside the words before a figure are its period, not its label. */
const TIME_ANYWHERE = new RegExp(`(?:${TIME_PHRASE})的?`, 'gu');
const CHANGE = /(?:提高到|提高至|提升到|提升至|增加到|增加至|增至|降至|降到|下降到|减少到|调整为|调整到)$/u;
const PER_HEAD = /(?:每人每月|每人每年|每人每天|每人|每月|每年|人均)$/u;

/** Per-capita heads that must survive the cut after a verb: "每千人口拥有卫生技术人员6.5人", "每万名居民拥有…". */
const PER_CAPITA =
  /^(?:每(?:十万|[百千万])名?(?:常住|户籍)?(?:人口|居民|老年人|儿童|新生儿|孕产妇|人)|[千万]人口|人均)/u;

/** Words before a rate, sum or bare number, filler and verbs of being removed. */
function beforeLabel(before: string, previousBase: string | undefined, previousLabel = previousBase): string {
  const perCapita = PER_CAPITA.exec(before)?.[0];
  if (perCapita !== undefined)
    return perCapita + beforeLabel(before.slice(perCapita.length).replace(/^(?:拥有|有)/u, ''), previousBase);
  // "接诊患者3.5万人次，比去年增加了20%": a change names its subject before it, unit noun and all
  // (无偿献血人次同比增长, not 无偿献血同比增长 beside 献血总量).
  if (GROWTH.test(before)) return (previousLabel ?? '') + before.replace(/了$/u, '').replace(/^相比/u, '');
  // "标准由每人每月500元提高到每人每月610元", "管理率从2019年的65%提高到…": both
  // figures measure the subject before 由/从.
  const from = /^(.{2,}?)(?:由|从)(?=[0-9０-９]|每|去年|上年|原|$)/u.exec(before);
  if (from !== null) return stripFillers(from[1] ?? '').words;
  const per = stripFillers(before.replace(TIME_ANYWHERE, '')).words.replace(PER_HEAD, '');
  if (CHANGE.test(per) && stripFillers(per.replace(CHANGE, '')).words === '' && previousBase !== undefined)
    return previousBase;
  const share = shareOf(before);
  if (share !== undefined) return share;
  // "资金支出率达全年资金的82.09%": the rate named before 达/为.
  const rate = /^(.{2,}?率)(?:达到|达|为|是).+$/u.exec(before);
  if (rate !== null) return stripFillers(rate[1] ?? '').words;
  return stripFillers(afterLeadVerb(before.replace(TIME_ANYWHERE, ''), true)).words;
}

/** "…由2019年的" before a figure: where a change starts. */
const CHANGE_FROM = /(?:由|从)(?:\d{4}年(?:底|末)?的?|原来的?|原有的?|过去的?)?$/u;

/** The people a service is for, opening the words of the figure after them. */
const RECIPIENTS =
  /^[\p{Script=Han}0-9]{0,12}(?:儿童|群众|老人|老年人|妇女|学生|患者|居民|人口|家庭|职工|人员|孕产妇|新生儿|女孩)(?=\p{Script=Han}{2})/u;

const COUNTED_NUMERALS: Readonly<Record<string, number>> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5 };

/**
 * "柳湾县、石坪县率先…，两县医共体牵头医院分别…": a subject counted by a numeral (两县, 两院, 三家医院) stands for the
 * places or institutions listed before it in the sentence; each takes the rest of the subject.
 */
function namedBeforeByCount(earlier: string, subject: string): string[] | undefined {
  const counted = /^([两二三四五])(?:个|家|所)?(县|区|市|院|医院)(.*)$/u.exec(stripFillers(subject).words);
  if (counted === null) return undefined;
  const [, numeral = '', kind = '', rest = ''] = counted;
  const end = kind === '院' || kind === '医院' ? '(?:医院|院)' : kind;
  const item = `\\p{Script=Han}{1,8}?${end}`;
  const lists = [...earlier.matchAll(new RegExp(`${item}(?:[、和与及]${item})+`, 'gu'))];
  const names = (lists.pop()?.[0] ?? '').split(/[、和与及]/u).map((name) => stripFillers(name).words);
  return names.length === COUNTED_NUMERALS[numeral] ? names.map((name) => name + rest) : undefined;
}

/** A verb of service opening a list's first item, with how it was done: 成功救治, 免费救助. */
const SHARED_SERVICE =
  /^(?:成功|免费|累计)?(?:救治|收治|救助|接诊|治疗|筛查|培训|签约|帮扶|资助|慰问|随访|转诊|抢救|诊治|康复训练)(?=\p{Script=Han}{2})/u;
const SAVING = /^(?:节约|节省|减少|降低|下降|减轻)$/u;

export function labelFigure(req: LabelRequest): Labelled {
  const { sentence, figure } = req;
  const left = Math.max(hardLeft(sentence, figure.start), req.leftBound);
  let rawBefore = wordsBefore(sentence, left, figure.start);
  // "实现了…的目标值（37%）": the words before the bracket name the figure inside it.
  if (rawBefore === '' && /[（(]$/u.test(sentence.slice(0, figure.start))) {
    const open = figure.start - 1;
    rawBefore = wordsBefore(sentence, Math.max(hardLeft(sentence, open), req.leftBound), open);
  }
  // "签约服务人数：12000人": the words before a colon name the figure right after it.
  if (rawBefore === '' && left > 0 && /[：:]/u.test(sentence[left - 1] ?? '')) {
    rawBefore = wordsBefore(sentence, Math.max(hardLeft(sentence, left - 1), req.leftBound), left - 1);
  }
  // "为2.3万名群众减免医疗费用460余万元": 群众 are the first figure's; the money is what was done for them.
  if (req.afterRecipients === true) rawBefore = rawBefore.replace(RECIPIENTS, '');
  const { words: before, trailing } = stripFillers(rawBefore);
  // "1634名患有高血压、糖尿病等慢性病的脱贫人口": a list closed by 等X的 qualifies the people after 的, and X names them.
  const qualified =
    /^[^，,；;。！？、]*、[^，,；;。！？]*?等(\p{Script=Han}{2,8}?)的(\p{Script=Han}[^，,；;。！？、]*)/u.exec(
      sentence.slice(figure.end, req.rightBound),
    );
  const after =
    qualified === null
      ? wordsAfter(sentence, figure.end, req.rightBound)
      : cleanText((qualified[1] ?? '') + (qualified[2] ?? ''));

  // A bare number measures what precedes it (性别比110.7); a bare N万 counts the noun after it (64万市民群众).
  const measure = ['%', '‰', '元'].includes(figure.unit) || (figure.unit === '' && figure.magnitude === '');
  // "县中医院今年投入340万元改造消毒供应中心": whose money, then the work it paid for (…消毒供应中心改造投入).
  const payer =
    figure.unit === '元'
      ? /^(\p{Script=Han}{2,10}?)(总?投资|投入资金|投入)$/u.exec(before.replace(TIME_ANYWHERE, ''))
      : null;
  const work = /^(改造|改建|扩建|新建|建设|购置|更新|升级)([\p{Script=Han}A-Za-z0-9]{2,12})$/u.exec(after);
  if (payer !== null && work !== null && !OTHER_PAYER.test(payer[1] ?? '')) {
    const paid = `${payer[1]}${work[2]}${work[1]}${payer[2]}`;
    return { labels: [paid], base: paid };
  }

  // "门诊量和住院量分别增长15%和12%", "省级、市级和区级X分别达到4个、17个和101个":
  // the items of the subject, each with the verb, for this figure and the ones listed next.
  // "县人民医院和县中医医院分别接诊门诊患者12.3万人次和8.6万人次": the verb may carry its object.
  const each =
    /^(.*?)分别(?:(?:向|为|对|给)\p{Script=Han}{2,6}?(?=下派|派驻|选派|提供|培训|开展))?(\p{Script=Han}{0,4}|(?:接诊|收治|救治|开展|完成|培训|服务|投入|筛查|诊疗|下派|派驻|选派|提供)\p{Script=Han}{1,6})$/u.exec(
      before + trailing,
    );
  if (each !== null && (each[1] ?? '') !== '' && (measure || /^(?:和|及|与|、)?$/u.test(after))) {
    // 完成手术 is 手术: the verb of having done it says nothing (县人民医院手术); 完成投资 is money spent, not planned.
    // A verb of reaching a level (降至6.21/10万) or of doing (完成2.1万人) names nothing.
    let verb = (each[2] ?? '')
      .replace(
        /^(?:达到|达|为|是|有|完成|实现|降至|降到|下降到|下降至|提高到|提高至|提升到|提升至|增至|增加到|上升到|上升至|减至|达至|稳定在|保持在|控制在)$/u,
        '',
      )
      .replace(/^(?:完成|实现)(?=\p{Script=Han}{2})(?!投资)/u, '');
    // "共收治急性脑卒中患者2436例，A和B分别收治1518例和918例": a bare verb takes its object from the figure before.
    const object = verb.length === 2 ? req.previousBase?.split(verb)[1] : undefined;
    if (object !== undefined && /^\p{Script=Han}{2,10}$/u.test(object)) verb += object;
    // "成功救治危重孕产妇和危重新生儿分别为…": a verb of service before the first item is every item's.
    const listed = namedBeforeByCount(sentence.slice(0, left), each[1] ?? '') ?? listItems(each[1] ?? '');
    const served = SHARED_SERVICE.exec(listed[0] ?? '')?.[0];
    const items = listed.map((item) => {
      const own = served !== undefined && !item.startsWith(served) ? served + item : item;
      // "采购金额分别节约…": the money saved is the head the verb goes before (采购节约金额).
      const head = SAVING.test(verb) ? /(?:金额|费用|资金|支出|成本)$/u.exec(own)?.[0] : undefined;
      return head === undefined ? own + verb : own.slice(0, -head.length) + verb + head;
    });
    const own = items[0] ?? '';
    const labelled: Labelled = { labels: [withUnitNoun(own, figure.unit)], base: own };
    if (items.length >= 2) labelled.respectively = items.map((item) => withUnitNoun(item, figure.unit));
    return labelled;
  }

  // "管理率与规则服药率均达100%": one label per listed item.
  if (/[均都皆]/u.test(trailing)) {
    const parts = listItems(before).filter((p) => p.length >= 2);
    if (parts.length >= 2) return { labels: parts, base: parts[parts.length - 1] as string };
  }

  let base: string;
  // "床位总数由2019年的3120张增加到…": a count after X由/从 measures X, like a rate does (beforeLabel).
  const changeFrom =
    !measure &&
    CHANGE_FROM.test(before) &&
    before.replace(CHANGE_FROM, '').length >= 2 &&
    /^(?:增加|提高|提升|增至|增长|上升|下降|减少|降至|降低|扩大|缩短|延长)/u.test(after);
  if (changeFrom) {
    base = stripFillers(before.replace(CHANGE_FROM, '')).words;
  } else if (measure && before !== '' && after.startsWith('的') && after.length > 1) {
    // "完成省40%的创建目标": the rate is the thing after 的 when an action precedes it;
    // "总投资1.75亿元的…项目": otherwise the words before name it.
    const verb = [...before.matchAll(LEAD_VERBS)].pop();
    base =
      verb === undefined
        ? beforeLabel(before, req.previousBase, req.previousLabel)
        : before.slice(verb.index + verb[0].length) + stripFillers(after.slice(1)).words;
  } else if (
    after !== '' &&
    (!measure || (before.length <= 2 && /^\p{Script=Han}/u.test(after))) &&
    !/^[以及]/u.test(after)
  ) {
    // "投资1200万元新建县中医医院康复楼": money before the work it pays for is that work's (…康复楼投资),
    // as money before 用于 is (below).
    const purpose =
      figure.unit === '元' && /^(?:总?投资|投入资金|投入|资金|经费)$/u.test(before) ? afterLeadVerb(after) : '';
    if (purpose !== after && purpose.length >= 2 && new RegExp(`^(?:${LEAD_VERBS.source})`, 'u').test(after))
      return { labels: [`${purpose}${before.replace(/^投入$/u, '投入资金')}`], base: `${purpose}${before}` };
    const generic = GENERIC_HEAD.test(after) ? namedBefore(sentence, left, after) : '';
    const people = ['人', '名', '位'].includes(figure.unit);
    const modifier = modifierBefore(before);
    base =
      generic === ''
        ? afterLabel(after, before, rawBefore, people, modifier)
        : (/^(?:解决|整改|办结|化解)/u.exec(before)?.[0] ?? '') + generic;
    if (base === after && base.length <= 3 && modifier !== '') base = modifier + base;
    const award = base === after ? AWARDED_NEXT.exec(sentence.slice(hardRight(sentence, figure.end)))?.[1] : undefined;
    if (award !== undefined) {
      const title = cleanText(award);
      base = title.endsWith(base.slice(-2)) ? title : title + base;
    }
    const next = req.nextWords;
    if (/^\p{Script=Han}{1,3}级$/u.test(base) && next !== undefined) {
      // "2个国家级、7个省级X": the modifier takes the next item's head noun.
      const head = next.replace(/^\p{Script=Han}{1,3}级/u, '');
      const de = head.indexOf('的');
      base += de > 0 ? head.slice(0, de) : head;
    }
    if (base.length === 1 && before !== '') base = before + base;
    if (base.length <= 2 && /等$/u.test(before)) {
      const first = afterLeadVerb(before).split('、')[0] ?? '';
      if (first.length >= 2) base = `${first.replace(/等$/u, '')}等${base}`;
    }
  } else if (after === '' && req.rightBound === figure.end && req.nextWords?.startsWith('的') === true) {
    // "13支371人的市级卫生应急队伍": both figures size what follows.
    base = afterLabel(req.nextWords, '', '');
  } else {
    base = beforeLabel(before, req.previousBase, req.previousLabel);
    // "男性占52.3%": the share of the subject.
    if (/占$/u.test(trailing) && base !== '' && !/(?:占比|比例|比重)$/u.test(base)) base += '占比';
  }
  if (base === '') base = beforeLabel(before, req.previousBase, req.previousLabel);
  if (base === '') base = namedElsewhere(sentence, figure.end);
  // "…筛查率提高3.2个百分点，达到98%" / "分别为75%和72%": nothing but a verb of being or a
  // conjunction before the figure; it measures what the previous figure measured.
  if (base === '' || /^(?:达到|达|为|是|和|及|与|、)$/u.test(base)) {
    // "辖区居民健康素养水平稳步提升，2022年达38.2%": the subject of the clause before.
    // "新增社区医院7家，累计达到26家": what a flow reaches is the stock, not more of the flow.
    const previous = (req.previousBase ?? previousClauseHead(sentence, figure.start)).replace(FLOW, '');
    base = previous.replace(
      /(?:稳步|持续|不断|进一步|明显|大幅)?(?:提高|提升|增长|下降|增加|减少|降低|上升|改善)$/u,
      '',
    );
  }
  if (GENERIC.test(base)) {
    const head = req.previousBase ?? previousClauseHead(sentence, figure.start);
    base = head + base;
  }
  // "争取600万元专项资金，专门用于村卫生室改造": money named by its kind alone takes its purpose.
  // "区财政安排专项资金650万元，用于…": who arranged it stays out; the kind of money and its purpose name it.
  const kind = /^(?:\p{Script=Han}{1,4}(?:安排|拨付|下达|争取))?(\p{Script=Han}{0,4}(?:资金|经费|补助|补贴|款))$/u.exec(
    base,
  )?.[1];
  if (figure.unit === '元' && kind !== undefined) {
    const purpose = /用于(\p{Script=Han}{2,14}?)(?:[，,。；;！？!?]|$)/u.exec(sentence.slice(figure.end))?.[1];
    if (purpose !== undefined) base = purpose + (kind === base ? base : kind);
  }
  base = base.replace(/^[、，,]+|[、，,]+$/gu, '');
  return base === '' || !/[\p{Script=Han}A-Za-z]/u.test(base)
    ? { labels: [], base: '' }
    : { labels: [withUnitNoun(base, figure.unit)], base };
}
