/**
 * Event extraction: the events an article reports, for timelines, each tied to the sentence (or photo
 * caption) it comes from. A pure ingest step: the repaired body blocks, the article's year and the
 * taxonomy's places in, `events:` frontmatter out; the same text always gives the same events and ids.
 * What counts as an event: scripts/support/data/events-truth/README.md.
 *
 * Three kinds (src/schemas/event.ts):
 * - dated:     a sentence with a printed month (2023年4月25日，…; 2月9日，…; 于10月份投入使用). A date
 *              without a year takes the article's year; a sentence opening with 会上/当天 takes the date of
 *              the sentence before it. Ranges of months (2017年3月至2020年9月, 1—9月) and "as of" dates
 *              (截至11月底) are periods of figures, not events.
 * - honour:    a clause reporting an award, title or approval (荣获, 获评, 授予, 入选, 命名 …) with no
 *              month printed; dated by the article's year, with no `printed` date.
 * - milestone: a clause with a project or facility reaching a step (开工, 封顶, 投入使用, 揭牌 …), an
 *              agreement signed, people dispatched (驰援) or a gathering held (召开, 举办, 承办), undated.
 * Plans and forecasts (预计, 计划, 力争, 将…) are not events, nor counts of facilities built or activities
 * held (建成6家…, 举办…100余场次): those are figures.
 *
 * `what` is the article's words: the sentence without its leading date (cut at a clause boundary when
 * long), or the clause itself. `where` is a place the clause names (在北京召开, 驰援武汉, 落户商河).
 */
import { listPlaces, type Taxonomy } from '../lib/taxonomy.ts';
import type { ArticleEvent } from '../schemas/event.ts';
import { splitSentences } from '../figures/sentences.ts';

/** What ingest reads: the body as blocks, in reading order. */
export interface EventBlock {
  type: 'paragraph' | 'caption' | 'heading';
  text: string;
}

/** Longest `what` taken from a dated sentence before cutting at a clause boundary. */
const MAX_WHAT = 72;

const HONOUR = /荣获|获评|评为|评定为|创建为|授予|获授|称号|入选|获批|一等奖|蝉联|榜上有名|命名/u;
const MILESTONE =
  /落户|开工|封顶|投入使用|建成|开诊|揭牌|挂牌|与[^，。；]{1,24}签约(?!服务|率|团队|人员|包)|签订|驰援|召开|举办|举行|承办/u;
/** A gathering with no name of its own (亲自召开会议, 举办活动) is routine work, not an event. */
const UNNAMED_GATHERING = /(?:召开|举办|举行|承办)(?:会议|活动|培训)|亲自/u;
/** Facility steps: a clause counting the facilities (6家…建成, 3个…投入使用) reports a figure, not an event. */
const FACILITY_STEP = /开工|封顶|投入使用|建成|开诊|揭牌|挂牌/u;
/** Plans, forecasts and conditions are not events. */
const NOT_YET = /预计|计划|力争|争取|拟|将要|将(?:成为|达到|完成|于)|后$/u;
/** A step verb inside a set phrase reports nothing: 全面建成小康社会, 实行挂牌服务. */
const SET_PHRASES = /建成小康|挂牌服务/u;
/** A step verb naming a rate (建成率, 签约率, 使用率) measures, it does not report a step. */
const RATE_OF_STEP = /(?:建成|签约|投入使用|开工)率/u;
/** A counted subject or object: 3个, 6家, 100余场次. */
const COUNTED = /\d+(?:\.\d+)?(?:余|多)?(?:个|家|所|处|座|场次|场|次|项)/u;
/** Words that make a figure's period, not an event: ranges and "as of". */
const PERIOD_WORDS = /截至|截止|至今|以来|前三季度/u;

const pad = (n: number): string => String(n).padStart(2, '0');

interface FoundDate {
  date: string;
  /** The date as printed. */
  printed: string;
  /** Where the date phrase starts and ends in the sentence. */
  start: number;
  end: number;
}

/**
 * The first event date printed in a sentence: YYYY年M月D日(至D日), M月D日, YYYY年M月, M月初/底/份.
 * Undefined for sentences whose month belongs to a range or an "as of" phrase.
 */
export function findEventDate(sentence: string, articleYear: number): FoundDate | undefined {
  const re = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日(?:至(\d{1,2})日)?|初|上旬|中旬|下旬|底|份)?/gu;
  for (const m of sentence.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = sentence.slice(Math.max(0, start - 3), start);
    const after = sentence.slice(end, end + 2);
    // 2017年3月至2020年9月, 1—9月, 1月至11月: a period. 截至11月底: an "as of".
    if (/[至—–\-~～到]$/u.test(before) || /^[至—–\-~～到]/u.test(after) || PERIOD_WORDS.test(before)) continue;
    if (/^\d/u.test(sentence.slice(end))) continue;
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    // A digit run before "月" that is part of a longer number (e.g. 12个月) is not a date.
    if (/\d$/u.test(sentence.slice(0, start)) && m[1] === undefined) continue;
    const year = m[1] ? Number(m[1]) : articleYear;
    const day = m[3] ? Number(m[3]) : undefined;
    const dayEnd = m[4] ? Number(m[4]) : undefined;
    let date = `${year}-${pad(month)}`;
    if (day !== undefined && day >= 1 && day <= 31) {
      date += `-${pad(day)}`;
      if (dayEnd !== undefined && dayEnd > day && dayEnd <= 31) date += `/${year}-${pad(month)}-${pad(dayEnd)}`;
    }
    return { date, printed: m[0], start, end };
  }
  return undefined;
}

