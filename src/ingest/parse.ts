import { hanCount } from './cjk.ts';
import type { Author } from '../schemas/article.ts';
import type { Correction } from '../schemas/correction.ts';
import { IngestError } from './errors.ts';
import { joinParagraphs, type Block } from './join.ts';
import { repairText, summariseRepairs, type RepairTally } from './repair/index.ts';
import { isHeadingShaped, type RoledUnit } from './roles.ts';

/** One article read out of a seed: its parts, body in reading order, and what was changed. */
export interface ParsedArticle {
  title: string;
  subtitle?: string;
  standfirst: string[];
  authors: Author[];
  publication?: string;
  /** Bylines and notes as printed. */
  credits: string[];
  blocks: Block[];
  corrections: Correction[];
  /** First and last seed line of the article. */
  lines: [number, number];
}

const SEPARATED = /[\s,，、]/u;

function isCaptionSentence(unit: RoledUnit): boolean {
  return (
    unit.role === 'body' &&
    hanCount(unit.text) <= 60 &&
    /[。！]$/u.test(unit.text) &&
    !/[。！？].+[。！？]/u.test(unit.text)
  );
}

interface TitleBlock {
  title: RoledUnit;
  subtitle?: RoledUnit;
  /** Second half of a two-line headline printed after the byline. */
  titleEnd?: RoledUnit;
  /** Units used by the title block. */
  used: Set<RoledUnit>;
  /** Photo captions printed above the headline. */
  leadingCaptions: RoledUnit[];
  corrections: Correction[];
}

/**
 * The headline, and the line under it. Normally the first headline-shaped
 * line (after any photo captions printed above it). When the page prints its
 * headline and editor's note at the end (the headline sits right before
 * "编者按"), that headline is the title.
 */
function findTitle(units: readonly RoledUnit[], spacing: number, file: string): TitleBlock {
  const used = new Set<RoledUnit>();
  const corrections: Correction[] = [];
  const standfirstAt = units.findIndex((u) => u.role === 'standfirst');
  const beforeNote = standfirstAt > 0 ? units[standfirstAt - 1] : undefined;

  let i = 0;
  const leadingCaptions: RoledUnit[] = [];
  while (
    i < units.length &&
    (units[i]!.role === 'caption' || isCaptionSentence(units[i]!)) &&
    !isHeadingShaped(units[i]!)
  ) {
    leadingCaptions.push(units[i]!);
    i++;
  }
  const first = units[i];
  const firstIsHeadline =
    first !== undefined && (first.role === 'heading' || first.role === 'caption') && isHeadingShaped(first);

  if (beforeNote && beforeNote.role === 'heading' && beforeNote !== first) {
    used.add(beforeNote);
    corrections.push({
      kind: 'reorder',
      line: beforeNote.line,
      before: beforeNote.text,
      after: beforeNote.text,
      reason: '标题与编者按印在版面末尾，标题移至文首，编者按作导语',
    });
    return { title: beforeNote, used, leadingCaptions: [], corrections };
  }
  if (!first || !firstIsHeadline) {
    const at = units[0];
    throw new IngestError({
      file,
      ...(at ? { line: at.line } : {}),
      field: 'title',
      message:
        'no recognisable title: the text does not start with a headline (a short line without closing punctuation)',
      fix: 'put the headline on its own line at the top of the article, followed by a blank line',
    });
  }
  used.add(first);
  leadingCaptions.forEach((c) => used.add(c));
  const block: TitleBlock = { title: first, used, leadingCaptions, corrections };

  const next = units[i + 1];
  if (next?.role === 'dash') {
    block.subtitle = next;
  } else if (next && isHeadingShaped(next) && next.blanksBefore <= spacing && next.role !== 'standfirst') {
    block.subtitle = next;
  }
  if (block.subtitle) used.add(block.subtitle);

  // "深化卫计改革" … byline … "绘就健康蓝图": a two-line headline whose second line was set after the byline.
  let after = i + (block.subtitle ? 2 : 1);
  if (block.subtitle && units[after]?.role === 'dash') after++;
  while (units[after]?.role === 'byline' || units[after]?.role === 'note') after++;
  const candidate = units[after];
  const otherHeadings = units.slice(after + 1).filter((u) => u.role === 'heading');
  if (
    candidate?.role === 'heading' &&
    after > i + 1 &&
    !SEPARATED.test(first.text) &&
    !SEPARATED.test(candidate.text) &&
    Math.abs(hanCount(candidate.text) - hanCount(first.text)) <= 1 &&
    otherHeadings.length >= 2 &&
    otherHeadings.filter((u) => SEPARATED.test(u.text)).length >= (otherHeadings.length * 2) / 3
  ) {
    block.titleEnd = candidate;
    used.add(candidate);
    corrections.push({
      kind: 'reorder',
      line: candidate.line,
      before: candidate.text,
      after: `${first.text} ${candidate.text}`,
      reason: '两行主标题的第二行印在署名之后（与第一行字数相同、句式对仗，且不同于各节小标题的格式），并回标题',
    });
  }
  return block;
}

