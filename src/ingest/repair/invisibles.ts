/**
 * Invisible format characters (Unicode Cf): bidi overrides and isolates, marks, tags. A right-to-left
 * override in a headline shows its words reversed while search and the check see them in order, so none
 * stays in published text. A zero-width joiner inside an emoji (👩‍⚕️) is part of the picture and stays.
 */
const INVISIBLE =
  /(?<!\p{Extended_Pictographic}(?:\u{fe0f}|\p{Emoji_Modifier})?)\u200d|\u200d(?!\p{Extended_Pictographic})|(?!\u200d)\p{Cf}/gu;

const codePoint = (ch: string) => `<U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;

/** The text without its invisible format characters; `shown` writes each one removed as <U+202E>, for the record. */
export function removeInvisibles(text: string): { text: string; removed: number; shown: string } {
  let removed = 0;
  const out = text.replace(INVISIBLE, () => {
    removed += 1;
    return '';
  });
  return { text: out, removed, shown: removed > 0 ? text.replace(INVISIBLE, codePoint) : text };
}
