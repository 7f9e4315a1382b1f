/** The changed middle of two versions of a short text, with what they share before and after. */
export interface TextChange {
  prefix: string;
  removed: string;
  added: string;
  suffix: string;
}

/** Common prefix and suffix by code point, so a correction can highlight just 人 → 入. */
export function textChange(before: string, after: string): TextChange {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return {
    prefix: a.slice(0, start).join(''),
    removed: a.slice(start, a.length - end).join(''),
    added: b.slice(start, b.length - end).join(''),
    suffix: a.slice(a.length - end).join(''),
  };
}