/** Merge a heading that directly follows another ("2 精于管理" + "筑牢爱卫工作“压舱石”") into one. */
function mergeHeadings(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out.at(-1);
    if (block.type === 'heading' && previous?.type === 'heading') previous.text = `${previous.text} ${block.text}`;
    else out.push({ ...block });
  }
  return out;
}

/** Assemble one article from its units: title block, credits, editor's note, body; repair the text and record every change. */
export function parseArticle(units: readonly RoledUnit[], file: string, spacing: number): ParsedArticle {
  const titleBlock = findTitle(units, spacing, file);
  const corrections: Correction[] = [...titleBlock.corrections];
  const tally: RepairTally = { spacing: [], punctuation: [] };
  const repair = (text: string, line: number, body: boolean) => repairText(text, line, body, tally, corrections);

  const authors: Author[] = [];
  const credits: string[] = [];
  let publication: string | undefined;
  const standfirst: string[] = [];
  const blocks: Block[] = titleBlock.leadingCaptions.map((c) => ({
    type: 'caption',
    text: repair(c.text, c.line, false),
    line: c.line,
  }));

  const lastHeading = units.findLastIndex((u) => u.role === 'heading' && !titleBlock.used.has(u));
  const standfirstAt = units.findIndex((u) => u.role === 'standfirst');
  const noteRunsToEnd = standfirstAt > lastHeading;
  if (standfirstAt > 0 && units.slice(0, standfirstAt).some((u) => u.role === 'body')) {
    corrections.push({
      kind: 'reorder',
      line: units[standfirstAt]!.line,
      before: [...units[standfirstAt]!.text].slice(0, 12).join(''),
      after: [...units[standfirstAt]!.text].slice(0, 12).join(''),
      reason: '编者按印在文末，作为导语置于正文之前',
    });
  }

  let marked = 0;
  let markedExample: RoledUnit | undefined;
  units.forEach((unit, index) => {
    if (unit.marked || unit.printed.includes('**')) {
      marked++;
      markedExample ??= unit;
    }
    if (unit.splitFrom) {
      corrections.push({
        kind: 'structure',
        line: unit.line,
        before: [...unit.splitFrom].slice(-16).join(''),
        after: [...unit.text].slice(-8).join(''),
        reason: '印在段末的署名移入署名栏',
      });
    }
    if (titleBlock.used.has(unit)) return;
    switch (unit.role) {
      case 'byline':
        credits.push(unit.text);
        authors.push(...(unit.byline?.authors ?? []));
        publication ??= unit.byline?.publication;
        return;
      case 'note':
        credits.push(unit.note?.text ?? unit.text);
        if (unit.note?.author) authors.push(unit.note.author);
        return;
      case 'garbage':
        corrections.push({
          kind: 'garbage',
          line: unit.line,
          before: unit.text,
          after: '',
          reason: '扫描残行（重复上一段末尾并夹杂乱码字符，或无可读文字），删去',
        });
        return;
      case 'standfirst':
        standfirst.push(repair(unit.text, unit.line, true));
        return;
      case 'dash':
      case 'heading':
        blocks.push({ type: 'heading', text: repair(unit.text, unit.line, false), line: unit.line });
        return;
      case 'caption':
        blocks.push({ type: 'caption', text: repair(unit.text, unit.line, false), line: unit.line });
        return;
      case 'body':
      case 'ellipsis':
        if (noteRunsToEnd && standfirstAt >= 0 && index > standfirstAt) {
          standfirst.push(repair(unit.text, unit.line, true));
          return;
        }
        blocks.push({ type: 'paragraph', text: repair(unit.text, unit.line, true), line: unit.line });
        return;
    }
  });

  if (marked > 0 && markedExample) {
    corrections.push({
      kind: 'markup',
      line: markedExample.line,
      before: markedExample.printed,
      after: markedExample.text,
      count: marked,
      reason: '扫描稿中的 Markdown 标记（#、**）按标题、署名处理，不作正文文字',
    });
  }

  const joined = joinParagraphs(blocks);
  corrections.push(...joined.corrections, ...summariseRepairs(tally));

  const title = repair(titleBlock.title.text, titleBlock.title.line, false);
  const titleEnd = titleBlock.titleEnd ? repair(titleBlock.titleEnd.text, titleBlock.titleEnd.line, false) : undefined;
  const subtitle = titleBlock.subtitle ? repair(titleBlock.subtitle.text, titleBlock.subtitle.line, false) : undefined;
  const lineNumbers = units.map((u) => u.line);
  return {
    title: titleEnd ? `${title} ${titleEnd}` : title,
    ...(subtitle ? { subtitle } : {}),
    standfirst,
    authors,
    ...(publication ? { publication } : {}),
    credits,
    blocks: mergeHeadings(joined.blocks),
    corrections: corrections.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    lines: [Math.min(...lineNumbers), Math.max(...lineNumbers)],
  };
}
