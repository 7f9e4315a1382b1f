import { endsSentence } from './cjk.ts';
import type { Correction } from '../schemas/correction.ts';

/** A piece of an article's body in reading order. */
export interface Block {
  type: 'paragraph' | 'heading' | 'caption';
  text: string;
  /** 1-based seed line it was printed on (the first, when joined). */
  line: number;
}

/** Sentence openers: a paragraph starting with one is not the tail of the paragraph before it. */
const OPENER = /^(?:\d{4}年[^，,。]{0,8}[，,]|(?:近年来|今年以来|目前|据了解|截至目前|同时|此外|另外|与此同时)[，,])/u;
/** Starts mid-sentence: one character and a list comma ("院、社区卫生服务中心…"), or punctuation. */
const HEADLESS = /^(?:\p{Script=Han}[、，,]|[，,、。；;：:）)”])/u;

function tail(text: string, n = 8): string {
  return [...text].slice(-n).join('');
}
function head(text: string, n = 8): string {
  return [...text].slice(0, n).join('');
}

/** Next paragraph after index `from`, skipping captions; undefined at a heading or the end. */
function nextParagraph(blocks: readonly Block[], from: number): number | undefined {
  for (let i = from + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'heading') return undefined;
    if (block.type === 'paragraph') return i;
  }
  return undefined;
}

/**
 * "人民对美好生活的¶人民群众提供…": the first half stops on an attributive 的 and the second
 * starts again with words of the first half's clause: the text between them was lost in the scan.
 */
function restartsPhrase(first: string, second: string): boolean {
  if (!/的$/u.test(first)) return false;
  const clause = first.split(/[，,。；;：:！？!?、]/u).pop() ?? '';
  const opening = [...second].slice(0, 2).join('');
  return /^\p{Script=Han}{2}$/u.test(opening) && clause.slice(0, -1).includes(opening);
}

function isBroken(block: Block): boolean {
  return block.type === 'paragraph' && !endsSentence(block.text) && !/^[….。·]+$/u.test(block.text);
}

/**
 * Join paragraphs broken at page or column breaks. A paragraph that stops
 * mid-sentence continues in the next paragraph, across any captions printed
 * in between (they move after the joined paragraph). When the next paragraph
 * is complete and opens like a paragraph of its own ("2024年，在区委…") while
 * the one after it carries on the sentence, that complete paragraph was
 * printed out of order: it goes to the lead if the article has none, else
 * after the joined paragraph. What cannot be joined is recorded as a gap.
 */
export function joinParagraphs(input: readonly Block[]): { blocks: Block[]; corrections: Correction[] } {
  const blocks = [...input];
  const corrections: Correction[] = [];
  const hasLead = () => {
    const firstHeading = blocks.findIndex((b) => b.type === 'heading');
    return blocks.slice(0, firstHeading < 0 ? blocks.length : firstHeading).some((b) => b.type === 'paragraph');
  };

  for (let i = 0; i < blocks.length; i++) {
    const start = blocks[i]!;
    if (start.type === 'paragraph' && HEADLESS.test(start.text) && blocks[i - 1]?.type !== 'paragraph') {
      corrections.push({
        kind: 'gap',
        line: start.line,
        before: head(start.text, 12),
        after: head(start.text, 12),
        reason: '段落从句子中间开始，前文在原件中缺失；保留现有文字',
      });
    }
    while (isBroken(blocks[i]!)) {
      const current = blocks[i]!;
      const j = nextParagraph(blocks, i);
      if (j === undefined) {
        corrections.push({
          kind: 'gap',
          line: current.line,
          before: tail(current.text, 12),
          after: tail(current.text, 12),
          reason: '段落在句子中间结束，后文在原件中缺失；保留现有文字',
        });
        break;
      }
      let next = j;
      let displaced: number | undefined;
      const q = blocks[j]!;
      const k = nextParagraph(blocks, j);
      if (endsSentence(q.text) && OPENER.test(q.text) && k !== undefined && !OPENER.test(blocks[k]!.text)) {
        displaced = j;
        next = k;
      }
      const continuation = blocks[next]!;
      const joined: Block = { ...current, text: current.text + continuation.text };
      const lost = restartsPhrase(current.text, continuation.text);
      corrections.push({
        kind: lost ? 'gap' : 'join',
        line: continuation.line,
        before: `${tail(current.text)}¶${head(continuation.text)}`,
        after: `${tail(current.text)}${head(continuation.text)}`,
        reason: lost
          ? '段落在换页处断开，接上后语句不通（“…的”之后又从同一短语重新开始），中间文字在原件中缺失；接回一段，保留现有文字'
          : '段落在换页或换栏处断开，接回一段',
      });
      // Everything printed between the two halves (captions, a displaced paragraph) follows the joined paragraph.
      const between = blocks.slice(i + 1, next).filter((_, n) => i + 1 + n !== displaced);
      const moved = displaced === undefined ? undefined : blocks[displaced]!;
      blocks.splice(i, next - i + 1, joined, ...between);
      if (moved) {
        corrections.push({
          kind: 'reorder',
          line: moved.line,
          before: head(moved.text, 12),
          after: head(moved.text, 12),
          reason: hasLead()
            ? '完整段落印在一句话的两半之间，移到该段之后'
            : '导语段落印在正文一句话的两半之间；文章没有导语，移到文首',
        });
        if (hasLead()) {
          blocks.splice(i + 1 + between.length, 0, moved);
        } else {
          const firstHeading = blocks.findIndex((b) => b.type === 'heading');
          blocks.splice(firstHeading < 0 ? 0 : firstHeading, 0, moved);
          if (firstHeading >= 0 && firstHeading <= i) i++;
        }
      }
    }
  }
  return { blocks, corrections };
}
