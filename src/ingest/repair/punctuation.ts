import { isCjkPunct, isHan } from '../cjk.ts';

export interface PunctuationResult {
  text: string;
  /** Marks made full-width. */
  changed: number;
  example?: { before: string; after: string };
}

const WIDE: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };

function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

/** Nearest non-space character before or after index i. */
function neighbour(chars: string[], i: number, step: -1 | 1): string | undefined {
  for (let k = i + step; k >= 0 && k < chars.length; k += step) if (chars[k] !== ' ') return chars[k];
  return undefined;
}

/**
 * Make half-width punctuation in Chinese text full-width, as Chinese
 * typesetting has it: "，" for "," next to Chinese (not in 1,000), paired
 * “ ” for straight quotes, （ ） around Chinese. Marks between digits, in
 * Latin text, and unpaired quotes are left as printed.
 */
export function widenPunctuation(text: string): PunctuationResult {
  const chars = [...text];
  let changed = 0;
  let firstAt = -1;
  const change = (i: number, to: string) => {
    if (firstAt < 0) firstAt = i;
    chars[i] = to;
    changed++;
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const wide = WIDE[ch];
    if (!wide) continue;
    const before = neighbour(chars, i, -1);
    const after = neighbour(chars, i, 1);
    const betweenDigits = /\d/u.test(before ?? '') && /\d/u.test(after ?? '');
    if (!betweenDigits && (isChinese(before) || isChinese(after))) change(i, wide);
  }
  const quotes = chars.flatMap((ch, i) => (ch === '"' ? [i] : []));
  if (quotes.length % 2 === 0) {
    for (let q = 0; q < quotes.length; q += 2) {
      const open = quotes[q]!;
      const close = quotes[q + 1]!;
      if (
        chars.slice(open + 1, close).some(isHan) ||
        isHan(neighbour(chars, open, -1)) ||
        isHan(neighbour(chars, close, 1))
      ) {
        change(open, '“');
        change(close, '”');
      }
    }
  }
  // A mark after a closing quote or a percentage sits in Chinese text too: “先进党支部”,5次 / 73.72%,60岁.
  for (let i = 0; i < chars.length; i++) {
    const wide = WIDE[chars[i]!];
    if (!wide) continue;
    const before = neighbour(chars, i, -1);
    const after = neighbour(chars, i, 1);
    if (/^[”’%‰]$/u.test(before ?? '') && (isChinese(after) || /\d/u.test(after ?? ''))) change(i, wide);
  }
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '(') continue;
    const close = chars.indexOf(')', i + 1);
    if (close > i && chars.slice(i + 1, close).some(isHan)) {
      change(i, '（');
      change(close, '）');
    }
  }
  if (changed === 0) return { text, changed };
  const result = chars.join('');
  const start = Math.max(0, firstAt - 4);
  const original = [...text];
  return {
    text: result,
    changed,
    example: { before: original.slice(start, firstAt + 5).join(''), after: chars.slice(start, firstAt + 5).join('') },
  };
}
