/**
 * Phrase-aware line breaking for Chinese headlines, headings, deks and titles, decided at build time.
 * BudouX's Simplified Chinese model finds the phrases; pages print a <wbr> between them under
 * `word-break: keep-all` (components/Phrases.astro, site/rehype-phrases.ts), and the share image wraps
 * its lines at the same places (share-images/cjk-wrap.ts). Feeds carry the plain text.
 */
import { loadDefaultSimplifiedChineseParser, loadDefaultTraditionalChineseParser } from 'budoux';
import { listPlaces, loadTaxonomy } from './taxonomy.ts';

/** Marks that may not start a line (禁则: closing punctuation, the long dash and ellipsis). */
export const NO_LINE_START = /[，。、；：？！）」』”’》〉】〕…—·％%,.;:?!)\]]/u;
/** Marks that may not end a line (opening brackets and quotes). */
export const NO_LINE_END = /[（「『“‘《〈【〔([]/u;

const HAN = /\p{Script=Han}/gu;
const LONE_HAN = /^\p{Script=Han}$/u;
/** Particles that lean on the word before them: a line never starts with one. */
const ENCLITIC = /^[的地得了着过们吗呢吧啊]$/u;

type Parser = ReturnType<typeof loadDefaultSimplifiedChineseParser>;
let parsers: readonly [Parser, Parser] | undefined;
let placeNames: readonly string[] | undefined;

/** Offsets a line may not break at: inside a number or Latin word ("2024"), or inside a place name of the taxonomy ("聊城"). */
function unbreakable(text: string, keepWhole: readonly string[]): Set<number> {
  const inside = new Set<number>();
  for (let i = 1; i < text.length; i++) {
    if (/[0-9A-Za-z.%]/u.test(text[i - 1] ?? '') && /[0-9A-Za-z.%]/u.test(text[i] ?? '')) inside.add(i);
  }
  for (const name of keepWhole) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      for (let i = at + 1; i < at + name.length; i++) inside.add(i);
    }
  }
  return inside;
}

/** Phrases rejoined where they cut an unbreakable run. */
function rejoin(raw: readonly string[], inside: ReadonlySet<number>): string[] {
  const phrases: string[] = [];
  let offset = 0;
  for (const phrase of raw) {
    if (phrases.length > 0 && inside.has(offset)) phrases[phrases.length - 1] += phrase;
    else phrases.push(phrase);
    offset += phrase.length;
  }
  return phrases;
}

function hanCount(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

/**
 * The models still cut single characters off words ("年|龄线", "就|医"): a run of one-character phrases
 * is joined, and a phrase of one Han character joins its neighbours.
 */
function mergeLoneCharacters(raw: readonly string[]): string[] {
  // A run of one-character phrases is one word cut letter by letter ("看|各|地"): rejoin it first.
  const runs: string[] = [];
  raw.forEach((phrase, index) => {
    const previous = raw[index - 1];
    if (index > 0 && LONE_HAN.test(phrase) && previous !== undefined && LONE_HAN.test(previous)) {
      runs[runs.length - 1] += phrase;
    } else {
      runs.push(phrase);
    }
  });
  const phrases: string[] = [];
  let carry = '';
  runs.forEach((run, index) => {
    const piece = carry + run;
    carry = '';
    if (hanCount(piece) !== 1) {
      phrases.push(piece);
      return;
    }
    // Which word a lone character belongs to is unknown ("统计口|径|不同"): it joins both neighbours,
    // except across punctuation (a break there is always right), and a particle only leans back.
    const forward = !ENCLITIC.test(piece) && /\p{Script=Han}$/u.test(piece) && index < runs.length - 1;
    const back = /[\p{Script=Han}0-9A-Za-z]$/u.test(phrases.at(-1) ?? '');
    const joined = back ? (phrases.pop() ?? '') + piece : piece;
    if (forward) carry = joined;
    else phrases.push(joined);
  });
  if (carry) phrases.push(carry);
  return phrases;
}

/** Punctuation moves so no phrase starts with a closing mark or ends with an opening one. */
function settlePunctuation(pieces: readonly string[]): string[] {
  const phrases = [...pieces];
  for (let i = 1; i < phrases.length; i++) {
    const closing = /^\P{L}+/u.exec(phrases[i] ?? '')?.[0] ?? '';
    const moved = [...closing].filter((ch) => NO_LINE_START.test(ch)).length === closing.length ? closing : '';
    if (moved) {
      phrases[i - 1] += moved;
      phrases[i] = (phrases[i] ?? '').slice(moved.length);
    }
    const opening = /\P{L}+$/u.exec(phrases[i - 1] ?? '')?.[0] ?? '';
    if (opening && [...opening].every((ch) => NO_LINE_END.test(ch))) {
      phrases[i - 1] = (phrases[i - 1] ?? '').slice(0, -opening.length);
      phrases[i] = opening + (phrases[i] ?? '');
    }
  }
  return phrases.filter(Boolean);
}

/**
 * Split a headline into the pieces a line may break between: phrases, and whitespace runs kept as pieces
 * of their own (a Chinese headline prints its halves apart: "提升健康水平 增进民生福祉").
 * Joining the pieces gives the text back unchanged. `keepWhole`: names never split (default: the taxonomy's places).
 */
export function splitPhrases(text: string, keepWhole?: readonly string[]): string[] {
  if (keepWhole !== undefined) return phrasesOf(text, keepWhole);
  // A headline is printed on its own page, its neighbours', related lists, topic, year and place pages: the
  // two models ran some 6 CPU-s at 1,000 articles doing it again each time. Bounded by the archive's texts.
  let pieces = defaultPhrases.get(text);
  if (!pieces) defaultPhrases.set(text, (pieces = phrasesOf(text, taxonomyPlaceNames())));
  return [...pieces];
}

const defaultPhrases = new Map<string, readonly string[]>();

function phrasesOf(text: string, keepWhole: readonly string[]): string[] {
  return text
    .split(/(\s+)/u)
    .filter(Boolean)
    .flatMap((part) =>
      isSpace(part) ? [part] : settlePunctuation(rejoin(agreedPhrases(part), unbreakable(part, keepWhole))),
    );
}

/**
 * Phrases where BudouX's Simplified and Traditional Chinese models agree (after mergeLoneCharacters): each
 * model alone cuts some words ("切实担|当" from one, "疫情防|控" from the other); a cut both make is far more
 * often a real boundary.
 */
function agreedPhrases(text: string): string[] {
  parsers ??= [loadDefaultSimplifiedChineseParser(), loadDefaultTraditionalChineseParser()];
  const [simplified, traditional] = parsers;
  const cuts = new Set<number>();
  let offset = 0;
  for (const phrase of mergeLoneCharacters(traditional.parse(text))) cuts.add((offset += phrase.length));
  const phrases: string[] = [];
  let pending = '';
  offset = 0;
  for (const phrase of mergeLoneCharacters(simplified.parse(text))) {
    pending += phrase;
    offset += phrase.length;
    if (cuts.has(offset)) {
      phrases.push(pending);
      pending = '';
    }
  }
  if (pending) phrases.push(pending);
  return phrases;
}

/** The archive's place names (content/taxonomy.yaml), longest forms included: a line never splits 聊城 or 巨野县. */
function taxonomyPlaceNames(): readonly string[] {
  placeNames ??= [...new Set(listPlaces(loadTaxonomy()).flatMap((place) => place.names))];
  return placeNames;
}

/** True for a whitespace piece of splitPhrases. */
export function isSpace(piece: string): boolean {
  return /^\s+$/u.test(piece);
}
