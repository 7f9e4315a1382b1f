/**
 * Label rules that need the other figures of the sentence (metrics/label.ts labels one
 * figure at a time). Each makes a label name its own subject, so no two figures of a
 * sentence share one unless they are the same quantity (CONTRIBUTING.md, "Labels"):
 *   sizes     "13支371人的市级卫生应急队伍", "24个专业100人的…专家库": the team count and the
 *             head count of one X → X支数 / X人数, X专业数 / X人数;
 *   old/new   "标准由每人每月500元提高到每人每月610元": the first is the 原标准;
 *   lists     "1972名医师、162名药师、852名护士参与活动": each item takes the list's predicate
 *             (医师参与活动); "由19名专家、265名师资…组成的家庭健康促进队伍" → 家庭健康促进队伍专家;
 *   lead verb "申报省级卫生单位43个、省级卫生村203个": a listed item keeps the verb that heads
 *             the list (申报省级卫生村), so villages that applied are not read as awarded;
 *   bare rate "…结核病患者234人…管理率…达100%", "重点任务涉及聊城38项，完成率100%": a rate of one
 *             or two words takes the subject of the figure before it (结核病患者管理率, 重点任务完成率);
 *   share     a percentage of a 数量 is its share: 省级卫生村数量 → 省级卫生村数量占比;
 *   programme an activity without its object takes the quoted programme named before it in the
 *             sentence or paragraph: "“两癌”检查项目…累计检查目标人群" → 两癌检查目标人群;
 *   owner     income or spending takes the institution named before it: 业务收入 → 医院业务收入;
 *   subsets   "其中X的N名", "Y中，X的有N人": a count printed with only its modifier takes the head
 *             of the whole (硕士研究生以上学历人才, 60岁以上在岗乡村医生);
 *   topics    a bare label (label-topic.ts: 规范管理率, 采集样本, 床位) takes the topic its sentence or
 *             paragraph named before it (严重精神障碍患者规范管理率);
 *   agent     an institution opening the sentence is the subject of a later label that opens with a
 *             verb of service (120急救中心出车次数);
 *   last      partsAndRatesOfWhole and sentenceReferents: a 其中-part naming nothing of its whole, a rate
 *             naming only an act, an institution owning its sentence's clauses, a bare 患者, a change of a rate.
 */
import type { Figure } from '../../figures/parse-figures.ts';
import { afterLeadVerb, cleanText, FLOW, sharesRun, stripFillers } from './label.ts';
import {
  actObjects,
  actRatesFromCounts,
  assessmentScores,
  countedDoers,
  diseaseRates,
  moneyPurposes,
  referents,
} from './label-frame.ts';
import { attachTopic, bareKind, clauseTopic, RATE_ACTION_WORD, RATE_MANNER_WORD } from './label-topic.ts';

export interface SentenceLabel {
  figure: Figure;
  label: string;
  /** Whose the figure is, named elsewhere in the sentence: it opens the label, but the label's own words choose the topic. */
  subject?: string | undefined;
}

const RAISED = /^(?:提高到|提高至|提升到|提升至|增加到|增至|调整为|调整到|上调至|上调到)(?:每人每[月年天]|每[月年])?$/u;
const PEOPLE_UNITS = new Set(['人', '名', '位']);
/** Words of state or scope before the people counted (在岗乡村医生 → 乡村医生). */
const PEOPLE_SCOPE = /^(?:在岗|在编|现有|共有|全部)/u;
/** Verbs that head a list of applications or sign-ups: every item was applied for or signed. */
const LIST_VERB =
  /^(?:组织申报|申报|签约|规范管理|在管|救治|随访|筛查|新增|新建|(?:新|累计|再)?(?:登记管理|管理|登记|发现|吸纳|招收|招聘|引进|带去|收治|接诊|培训|接种|纳入|帮扶|资助|救助|慰问|选派|下派|创建))/u;
/** The predicate a list shares: "…、852名护士参与活动", "…全部建立国医堂". */
const LIST_PREDICATE =
  /^(?:全部|均|都|共同)?(参与\p{Script=Han}{0,4}|参加\p{Script=Han}{0,4}|建立\p{Script=Han}{1,6}|建成\p{Script=Han}{1,6}|获评\p{Script=Han}{1,10}|入选\p{Script=Han}{1,10}|受到\p{Script=Han}{2,10})$/u;

function unitCount(unit: string): string {
  return PEOPLE_UNITS.has(unit) ? '人数' : `${unit}数`;
}

/** "…13支371人的市级卫生应急队伍": both figures size the X after 的. */
function sizes(sentence: string, items: SentenceLabel[]): void {
  for (let k = 0; k + 1 < items.length; k++) {
    const a = items[k] as SentenceLabel;
    const b = items[k + 1] as SentenceLabel;
    const between = sentence.slice(a.figure.end, b.figure.start);
    // "由1380人组成的312个家庭医生签约服务团队": the people are the teams' members.
    if (between === '组成的' && PEOPLE_UNITS.has(a.figure.unit) && !PEOPLE_UNITS.has(b.figure.unit)) {
      a.label = `${b.label}成员`;
      continue;
    }
    if (!/^\p{Script=Han}{0,4}$/u.test(between) || !sentence.slice(b.figure.end).startsWith('的')) continue;
    if (!PEOPLE_UNITS.has(b.figure.unit) || PEOPLE_UNITS.has(a.figure.unit)) continue;
    const x = b.label.replace(/(?:人数|队员)$/u, '');
    a.label = `${x}${between === '' ? unitCount(a.figure.unit) : `${between}数`}`;
    b.label = `${x}人数`;
  }
}

function oldAndNew(sentence: string, items: SentenceLabel[]): void {
  for (let k = 0; k + 1 < items.length; k++) {
    const a = items[k] as SentenceLabel;
    const b = items[k + 1] as SentenceLabel;
    if (a.label !== b.label || !RAISED.test(sentence.slice(a.figure.end, b.figure.start))) continue;
    // An old and a new standard are two quantities; a level at two dates is one (its periods tell them apart:
    // 由2019年的18.2%提升到31.6%). Without a date of its own, the first is what there was before (原有).
    if (/标准$/u.test(a.label)) {
      a.label = a.label.replace(/标准$/u, '原标准');
      b.label = b.label.replace(/标准$/u, '新标准');
    } else if (!/\d{4}年(?:底|末)?的$/u.test(sentence.slice(0, a.figure.start))) {
      // A count of things had 原有 so many; a rate, a sum or a per-head figure was so much before.
      a.label =
        ['%', '‰', '元'].includes(a.figure.unit) || /(?:数|率|比|量|水平|均)$/u.test(a.label)
          ? `${a.label}（原）`
          : `${a.label}原有数量`;
    }
  }
}

/** Items listed one after another ("N1名X、N2名Y和N3名Z"): the runs of figures joined by 、和及与 after a noun. */
function listRuns(sentence: string, items: readonly SentenceLabel[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  items.forEach((item, k) => {
    const previous = items[k - 1];
    // "6个基层党组织、27名党员受到县级以上表彰": groups and people may share a predicate of honour.
    const honoured = /^[^，,；;。]*受到/u.test(sentence.slice(item.figure.end));
    const joined =
      previous !== undefined &&
      /^[\p{Script=Han}（）()]{1,14}[、和及与]$/u.test(sentence.slice(previous.figure.end, item.figure.start)) &&
      (honoured || !PEOPLE_UNITS.has(previous.figure.unit) === !PEOPLE_UNITS.has(item.figure.unit));
    if (!joined) {
      if (run.length > 1) runs.push(run);
      run = [];
    }
    run.push(k);
  });
  if (run.length > 1) runs.push(run);
  return runs;
}

function sharedPredicates(sentence: string, items: SentenceLabel[]): void {
  for (const run of listRuns(sentence, items)) {
    const last = items[run[run.length - 1] as number] as SentenceLabel;
    const rest = sentence.slice(last.figure.end).split(/[，,；;。！？]/u)[0] ?? '';
    const made = /^(\p{Script=Han}{1,12}?)组成的(\p{Script=Han}{2,14})/u.exec(cleanText(rest));
    const nouns = run.map((k, i) => {
      const item = items[k] as SentenceLabel;
      const next = items[run[i + 1] ?? -1];
      const text = next === undefined ? '' : sentence.slice(item.figure.end, next.figure.start).slice(0, -1);
      // "10处镇（街）": the bracket is part of the noun here, not an aside.
      return cleanText(text.replace(/[（()）]/gu, ''));
    });
    if (made !== null) {
      nouns[nouns.length - 1] = made[1] ?? '';
      run.forEach((k, i) => {
        (items[k] as SentenceLabel).label = `${made[2]}${nouns[i]}`;
      });
      continue;
    }
    const lastWords = cleanText(rest);
    for (let cut = 1; cut < lastWords.length; cut++) {
      const predicate = LIST_PREDICATE.exec(lastWords.slice(cut))?.[1];
      if (predicate === undefined) continue;
      nouns[nouns.length - 1] = lastWords.slice(0, cut);
      run.forEach((k, i) => {
        if ((nouns[i] ?? '') !== '') (items[k] as SentenceLabel).label = `${nouns[i]}${predicate}`;
      });
      break;
    }
  }
}

function leadVerbs(sentence: string, items: SentenceLabel[]): void {
  for (let k = 1; k < items.length; k++) {
    const previous = items[k - 1] as SentenceLabel;
    const item = items[k] as SentenceLabel;
    const verb = LIST_VERB.exec(previous.label)?.[0];
    if (verb === undefined || LIST_VERB.test(item.label)) continue;
    // "其中新建6处、提档升级9处": a list of acts, each its own.
    if (/(?:升级|改造|扩建|改建|迁建|提升|建设)$/u.test(item.label)) continue;
    // Only a bare "X N个" item of the list: its words run from the previous figure to its own.
    const between = sentence.slice(previous.figure.end, item.figure.start);
    // "…、2型糖尿病患者2.16万人": an item of a 、-list may print digits; after a comma a new clause may start.
    if (!/^(?:、[\p{Script=Han}0-9A-Za-z]{2,12}|[，,]\p{Script=Han}{2,12})$/u.test(between)) continue;
    // Verbs of care head only a 、-list (规范管理高血压患者…、糖尿病患者…); after a comma a new clause may start.
    if (!/^(?:组织申报|申报|签约)$/u.test(verb) && !between.startsWith('、')) continue;
    if (!between.slice(1).endsWith(item.label.replace(/(?:人数|人次|户数)$/u, ''))) continue;
    item.label = `${verb.replace(/^组织/u, '')}${item.label}`;
  }
}

/** Rates of an action done to something (管理率, 建成率, 完结率): the rate names the action, not its object. */
const ACTION_RATE =
  /^(?:规范|全程|按时|及时|有效)?(管理|建成|完成|完结|办结|覆盖|签约|续签|接种|筛查|随访|达标|知晓|治疗|控制|落实|设置|建设|使用|参保|检出|治愈)率$/u;

/** A rate opening its sentence ("规范管理率达到72%") names no subject: the paragraph's figure before it does. */
function carriedRates(items: SentenceLabel[], carried: string | undefined): void {
  const first = items[0];
  const action = ACTION_RATE.exec(first?.label ?? '')?.[1];
  if (first === undefined || carried === undefined || action === undefined) return;
  // A change (…比上年增加) is no subject; a label naming the same action already says whose rate it is.
  if (/(?:增加|增长|减少|下降|提高|降低|上升|率)$/u.test(carried) || carried.includes(action)) return;
  const subject = stripFillers(carried.replace(/(?:人数|人次|次数|数量|户数|例数)$/u, '').replace(FLOW, '')).words;
  if (subject.length >= 2) first.label = `${subject}${first.label}`;
}

function bareRates(sentence: string, items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    // "成功治疗率", "有效控制率": how well it was done says nothing of whose rate it is.
    const rate = /^(?:成功|有效)?(\p{Script=Han}{1,2})率$/u.exec(item.label);
    const previous = items[k - 1];
    if (
      rate === null ||
      previous === undefined ||
      /分别/u.test(sentence.slice(item.figure.start - 6, item.figure.start))
    )
      return;
    const verb = rate[1] ?? '';
    if (!RATE_ACTION_WORD.test(verb)) return;
    // "为1.8万名…劳动者开展在岗期间职业健康检查，检查率…": the clause before names the act done and its object.
    const act = clauseBefore(sentence, item.figure.start);
    const object = act.endsWith(verb)
      ? /(?:完成|开展|实施|进行|接受)(\p{Script=Han}{2,12})$/u.exec(act.slice(0, -verb.length))?.[1]
      : undefined;
    if (object !== undefined && !RATE_MANNER_WORD.test(object)) {
      item.label = attachTopic(object, item.label, 'rate');
      return;
    }
    // The figure whose label starts with the rate's verb names its subject (管理结核病患者 → 结核病患者管理率);
    // one naming its doer first too ("县疾控中心处置突发公共卫生事件" → 突发公共卫生事件处置率).
    const earlier = items.slice(0, k).filter((other) => other.figure !== item.figure);
    const named = [...earlier].reverse().find((other) => other.label.startsWith(verb)) ?? earlier[earlier.length - 1];
    if (named === undefined) return;
    // "新增签约居民1.2万人，签约率…": a rate is of the whole group, not of its new members.
    const before = named.label.replace(/(?:人数|人次|次数|数量|例数|户数|剂次|场次|对数)$/u, '').replace(FLOW, '');
    const doer = FACILITY_SUBJECT.exec(before)?.[1];
    let subject: string;
    if (before.startsWith(verb)) subject = before.slice(verb.length);
    else if (doer !== undefined && before.startsWith(doer + verb)) subject = before.slice(doer.length + verb.length);
    // "督促913家单位完成职业病危害因素检测，检测率…": the act's object, after the verb of doing it.
    else if (before.endsWith(verb) && /(?:完成|开展|实施|进行|接受)/u.test(before))
      subject = before.slice(0, -verb.length).replace(/^.*(?:完成|开展|实施|进行|接受)/u, '');
    else if (/率$/u.test(before)) subject = before.replace(/\p{Script=Han}{2}率$/u, '');
    // "登记管理肺结核患者642人，成功治疗率…": the people are the subject, not the care that counted them.
    else
      subject =
        item.label.length > verb.length + 1 ? before.replace(/^(?:登记|在册)?(?:规范)?(?:管理|随访)/u, '') : before;
    subject = stripFillers(subject).words;
    // A manner word left of the earlier rate (规范管理率 → 规范) is no subject.
    if (RATE_MANNER_WORD.test(subject)) return;
    // Words the subject shares with the rate are said once: 新生儿听力筛查 + 筛查率 → 新生儿听力筛查率.
    if (subject.length >= 2) item.label = attachTopic(subject, item.label, 'rate');
  });
}