/** Clauses of a sentence: split after ，；、 is too fine, so only ， ； and : are clause breaks. */
function clauses(sentence: string): string[] {
  return sentence
    .replace(/[。！？；;]+[”’」』）)]*\s*$/u, '')
    .split(/[，,；;]/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Clauses joined back with full-width commas, at most `max` characters (the first always). */
function joinClauses(parts: readonly string[], max: number): string {
  let out = '';
  for (const part of parts) {
    const next = out ? `${out}，${part}` : part;
    if (out && next.length > max) break;
    out = next;
  }
  return out;
}

const LEAD_IN = /^(?:同时|另外|此外|其中)[，,]?/u;

/** What a dated sentence reports: the sentence without a leading date, else the clauses up to the dated one. */
function datedWhat(sentence: string, found: FoundDate): string {
  const head = sentence.slice(0, found.start).replace(LEAD_IN, '').trim();
  if (head === '' || /^[在于从自]$/u.test(head)) {
    const rest = sentence.slice(found.end).replace(/^[，,、\s]+/u, '');
    return joinClauses(clauses(rest), MAX_WHAT);
  }
  // The date sits inside: keep the sentence as printed up to the clause holding the date.
  const all = clauses(sentence.replace(LEAD_IN, ''));
  const upto: string[] = [];
  let length = 0;
  const datedAt = sentence.replace(LEAD_IN, '').indexOf(found.printed);
  for (const c of all) {
    upto.push(c);
    length += c.length + 1;
    if (length > datedAt) break;
  }
  // Lead-in clauses of a long sentence ("…是国家项目，作为项目单位，…") are dropped first.
  while (upto.length > 1 && upto.join('，').length > MAX_WHAT) upto.shift();
  return upto.join('，');
}

/** Clauses of a sentence that report an honour, each with a follow-on list clause (…单位/奖/称号). */
export function honourClauses(sentence: string): string[] {
  const parts = clauses(sentence);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    let part = (parts[i] ?? '').replace(/^(?:其中|同时|另外|此外)/u, '');
    if (!HONOUR.test(part) || NOT_YET.test(part)) continue;
    const prev = parts[i - 1];
    // "2家企业，被…评定为…": a short subject clause before a clause that opens with the verb.
    if (
      prev !== undefined &&
      /^(?:被|获|荣获|入选)/u.test(part) &&
      prev.length <= 8 &&
      !HONOUR.test(prev) &&
      !/^是/u.test(prev)
    )
      part = `${prev}，${part}`;
    const next = parts[i + 1];
    // 荣获A，B和C: the list goes on in the next clause without a verb of its own.
    if (
      next !== undefined &&
      !HONOUR.test(next) &&
      /(?:单位|奖|称号|先进集体)$/u.test(next) &&
      /^荣获|^获/u.test(part)
    ) {
      out.push(`${part}，${next}`);
      i++;
    } else {
      out.push(part);
    }
  }
  return out;
}

/** Clauses of a sentence that report a milestone (and no honour): see the module comment. */
export function milestoneClauses(sentence: string): string[] {
  return clauses(sentence)
    .map((part) => part.replace(/^(?:其中|同时|另外|此外)/u, ''))
    .filter(
      (part) =>
        MILESTONE.test(part) &&
        !HONOUR.test(part) &&
        !NOT_YET.test(part) &&
        !UNNAMED_GATHERING.test(part) &&
        !/场次|\d+(?:余|多)?(?:人次|次|期)/u.test(part) &&
        !SET_PHRASES.test(part) &&
        !RATE_OF_STEP.test(part) &&
        !(FACILITY_STEP.test(part) && COUNTED.test(part)),
    );
}

/**
 * Where an event took place, when its words name it: 在北京召开, 驰援武汉, 落户商河, or a place of the taxonomy
 * (not for honours: 获评济南市… names who awards, not where).
 */
export function whereOf(text: string, placeNames: readonly string[], kind: ArticleEvent['kind']): string | undefined {
  const at = /在([\p{Script=Han}“”·]{2,14}?)(?:召开|举办|举行|开诊|启动|揭牌|成立)/u.exec(text)?.[1];
  if (at !== undefined && !/^(?:全|各|我)/u.test(at)) return at;
  const to = /(?:驰援|奔赴|落户)([\p{Script=Han}]{2,3}?)(?=[，。；、的]|前线|开工|$)/u.exec(text)?.[1];
  if (to !== undefined) return to;
  return kind === 'honour' ? undefined : placeNames.find((name) => text.includes(name));
}

