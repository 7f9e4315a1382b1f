/**
 * A correction's `before` is the seed's own text (issue 15): repairs run on text whose
 * punctuation was already widened and whose stray spaces were removed, so the context
 * they record is found again in the seed lines around the correction, with mark width,
 * quote shape, dashes (and the 一 a scan prints for one) and spaces folded, and replaced by
 * what the seed prints. A paragraph break (¶) separates pieces looked up on their own.
 */

const FOLD: Readonly<Record<string, string>> = {
  '，': ',',
  '；': ';',
  '：': ':',
  '（': '(',
  '）': ')',
  '！': '!',
  '？': '?',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '—': '-',
  '－': '-',
  一: '-',
  '％': '%',
};

/** The text folded, and for each folded character the offset of the seed character it came from. */
function fold(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/u.test(ch)) continue;
    folded += FOLD[ch] ?? ch;
    at.push(i);
  }
  return { folded, at };
}

/** The last seed folded: ingest looks up every correction of one seed in a row. */
let lastSeed: { text: string; lines: string[]; whole: ReturnType<typeof fold> } | undefined;

function seedOf(text: string): NonNullable<typeof lastSeed> {
  if (lastSeed?.text !== text) lastSeed = { text, lines: text.split(/\r\n|\r|\n/u), whole: fold(text) };
  return lastSeed;
}

/** `before` as the seed prints it near `line` (1-based), or unchanged when it cannot be found. */
export function seedExactBefore(before: string, seedText: string, line?: number): string {
  const seed = seedOf(seedText);
  const lines = seed.lines;
  const near =
    line === undefined ? seedText : lines.slice(Math.max(0, line - 30), Math.min(lines.length, line + 3)).join('\n');
  const places = [fold(near), seed.whole];
  const texts = [near, seedText];
  return before
    .split('¶')
    .map((piece) => {
      const wanted = fold(piece).folded;
      if (wanted === '') return piece;
      for (const [k, place] of places.entries()) {
        const start = place.folded.indexOf(wanted);
        if (start < 0) continue;
        const from = place.at[start] as number;
        const to = (place.at[start + wanted.length - 1] as number) + 1;
        return (texts[k] as string).slice(from, to);
      }
      return piece;
    })
    .join('¶');
}