/**
 * "为1.12万名初中在校女生免费接种HPV疫苗，全程接种率达到91.3%": a rate of an act the clause before did to a named
 * object is that object's (HPV疫苗全程接种率); "推行分时段预约诊疗，预约率…": of a service, the service's (分时段预约诊疗率).
 */
function actRates(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    const rate = /^(\p{Script=Han}{0,2}?)(\p{Script=Han}{2})率$/u.exec(item.label);
    const verb = rate?.[2] ?? '';
    if (
      item.figure.unit !== '%' ||
      rate === null ||
      !RATE_ACTION_WORD.test(verb) ||
      !RATE_MANNER_WORD.test(rate[1] ?? '')
    )
      continue;
    const act = clauseBefore(sentence, item.figure.start);
    const object = new RegExp(`${verb}([\\p{Script=Han}A-Za-z]{2,10})$`, 'u').exec(act)?.[1];
    if (object === undefined) continue;
    if (/^(?:诊疗|服务)$/u.test(object)) {
      const service = new RegExp(`(?:推行|实行|开展|实施|推广)([\\p{Script=Han}]{0,6}${verb}${object})$`, 'u').exec(
        act,
      )?.[1];
      if (service !== undefined) item.label = `${service}率`;
    } else item.label = object + item.label;
  }
}

/**
 * "规范管理高血压患者5.12万人、糖尿病患者1.74万人，规范管理率分别为78.4%、76.9%": rates printed 分别
 * after a list give one rate to each listed group, in order (高血压患者规范管理率, 糖尿病患者规范管理率).
 */
function respectiveRates(sentence: string, items: SentenceLabel[]): void {
  // "…规范管理率分别为75.2%、73.8%，控制率分别为60.1%、58.3%": a second 分别 goes over the same groups.
  let previousGroups: SentenceLabel[] = [];
  for (let k = 0; k < items.length; k++) {
    const first = items[k] as SentenceLabel;
    if (first.figure.unit !== '%' || !/分别(?:为|是|达到?|达)?$/u.test(sentence.slice(0, first.figure.start))) continue;
    // The rates printed together: joined by 、 or 和, one rate named for all of them.
    const rates: SentenceLabel[] = [first];
    for (let next = items[k + 1]; next?.figure.unit === '%'; next = items[k + rates.length + 1]) {
      const last = rates[rates.length - 1] as SentenceLabel;
      if (!/^[、和及]$/u.test(sentence.slice(last.figure.end, next.figure.start))) break;
      rates.push(next);
    }
    // The groups: the 、-list of counts just before, as many as the rates.
    const groups: SentenceLabel[] = [];
    for (let j = k - 1; j >= 0 && groups.length < rates.length; j--) {
      const item = items[j] as SentenceLabel;
      if (item.figure.unit === '%') break;
      if (
        groups.length > 0 &&
        !/^、[\p{Script=Han}0-9A-Za-z]{2,12}$/u.test(
          sentence.slice(item.figure.end, (groups[0] as SentenceLabel).figure.start),
        )
      )
        break;
      groups.unshift(item);
    }
    if (groups.length === 0 && previousGroups.length === rates.length) groups.push(...previousGroups);
    if (rates.length < 2 || groups.length !== rates.length) continue;
    previousGroups = groups;
    const rate = /^\p{Script=Han}{1,6}率/u.exec(first.label)?.[0];
    if (rate === undefined || rates.some((r) => !r.label.startsWith(rate))) continue;
    // "成功救治危重孕产妇312例…，救治成功率分别为…": the rate names the act; the group is who it was done to.
    const bare = (label: string): string => label.replace(/^成功/u, '').replace(/(?:人数|人次|户数|例数)$/u, '');
    const verb = LIST_VERB.exec(bare(groups[0]?.label ?? ''))?.[0] ?? '';
    rates.forEach((item, i) => {
      const group = bare((groups[i] as SentenceLabel).label).replace(verb, '');
      if (group.length >= 2) item.label = group + rate;
    });
    k += rates.length - 1;
  }
}

/** Where the name after 的 ends: its predicate (年内封顶, 已建成, 投入使用 …). */
const NAME_END =
  /(?:年内|今年|当年|已|正式|全面|顺利|于|在|将|预计|主体(?=已|完工|封顶|竣工)|主体完工|封顶|建成|开工|竣工|投入使用|完工|启用)/u;

/**
 * "总投资6.8亿元的县人民医院新院区主体工程年内封顶，当年完成投资2.3亿元": a sum printed before 的X is
 * X's (…主体工程总投资), and so is the sum its sentence goes on to give (…主体工程当年完成投资).
 */
function attributeOwners(sentence: string, items: SentenceLabel[]): void {
  let owner: string | undefined;
  for (const item of items) {
    if (owner === undefined) {
      if (!ATTRIBUTE.test(item.label) || sentence[item.figure.end] !== '的') continue;
      const rest = cleanText(sentence.slice(item.figure.end + 1).split(/[，,；;。]/u)[0] ?? '');
      const end = NAME_END.exec(rest);
      const name = end === null ? rest : rest.slice(0, end.index);
      if (name.length < 4 || name.length > 24 || /\d/u.test(name)) continue;
      owner = name;
      item.label = owner + item.label;
    } else if (item.figure.unit === '元' && /^(?:投资|资金|总投资|投入)$/u.test(item.label)) {
      const clause = cleanText(
        sentence
          .slice(0, item.figure.start)
          .split(/[，,；;]/u)
          .pop() ?? '',
      );
      // "…，全县完成投资3.5亿元": a clause with a subject of its own is not about the project.
      if (/^(?:全[县市区镇省]|各)/u.test(clause)) continue;
      item.label = owner + (clause.endsWith(item.label) && clause.length <= 8 ? clause : item.label);
    } else if (FACILITY_ATTRIBUTE.test(withoutExamples(item.label))) item.label = owner + withoutExamples(item.label);
  }
}

/** An attribute of something, not a thing: it belongs to the project named after its 的. */
const ATTRIBUTE = /^(?:预计|规划|计划)?(?:总投资额?|投资额?|总建筑面积|建筑面积|总面积|占地面积)$/u;

/** "总建筑面积3.7万平方米、总投资1.75亿元的7个X项目": the sizes are X项目's. */
function attributes(sentence: string, items: SentenceLabel[]): void {
  items.forEach((project, k) => {
    if (!/(?:项目|工程)$/u.test(project.label)) return;
    const owned: SentenceLabel[] = [];
    for (let j = k - 1; j >= 0; j--) {
      const item = items[j] as SentenceLabel;
      if (!ATTRIBUTE.test(item.label) || /[。；;！？!?]/u.test(sentence.slice(item.figure.end, project.figure.start)))
        break;
      owned.push(item);
    }
    const last = owned[0];
    if (last === undefined || !sentence.slice(last.figure.end).startsWith('的')) return;
    for (const item of owned) item.label = project.label + item.label;
  });
}

/** The clause before the one a figure at `at` is printed in, cleaned ('' when it opens the sentence). */
function clauseBefore(sentence: string, at: number): string {
  const clauses = sentence.slice(0, at).split(/[，,；;]/u);
  return cleanText(clauses[clauses.length - 2] ?? '');
}

/** Activities a figure may be labelled by without their object: 检查目标人群 (whose 检查?). */
const ACTIVITY = /^(?:检查|筛查|接种|签约|随访|体检|查体|义诊|培训|救治|监测|检测|采样|宣传|评估|督导|惠及|受益|覆盖)/u;

/** What a hospital, building or project has: beds, floor area, investment, new techniques. */
const FACILITY_ATTRIBUTE =
  /^(?:现?(?:设计|规划|开放|编制|实际开放|新增)?床位|(?:年内|当年|全年)?(?:完成)?(?:总)?投资额?|(?:总)?建筑面积|占地面积|新技术新项目|新技术|新项目)$/u;
/**
 * A hospital, a centre (市精神卫生中心, 市人民医院胸痛中心), a blood station, a building or a project opening a
 * clause as its subject (the longest such name, never past 是: "市精神卫生中心是全市唯一一家精神专科医院").
 */
const FACILITY_SUBJECT =
  /^((?:(?![是该与和]|依托|联合|通过|单位)\p{Script=Han}){3,16}(?:中心(?!医院)(?:实验室)?|血站)|(?:(?![是该与和]|依托|联合|通过|单位)\p{Script=Han}){2,16}(?:医院|卫生院|保健院|防治院|疗养院|康复院|院区|\p{Script=Han}{0,3}楼))(?:项目|工程)?/u;
/** Words that mean the facility named before: 该院 and 医院 a hospital, 该中心 and 该站 any facility. */
const THIS_FACILITY = /^(?:该院|该医院|医院|该中心|该站)/u;
const THIS_CENTRE = /^(?:该中心|该站)/u;
/** Words of doing in a would-be name: "投资1200万元新建县中医医院…" names no subject. */
const NOT_A_NAME =
  /(?:依托|投资|新建|建成|建设|扩建|改建|改造|完成|实施|开展|组织|开设|推进|加快|以上|以下|下派|派驻|到|向|赴|与|和|及)/u;
/** A clause's opening words, past a role (作为区域医疗中心) and a time (近年来, 全年). */
function openingOf(part: string, strip = true): string {
  const clauses = part
    .split(/[，,；;。！？!?]/u)
    .map((clause) => (strip ? stripFillers(cleanText(clause)).words : cleanText(clause)));
  // "在城关街道，…": a clause that only sets the scene names no subject.
  const scene = /^在\p{Script=Han}{2,8}(?:街道|镇|乡|村|社区)$/u;
  return (
    clauses.find(
      (clause) => clause !== '' && !/^作为/u.test(clause) && !TIME_ONLY.test(clause) && !scene.test(clause),
    ) ?? ''
  );
}
const TIME_ONLY =
  /^(?:近年来|近年|今年以来|去年以来|去年|\d{4}年(?:以来)?|全年|今年|上半年|下半年|年内|当年|同时|此外)$/u;
/** An opening with no subject: a time, a verb of doing or a means first ("全年门急诊量达…", "完成手术…", "依托…平台"). */
const NO_SUBJECT =
  /^(?:全年|今年|年内|上半年|下半年|当年|近年来|完成|开展|实现|新开展|开设|年服务|门急诊|门诊|住院|出院|手术|依托|通过|借助|利用)/u;
/** More of a hospital's own work: its clinics, the patients it serves and saves. */
const FACILITY_WORK =
  /^(?:\p{Script=Han}{0,6}门诊$|年?服务患者|(?:成功)?救治|危重|\p{Script=Han}{0,8}重点专科$|\p{Script=Han}{2,10}服务人次$|覆盖|上门服务)/u;

/**
 * The facility a sentence (or a ；-part) is about, given the one before it: the one it opens with, or what that one
 * builds ("该院投资2.6亿元建设的外科综合楼…"); the one before when it opens on 该院 or 医院, or with no subject of its
 * own; none when another subject (the county, a bureau) opens it. `continued`: a ；-part of the same sentence.
 */
