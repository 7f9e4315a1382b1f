/**
 * Whether a text separates its paragraphs with blank lines (so lines with no
 * blank line between them are one paragraph wrapped), judged from the blank
 * lines between its non-blank lines. A few blank-line breaks are enough: a
 * hard-wrapped text has many more line breaks than paragraph breaks.
 */
export function usesBlankLineParagraphs(blanksBetween: readonly number[]): boolean {
  const separated = blanksBetween.filter((b) => b > 0).length;
  return separated >= Math.max(2, blanksBetween.length * 0.05);
}

/** Blank lines between each pair of consecutive non-blank lines of a text. */
export function blanksBetweenLines(lines: readonly string[]): number[] {
  const gaps: number[] = [];
  let blanks = -1;
  for (const line of lines) {
    if (line.trim() === '') {
      if (blanks >= 0) blanks++;
      continue;
    }
    if (blanks >= 0) gaps.push(blanks);
    blanks = 0;
  }
  return gaps;
}
