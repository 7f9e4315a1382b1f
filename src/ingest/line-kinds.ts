import { endsSentence, hanCount } from './cjk.ts';
import { usesBlankLineParagraphs } from './layout.ts';
import { parseByline, parseCreditNote, splitTrailingByline, type Byline, type CreditNote } from './byline.ts';
import type { SourceLine } from './normalise.ts';

/**
 * What a printed line is, judged from the line alone and its spacing:
 * - text:     anything else (body paragraph, heading, caption or title; decided in context)
 * - byline:   names with roles (记者 李云云)
 * - note:     a bracketed credit note (（照片均为资料片）)
 * - dash:     a "——" line under a headline
 * - ellipsis: a printed "……" between passages
 * - standfirst: an editor's note (编者按 …)
 */
export type UnitKind = 'text' | 'byline' | 'note' | 'dash' | 'ellipsis' | 'standfirst';

export interface Unit {
  kind: UnitKind;
  /** Text as it will be published (scan markup removed). */
  text: string;
  /** 1-based line in the seed. */
  line: number;
  /** The whole printed line, for corrections. */
  printed: string;
  /** Blank lines before and after (file start and end count as many). */
  blanksBefore: number;
  blanksAfter: number;
  /** Printed with markdown heading marks (#): certainly a heading. */
  marked: boolean;
  byline?: Byline;
  note?: CreditNote;
  /** A byline that was run on at the end of this paragraph, split off. */
  splitFrom?: string;
  /** Further lines of a paragraph the scan wrapped over several lines. */
  extraLines?: number;
}

const EDGE_BLANKS = 99;
const ELLIPSIS = /^[….。·\s]{2,}$/u;
const DASH = /^(?:——|—|--|－－)\s*\S/u;
const STANDFIRST = /^[【[]?(?:编者按|编者的话|编辑手记|导语)[】\]]?[:：\s]?/u;
const MARKDOWN_HEADING = /^#{1,6}\s*/u;
const BOLD = /\*\*(.+?)\*\*/gu;

/** Pieces of one printed line: markup removed, a bold credit or a trailing note split off. */
function piecesOf(text: string): Array<{ text: string; marked: boolean }> {
  const marked = MARKDOWN_HEADING.test(text) && text.replace(MARKDOWN_HEADING, '').length > 0;
  const body = text.replace(MARKDOWN_HEADING, '');
  const pieces: Array<{ text: string; marked: boolean }> = [];
  let last = 0;
  for (const match of body.matchAll(BOLD)) {
    const before = body.slice(last, match.index).trim();
    if (before) pieces.push({ text: before, marked });
    pieces.push({ text: (match[1] ?? '').trim(), marked: false });
    last = (match.index ?? 0) + match[0].length;
  }
  const rest = body.slice(last).replace(/\*\*/gu, '').trim();
  if (rest) pieces.push({ text: rest, marked });
  // A credit note printed at the end of a paragraph: "…模式。 （本版文字由X整理）"
  return pieces.flatMap((piece) => {
    const note = /^(.*[。！？!?”])\s*([（(][^（()）]{2,40}[）)])$/u.exec(piece.text);
    if (note?.[1] && note[2] && parseCreditNote(note[2])) {
      return [
        { text: note[1], marked: piece.marked },
        { text: note[2], marked: false },
      ];
    }
    return [piece];
  });
}

function kindOf(text: string, previous: Unit | undefined): Pick<Unit, 'kind' | 'byline' | 'note'> {
  if (ELLIPSIS.test(text)) return { kind: 'ellipsis' };
  const note = parseCreditNote(text);
  if (note) return { kind: 'note', note };
  const byline = parseByline(text, previous?.kind === 'byline' && previous.blanksAfter === 0);
  if (byline && hanCount(text) <= 40 && !endsSentence(text)) return { kind: 'byline', byline };
  if (DASH.test(text) && hanCount(text) <= 40) return { kind: 'dash' };
  if (STANDFIRST.test(text)) return { kind: 'standfirst' };
  return { kind: 'text' };
}