function nextOwner(owner: string | undefined, part: string, continued = false): string | undefined {
  if (part.trim() === '') return owner;
  const opening = openingOf(part);
  const { named, owner: opened } = facilityOpening(opening);
  const built = BUILT.exec(openingOf(part, false))?.[1];
  if (named !== undefined) return opened ?? built;
  // 该中心组织开展… is the facility organising, not another subject (checked before X组织 below).
  // 该院 is the hospital, not its campus or the service it was last said to run (县妇幼保健院新院区, …家庭病床);
  // 该中心, 该站 are the facility named (市人民医院胸痛中心, 市中心血站).
  if (THIS_FACILITY.test(openingOf(part, false)) || /^其/u.test(openingOf(part, false))) {
    const hospital = /^(?:该院|该医院)/u.test(openingOf(part, false));
    // A hospital of its own (…中心医院互联网医院, …胸痛中心) stays.
    const campus = /(?:医院|卫生院|保健院)(\p{Script=Han}{2,8})$/u.exec(owner ?? '')?.[1] ?? '';
    const strip = hospital && campus !== '' && !/(?:医院|中心)$/u.test(campus);
    return built ?? (strip ? owner?.slice(0, -campus.length) : owner);
  }
  if (OTHER_SUBJECT.test(opening) || /^\p{Script=Han}{2,8}(?:组织|联合|牵头)/u.test(opening)) return undefined;
  return continued || NO_SUBJECT.test(opening) ? owner : undefined;
}
/** "累计建成医养结合机构9家，开放床位1340张": beds printed after a count of facilities are theirs. */
function facilityBeds(sentence: string, items: SentenceLabel[]): void {
  for (let k = 1; k < items.length; k++) {
    const facilities = items[k - 1] as SentenceLabel;
    const item = items[k] as SentenceLabel;
    // The beds' own words (实有床位), also when an earlier rule gave them the facilities' name already.
    const own = item.label.startsWith(facilities.label) ? item.label.slice(facilities.label.length) : item.label;
    if (!/^[家个所处座]$/u.test(facilities.figure.unit) || !/床位$/u.test(own) || own.length > 4) continue;
    if (!/^[，,]\p{Script=Han}{0,4}$/u.test(sentence.slice(facilities.figure.end, item.figure.start - own.length)))
      continue;
    // "共有…机构386家，其中二级以上医院7家、乡镇卫生院…15家，实有床位3260张": beds after a 其中-list are the whole's.
    const whole = items[beforeList(sentence, items, k - 1)];
    const owner =
      whole !== undefined &&
      whole !== facilities &&
      /其中/u.test(sentence.slice(whole.figure.end, facilities.figure.start))
        ? whole
        : facilities;
    const things = owner.label.replace(/^(?:累计)?(?:建成|新建|建设|共有|现有|拥有|设立|成立)/u, '');
    // 开放床位 are a measure of their own; 设置床位 are just the beds.
    const beds = own.replace(/^(?:设置|开设|设有|配置|拥有|共有|现有)/u, '');
    if (/(?:机构|医院|卫生院|中心|院|站|室)$/u.test(things)) item.label = things + beds;
  }
}

/** What a facility builds: "新建中医综合治疗区", "投资2.6亿元建设的外科综合楼". */
const BUILT =
  /(?:新建|建成|建设|扩建|改建|改造)的?(\p{Script=Han}{2,12}?(?:楼|治疗区|院区|中心|病房|工程))(?:投入使用|主体|[，,。；]|$)/u;

/** The facility an opening names as its subject, and whether it owns what follows (not a list, not what it builds). */
function facilityOpening(opening: string): { named?: string; owner?: string | undefined } {
  // "县中医院作为牵头医院": the name ends before its role.
  // "在县中医医院，…": a place named to set the scene is the paragraph's subject too.
  opening = opening.replace(/^在(?=\p{Script=Han}{2,16}(?:医院|卫生院|保健院))/u, '');
  // "总投资12.6亿元的区人民医院新院区一期工程…": the name after its cost.
  opening = opening.replace(/^(?:预计)?总?投资[\d.]+[万亿]?元的/u, '');
  // "由县第二人民医院转型建设的康宁医养中心是…": the name after its description.
  opening = opening.replace(/^[^，,是]{2,24}的(?=\p{Script=Han}{2,12}(?:中心|医院|卫生院|保健院)是)/u, '');
  const subject = FACILITY_SUBJECT.exec(opening.replace(/作为.*$/u, ''))?.[1];
  if (subject === undefined || NOT_A_NAME.test(subject)) return {};
  // "区中医院新建中医综合治疗区，开设床位80张": the beds are the new building's, not the hospital's.
  // "市人民医院东院区、市妇幼保健院新院区等7个重点项目…": a list names no one owner.
  const rest = opening.slice(subject.length);
  // "全县二级以上医院5家": hospitals counted, not a subject.
  if (/^\d/u.test(rest)) return {};
  // "县人民医院胸痛中心、卒中中心…": a hospital's centres listed, the hospital owns what follows.
  const hospital = /^.+?(?:医院|卫生院|保健院)(?=\p{Script=Han}*中心$)/u.exec(subject)?.[0];
  if (hospital !== undefined && /^[、和与及]/u.test(rest)) return { named: subject, owner: hospital };
  // "石门镇卫生院建成康复病区和血液透析室，新增床位40张": wards and rooms it builds are its own, and so are their beds.
  if (/^(?:新建|建成|建设|扩建|改建|改造|开设|设立)[\p{Script=Han}和、]{2,20}?(?:病区|病房|室|科)$/u.test(rest))
    return { named: subject, owner: subject };
  // "县人民医院开设家庭病床，覆盖…老人1270名": a service it opens (not a building) serves the figures after it.
  const service = /^(?:开设|开通|推出|建立)(\p{Script=Han}{2,8})$/u.exec(rest)?.[1];
  if (service !== undefined && !BUILDING_END.test(service)) return { named: subject, owner: subject + service };
  return { named: subject, owner: BUILDS.test(rest) || /^[、和与及等]/u.test(rest) ? undefined : subject };
}

/** How a hospital's name ends (县人民医院, 石门镇卫生院, 区职业病防治院): what 该院 can mean. */
const HOSPITAL_NAME_END = /(?:医院|卫生院|保健院|防治院|疗养院|康复院)$/u;
/** What a facility builds or sets up as a place of its own, not a service it runs. */
const BUILDING_END = /(?:楼|院区|病房|病区|室|科|中心|工程|项目|基地|站|所)$/u;
/** A facility building something: what it builds owns the figures after it (beds it opens are its own). */
const BUILDS = /(?:新建|建成|建设|扩建|改建|改造|开设|设立)(?!\p{Script=Han}{0,4}床位)\p{Script=Han}{2,}/u;
/** A clause with a subject of its own that is not a facility: the county, a bureau, a team. */
const OTHER_SUBJECT = /^(?:全[县市区镇省]|各|[\p{Script=Han}]{0,4}(?:卫健局|卫健委|卫生健康局|卫生健康委|政府))/u;

/**
 * "县人民医院新院区项目总投资6.8亿元，设计床位800张；县中医医院康复综合楼年内完成投资4200万元":
 * a hospital, building or project opening a ；-part of a sentence (or a figure's label) owns the
 * beds, investment, area and workload figures after it (县人民医院新院区设计床位), until a part names
 * another subject; a part with no subject of its own keeps the last ("；新开展新技术新项目21项").
 */
function facilityOwners(earlier: string, sentence: string, items: SentenceLabel[]): void {
  // A ；-part comes on its own, after the parts before it (the end of `earlier`): they may name its subject.
  const before = /[^。！？!?]*$/u.exec(earlier)?.[0] ?? '';
  // "市人民医院持续擦亮技术品牌。全年门急诊量达186.4万人次…", "…。该院…": a sentence with no subject
  // of its own, or one opening on 该院, is about the facility the sentence before it opened with.
  // The paragraph's facility so far: each earlier sentence names one, keeps it (该院, no subject) or names another subject.
  let owner: string | undefined;
  // The last hospital among them: "医院编制床位", "医院完成各类手术" are the hospital's, not its new building's.
  let hospital: string | undefined;
  // The last facility named at all: what 该中心 inside a label means ("依托该中心开通的心理援助热线").
  let named: string | undefined;
  let centre: string | undefined;
  const track = (next: string | undefined): void => {
    owner = next;
    named = next ?? named;
    // "县人民医院胸痛中心…。该院…": a hospital's centre names its hospital too.
    const ofHospital =
      next === undefined ? undefined : /^.+?(?:医院|卫生院|保健院)(?=\p{Script=Han}*中心$|$)/u.exec(next)?.[0];
    if (ofHospital !== undefined) hospital = ofHospital;
  };
  for (const previous of earlier.slice(0, earlier.length - before.length).split(/(?<=[。！？!?])/u))
    track(nextOwner(owner, previous));
  let from = -before.length;
  for (const part of (before + sentence).split(/(?<=[；;。！？!?])/u)) {
    const to = from + part.length;
    if (from >= 0 || part.trim() !== '') track(from >= 0 ? nextOwner(owner, part) : nextOwner(owner, part, true));
    // "医院康复综合楼项目总投资…" opens on the building, not on the hospital.
    const building = facilityOpening(openingOf(part)).named;
    // "县中医院今年投入…改造消毒供应中心，该院…": the hospital the part opened on, whatever it built.
    if (building !== undefined && HOSPITAL_NAME_END.test(building)) hospital = building;
    // "区疾控中心新建的公共卫生实验楼…，该中心…": the centre named, whatever it builds.
    if (building !== undefined && /(?:中心|血站)$/u.test(building)) centre = building;
    const opensOnHospital =
      THIS_FACILITY.test(openingOf(part, false)) &&
      !BUILT.test(openingOf(part, false)) &&
      !(building !== undefined && /(?:楼|院区|病房|工程)$/u.test(building));
    for (const item of items) {
      if (item.figure.start < from || item.figure.start >= to) continue;
      // "县人民医院新院区项目总投资": a label naming its facility names the owner of the figures after it.
      const own = FACILITY_SUBJECT.exec(item.label);
      if (
        own?.[1] !== undefined &&
        !NOT_A_NAME.test(own[1]) &&
        FACILITY_ATTRIBUTE.test(item.label.slice(own[0].length))
      )
        owner = own[1];
      // "…，全县完成投资3.5亿元": a clause with a subject of its own is not about the facility.
      const clause = cleanText(
        sentence
          .slice(0, item.figure.start)
          .split(/[，,；;]/u)
          .pop() ?? '',
      );
      if (OTHER_SUBJECT.test(clause)) owner = undefined;
      // "…，该院医院感染发生率降至0.9%": a clause opening on 该院 is the hospital's, whoever owns the part.
      const clauseOnHospital = /^(?:该院|该医院)/u.test(clause);
      // "改扩建后，该中心可开展检测项目…": 该中心 opening a later clause is the centre named before.
      const clauseOnCentre = /^(?:该中心|该站)/u.test(clause) && !THIS_FACILITY.test(openingOf(part, false));
      const textBefore = earlier + sentence.slice(0, item.figure.start);
      const whose = clauseOnHospital
        ? (hospital ?? lastNamedFacility(textBefore, /院$/u) ?? owner)
        : clauseOnCentre
          ? (centre ?? lastNamedFacility(textBefore, /(?:中心|站)$/u) ?? owner)
          : owner === undefined && !opensOnHospital
            ? undefined
            : (/^(?:该院|医院)/u.test(item.label) || opensOnHospital) && !THIS_CENTRE.test(openingOf(part, false))
              ? (hospital ??
                owner ??
                (opensOnHospital ? lastNamedFacility(earlier + sentence.slice(0, from), /院$/u) : undefined))
              : owner;
      // 该中心 with no owner to give it, or inside a label: the facility it means, by name.
      const referred = /该(中心|院|医院|站)(?=\p{Script=Han})/u.exec(item.label);
      const ofCentre = referred?.[1] === '中心' || referred?.[1] === '站';
      const referent = ofCentre ? (centre ?? named) : (hospital ?? named);
      if (referred !== null && referent !== undefined && (referred.index > 0 || (ofCentre && whose === undefined)))
        item.label = item.label.replace(referred[0], referent);
      if (whose === undefined || item.label.includes(whose)) continue;
      const work = withoutExamples(item.label)
        .replace(/^(?:该院|医院(?!感染)|该中心|该站)(?=\p{Script=Han}{2})/u, '')
        .replace(/^现(?=开放|设|编制)/u, '')
        .replace(/^各类/u, '')
        .replace(/^新(?=开展)/u, '')
        .replace(DONE_VERB, '')
        .replace(/^(?:设置|开设|设有|配置)(?=\p{Script=Han}{0,4}床位)/u, '');
      if (!ownedByFacility(work, whose)) continue;
      // "县中医医院推出中医上门服务，全年上门服务3200人次": work that names the service is the hospital's own.
      const tail = /(?:医院|卫生院|保健院|中心)(\p{Script=Han}{2,8})$/u.exec(whose)?.[1] ?? '';
      const service = BUILDING_END.test(tail) || /医院$/u.test(tail) ? '' : tail;
      const saysService = sharesRun(service, work, 2);
      item.label = (saysService ? whose.slice(0, whose.length - service.length) : whose) + work;
    }
    from = to;
  }
}

/**
 * "…,区职业病防治院牵头实施…项目,…。该院全年完成…": the hospital 该院 (or the centre 该中心) means, when no sentence
 * opened on it, is the last one of that kind a clause of the paragraph opened on.
 */
function lastNamedFacility(text: string, kind: RegExp): string | undefined {
  let found: string | undefined;
  for (const clause of text.split(/[，,；;。！？!?]/u)) {
    const named = facilityOpening(openingOf(clause)).named;
    if (named !== undefined && kind.test(named)) found = named;
  }
  return found;
}

/**
 * Whether a figure's label, in a clause whose subject is a hospital or one of its campuses, is that hospital's: any
 * label but one naming a subject of its own (another institution, the whole county, every hospital). A list of the
 * kinds a hospital owns (beds, investment, surgery) missed the rest of what it does: 老年病床位, 收治老年住院患者,
 * 项目总投资, 开展脑卒中溶栓、取栓治疗 (fresh sets 6 and 10).
 */
