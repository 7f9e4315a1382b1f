import * as OpenCC from 'opencc-js';

/**
 * The Traditional → Simplified dictionary the search page loads when a query
 * may be Traditional (src/search/browser/traditional.ts), in opencc-js's own
 * dictionary format ("trad simp|trad simp"). It is OpenCC's Hong Kong and Taiwan
 * variant and Traditional→Simplified conversion, cut to the entries whose
 * Simplified side is made of characters the archive holds: any other entry
 * would turn a query into one that finds nothing anyway, and the cut keeps the
 * file a few kilobytes instead of OpenCC's fifty.
 */
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const toSimplifiedFromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const convert = (text: string): string => toSimplifiedFromTaiwan(toSimplified(text));

/** Every source entry (the Traditional or variant side) of OpenCC's dictionaries into Simplified. */
function sourceEntries(): Set<string> {
  const groups = [...OpenCC.Locale.from.hk!, ...OpenCC.Locale.from.tw!, ...OpenCC.Locale.to.cn!];
  const sources = new Set<string>();
  for (const dict of groups.flat()) {
    const entries =
      typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')[0] ?? '') : dict.map(([from]) => from);
    for (const entry of entries) if (entry) sources.add(entry);
  }
  return sources;
}

/** The dictionary for an archive whose (normalised) texts are `texts`. */
export function buildTraditionalDictionary(texts: Iterable<string>): string {
  const archive = new Set<string>();
  for (const text of texts) for (const ch of text) archive.add(ch);
  const entries: string[] = [];
  for (const source of [...sourceEntries()].sort()) {
    const simplified = convert(source);
    if (simplified === source || ![...simplified].every((ch) => archive.has(ch))) continue;
    // A phrase is only needed where converting its characters one by one reads differently.
    if ([...source].length > 1 && [...source].map(convert).join('') === simplified) continue;
    entries.push(`${source} ${simplified}`);
  }
  return entries.join('|');
}

/**
 * The grams a Traditional query looks up where a Simplified one finds pages:
 * each of the archive's characters and pairs written with one or both
 * characters in a Traditional form the dictionary turns into them (衛 for 卫,
 * 衛生 and 醫療 for 卫生 and 医疗), and the pairs of the dictionary's phrases
 * (回覆). Filed in the term index as markers (src/search/shared/terms.ts), they
 * tell the search page a query needs the converter from the shards it fetches
 * anyway; grams the archive itself holds are left out, as they find pages as typed.
 */
export function traditionalGrams(dictionary: string, texts: Iterable<string>): string[] {
  const forms = new Map<string, string[]>();
  const phrasePairs = new Set<string>();
  for (const entry of dictionary.split('|')) {
    const [source = '', simplified = ''] = entry.split(' ');
    const chars = [...source];
    if (chars.length === 1 && [...simplified].length === 1)
      forms.set(simplified, [...(forms.get(simplified) ?? []), source]);
    else chars.slice(0, -1).forEach((ch, i) => phrasePairs.add(`${ch}${chars[i + 1]}`));
  }
  const archive = new Set<string>();
  for (const text of texts) {
    const chars = [...text];
    chars.forEach((ch, i) => {
      archive.add(ch);
      if (i + 1 < chars.length) archive.add(`${ch}${chars[i + 1]}`);
    });
  }
  const grams = new Set<string>(phrasePairs);
  for (const gram of archive) {
    const [first = '', second] = [...gram];
    const firsts = [first, ...(forms.get(first) ?? [])];
    if (second === undefined) {
      for (const form of firsts.slice(1)) grams.add(form);
      continue;
    }
    const seconds = [second, ...(forms.get(second) ?? [])];
    for (const a of firsts) for (const b of seconds) grams.add(`${a}${b}`);
  }
  return [...grams].filter((gram) => !archive.has(gram)).sort();
}