/** Every printed name of the taxonomy's places, longest first (商河县 before 商河). */
export function placeNames(taxonomy: Taxonomy): string[] {
  return [...new Set(listPlaces(taxonomy).flatMap((p) => p.names))].sort((a, b) => b.length - a.length);
}

/** The longest run of characters two texts share, quotes and punctuation left out. */
function longestShared(a: string, b: string): number {
  const x = [...a.replace(/[^\p{Script=Han}\w]/gu, '')];
  const y = [...b.replace(/[^\p{Script=Han}\w]/gu, '')];
  let best = 0;
  let row = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const next = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        next[j] = (row[j - 1] ?? 0) + 1;
        best = Math.max(best, next[j] ?? 0);
      }
    }
    row = next;
  }
  return best;
}

/** Verbs of holding a gathering tell the same occurrence: 举行 in one place is 承办 in another. */
const GATHERING = /召开|举办|举行|承办/u;

const verbOf = (what: string): string | undefined =>
  GATHERING.test(what) ? 'gathering' : (HONOUR.exec(what) ?? MILESTONE.exec(what))?.[0];

/**
 * Shortest run two tellings of one event share: a facility's name (门诊综合楼) for a milestone; a whole title
 * (医养结合示范单位) for an honour, as two honours from one body share its name (省卫生健康委).
 */
const SAME_SUBJECT = { milestone: 5, honour: 8 } as const;

/**
 * The same occurrence told twice (in the lead and again in its section, or in the text and a photo caption)
 * is one event: an undated event is dropped when another event of the article names the same subject
 * (SAME_SUBJECT characters in common) with the same kind of verb. The dated or earlier telling stays.
 */
function withoutRetellings(events: readonly ArticleEvent[]): ArticleEvent[] {
  const kept: ArticleEvent[] = [];
  for (const event of events) {
    const verb = verbOf(event.what);
    const told = (other: ArticleEvent) =>
      other !== event &&
      (other.kind === 'dated' || events.indexOf(other) < events.indexOf(event)) &&
      (verbOf(other.what) === verb || (HONOUR.test(other.what) && HONOUR.test(event.what))) &&
      longestShared(other.what, event.what) >= SAME_SUBJECT[event.kind === 'honour' ? 'honour' : 'milestone'];
    if (event.kind !== 'dated' && verb !== undefined && events.some(told)) continue;
    kept.push(event);
  }
  // Ids follow the events kept, so they stay event-1, event-2 … without gaps.
  return kept.map((e, i) => ({ ...e, id: `event-${i + 1}` }));
}

export interface EventSource {
  /** The article's year: dates printed without a year belong to it. */
  year: number;
  /** The body as ingest wrote it: paragraphs and photo captions are read, headings are not. */
  blocks: readonly EventBlock[];
  /** Printed place names to find `where` with (placeNames). */
  places: readonly string[];
}

/** The events of one article, in reading order. */
export function extractEvents(source: EventSource): ArticleEvent[] {
  const events: ArticleEvent[] = [];
  let n = 0;
  const add = (event: Omit<ArticleEvent, 'id' | 'where'>) => {
    const where = whereOf(event.what, source.places, event.kind);
    events.push({ id: `event-${++n}`, ...event, ...(where ? { where } : {}) });
  };
  for (const block of source.blocks) {
    if (block.type === 'heading') continue;
    // A caption is one sentence: the anchor is the caption itself.
    const sentences = block.type === 'caption' ? [block.text] : splitSentences(block.text);
    let previous: FoundDate | undefined;
    for (const raw of sentences) {
      const quote = raw.trim();
      if (quote === '') continue;
      let found = findEventDate(quote, source.year);
      let carried = false;
      if (!found && previous && /^(?:会上|会议上|当天|当日|同日)/u.test(quote)) {
        found = previous;
        carried = true;
      }
      if (found) {
        previous = found;
        const what = carried ? quote.replace(/[。！？；;]+$/u, '') : datedWhat(quote, found);
        if (what.length >= 4 && !NOT_YET.test(what)) {
          // A date carried from the sentence before is not printed in this one.
          add({ date: found.date, ...(carried ? {} : { printed: found.printed }), what, kind: 'dated', quote });
          continue;
        }
      }
      const year = String(source.year);
      for (const what of honourClauses(quote)) add({ date: year, what, kind: 'honour', quote });
      for (const what of milestoneClauses(quote)) add({ date: year, what, kind: 'milestone', quote });
    }
  }
  // Frontmatter keys in the order an editor reads them.
  return withoutRetellings(events).map(({ id, date, printed, what, where, kind, quote }) => ({
    id,
    date,
    ...(printed !== undefined ? { printed } : {}),
    what,
    ...(where !== undefined ? { where } : {}),
    kind,
    quote,
  }));
}