function ownedByFacility(work: string, facility: string): boolean {
  if (FACILITY_ATTRIBUTE.test(work) || HOSPITAL_WORK.test(work) || FACILITY_WORK.test(work)) return true;
  // A building a hospital puts up owns its beds and cost, not the hospital's work after it (区中医院新建中医综合治疗区).
  // A hospital's service (县人民医院家庭病床) does its work too; a building it puts up does not.
  const service = /(?:医院|卫生院|保健院|中心)\p{Script=Han}{2,8}$/u.test(facility) && !BUILDING_END.test(facility);
  if (!/(?:医院|卫生院|保健院|防治院|疗养院|康复院|院区|中心|血站)$/u.test(facility) && !service) return false;
  if (work.length < 2 || OTHER_SUBJECT.test(work) || /^(?:其中|共|均|分别|同比|较|比|占)/u.test(work)) return false;
  // 医院感染 (hospital-acquired infection) names no institution.
  return (
    !INSTITUTION_IN_LABEL.test(work.replace(/医院感染/gu, '')) &&
    !/^(?:\p{Script=Han}{0,6}(?:县|市|区|镇|乡|村|省|国家|全国))/u.test(work)
  );
}

/**
 * "为856名失能、半失能老人提供上门医疗服务3200余人次": the people counted are those given the
 * service (接受上门医疗服务的失能、半失能老人), not a kind of people the label's first words name.
 */
function servedPeople(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    if (!PEOPLE_UNITS.has(item.figure.unit) || !/为$/u.test(sentence.slice(0, item.figure.start))) continue;
    const after =
      /^([\p{Script=Han}0-9、]{2,16}?)(免费)?(?:提供|开展|进行|实施)([\p{Script=Han}、]{2,16}?)(?=[\d，,；;。]|$)/u.exec(
        cleanText(sentence.slice(item.figure.end)),
      );
    if (after === null) continue;
    const [, people = '', free = '', service = ''] = after;
    // A label that names all of them ("脱贫享受政策人口免费健康查体人数") stays; one that lost part of a list ("失能人数",
    // "适龄妇女免费宫颈癌人数" for 宫颈癌、乳腺癌筛查) is remade.
    const lost = !item.label.includes(people) || (service.includes('、') && !item.label.includes(service));
    // One facility's service stays its own (县疾控中心…的35岁以上居民).
    const facility = FACILITY_SUBJECT.exec(item.label)?.[1];
    if (PEOPLE_NOUN.test(people) && lost && (free === '' || service.includes('、')))
      item.label =
        facility !== undefined && !NOT_A_NAME.test(facility)
          ? `${facility}${free}${service}的${people}`
          : `接受${free}${service}的${people}`;
  }
}

/** Money named by its kind alone: 资金, 专项资金, 补助资金. */
const PROGRAMME_MONEY = /^(?:\p{Script=Han}{0,3}财政)?(?:投入|安排|拨付|争取)?(?:专项|补助|配套)?(?:资金|经费)$/u;

/**
 * "异地就医直接结算惠及参保群众26.4万人次，结算医疗费用12.9亿元", "将DRG付费覆盖至…，全年入组病例31.8万例，入组率…":
 * the programme the sentence opens on owns the money, the short counts and the bare rates printed after it.
 */
function sentenceProgramme(sentence: string, items: SentenceLabel[]): void {
  const first = items[0];
  if (first === undefined) return;
  const reached = /^(\p{Script=Han}{4,14}?)(?:惠及|覆盖|受益)/u.exec(first.label)?.[1];
  // 将X扩大到 grows a scope (将专项救治病种扩大到42种); 将X覆盖至 spreads a programme.
  const extended = /将([\p{Script=Han}A-Za-z]{2,12}?)(?:覆盖|推广|延伸)(?:至|到)/u.exec(
    sentence.slice(0, first.figure.start),
  )?.[1];
  const programme = reached ?? extended;
  if (programme === undefined) return;
  for (const item of items) {
    if (item === first && reached !== undefined) continue;
    if (item.label.includes(programme)) continue;
    const bare =
      (item.figure.unit === '元' && !/(?:院|中心|站|局|委)/u.test(item.label) && item.label.length <= 8) ||
      (item.label.replace(/(?:人数|人次|例数|户数)$/u, '').length <= 4 &&
        !/(?:院|中心|站|局|委|县|区|市)/u.test(item.label));
    if (!bare) continue;
    // 异地就医直接结算 + 结算医疗费用: the shared word once.
    const shared = programme.endsWith(item.label.slice(0, 2)) ? 2 : 0;
    item.label = programme + item.label.slice(shared);
  }
}

/**
 * "将“两癌”检查项目纳入…，累计检查目标人群196533人": an activity printed without its object
 * is the one the sentence or paragraph named before it as a quoted programme (“两癌”检查).
 */
function programmeNames(earlier: string, sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    // "深入实施“基层强基”提升工程，投入资金5460万元": bare money is the quoted programme's the sentence opened with.
    if (item.figure.unit === '元' && PROGRAMME_MONEY.test(item.label)) {
      // The first clause that is more than a time or a connective ("今年，…实施“安心孕育”…工程").
      const opening =
        sentence
          .slice(0, item.figure.start)
          .split(/[，,；;]/u)
          .find((clause) => clause.trim() !== '' && !TIME_ONLY.test(clause.trim())) ?? '';
      const programme = /[“"「『]([^”"」』“]{1,12})[”"」』](\p{Script=Han}{0,10}?(?:工程|行动|项目|计划|活动))/u.exec(
        opening,
      );
      // Who paid (县财政安排) stays out, as it does before 用于 (label.ts).
      if (programme !== null)
        item.label =
          cleanText(`${programme[1] ?? ''}${programme[2] ?? ''}`) +
          item.label.replace(/^\p{Script=Han}{0,3}财政(?:投入|安排|拨付)?(?=\p{Script=Han}{2})/u, '');
      continue;
    }
    const activity = ACTIVITY.exec(item.label)?.[0];
    if (activity === undefined) continue;
    const text = earlier + sentence.slice(0, item.figure.start);
    // "试点“先诊疗后付费”，惠及住院患者…": the programme may end the clause before.
    const named = [
      ...text.matchAll(new RegExp(`[“"「『]([^”"」』“]{1,12})[”"」』][，,]?${activity}`, 'gu')),
    ].pop()?.[1];
    // "“阳光心育”进校园活动走进全市中小学，全年覆盖学生…": those reached were reached by the programme the sentence opens on.
    const opening =
      named === undefined && /^(?:惠及|受益|覆盖)/u.test(activity)
        ? /^[“"「『]([^”"」』“]{1,12})[”"」』]/u.exec(sentence)?.[1]
        : undefined;
    const name = cleanText(named ?? opening ?? '');
    if (name !== '' && !item.label.includes(name)) item.label = name + item.label;
  }
}

/** What an institution earns or spends: the figure belongs to an institution the text names. */
const OWNED = /^(?:业务|医疗|营业|药品|总)?(?:收入|支出)$/u;
const INSTITUTION = /\p{Script=Han}{0,8}?(?:医院|卫生院|保健院|服务中心|疾控中心|急救中心)/gu;
/** INSTITUTION without its global flag, so .test() keeps no position between calls. */
const INSTITUTION_IN_LABEL = new RegExp(INSTITUTION.source, 'u');

/**
 * "医院门诊人数突破20.4万人次，…业务收入1.5亿元": income or spending names its institution, the
 * last one the sentence (else the paragraph) named before the figure → 医院业务收入.
 */
function owners(earlier: string, sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    if (!OWNED.test(item.label)) continue;
    const text = earlier + sentence.slice(0, item.figure.start);
    const found = [...text.matchAll(INSTITUTION)].pop()?.[0];
    const owner = found === undefined ? '' : stripFillers(afterLeadVerb(found)).words;
    if (owner.length >= 2) item.label = owner + item.label;
  }
}

/** A clause of the sentence: where it starts and ends. */
interface ClauseSpan {
  start: number;
  end: number;
}

/**
 * Bare labels (label-topic.ts) take the topic their sentence or paragraph named before them:
 * an attribute the thing counted just before it (养老机构 → 养老机构床位), else any bare label
 * the nearest earlier clause's topic (the words after its last figure, or the whole clause),
 * else the sentence just before it or the paragraph's opening sentence, when that gives no figure.
 */
function topics(
  sentence: string,
  items: SentenceLabel[],
  clauses: readonly ClauseSpan[],
  paragraph: readonly string[],
): void {
  // Bareness as printed, before any label here takes a topic.
  const kinds = items.map((item) => bareKind(item.label));
  items.forEach((item, k) => {
    const kind = kinds[k];
    if (kind === undefined) return;
    const p = items.slice(0, k).findLastIndex((other) => other.figure.start < item.figure.start);
    const previous = items[p];
    // The thing counted before, not a sum, a rate or another attribute: 建筑面积 is not the 投资's.
    if (
      kind === 'attribute' &&
      previous !== undefined &&
      kinds[p] === undefined &&
      !['元', '%', '‰'].includes(previous.figure.unit) &&
      // Beds and floor space belong to a place, not to the people counted before them (卫生技术人员4120人，床位3260张); a share may.
      !(PEOPLE_UNITS_ALL.has(previous.figure.unit) && !/[占比]/u.test(item.label))
    ) {
      item.label = attachTopic(previous.label.replace(/(?:人数|人次|次数|户数)$/u, ''), item.label, kind);
      return;
    }
    const own = clauses.findIndex((c) => item.figure.start >= c.start && item.figure.start <= c.end);
    for (let c = own - 1; c >= 0; c--) {
      const clause = clauses[c] as ClauseSpan;
      const lastFigure = items
        .filter((other) => other.figure.start >= clause.start && other.figure.end <= clause.end)
        .reduce((end, other) => Math.max(end, other.figure.end), clause.start);
      const topic = clauseTopic(sentence.slice(lastFigure, clause.end));
      if (topic !== '') {
        item.label = attachTopic(topic, item.label, kind);
        return;
      }
    }
    // The sentence just before, else the paragraph's opening sentence, when it gives no figure.
    const named = paragraph[paragraph.length - 1] || paragraph[0] || '';
    // "禹泽县卫生健康局坚持以人民健康为中心": a bureau and its motto are no topic of a figure.
    if (named !== '' && !SLOGAN_TOPIC.test(named)) item.label = attachTopic(named, item.label, kind);
  });
}

/** A paragraph's opening that is a bureau saying what it holds to, not a topic. */
const SLOGAN_TOPIC = /(?:卫生健康局|卫健局|卫生健康委|卫健委|坚持|以人民健康为中心|聚焦|围绕|紧扣|立足)/u;

/** An institution opening its sentence as the subject: 区中医医院…, 全区120急救中心… */
const INSTITUTION_SUBJECT =
  /^([\p{Script=Han}0-9]{0,10}?(?:医院|卫生院|保健院|急救中心|指挥中心|疾控中心|服务中心)(?:实验室)?)/u;
/** A hospital's own workload and income: figures of whichever hospital the sentence is about. */
const HOSPITAL_WORK =
  /^(?:入住院|住院|出院|(?:[三四](?:、[三四])?级)?手术|门诊|门急诊|急诊|业务收入|医疗收入|平均住院日)/u;
/** A verb of doing that work, left out of the label (完成门诊量, 实现业务收入, 开展四级手术). */
const DONE_VERB = /^(?:完成|实现|开展)/u;
/** Verbs of a service an institution gives: a label opening with one has left its subject unsaid. */
const SERVICE_VERB = /^(?:出车|接诊|救治|收治|接听|受理|抢救|转诊|诊治|接收|治疗|诊疗|下派|派驻|远程会诊|会诊)/u;

/**
 * The clauses after an institution's first clause keep it as their subject (承前省略):
 * "全区120急救中心全年接听呼救电话3.2万个，出车1.8万次" → 120急救中心出车次数. A label opening
 * with a verb of service lacks its subject, and so does a measure of the institution's own
 * workload (出院患者, 手术, 检测): "区中医医院…，出院患者1.1万人次" → 区中医医院出院患者人次.
 */
function institutionSubject(sentence: string, items: SentenceLabel[]): void {
  const first = stripFillers(cleanText(sentence.split(/[，,；;。！？!?]/u)[0] ?? '')).words;
  const institution = INSTITUTION_SUBJECT.exec(first)?.[1];
  if (institution === undefined || institution.length < 3) return;
  for (const item of items) {
    if (item.label.includes(institution)) continue;
    const work = item.label.replace(DONE_VERB, '');
    // In the first clause a label with a verb of service already has its subject printed before it.
    if (HOSPITAL_WORK.test(work) || /^(?:检测|各类)/u.test(work))
      item.label = institution + work.replace(/^各类/u, '').replace(/^入住院/u, '住院');
    else if (SERVICE_VERB.test(item.label) && item.figure.start >= first.length) item.label = institution + item.label;
  }
}

/**
 * "共有乡村医生586名，其中具有执业（助理）医师资格的213名": a subset printed after 其中 with
 * only its modifier names the people of the figure before it (…资格的 + 乡村医生).
 */
