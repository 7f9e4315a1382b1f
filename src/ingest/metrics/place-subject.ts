/**
 * A county's paragraph in a city's article: "石坪县在医共体内实施…，全年节约…1240万元。同时，该县…" gives the county's
 * figures, not the city's, so their labels name it. The article's own place (the one it names most) is never added.
 */

/** Characters a place's own name is never made of: scopes, pronouns, numerals, prepositions (在全区 is no place). */
const NOT_NAME = '全该本我各两三每一省市县区乡镇村这那其在对为向从于和与及';
const NAME = `[^${NOT_NAME}\\P{Script=Han}]{2,3}[县区市]`;
/**
 * A county, district or city named as a sentence's subject, known by what follows it: 石坪县在…, 柳湾县率先…; not
 * 县人民医院, 市卫生健康委, 柳湾县、石坪县 or 启动市精神卫生中心….
 */
const FOLLOWS_SUBJECT =
  '(?=在|以|把|将|大力|积极|全面|深入|持续|率先|不断|扎实|先后|累计|今年|年内|投入|实施|建成|完成|围绕|坚持|创新|聚焦|着力|通过|按照|结合|针对|探索|推进|推动|加快|开展|组织|建立|出台|还|也|已|新建|总?投资|组建|成立)';
const SUBJECT = new RegExp(`^${NAME}${FOLLOWS_SUBJECT}`, 'u');
/** A two-character place name and its suffix, as counted to find the article's own place. */
const PLACE_TOKEN = new RegExp(`[^${NOT_NAME}\\P{Script=Han}]{2}[县区市]`, 'gu');
/** Words before a sentence's subject that are not it. */
const OPENING_FILLER =
  /^(?:同时|此外|另外|其中|并且|并|还|今年|去年|当年|近年来|目前|\d{4}年(?:以来|底|末)?|\d{1,2}月(?:份)?|全年)[，,、]?/u;
/** The same place again. */
const SAME_PLACE = /^(?:该县|全县|该区|全区|县里|区里)/u;
/** A wider scope: the paragraph is no longer about one county. */
const WIDER = /^(?:全市|该市|全省|市卫|市委|市政府|各县)/u;

function opening(sentence: string): string {
  let text = sentence.trim();
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(OPENING_FILLER, '');
  }
  return text;
}

/** The place an article is about: the place name it prints most often (巨野县 in a county's article). */
export function ownPlace(paragraphs: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs)
    for (const [token] of paragraph.matchAll(PLACE_TOKEN)) counts.set(token, (counts.get(token) ?? 0) + 1);
  let best: string | undefined;
  for (const [token, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = token;
  return best;
}

/**
 * The place a sentence's figures belong to, given the one before (`current`): a sentence opening with a place other
 * than the article's starts it, 该县/全县 keep it, a sentence about the whole city ends it.
 */
export function placeOfSentence(
  sentence: string,
  current: string | undefined,
  own: string | undefined,
): string | undefined {
  const text = opening(sentence);
  const named = SUBJECT.exec(text)?.[0];
  if (named !== undefined) return own !== undefined && (named === own || own.startsWith(named)) ? undefined : named;
  if (SAME_PLACE.test(text)) return current;
  if (WIDER.test(text)) return undefined;
  return current;
}
