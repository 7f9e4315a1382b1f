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