function subsets(sentence: string, items: SentenceLabel[]): void {
  // "全区在岗乡村医生中，60岁以上的有132人": the set named by a clause "X中" heads the people counted in it.
  const opening = stripFillers(cleanText(sentence.split(/[，,]/u)[0] ?? '')).words;
  const among = /^(?:在(?=[全各本我]))?(\p{Script=Han}{2,12})中$/u.exec(opening)?.[1];
  for (const item of items) {
    if (among === undefined || !PEOPLE_UNITS.has(item.figure.unit) || !/人数$/u.test(item.label)) continue;
    if (!item.label.includes(among)) item.label = item.label.replace(/人数$/u, '') + among;
  }
  // "经救治单元转诊的心梗患者中，绕行急诊直达导管室的占81.5%": a share in a clause after "Y中" is a share of Y.
  for (const item of items) {
    const part = /^(\p{Script=Han}{2,16}?)的?占比$/u.exec(item.label)?.[1];
    if (item.figure.unit !== '%' || part === undefined) continue;
    const group = /^(?:在)?(\p{Script=Han}{2,16})中$/u.exec(
      stripFillers(clauseBefore(sentence, item.figure.start)).words,
    )?.[1];
    if (group !== undefined && !item.label.includes(group)) item.label = `${group}中${part}占比`;
  }
  // "全县12处镇卫生院中，达到…推荐标准的9处": a part of things counted by its predicate alone is of that set.
  const set = /^(?:全[县市区镇])?[\d.]+[处个家所座](\p{Script=Han}{2,12})中$/u.exec(opening);
  if (set !== null) {
    const things = set[1] ?? '';
    for (const item of items.slice(1)) {
      if (item.figure.unit === '%' || PEOPLE_UNITS.has(item.figure.unit) || item.label.includes(things)) continue;
      if (/的$/u.test(sentence.slice(0, item.figure.start))) item.label = `${item.label}的${things}`;
    }
  }
  for (let k = 1; k < items.length; k++) {
    // "其中硕士研究生以上学历58人、副高级以上职称41人": every item of the 其中-list is a part of the whole.
    const w = beforeList(sentence, items, k);
    const whole = items[w] as SentenceLabel;
    const part = items[k] as SentenceLabel;
    if (!PEOPLE_UNITS.has(part.figure.unit) || !PEOPLE_UNITS.has(whole.figure.unit)) continue;
    if (!/^[，,]其中/u.test(sentence.slice(whole.figure.end, (items[w + 1] as SentenceLabel).figure.start))) continue;
    // People recruited: the parts were recruited too (引进硕士研究生以上学历人才).
    const recruited = /^(?:累计)?(引进|招聘|招录|新进|新招|招引)/u.exec(whole.label)?.[1];
    if (recruited !== undefined && /^(?:\S+?)(?:人才|人数)$/u.test(part.label) && !part.label.startsWith(recruited)) {
      const noun = /人才$/u.test(whole.label.replace(/人数$/u, '')) ? '人才' : '人员';
      part.label = `${recruited}${part.label.replace(/(?:人才|人数)$/u, '')}${noun}`;
      continue;
    }
    if (!/人数$/u.test(part.label)) continue;
    const people = whole.label.replace(/人数$/u, '');
    // The people without a scope or state word before them (在岗乡村医生 → 乡村医生).
    const bare = people.replace(PEOPLE_SCOPE, '');
    const head = bare.length <= 4 ? bare : bare.slice(-2);
    if (!part.label.includes(head)) part.label = part.label.replace(/人数$/u, '') + head;
  }
}

/** "该院…" or "医院…" opening a sentence, and the hospital the sentence before names first. */
export function hospitalNamedBefore(earlier: string, sentence: string): { bare: string; named: string } | undefined {
  // The first clause that is not only a time (1—9月份，…) or a setting (在全省…考核中，…).
  const clauses = sentence
    .split(/[，,；;。]/u)
    .filter((c) => !/^[\d—–\-～~至到年月份日底末初上下半季度前后]*$/u.test(c) && !/^在.{2,24}中$/u.test(c));
  // Before fillers are stripped: 该院 is one of them.
  const raw = cleanText(clauses[0] ?? '');
  const opening = /^(?:医院|该院)/u.test(raw) ? raw : stripFillers(raw).words;
  const bare = /^(?:医院|该院)(?![、和及与])/u.exec(opening)?.[0];
  if (bare === undefined) return undefined;
  // The hospital the sentence before is about: the first it names (区人民医院与市立医院签约。该院… is 区人民医院).
  const before =
    earlier
      .split(/(?<=[。！？!?])/u)
      .filter((t) => t.trim() !== '')
      .pop() ?? '';
  // A clause of it opening on a hospital names it best ("柳河镇卫生院依托康复科与县人民医院共建…" is 柳河镇卫生院).
  const opened = before
    .split(/[，,；;。！？!?]/u)
    .map((clause) => facilityOpening(openingOf(clause)).named)
    .find((name) => name !== undefined && HOSPITAL_NAME_END.test(name) && !NOT_A_NAME.test(name));
  if (opened !== undefined) return { bare, named: opened };
  const named = [...before.matchAll(/(?:[县市区镇]|[\p{Script=Han}]{2}[县市区])[\p{Script=Han}]{0,6}?医院/gu)]
    .map((m) => stripFillers(afterLeadVerb(m[0])).words)
    .filter((name) => name.length >= 4 && name !== '医院' && !/(?:以上|以下|各|等|所有|全部|[0-9])/u.test(name))
    .shift();
  return named === undefined ? undefined : { bare, named };
}

/**
 * "…新建区人民医院综合病房楼。1—9月份，医院门诊人数突破20.4万人次，入住院1.64万人次，手术3256例": a
 * sentence that opens on 医院 (or 该院) means the hospital its paragraph last named, and so do the
 * hospital workload figures after it (区人民医院门诊人次, 区人民医院手术例数).
 */
function namedHospital(earlier: string, sentence: string, items: SentenceLabel[]): void {
  const hospital = hospitalNamedBefore(earlier, sentence);
  if (hospital === undefined) return;
  const { bare, named } = hospital;
  for (const item of items) {
    if (item.label.startsWith(bare)) item.label = named + item.label.slice(bare.length);
    else if (HOSPITAL_WORK.test(item.label) && !/(?:医院|卫生院|保健院)/u.test(item.label))
      item.label = named + item.label.replace(/^入住院/u, '住院');
  }
}

/** Verbs of something done to or for people: a label opening with one has left out whose it is. */
const RECEIVED =
  /^(?:规则服药|规范服药|服药|住院救治|住院|救治|统筹报销|报销|减免|签约服务|签约|随访|筛查|体检|查体|接种|救助|慰问)/u;
/** Verbs before the people a figure counts: 管理结核病患者 → 结核病患者. */
const PEOPLE_VERB = /^(?:管理|签约服务|签约|服务|救治|帮扶|随访|筛查|救助|慰问|新增|登记|在管|覆盖)/u;
/** People counted one by one, or by household. */
const PEOPLE_UNITS_ALL = new Set([...PEOPLE_UNITS, '户']);
const RECEIVED_UNITS = new Set(['人', '名', '位', '户', '人次', '次', '例', '元', '%', '‰']);

/** The people a figure counts, named in its label (管理结核病患者 → 结核病患者), or undefined. */
function peopleOf(item: SentenceLabel): string | undefined {
  if (!PEOPLE_UNITS_ALL.has(item.figure.unit)) return undefined;
  const people = item.label
    .replace(/(?:人数|户数)$/u, '')
    .replace(/^.*(?:惠及|覆盖)/u, '')
    .replace(PEOPLE_VERB, '');
  return people.length >= 2 && PEOPLE_NOUN.test(people) && !RECEIVED.test(people) ? people : undefined;
}
const PEOPLE_NOUN = /(?:[人者员士师生童女妇民属户众]|家庭|人群|人口|书记)$/u;

/**
 * "全县共计管理结核病患者234人，规则服药234人，…规则服药率均达100%": a later figure whose label opens with
 * something done to people (服药, 救治, 报销, 签约…), or is that thing's rate, is about the people an
 * earlier figure of the sentence counted (结核病患者规则服药人数, 患病贫困人口统筹报销费用). A rate printed
 * 分别 after two groups is both groups' (贫困人口和计划生育特殊家庭签约率).
 */
function peopleSubjects(sentence: string, items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    // Done to people: people, times or cases, money or a rate; not things (签约服务团队210个).
    if (!RECEIVED_UNITS.has(item.figure.unit) || !RECEIVED.test(item.label) || peopleOf(item) !== undefined) return;
    const verb = RECEIVED.exec(item.label)?.[0] ?? '';
    const groups: string[] = [];
    for (let j = k - 1; j >= 0 && groups.length < 2; j--) {
      const counted = items[j] as SentenceLabel;
      const people = peopleOf(counted);
      // People a thing was done to are some of the group: never more than it (接种新冠疫苗12.6万人 is not of 120 patients).
      if (people !== undefined && PEOPLE_UNITS_ALL.has(item.figure.unit) && item.figure.value > counted.figure.value)
        return;
      if (people !== undefined) groups.unshift(people);
      if (people !== undefined && !/分别/u.test(sentence.slice(item.figure.start - 8, item.figure.start))) break;
    }
    // The group is named by the same act (两癌筛查目标人群 … 完成筛查): it is no subject of it.
    if (groups.length === 0 || groups.some((g) => item.label.includes(g) || g.includes(verb))) return;
    item.subject = groups.join('和');
  });
}

/**
 * "为12874名80岁及以上老年人发放津贴补贴1278.9万元": the money given is given to the people counted
 * before it (their label: 80岁及以上老年人津贴补贴人数), so it is theirs: 80岁及以上老年人津贴补贴.
 */
function serviceMoney(sentence: string, items: SentenceLabel[]): void {
  for (let k = 1; k < items.length; k++) {
    const money = items[k] as SentenceLabel;
    const people = items[k - 1] as SentenceLabel;
    if (money.figure.unit !== '元' || !PEOPLE_UNITS_ALL.has(people.figure.unit) || money.subject !== undefined)
      continue;
    if (!/为(?:全[县区市镇])?$/u.test(sentence.slice(Math.max(0, people.figure.start - 4), people.figure.start)))
      continue;
    // "…名X发放Y": X is who the money went to.
    const given = new RegExp(`^[的]?([\\p{Script=Han}0-9]{2,16}?)${SERVICE_GIVE.source}`, 'u').exec(
      cleanText(sentence.slice(people.figure.end, money.figure.start).replace(/^[名人位户]/u, '')),
    )?.[1];
    const recipients = given?.replace(/(?:免费|无偿|集中|统一|全部)+$/u, '');
    if (recipients !== undefined && recipients.length >= 2 && !money.label.includes(recipients))
      money.subject = recipients;
  }
}
/** Verbs of giving to people: "为N名X发放Y M元". */
const SERVICE_GIVE = /(?:发放|减免|补贴|救助|资助|报销|支付|提供|慰问)/u;

/** "累计检查目标人群196533人": those checked, not the size of the group aimed at (两癌检查人数). */
function checkedPeople(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    if (!PEOPLE_UNITS_ALL.has(item.figure.unit)) continue;
    // The verb done (累计检查目标人群N人), not a name (确定两癌筛查目标人群N人: the group aimed at).
    const done =
      /(?:^|[，,；;]|累计|共|已|完成|全年|今年|年内|当年|全[县市区镇])(?:检查|筛查|体检|随访|查体)目标人群$/u.test(
        cleanText(sentence.slice(0, item.figure.start)),
      );
    if (done) item.label = item.label.replace(/(检查|筛查|体检|随访|查体)目标人群$/u, '$1人数');
  }
}

/** Units of things one owns (beds, rooms, sites), not of people, services or money. */
const THING_UNITS = /^(?:张|个|家|所|台|支|处|间|辆|套|座)$/u;

/** The index of the figure before the 、-list that item k ends ("其中A 5名、B 41名": the figure before A). */
function beforeList(sentence: string, items: readonly SentenceLabel[], k: number): number {
  let w = k - 1;
  while (
    w > 0 &&
    /^、\p{Script=Han}{2,20}$/u.test(
      sentence.slice((items[w] as SentenceLabel).figure.end, (items[w + 1] as SentenceLabel).figure.start),
    )
  )
    w -= 1;
  return w;
}

