/**
 * Estimating and wrapping Chinese/Latin label text without a DOM.
 *
 * Widths are estimates in em (CJK and full-width forms 1em, digits and Latin ~0.6em), a little
 * generous so that a real font rarely overflows. Wrapping may break between any two CJK
 * characters (as Chinese typesetting does) but keeps runs of Latin letters and digits together
 * ("2020年", "HPV", "65岁") and never starts a line with closing punctuation (避头点).
 */

/** Full-width characters: CJK ideographs, kana, hangul, CJK punctuation and full-width forms. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const NARROW_PUNCT = /[.,:;'!|il1I()[\]{}\s]/;
const WIDE_LATIN = /[MW@%‰mw]/;

/** Estimated width of `text` in em. */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (WIDE.test(ch)) w += 1;
    else if (NARROW_PUNCT.test(ch)) w += 0.32;
    else if (WIDE_LATIN.test(ch)) w += 0.85;
    else w += 0.6;
  }
  return w;
}

/** Estimated width of `text` at `fontSize` (same units as the font size). */
export function textWidth(text: string, fontSize: number): number {
  return textWidthEm(text) * fontSize;
}

/** Closing punctuation that must not begin a line. */
const NO_LINE_START = /^[，。、；：？！）」』》〉】〕”’％%‰,.;:?!)\]}·…—]/;

/** Opening punctuation that must not end a line. */
const NO_LINE_END = /[“‘（《「『【〔〈([{]$/;

/** Splits text into units that may not be broken: runs of Latin/digits, or one other character. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9.,%‰+\-/]+|[\s\S]/gu) ?? [];
}

/** Cuts `text` to fit `width`, ending with "…" when anything was cut. */
export function truncate(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const ellipsis = '…';
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch + ellipsis, fontSize) > width) break;
    out += ch;
  }
  return out + ellipsis;
}

/**
 * Wraps `text` into lines no wider than `width` at `fontSize`; at most `maxLines` lines, the
 * last one truncated with "…" if the text does not fit. Always returns at least one line.
 */
export function wrap(text: string, width: number, fontSize: number, maxLines = 2): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return [''];
  const lines: string[] = [];
  let line = '';
  const parts = tokens(clean);
  for (let i = 0; i < parts.length; i++) {
    const token = parts[i] ?? '';
    const candidate = line + token;
    if (line === '' || textWidth(candidate, fontSize) <= width) {
      line = candidate;
      continue;
    }
    // Kinsoku: carry the last character over rather than start a line with closing punctuation.
    if (NO_LINE_START.test(token) && [...line].length > 1) {
      const chars = [...line];
      const last = chars.pop() ?? '';
      lines.push(chars.join('').trimEnd());
      line = last + token;
    } else if (NO_LINE_END.test(line) && [...line].length > 1) {
      // …and carry an opening quote or bracket over to the line it opens.
      const chars = [...line];
      const last = chars.pop() ?? '';
      lines.push(chars.join('').trimEnd());
      line = last + token;
    } else {
      lines.push(line.trimEnd());
      line = token.trimStart();
    }
    if (lines.length === maxLines) {
      const rest = line + parts.slice(i + 1).join('');
      const last = lines.pop() ?? '';
      lines.push(truncate(last + rest, width, fontSize));
      return lines;
    }
  }
  if (line !== '') lines.push(line);
  // A single token longer than the width (a long number): truncate it.
  return lines.map((l) => (textWidth(l, fontSize) > width ? truncate(l, width, fontSize) : l));
}
