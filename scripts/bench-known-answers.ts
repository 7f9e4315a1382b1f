/**
 * Known-answer queries for the synthetic archive (scripts/bench-generate.ts): strings planted in chosen
 * articles, so which articles a query must find is known from the planting, not from any search engine.
 *
 * Each of PLANTED invented programme names (two-character pairs no real entry holds) is planted in 1–8
 * articles as one closing paragraph, "<region>启动“<programme>”行动，服务群众<n>人次。", with n printed with a
 * thousands separator and unique to that article. Queries (category: what a reader types):
 *  - programme: the programme's name; place: region, 启动 and the name, as one term (the quotes left out);
 *  - number: the first article's n as digits without the separator (odd ones in full-width digits);
 *  - traditional: the programme and 行动 in Traditional characters (OpenCC cn → tw), where they differ;
 *  - empty: a name never planted, a number never printed, a region with a programme planted elsewhere.
 * Every expected set is checked against the generated text itself (a plain substring test over each
 * article's MDX, normalised: NFKC, punctuation and whitespace removed); a query whose check disagrees
 * (the string turned up elsewhere) is dropped. The split (tune / heldout) alternates within each
 * category in generation order: fixed before any engine sees the queries.
 */
import * as OpenCC from 'opencc-js';
import type { Random } from './support/random.ts';
import { seededRandom } from './support/random.ts';
import type { SyntheticEntry } from './bench-generate.ts';

/** Invented programme names: the first PLANTED are planted, the rest only asked for (must find nothing). */
const PROGRAMMES = [
  '青禾守护',
  '银龄暖阳',
  '杏林晨光',
  '泉畔微光',
  '沂蒙春晖',
  '槐荫护苗',
  '海岱康桥',
  '麦田哨兵',
  '栖霞健步',
  '鹊华安居',
  '云岫药香',
  '岱麓清泉',
  '荷风问诊',
  '桑梓护心',
  '柳岸听诊',
  '枣乡扶康',
  '黛瓦医站',
  '橙灯夜诊',
  '松涛护龄',
  '棠梨健苗',
  '芦荻守望',
  '樱桃助医',
  '蒲苇驿站',
  '梧桐暖心',
];
const PLANTED = 16;

export interface KnownQuery {
  id: string;
  q: string;
  category: 'programme' | 'place' | 'number' | 'traditional' | 'empty';
  split: 'tune' | 'heldout';
  /** Slugs of the articles the query must find (page keys: an article's key is its slug); empty for must-be-empty. */
  expected: string[];
}

export interface KnownAnswers {
  about: string;
  articles: number;
  queries: KnownQuery[];
}

const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]/gu, '');
const fullWidth = (digits: string): string =>
  digits.replace(/[0-9]/gu, (d) => String.fromCodePoint(0xff10 + Number(d)));

interface Region {
  name: string;
}

/** An article's region, from its frontmatter as the generator wrote it. */
export function regionOfEntry(entry: SyntheticEntry): Region {
  const name = /^region: (.+)$/mu.exec(entry.mdx)?.[1]?.trim();
  if (!name) throw new Error(`${entry.slug}: no region in its frontmatter`);
  return { name };
}

/**
 * Plant the programmes into `entries` (changed in place: a paragraph appended to the body) and return the
 * queries whose answers the planting fixes. Its own PRNG stream, so the rest of the archive stays as generated.
 * `others`: the archive's other pages (real articles, stories) by page key, whose text the check also reads.
 */
export function plantKnownAnswers(
  entries: SyntheticEntry[],
  seed: number,
  regions: readonly Region[],
  others: ReadonlyArray<{ key: string; text: string }> = [],
  regionOf: (entry: SyntheticEntry) => Region = regionOfEntry,
): KnownAnswers {
  const random: Random = seededRandom(seed ^ 0x6b6e6f77);
  const candidates: Array<Omit<KnownQuery, 'id' | 'split'>> = [];
  const usedNumbers = new Set<number>();
  const freshNumber = (): number => {
    for (;;) {
      const n = random.int(10_000, 99_999);
      if (!usedNumbers.has(n)) {
        usedNumbers.add(n);
        return n;
      }
    }
  };
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  for (const programme of PROGRAMMES.slice(0, PLANTED)) {
    if (entries.length === 0) break;
    const chosen = random.shuffle(entries).slice(0, random.int(1, Math.min(8, entries.length)));
    chosen.forEach((entry, i) => {
      const region = regionOf(entry).name;
      const n = freshNumber();
      entry.mdx = `${entry.mdx.trimEnd()}\n\n${region}启动“${programme}”行动，服务群众${n.toLocaleString('en-US')}人次。\n`;
      // One number query a programme keeps the set balanced across categories.
      if (i === 0)
        candidates.push({ q: n % 2 ? fullWidth(String(n)) : String(n), category: 'number', expected: [entry.slug] });
    });
    const slugs = chosen.map((e) => e.slug).sort();
    candidates.push({ q: programme, category: 'programme', expected: slugs });
    const first = chosen[0]!;
    const region = regionOf(first).name;
    candidates.push({
      q: `${region}启动${programme}`,
      category: 'place',
      expected: chosen
        .filter((e) => regionOf(e).name === region)
        .map((e) => e.slug)
        .sort(),
    });
    const traditional = toTraditional(`${programme}行动`);
    if (traditional !== `${programme}行动`)
      candidates.push({ q: traditional, category: 'traditional', expected: slugs });
    const elsewhere = regions.filter((r) => !chosen.some((e) => regionOf(e).name === r.name));
    if (elsewhere.length > 0)
      candidates.push({ q: `${random.pick(elsewhere).name}启动${programme}`, category: 'empty', expected: [] });
  }
  for (const programme of PROGRAMMES.slice(PLANTED)) candidates.push({ q: programme, category: 'empty', expected: [] });
  for (let i = 0; i < 8; i += 1) candidates.push({ q: String(freshNumber()), category: 'empty', expected: [] });

  // The planting's answers, checked against the text as generated (Traditional queries by their Simplified source).
  const texts = [
    ...entries.map((entry) => ({ slug: entry.slug, text: normalise(entry.mdx) })),
    ...others.map(({ key, text }) => ({ slug: key, text: normalise(text) })),
  ];
  const fromTraditional = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const counts = new Map<string, number>();
  const queries: KnownQuery[] = [];
  for (const candidate of candidates) {
    const term = normalise(candidate.category === 'traditional' ? fromTraditional(candidate.q) : candidate.q);
    const found = texts
      .filter((t) => t.text.includes(term))
      .map((t) => t.slug)
      .sort();
    if (found.join(' ') !== [...candidate.expected].sort().join(' ')) continue;
    const n = counts.get(candidate.category) ?? 0;
    counts.set(candidate.category, n + 1);
    queries.push({
      ...candidate,
      id: `${candidate.category}-${String(n + 1).padStart(2, '0')}`,
      split: n % 2 === 0 ? 'tune' : 'heldout',
    });
  }
  return {
    about:
      'Known-answer queries planted by scripts/bench-known-answers.ts: expected = the articles the string was planted in (checked on the generated text); split fixed at generation.',
    articles: entries.length,
    queries,
  };
}