/** "设置床位1450张，其中护理型床位860张": a part of things takes what the whole's label says they belong to. */
function thingSubsets(sentence: string, items: SentenceLabel[]): void {
  for (let k = 1; k < items.length; k++) {
    // "其中医疗床位1120张、养老床位2740张": every item of the 其中-list is a part of the whole before it.
    const w = beforeList(sentence, items, k);
    const whole = items[w] as SentenceLabel;
    const part = items[k] as SentenceLabel;
    if (part.figure.unit !== whole.figure.unit || !THING_UNITS.test(part.figure.unit)) continue;
    const first = items[w + 1] as SentenceLabel;
    const between = sentence.slice(whole.figure.end, first.figure.start);
    // The part follows its whole, or the clause its whole opens ("16处乡镇卫生院推进…建设，其中12处").
    const joined = /^[，,]其中/u.test(between);
    if (!joined && !/^[^，,；;。]*[，,]其中\p{Script=Han}{0,12}$/u.test(between)) continue;
    // "标准化村卫生室达到286个，其中今年新建32个": a part named by its verb alone is of the whole's things.
    const verb = /^(?:今年|年内|当年|全年)?(?:新建|新增|建成|改造|新设)$/u.exec(part.label)?.[0];
    if (verb !== undefined) {
      part.label = verb + whole.label.replace(/^(?:累计)?(?:建成|新建|共有|现有)/u, '');
      continue;
    }
    // "在16处乡镇卫生院推进…，其中12处已通过省级验收", "建成健康企业52家，其中8家通过省级评估": a part named by
    // its predicate alone is the whole's things that did it (通过省级验收的乡镇卫生院).
    const done =
      /^(?:其中)?(?:已|均|全部)?((?:通过|获评|获得|被评为|评为|入选|达到|达标|完成|实现|纳入|列入|建成)\p{Script=Han}{0,10})$/u.exec(
        part.label,
      )?.[1];
    if (done !== undefined && /其中(?:已|均|全部)?$/u.test(between)) {
      const after = /^\p{Script=Han}{2,10}?(?:卫生院|医院|中心|企业|机构|单位|社区|学校|站|室|项目)/u.exec(
        sentence.slice(whole.figure.end),
      )?.[0];
      const things = after ?? whole.label.replace(/^(?:累计)?(?:建成|新建|共有|现有|拥有|创建)/u, '');
      if (things.length >= 2) part.label = `${done}的${things}`;
      continue;
    }
    // "完成118个村卫生室标准化改造，其中中心村卫生室42个": a kind of the whole's things that had the whole's act.
    const noun = [...Array(Math.max(0, part.label.length - 1)).keys()]
      .map((i) => part.label.slice(i + 1))
      .find((tail) => tail.length >= 2 && whole.label.startsWith(tail));
    const act = noun === undefined ? '' : whole.label.slice(noun.length);
    // "献血屋和固定采血点29处，其中…新增献血屋6处": the rest of a list is no act.
    if (noun !== undefined && act.length >= 2 && !part.label.includes(act) && !/^[和与及、]/u.test(act)) {
      part.label = `${act}的${part.label}`;
      continue;
    }
    if (!joined) continue;
    let shared = 0;
    while (
      shared < Math.min(whole.label.length, part.label.length) &&
      whole.label.at(-1 - shared) === part.label.at(-1 - shared)
    )
      shared += 1;
    const owner = whole.label.slice(0, whole.label.length - shared);
    // "市精神卫生中心开放床位420张，其中今年新增…床位40张": a part already named for the facility keeps its own words.
    const facility = FACILITY_SUBJECT.exec(whole.label)?.[1];
    if (facility !== undefined && part.label.startsWith(facility)) continue;
    // "设置床位1450张，其中护理型床位860张": a verb is no owner.
    if (/^(?:设置|开设|新增|增设|配置|配备|建成|现有|共有|拥有|开放)$/u.test(owner)) continue;
    // A grade or scope (二级以上) is no owner: 三级医院 are not 二级以上三级医院.
    // "平台接入医疗机构287家，其中…新接入基层医疗卫生机构164家": a part that says the whole's act again is no part of its name.
    const restated = sharesRun(owner, part.label, 2);
    if (
      shared >= 2 &&
      owner.length >= 2 &&
      !/(?:以上|以下|级|等)$/u.test(owner) &&
      !part.label.startsWith(owner) &&
      !restated
    ) {
      // "其中今年新建村卫生室18个": the new ones are of the whole's kind (新建标准化村卫生室).
      // The new beds of facilities stay the facilities' (医养结合机构新增床位).
      const flow = /(?:床位|面积|职工|人员)$/u.test(part.label) ? '' : (FLOW.exec(part.label)?.[0] ?? '');
      part.label = flow + owner + part.label.slice(flow.length);
    }
  }
}

/** Counts of an act done to places or people, whose kinds a 其中-list then names alone. */
const ACT_UNITS = new Set(['户次', '人次', '次', '场次', '件次', '家次']);
const RECRUIT = /^(?:累计)?(引进|招聘|招录|新进|新招|招引|培养|选派)/u;

/**
 * "全年共开展各类监督检查5820户次，…，其中医疗机构1960户次、公共场所2470户次": a 其中-list naming only kinds counts
 * the whole's act for each (医疗机构监督检查户次); "引进…人才73名，其中博士研究生5名": people the whole recruited were
 * recruited (引进博士研究生).
 */
function listParts(sentence: string, items: SentenceLabel[]): void {
  items.forEach((part, k) => {
    const first = beforeList(sentence, items, k) + 1;
    const start = (items[first] as SentenceLabel).figure.start;
    if (!/其中\p{Script=Han}{2,12}$/u.test(sentence.slice(0, start))) return;
    const whole = items
      .slice(0, first)
      .reverse()
      .find((w) => w.figure.unit === part.figure.unit && !/[；;。]/u.test(sentence.slice(w.figure.end, start)));
    const kind = part.label.endsWith(part.figure.unit) ? part.label.slice(0, -part.figure.unit.length) : part.label;
    // "照料服务…，其中健康服务45896人次": a kind that is an act of its own is not a kind of the whole's act.
    if (
      whole === undefined ||
      !/^\p{Script=Han}{2,8}$/u.test(kind) ||
      /(?:服务|检查|筛查|诊疗|体检|培训|治疗)$/u.test(kind)
    )
      return;
    const recruited = RECRUIT.exec(whole.label)?.[1];
    if (PEOPLE_UNITS.has(part.figure.unit) && recruited !== undefined) {
      if (!RECRUIT.test(part.label)) part.label = recruited + part.label;
      return;
    }
    const act = whole.label.replace(/^(?:累计)?(?:开展|完成|组织|实施|进行)/u, '').replace(/^各类/u, '');
    if (ACT_UNITS.has(part.figure.unit) && act.length >= 3 && !part.label.includes(act)) part.label = kind + act;
  });
}

/** "开展巡回义诊230余场次，服务群众4.2万人次": the people served after a count of events were served by those events. */
function servedByEvents(sentence: string, items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    const events = items[k - 1];
    if (
      events === undefined ||
      !/^(?:服务|惠及|覆盖|发动)/u.test(item.label) ||
      !/^(?:场次|场|次|期|批次)$/u.test(events.figure.unit)
    )
      return;
    if (!/^[，,]\p{Script=Han}{2,10}$/u.test(sentence.slice(events.figure.end, item.figure.start))) return;
    const activity = events.label.replace(/^(?:累计)?(?:开展|组织|举办|举行)/u, '').replace(/(?:场次|次数|次)$/u, '');
    // "组织…整治行动42次，发动干部群众8.6万人次参与": the people the events drew in.
    if (activity.length >= 2 && !item.label.includes(activity))
      item.label = activity + item.label.replace(/^发动/u, '');
  });
}

/** Acts done to people a count may name alone ("完成筛查2.46万人"). */
const COUNTED_ACT = /^(?:完成|开展)?(筛查|检查|体检|接种|随访|培训)(人数|人次|例数)?$/u;

/** "该院牵头开展适龄妇女“两癌”免费筛查，完成筛查2.46万人": a bare act counted is the act the clause before names. */
function actCounts(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    const counted = COUNTED_ACT.exec(item.label);
    if (counted === null) continue;
    const act = counted[1] ?? '';
    const object = new RegExp(`(?:开展|实施|完成|组织)(\\p{Script=Han}{2,16}?)${act}$`, 'u').exec(
      clauseBefore(sentence, item.figure.start),
    )?.[1];
    if (object !== undefined) item.label = `${object}${act}${counted[2] ?? ''}`;
  }
}

/** "立案查处职业卫生违法案件21起，罚没款38.5万元": fines are the cases' counted just before. */
function finesOfCases(items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    const cases = items[k - 1];
    if (item.figure.unit !== '元' || !/^(?:罚没款|罚款|罚没金额)$/u.test(item.label)) return;
    if (cases === undefined || !/^(?:起|宗|件)$/u.test(cases.figure.unit)) return;
    const what = cases.label.replace(/^(?:立案)?(?:查处|办理|处理)/u, '');
    if (what.length >= 2) item.label = what + item.label;
  });
}

/** "启动市精神卫生中心新院区建设，新院区设计床位600张": a campus named short is the institution's named before. */
function campusOf(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    const part = /^(?:新院区|院区|新院|分院|新址)/u.exec(item.label)?.[0];
    if (part === undefined) continue;
    const owner = [
      ...sentence
        .slice(0, item.figure.start)
        .matchAll(new RegExp(`(\\p{Script=Han}{2,12}?(?:医院|中心|卫生院|保健院))${part}`, 'gu')),
    ].pop()?.[1];
    const name =
      owner === undefined
        ? undefined
        : stripFillers(afterLeadVerb(owner.replace(/^.*(?:启动|推进|实施|开工|加快)/u, ''))).words;
    if (name !== undefined && name.length >= 3) item.label = name + item.label;
  }
}

/** "医疗机构检查检验结果互认，为群众节省费用约560万元": money saved was saved by the act of the clause before. */
function savedBy(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    if (item.figure.unit !== '元' || !/^(?:为)?(?:群众|患者|居民)?节省/u.test(item.label)) continue;
    const act = stripFillers(clauseBefore(sentence, item.figure.start)).words;
    if (act.length < 4 || act.length > 20 || /\d/u.test(act)) continue;
    item.label = act + (/^(?:群众|患者|居民)/u.test(item.label) ? `为${item.label}` : item.label);
  }
}

/**
 * "选派112名业务骨干到省、市三甲医院进修学习": people sent somewhere to study are counted as such, when the label
 * lost the act (业务骨干到省人数, cut at the 、 of the places).
 */
function sentPeople(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    if (!PEOPLE_UNITS.has(item.figure.unit)) continue;
    const sent = /^(\p{Script=Han}{2,8}?)(到|赴)([\p{Script=Han}、]{2,16}?)(进修|培训|挂职|轮训|坐诊)/u.exec(
      sentence.slice(item.figure.end),
    );
    if (sent === null || item.label.includes(sent[4] ?? '')) continue;
    item.label = `${sent[2]}${sent[3]}${sent[4]}${sent[1]}`;
  }
}

/** Verbs of building a list may name alone: "建成国医堂，其中新建6处、提档升级9处". */
const BUILD_VERB = /^(?:新建|改建|扩建|改扩建|提档升级|升级改造|改造|提升|新增|新设)$/u;

/** "在全县所有镇街卫生院建成国医堂，其中新建6处、提档升级9处": each verb built what the clause before built (新建国医堂). */
function builtParts(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    if (!BUILD_VERB.test(item.label)) continue;
    const built = /(?:建成|建设|打造|设立|建立)(\p{Script=Han}{2,8})[，,]其中[^，,；;。]*$/u.exec(
      sentence.slice(0, item.figure.start),
    )?.[1];
    if (built !== undefined) item.label += built;
  }
}

/**
 * "组建了由126人组成的院前急救队伍，其中急救医生42人、护士48人": the people counted after 其中 are the team's
 * (院前急救队伍急救医生), not every doctor and nurse of the county.
 */
function teamParts(sentence: string, items: SentenceLabel[]): void {
  const team =
    /由\d+[人名][^，,；;。]{0,12}?组成的([\p{Script=Han}“”"]{0,12}?(?:队伍|团队|专家团(?!队)|服务队|分队|医疗队|工作组|小组|队))/u.exec(
      sentence,
    );
  const name = team?.[1] === undefined ? undefined : cleanText(team[1]);
  if (team === null || name === undefined) return;
  const teamEnd = team.index + team[0].length;
  const parts = /^[，,]其中/u.test(sentence.slice(teamEnd))
    ? sentence.slice(teamEnd).search(/[；;。]|$/u) + teamEnd
    : teamEnd;
  for (const item of items) {
    if (item.figure.start < teamEnd || item.figure.start >= parts || !PEOPLE_UNITS.has(item.figure.unit)) continue;
    if (item.label.includes(name)) continue;
    // "市急救指挥中心院前急救队伍急救医生": the team goes after the institution that formed it.
    const label = item.label.replace(/^其中/u, '');
    const institution = FACILITY_SUBJECT.exec(label)?.[1] ?? '';
    item.label = institution + name + label.slice(institution.length);
  }
  // "组建由46名…医师组成的“健康直通车”专家团队，常年下沉镇街坐诊带教，累计接诊患者2.3万人次": the team serves.
  for (const item of items) {
    if (item.figure.start < parts || /[；;。]/u.test(sentence.slice(teamEnd, item.figure.start))) continue;
    const subject = /^\p{Script=Han}{0,6}?(?:医院|卫生院|中心)(?=\p{Script=Han}{2})/u.exec(item.label)?.[0] ?? '';
    const work = item.label.slice(subject.length).replace(/^累计/u, '');
    if ((SERVICE_VERB.test(work) || /^(?:服务|坐诊|带教)/u.test(work)) && !item.label.includes(name))
      item.label = name + work;
  }
}

/**
 * "在册严重精神障碍患者3127人，在册患者管理率97.8%": a label opening with a short form of a group the sentence named
 * before (same first two and last two characters) names the group in full (在册严重精神障碍患者管理率).
 */
function shortForms(items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    for (const earlier of items.slice(0, k)) {
      const group = earlier.label.replace(/(?:人数|人次|例数|户数)$/u, '');
      if (group.length < 5 || item.label.includes(group)) continue;
      // A short form is short: 严重精神障碍患者 is a name of its own, not a short 严重精神障碍在册患者.
      for (let n = 3; n <= 4 && n < group.length && n <= item.label.length - 2; n++) {
        const short = item.label.slice(0, n);
        if (short.slice(0, 2) === group.slice(0, 2) && short.slice(-2) === group.slice(-2)) {
          item.label = group + item.label.slice(n);
          return;
        }
      }
    }
  });
}

/** Units of events held: a count in people after one is of the events' audience. */
const EVENT_UNITS = new Set(['场', '场次', '期', '班', '批', '轮', '堂', '节', '次']);

/**
 * A figure named only as a part of the one counted just before it is that one's part:
 * "组建家庭医生团队236个，团队成员1180人" (家庭医生团队成员), "举办健康讲座682场，受众41370人次" (健康讲座受众人次),
 * "开展高血压、糖尿病筛查23460人，发现高危人群3108人" (高血压、糖尿病筛查发现高危人群).
 */
