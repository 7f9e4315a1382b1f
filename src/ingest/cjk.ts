/** Character classes for Chinese text, shared by ingest and the checks. */

/** A Han character (CJK unified ideographs and extensions). */
export const HAN = /\p{Script=Han}/u;
/** Full-width CJK punctuation and brackets. */
export const CJK_PUNCT =
  /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2026\u2018\u2019\u201c\u201d\u00b7]/u;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

export function isCjkPunct(ch: string | undefined): boolean {
  return ch !== undefined && CJK_PUNCT.test(ch);
}

export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

/** Number of Han characters in a string. */
export function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** Sentence-ending punctuation (full- and half-width), including the list-item semicolon and the introducing colon. */
const TERMINAL = /[。！？!?；;：:…]$/u;
/** Closing marks that may follow a terminal mark: 。” or ！） */
const CLOSERS = /[”’」』）)】〕》"'\s*]+$/u;

/** Does this paragraph end a sentence (so a line break after it is a real paragraph break)? */
export function endsSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  if (TERMINAL.test(trimmed)) return true;
  const stripped = trimmed.replace(CLOSERS, '');
  return stripped !== trimmed && TERMINAL.test(stripped);
}

/** Display width in ems: full-width characters count 1, ASCII half. */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return width;
}