/**
 * A byline set over several lines with no blank line between them
 * ("文/片 齐鲁晚报·齐鲁壹点" / "记者 李云云" / "通讯员 吴如明 徐迎春") is one byline.
 */
function mergeBylineRuns(units: Unit[]): Unit[] {
  const merged: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const first = units[i]!;
    let end = i;
    let joined = first.text;
    let best: { end: number; byline: Byline; text: string } | undefined;
    while (end + 1 < units.length && units[end]!.blanksAfter === 0 && units[end + 1]!.line === units[end]!.line + 1) {
      end++;
      joined += ' ' + units[end]!.text;
      const byline = parseByline(joined);
      if (byline && !endsSentence(joined)) best = { end, byline, text: joined };
    }
    if (best && (first.kind === 'text' || first.kind === 'byline')) {
      const last = units[best.end]!;
      merged.push({ ...first, kind: 'byline', byline: best.byline, text: best.text, blanksAfter: last.blanksAfter });
      i = best.end;
    } else {
      merged.push(first);
    }
  }
  return merged;
}

/**
 * In a file that separates paragraphs with blank lines, lines with no blank
 * line between them are one paragraph wrapped by the scan: join them (no
 * space between Chinese characters). A file without blank lines keeps one
 * paragraph per line.
 */
function mergeWrappedLines(units: Unit[]): Unit[] {
  if (!usesBlankLineParagraphs(units.slice(0, -1).map((u) => u.blanksAfter))) return units;
  const merged: Unit[] = [];
  for (const unit of units) {
    const previous = merged.at(-1);
    const wrapped =
      previous &&
      previous.blanksAfter === 0 &&
      (previous.kind === 'text' || previous.kind === 'standfirst') &&
      unit.kind === 'text' &&
      !previous.marked &&
      !unit.marked &&
      unit.line === previous.line + 1 + (previous.extraLines ?? 0);
    if (!wrapped) {
      merged.push({ ...unit });
      continue;
    }
    // Only English words wrapped across lines need a space back; Chinese text and numbers join directly.
    const joint = /[A-Za-z]/u.test(previous.text.at(-1) ?? '') && /[A-Za-z]/u.test(unit.text[0] ?? '') ? ' ' : '';
    previous.text += joint + unit.text;
    previous.printed += '\n' + unit.printed;
    previous.blanksAfter = unit.blanksAfter;
    previous.extraLines = (previous.extraLines ?? 0) + 1;
  }
  return merged;
}

/** Turn tidied lines into units, each one printed line (or piece of one), with its spacing. */
export function classifyLines(lines: readonly SourceLine[]): Unit[] {
  return mergeWrappedLines(mergeBylineRuns(unitsOf(lines)));
}

function unitsOf(lines: readonly SourceLine[]): Unit[] {
  const units: Unit[] = [];
  let blanks = EDGE_BLANKS;
  for (const line of lines) {
    if (line.text === '') {
      blanks++;
      continue;
    }
    const pieces = piecesOf(line.text);
    pieces.forEach((piece, index) => {
      const previous = units.at(-1);
      if (previous) previous.blanksAfter = index === 0 ? blanks : 0;
      const trailing = piece.marked ? undefined : splitTrailingByline(piece.text);
      const texts = trailing ? [trailing.body, trailing.byline] : [piece.text];
      texts.forEach((text, k) => {
        const prior = units.at(-1);
        if (prior && k > 0) prior.blanksAfter = 0;
        units.push({
          ...kindOf(text, prior),
          text,
          line: line.no,
          printed: line.text,
          blanksBefore: index === 0 && k === 0 ? blanks : 0,
          blanksAfter: EDGE_BLANKS,
          marked: piece.marked,
          ...(trailing && k === 0 ? { splitFrom: line.text } : {}),
        });
      });
    });
    blanks = 0;
  }
  return units;
}