function partsOfPrevious(sentence: string, items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    const previous = items[k - 1];
    if (previous === undefined || /[；;。]/u.test(sentence.slice(previous.figure.end, item.figure.start))) return;
    const whole = previous.label.replace(/(?:人数|人次|例数|户数)$/u, '');
    const members = /^(团队|队伍|小组)?(成员|队员|组员)(人数)?$/u.exec(item.label);
    const group = /(团队|队伍|小组|队)$/u.exec(whole)?.[1];
    if (members !== null && group !== undefined) {
      item.label = whole + item.label.slice(members[1]?.length ?? 0);
      return;
    }
    const audience = /^(?:受众|听众|观众|参训人员|参训学员|学员|参与人员|参加人员|参与群众|参加群众)(?:人次|人数)?$/u;
    if (audience.test(item.label) && EVENT_UNITS.has(previous.figure.unit)) {
      item.label = whole + item.label;
      return;
    }
    // "为1850名基层护士提供…专科护理轮训，考核合格率…": a pass rate is of the training or people counted before.
    // "组建紧密型县域医共体9个，覆盖乡镇卫生院…86家": what is covered is the network's coverage.
    const passRate = /^(?:\p{Script=Han}{0,4}考核|首次|年度)?(?:合格|通过|达标)率$/u.test(item.label);
    if ((passRate || /^覆盖\p{Script=Han}{2}/u.test(item.label)) && previous.figure.unit !== '%' && whole.length >= 2) {
      item.label = whole + item.label;
      return;
    }
    const act = /^.*(?:筛查|检查|体检|检测|普查)/u.exec(whole)?.[0];
    // The owner both labels open with (县疾病预防控制中心) is said once, before the screening.
    let shared = 0;
    while (shared < whole.length && whole[shared] === item.label[shared]) shared++;
    const found = item.label.slice(shared);
    // "检出宫颈癌、乳腺癌及癌前病变" names its screening already.
    const named = act !== undefined && sharesRun(act, found, 3);
    if (/^(?:发现|检出|查出|确诊)/u.test(found) && act !== undefined && !item.label.includes(act) && !named)
      item.label = act + found;
  });
}

/**
 * "累计投入医共体建设资金4.27亿元，年均增长12.5%", "基层诊疗量占比达62.4%，高于全省平均水平8.7个百分点":
 * a change or comparison printed alone is of the figure before it.
 */
function changeOf(sentence: string, items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    const previous = items[k - 1];
    // "占33.96%，较上年提高6.2个百分点": a change named after a bare 占 is the share's change.
    const change = /^占((?:较上年|同比|比上年)?(?:增长|提高|下降|增加|减少))$/u.exec(item.label)?.[1];
    if (change !== undefined && items[k - 1]?.figure.unit === '%') {
      item.label = `${(items[k - 1] as SentenceLabel).label}${change}`;
      return;
    }
    if (!/^(?:年均|同比|较上年)?(?:增长|提高|下降|增加|减少)$|^(?:高于|低于)\p{Script=Han}{2,8}$/u.test(item.label))
      return;
    if (previous === undefined || /[；;。]/u.test(sentence.slice(previous.figure.end, item.figure.start))) return;
    item.label = `${previous.label}${item.label}`;
  });
}

/** "招聘医学类毕业生412名，其中本科及以上学历的占68.2%": a share of a part is of the people counted before it. */
function subsetShares(sentence: string, items: SentenceLabel[]): void {
  for (let k = 1; k < items.length; k++) {
    const whole = items[k - 1] as SentenceLabel;
    const share = items[k] as SentenceLabel;
    const part = /^([\p{Script=Han}（）()]{2,16})占比$/u.exec(share.label)?.[1];
    if (share.figure.unit !== '%' || part === undefined || !PEOPLE_UNITS_ALL.has(whole.figure.unit)) continue;
    if (!/^[，,]其中/u.test(sentence.slice(whole.figure.end, share.figure.start)) || share.label.includes(whole.label))
      continue;
    share.label = `${whole.label.replace(/人数$/u, '')}中${part}占比`;
  }
}

/** "建成医养结合机构12家，床位1680张，其中护理型床位占62%": a share of beds is of the beds before it, and so is its owner. */
function thingShares(sentence: string, items: SentenceLabel[]): void {
  for (let k = 1; k < items.length; k++) {
    const whole = items[k - 1] as SentenceLabel;
    const share = items[k] as SentenceLabel;
    const part = /^(\p{Script=Han}{1,6}?)(床位)占比$/u.exec(share.label);
    if (
      share.figure.unit !== '%' ||
      part === null ||
      !/^[，,]其中/u.test(sentence.slice(whole.figure.end, share.figure.start))
    )
      continue;
    const owner = whole.label.endsWith(part[2] ?? '') ? whole.label.slice(0, -(part[2] ?? '').length) : '';
    if (owner.length >= 2 && !share.label.startsWith(owner)) share.label = owner + share.label;
  }
}

function shares(items: SentenceLabel[]): void {
  let people: string | undefined;
  items.forEach((item, k) => {
    // "建成老年友善医疗机构41家，占全县二级以上医院和乡镇卫生院总数的93%": a share printed with its whole but
    // not its part is the share of the count before it (老年友善医疗机构占全县二级以上医院和乡镇卫生院比例).
    const of = /^占(\p{Script=Han}{2,20}?)(?:总数|总量)?的?(?:比例|比重)?$/u.exec(item.label)?.[1];
    const counted = items[k - 1];
    if (
      item.figure.unit === '%' &&
      of !== undefined &&
      counted !== undefined &&
      // "采购金额为1.26亿元，占药品采购总额的58.3%": money is a share of a sum of money.
      (!['%', '‰', '元'].includes(counted.figure.unit) ||
        (counted.figure.unit === '元' && /(?:额|资金|费用|支出|收入|经费|投入)$/u.test(of))) &&
      counted.label.length >= 2
    )
      item.label = `${counted.label.replace(/(?:人数|数量)$/u, '')}占${of}比例`;
    if (item.figure.unit === '%' && /数量$/u.test(item.label)) item.label += '占比';
    const previous = items[k - 1];
    if (previous !== undefined && PEOPLE_UNITS_ALL.has(previous.figure.unit)) people = previous.label;
    if (item.figure.unit !== '%' || previous === undefined) return;
    // "其中具备执业(助理)医师资格的438人，占39.1%": a bare 占 is the share of the figure before it.
    if (/^占(?:比)?$/u.test(item.label) && !['%', '‰', '元'].includes(previous.figure.unit))
      item.label = `${previous.label.replace(/(?:人数|数量)$/u, '')}占比`;
    // "45岁以下的占28.6%": a share named by its modifier alone is of the people the sentence counted.
    const modifier = /^(\d+岁(?:以上|以下|及以上|及以下)|\p{Script=Han}{2,6}的)占(?:比)?$/u.exec(item.label)?.[1];
    const whole = people?.replace(PEOPLE_SCOPE, '').replace(/人数$/u, '');
    if (modifier !== undefined && whole !== undefined && PEOPLE_NOUN.test(whole))
      item.label = `${modifier.replace(/的$/u, '')}${whole}占比`;
  });
}

/** What the sentence's paragraph and own clauses offer as topics (label-topic.ts). */
export interface TopicContext {
  /** The sentence's clauses, in reading order. */
  clauses: readonly ClauseSpan[];
  /** The topic of each earlier sentence of the paragraph, in reading order ('' when it gives a figure or none). */
  paragraph: readonly string[];
}

/**
 * Labels of one sentence's figures, in reading order, made to name their own subjects;
 * `carried` is the label of the paragraph's last figure before this sentence, `earlier`
 * the paragraph's text before it.
 */
export function refineLabels(
  sentence: string,
  items: SentenceLabel[],
  carried?: string,
  earlier = '',
  context: TopicContext = { clauses: [], paragraph: [] },
): void {
  carriedRates(items, carried);
  programmeNames(earlier, sentence, items);
  namedHospital(earlier, sentence, items);
  owners(earlier, sentence, items);
  sizes(sentence, items);
  oldAndNew(sentence, items);
  sharedPredicates(sentence, items);
  leadVerbs(sentence, items);
  respectiveRates(sentence, items);
  actRates(sentence, items);
  actCounts(sentence, items);
  bareRates(sentence, items);
  sentenceProgramme(sentence, items);
  attributes(sentence, items);
  attributeOwners(sentence, items);
  facilityOwners(earlier, sentence, items);
  subsets(sentence, items);
  topics(sentence, items, context.clauses, context.paragraph);
  institutionSubject(sentence, items);
  peopleSubjects(sentence, items);
  serviceMoney(sentence, items);
  checkedPeople(sentence, items);
  thingSubsets(sentence, items);
  facilityBeds(sentence, items);
  shares(items);
  servedPeople(sentence, items);
  targets(items);
  respectiveTotals(sentence, items);
  spentOn(sentence, items);
  perHead(sentence, items);
  reached(sentence, items);
  rateOfCount(items);
  namedProject(sentence, items);
  thingShares(sentence, items);
  changeOf(sentence, items);
  subsetShares(sentence, items);
  shortForms(items);
  teamParts(sentence, items);
  partsOfPrevious(sentence, items);
  listParts(sentence, items);
  builtParts(sentence, items);
  servedByEvents(sentence, items);
  finesOfCases(items);
  campusOf(sentence, items);
  savedBy(sentence, items);
  sentPeople(sentence, items);
  actObjects(sentence, items, earlier);
  assessmentScores(sentence, items);
  moneyPurposes(sentence, items);
  referents(sentence, items, earlier);
  actRatesFromCounts(items);
  countedDoers(sentence, items);
  diseaseRates(sentence, items, earlier);
  // "建成后可新增康复床位300张", "届时全院开放床位将增至1600张": when is not what.
  for (const item of items) item.label = item.label.replace(/^(?:建成后可?|后可?|届时)(?=\p{Script=Han}{2})/u, '');
  partsAndRatesOfWhole(sentence, items);
  sentenceReferents(sentence, items);
}

/** Words a count's label ends with that say how it is counted, not what: dropped when it names a whole. */
const COUNT_WORDS = /(?:人数|人次|例数|户数|次数|数量|家次|场次)$/u;

/** Words too common to say two labels are of one thing. */
const COMMON_WORDS = new Set(['人员', '人才', '人数', '机构', '单位', '资金', '经费', '金额', '费用', '投入']);

/** Whether two labels share a two-character word that is not a common one. */
function sharesWord(a: string, b: string): boolean {
  for (let i = 0; i + 2 <= a.length; i++) {
    const word = a.slice(i, i + 2);
    if (!COMMON_WORDS.has(word) && b.includes(word)) return true;
  }
  return false;
}

/** Rates and degrees whose words name only a manner or an act, never whose they are (整改完成率, 群众满意度). */
const SUBJECTLESS_RATE =
  /^(?:目标人群|群众|居民|患者|总体|综合|整体)?(?:整改|办结|处置|完成|按时|及时|规范|总)?(?:完成|覆盖|满意|知晓|合格|达标|办结|处置|整改)(?:率|度)$/u;

/**
 * Whatever is counted after 其中 is a part of the count before it, in any unit ("引进各类人才623人，其中博士研究生28人",
 * "反馈问题1478条…"): a part whose label does not name the whole's head is labelled as of the whole
 * (引进各类人才中博士研究生), and the share printed right after it follows (…中硕士及以上学历人员占比).
 * A rate that names only a manner or an act (整改完成率) is of what the figure before it counts (反馈问题整改完成率).
 */
function partsAndRatesOfWhole(sentence: string, items: SentenceLabel[]): void {
  for (let k = 1; k < items.length; k++) {
    const part = items[k] as SentenceLabel;
    const w = beforeList(sentence, items, k);
    const whole = items[w] as SentenceLabel;
    const between = sentence.slice(whole.figure.end, (items[w + 1] as SentenceLabel).figure.start);
    // People and money only: a part of things (其中三级医院) already names what it counts.
    const sameKind =
      (part.figure.unit === '元' && whole.figure.unit === '元') ||
      (PEOPLE_UNITS.has(part.figure.unit) && PEOPLE_UNITS.has(whole.figure.unit));
    if (!/^[，,；;]其中/u.test(between) || !sameKind || /^(?:其中)?(?:新|今年)/u.test(part.label)) continue;
    const wholeName = whole.label.replace(COUNT_WORDS, '');
    // A part sharing a word with the whole is already said to be of it (引进博士研究生 of 引进各类人才).
    if (wholeName.length < 2 || part.label.includes('中') || sharesWord(part.label, wholeName)) continue;
    // Talent of a whole of talent is said to be recruited or trained by the whole's verb (subsets, above).
    if (/人才$/u.test(part.label) && /人才$/u.test(wholeName)) continue;
    const before = part.label;
    part.label = `${wholeName}中${before.replace(/^其中/u, '')}`;
    const share = items[k + 1];
    if (share?.figure.unit === '%' && share.label.startsWith(before.replace(COUNT_WORDS, ''))) {
      share.label = `${wholeName}中${share.label}`;
    }
  }
  items.forEach((item, k) => {
    const previous = items[k - 1];
    if (item.figure.unit !== '%' || previous === undefined || item.subject !== undefined) return;
    if (!SUBJECTLESS_RATE.test(item.label)) return;
    if (/[；;。]/u.test(sentence.slice(previous.figure.end, item.figure.start))) return;
    if (['%', '‰'].includes(previous.figure.unit)) return;
    // "为3215对夫妇提供孕前优生健康检查，目标人群覆盖率96%": the service given is what is covered.
    const given = /(?:提供|开展|实施|完成|进行)(\p{Script=Han}{2,12})$/u.exec(
      clauseBefore(sentence, item.figure.start),
    )?.[1];
    const subject = given ?? stripFillers(previous.label.replace(COUNT_WORDS, '')).words;
    if (subject.length >= 2 && !item.label.startsWith(subject)) item.label = attachTopic(subject, item.label, 'rate');
  });
}

