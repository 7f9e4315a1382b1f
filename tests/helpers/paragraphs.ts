/**
 * Stand-in for the OCR repair step (the lead's, not landed yet): turns a seed's
 * lines into body paragraphs the way repair will hand them to ingest steps.
 * Test-only on purpose; swap for the real repair once it exists.
 *
 * - body lines only: a line without sentence-final punctuation that is short
 *   (≤ 40 chars) or a markdown heading/markup line is a title, byline, caption
 *   or heading, unless it continues a broken paragraph;
 * - a line that does not end a sentence is joined with the next body line;
 * - whitespace between two CJK characters or digits is removed.
 */

const SENTENCE_END = /[。！？!?；;…][”’」』）)"']*\s*$/u;
const CJK_OR_DIGIT = String.raw`[\p{Script=Han}0-9０-９%％‰“”"「」、，,。；;：:（）()《》]`;
const INNER_SPACE = new RegExp(`(?<=${CJK_OR_DIGIT})[ \\t\\u3000]+(?=${CJK_OR_DIGIT})`, 'gu');
const SHORT = 40;

export interface SliceOptions {
  /** First line of the article begins with this (default: first line of the file). */
  from?: string;
  /** The article stops before the first line beginning with this (default: end of file). */
  until?: string;
  /** Exact lines (trimmed) to leave out: captions that happen to end in 。, editor's notes… */
  skip?: readonly string[];
  /** 'markdown': the scan marks headings with #, so short lines are body text too. */
  headings?: 'guess' | 'markdown';
}

function isMarkup(line: string): boolean {
  return /^#+\s/u.test(line) || /^\*\*.*\*\*$/u.test(line);
}

export function removeInnerSpaces(text: string): string {
  return text.replace(INNER_SPACE, '');
}

/** Body paragraphs of one article of a seed file. */
export function seedParagraphs(text: string, options: SliceOptions = {}): string[] {
  let lines = text.split(/\r?\n/u).map((l) => l.trim());
  if (options.from !== undefined) {
    const from = options.from;
    const i = lines.findIndex((l) => l.startsWith(from));
    if (i < 0) throw new Error(`from-line not found: ${from}`);
    lines = lines.slice(i);
  }
  if (options.until !== undefined) {
    const until = options.until;
    const i = lines.findIndex((l) => l.startsWith(until));
    if (i < 0) throw new Error(`until-line not found: ${until}`);
    lines = lines.slice(0, i);
  }
  const skip = new Set(options.skip ?? []);
  const short = options.headings === 'markdown' ? 0 : SHORT;
  const paragraphs: string[] = [];
  let open: string | undefined; // a paragraph still waiting for its end
  for (const line of lines) {
    if (line === '' || skip.has(line) || isMarkup(line)) continue;
    const ends = SENTENCE_END.test(line);
    if (open !== undefined) {
      // A continuation is long or ends a sentence; a short unpunctuated line is a caption in between.
      if (!ends && line.length <= short) continue;
      open += line;
      if (ends) {
        paragraphs.push(open);
        open = undefined;
      }
      continue;
    }
    if (ends) paragraphs.push(line);
    else if (line.length > short) open = line;
    // else: heading, title, byline or caption
  }
  if (open !== undefined) paragraphs.push(open);
  return paragraphs.map((p) => removeInnerSpaces(p));
}
