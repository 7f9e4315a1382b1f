/** One line of a seed, tidied, with its 1-based line number in the file. */
export interface SourceLine {
  no: number;
  text: string;
}

// Spaces a scan or word processor leaves that mean no more than an ASCII space. Word's line and
// paragraph separators (U+2028, U+2029) too: kept, they would end a heading in JavaScript's eyes but not in MDX's.
const ODD_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/gu;
// Invisible characters that only get in the way of matching. The zero-width joiner is left to the
// repair step, which keeps it inside an emoji and records the others it removes.
const INVISIBLES = /[\u200b\u200c\u2060\ufeff\u00ad]/gu;

/**
 * Split text into lines with their numbers: line endings unified, odd spaces
 * made plain, invisibles removed, runs of spaces collapsed, ends trimmed.
 * Empty lines are kept (as empty text) because blank-line spacing carries layout.
 */
export function normaliseLines(text: string): SourceLine[] {
  return text
    .replace(/^\ufeff/u, '')
    .split(/\r\n|\r|\n/u)
    .map((raw, i) => ({
      no: i + 1,
      text: raw.normalize('NFC').replace(INVISIBLES, '').replace(ODD_SPACES, ' ').replace(/ {2,}/gu, ' ').trim(),
    }));
}