/** An institution a clause opens with, or that 该院/该中心 stands for. */
const OWNER_NAME =
  /^((?:[县市区镇乡]|\p{Script=Han}{1,4}[县市区镇乡])\p{Script=Han}{0,8}?(?:医院|卫生院|保健院|疾病预防控制中心|疾控中心|急救中心|服务中心|国医堂|中医馆))(?![、和及与等])/u;
/** A clause that opens on another subject: the whole area, each of a kind, or a place. */
const OTHER_OPENING =
  /^(?:全[县市区镇省]|各|所有|现有|共有|其中|在|力争|县域|市域|区域|[\p{Script=Han}]{1,4}[县市区镇](?![医卫]))/u;
/** A label that already says whose the figure is. */
const OWNED_LABEL = /(?:医院|卫生院|保健院|中心|国医堂|中医馆|[县市区镇]级|全[县市区镇])/u;
const CHANGE = /^(\p{Script=Han}{1,8}率)((?:同比|较上年|比上年|较去年|比去年)(?:提高|增长|下降|降低|增加|减少|上升))$/u;

/**
 * What a sentence says once and its later figures leave unsaid:
 * - the institution it is about: "西岭镇卫生院国医堂…，配备中医类别医师11名", "区人民医院获批…，该院…开具电子处方2.6万张":
 *   each figure from the clause naming it on, to a clause that opens on another subject, is the institution's;
 * - the qualified people a bare 患者 means: "登记肺结核患者127例，患者成功治疗率…" → 肺结核患者成功治疗率;
 * - the subject of a two-character rate: "建立居民电子健康档案41.7万份，建档率…" → 居民电子健康档案建档率;
 * - the rate a change is of: "签约率78.3%，同比提高4.2个百分点" → 重点人群签约率同比提高, as the rate is labelled.
 */
function sentenceReferents(sentence: string, items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    const previous = items[k - 1];
    if (previous === undefined || item.subject !== undefined) return;
    if (/[；;。]/u.test(sentence.slice(previous.figure.end, item.figure.start))) return;
    const change = CHANGE.exec(item.label);
    if (
      change !== null &&
      previous.figure.unit === '%' &&
      previous.label.endsWith(change[1] ?? '') &&
      previous.label !== change[1]
    )
      item.label = previous.label + (change[2] ?? '');
    // "党员先锋岗数量达到64个，较上年新增19个": a change printed alone is of the count before it.
    const alone = /^(?:较上年|比上年|较去年|比去年|同比)?(?:新增|增加|减少)$/u.exec(item.label);
    if (alone !== null && previous.figure.unit === item.figure.unit && previous.label.length >= 2)
      item.label = previous.label + item.label;
    // Not after a 分别-pair, whose last figure is only one of what the rate is of.
    const paired = /分别/u.test(sentence.slice(0, previous.figure.start));
    if (
      item.figure.unit === '%' &&
      /^\p{Script=Han}{2}率$/u.test(item.label) &&
      !paired &&
      !['%', '‰'].includes(previous.figure.unit)
    ) {
      const subject = stripFillers(previous.label.replace(COUNT_WORDS, '')).words;
      if (subject.length >= 2) item.label = attachTopic(subject, item.label, 'rate');
    }
  });
  items.forEach((item, k) => {
    const bare = /^((?:\p{Script=Han}*?(?:中心|医院|卫生院))?)患者/u.exec(item.label);
    if (bare === null) return;
    for (const earlier of items.slice(0, k).reverse()) {
      const named = /([\p{Script=Han}]{1,6})患者/u.exec(earlier.label.slice((bare[1] ?? '').length));
      const kind = named?.[1]?.replace(/^.*?(?:登记|发现|管理|救治|收治|确诊|在管|新发|治疗)(?=\p{Script=Han})/u, '');
      if (kind !== undefined && kind.length >= 1 && !/(?:中心|医院|院)$/u.test(kind)) {
        item.label = `${bare[1] ?? ''}${kind}${item.label.slice((bare[1] ?? '').length)}`;
        return;
      }
    }
  });
  let owner: string | undefined;
  let at = 0;
  let opening = true;
  for (const clause of sentence.split(/(?<=[，,；;：:])/u)) {
    // Time words off, nothing else: 全县, 在 and 力争 say the clause is not the institution's.
    const words = cleanText(clause).replace(/^(?:今年|去年|全年|近年来|\d+月(?:份|底)?|\d+年(?:以来)?)+/u, '');
    // Only the sentence's first clause names its subject: one named later is one of a list of subjects.
    const named = opening && !OTHER_OPENING.test(words) ? OWNER_NAME.exec(words)?.[1] : undefined;
    if (words !== '') opening = false;
    const listed = named !== undefined && /^\p{Script=Han}{0,4}[、和及与等]/u.test(words.slice(named.length));
    if (named !== undefined && !listed && !NOT_A_NAME.test(named)) owner = named;
    // A clause opening on a figure or another subject has a subject of its own; one opening on 该院 keeps it.
    else if (OTHER_OPENING.test(words) || /^\d/u.test(words)) owner = undefined;
    const end = at + clause.length;
    if (owner !== undefined) {
      for (const item of items) {
        if (
          item.figure.start < at ||
          item.figure.start >= end ||
          item.label.includes(owner) ||
          OWNED_LABEL.test(item.label)
        )
          continue;
        item.label = owner + item.label;
      }
    }
    at = end;
  }
}

/** "A、B等新技术新项目38项": what a list of examples is examples of is what the figure counts. */
export function withoutExamples(label: string): string {
  const kind = /^[^等]*、[^等]*等(\p{Script=Han}{2,12})$/u.exec(label)?.[1];
  return kind ?? label.replace(/^(?:后可?|届时|建成后)/u, '');
}

/**
 * "65岁及以上老年人健康管理人数达9.74万人，健康管理率为73.5%": a rate printed after the count of the
 * same act is that count's people's rate (65岁及以上老年人健康管理率).
 */
function rateOfCount(items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    const stem = /^(\p{Script=Han}{2,6})率$/u.exec(item.label)?.[1];
    const count = items[k - 1];
    if (stem === undefined || count === undefined || item.figure.unit !== '%') return;
    if (!PEOPLE_UNITS_ALL.has(count.figure.unit) && count.figure.unit !== '人次') return;
    const whose = new RegExp(`^([\\p{Script=Han}0-9]{2,12}?)${stem}(?:人数|人次|数)$`, 'u').exec(count.label)?.[1];
    if (whose !== undefined) item.label = `${whose}${item.label}`;
  });
}

/** "加快推进区人民医院新院区二期工程建设，项目总投资8.7亿元": 项目 is the project the sentence named. */
function namedProject(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    if (!/^项目(?:总)?投资/u.test(item.label)) continue;
    const named = [
      ...cleanText(sentence.slice(0, item.figure.start)).matchAll(
        /(?:推进|实施|启动|建设|开工)(\p{Script=Han}{4,16}?(?:工程|项目))(?:建设)?/gu,
      ),
    ].pop()?.[1];
    if (named !== undefined) item.label = named.replace(/项目$/u, '') + item.label;
  }
}

/** Money words a label may be no more than (投资, 投入资金, 医院投资 …). */
const SPENT = /^(?:\p{Script=Han}{0,4}?)(?:投资|投入资金|投入|资金|金额)$/u;

/**
 * "投资3.2亿元建设外科综合楼，建筑面积6.8万平方米", "投入资金4800万元对乡镇卫生院实施提质改造": money
 * printed before what it builds or does is that thing's (外科综合楼投资, 乡镇卫生院提质改造投入资金), and so
 * is the size printed after it (外科综合楼建筑面积).
 */
function spentOn(sentence: string, items: SentenceLabel[]): void {
  items.forEach((money, k) => {
    // An aside in brackets ("（其中财政资金8000万元）") is a part of the money before it, not spent on its own.
    const before = sentence.slice(0, money.figure.start);
    if (/[（(][^）)]*$/u.test(before)) return;
    const word = /(?:投资|投入资金|投入|统筹资金|筹集资金|安排资金)$/u.exec(cleanText(before))?.[0];
    if (money.figure.unit !== '元' || (word === undefined && !SPENT.test(money.label))) return;
    const clauses = sentence.slice(money.figure.end).split(/[，,；;。]/u);
    const rest = cleanText(clauses[0] ?? '');
    // "统筹资金1.26亿元，实施村卫生室标准化建设三年行动", "投资2.3亿元启动县中医医院新院区建设": what it is for.
    const purpose = /^(?:用于|启动|实施|推进)(\p{Script=Han}{4,20}?)(?:三年行动|行动|工程|项目)?$/u.exec(
      rest === '' ? cleanText(clauses[1] ?? '') : rest,
    )?.[1];
    if (purpose !== undefined && word !== undefined) {
      money.label = purpose + word;
      return;
    }
    const built =
      /^(?:用于)?(?:建设|新建|建成|扩建|改建)的?(\p{Script=Han}{2,12}?)(?:投入使用|主体完工|已封顶|封顶)?$/u.exec(
        rest,
      )?.[1];
    const done = /^对(\p{Script=Han}{2,10}?)(?:进行|实施|开展)(\p{Script=Han}{2,8})$/u.exec(rest);
    const thing = built ?? (done ? `${done[1]}${done[2]}` : undefined);
    if (thing === undefined) return;
    money.label = `${thing}${word ?? money.label.replace(/^(?:医院|县里|全县|财政)/u, '')}`;
    const size = items[k + 1];
    if (built !== undefined && size !== undefined && /^(?:总)?(?:建筑|占地)面积$/u.test(size.label))
      size.label = built + size.label;
  });
}

/** "县财政为每名在岗乡村医生每年发放岗位补助3600元": money given each person is per head (每名在岗乡村医生每年岗位补助). */
function perHead(sentence: string, items: SentenceLabel[]): void {
  for (const item of items) {
    if (item.figure.unit !== '元') continue;
    const each = /为(每[名位人户])(\p{Script=Han}{2,10}?)(每[年月])?(?:发放|补助|补贴)(\p{Script=Han}{2,8})$/u.exec(
      cleanText(sentence.slice(0, item.figure.start)),
    );
    if (each !== null) item.label = `${each[1]}${each[2]}${each[3] ?? ''}${each[4]}`;
  }
}

/**
 * "报销医疗费用2.86亿元，惠及患者41.2万人次", "开展“送医下乡”义诊活动，全年服务群众4.6万人次":
 * the people reached are reached by what the sentence did before them.
 */
function reached(sentence: string, items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    if (!/^(?:惠及|服务|受益|覆盖)(?:群众|患者|居民)/u.test(item.label)) return;
    const before = items[k - 1];
    if (
      before !== undefined &&
      before.figure.unit === '元' &&
      !/[；;。]/u.test(sentence.slice(before.figure.end, item.figure.start))
    ) {
      const act = before.label.replace(/^.*?(报销|救助|减免|补助)/u, '$1');
      item.label = `${act}${item.label}`;
      return;
    }
    const text = sentence.slice(0, item.figure.start);
    const activity =
      /开展“?([\p{Script=Han}]{2,10})”?([\p{Script=Han}]{0,4}?)(?:活动|行动)/u.exec(text) ??
      /开展“([\p{Script=Han}]{2,12})”()[^，,。；;]*?(?:活动|行动)/u.exec(text);
    if (activity !== null) item.label = `${activity[1]}${activity[2]}${item.label}`;
  });
}

/** "居民健康素养水平达到34.18%…，力争到2025年提升至38%": a target printed alone is the measure before it. */
function targets(items: SentenceLabel[]): void {
  items.forEach((item, k) => {
    const measure = items
      .slice(0, k)
      .reverse()
      .find((earlier) => earlier.figure.unit === item.figure.unit);
    if (/^(?:力争|争取|计划|预计|目标)(?:人数|数量|人次)?$/u.test(item.label) && measure !== undefined)
      item.label = `${measure.label}目标`;
  });
}

/**
 * "新增省级临床重点专科5个、市级临床重点专科18个，总数分别达到31个和96个": totals printed 分别
 * after a 、-list of additions are each item's total (省级临床重点专科总数, 市级临床重点专科总数).
 */
function respectiveTotals(sentence: string, items: SentenceLabel[]): void {
  items.forEach((first, k) => {
    if (!/(?:总数|总量)分别(?:达到|达|为|是)?$/u.test(sentence.slice(0, first.figure.start))) return;
    const totals = [first];
    for (let next = items[k + 1]; next !== undefined; next = items[k + totals.length + 1]) {
      const last = totals[totals.length - 1] as SentenceLabel;
      if (!/^[、和及]$/u.test(sentence.slice(last.figure.end, next.figure.start))) break;
      totals.push(next);
    }
    const groups = items.slice(Math.max(0, k - totals.length), k);
    if (groups.length !== totals.length || groups.some((g) => g.figure.unit !== first.figure.unit)) return;
    totals.forEach((total, i) => {
      const thing = (groups[i] as SentenceLabel).label.replace(/^新增/u, '');
      if (thing.length >= 2) total.label = `${thing}总数`;
    });
  });
}
