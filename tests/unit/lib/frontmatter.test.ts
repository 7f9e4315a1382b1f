import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('splits the YAML from the body and says where each starts', () => {
    expect(splitFrontmatter('---\ntitle: 甲\nyear: 2020\n---\n\n正文。\n')).toEqual({
      ok: true,
      yaml: 'title: 甲\nyear: 2020',
      body: '\n正文。\n',
      yamlLine: 2,
      bodyLine: 5,
      text: '---\ntitle: 甲\nyear: 2020\n---\n\n正文。\n',
    });
  });

  it('reads Windows and old Mac line endings and a byte-order mark as the same file', () => {
    const unix = splitFrontmatter('---\ntitle: 甲\n---\n正文\n');
    expect(splitFrontmatter('\uFEFF---\r\ntitle: 甲\r\n---\r\n正文\r\n')).toEqual(unix);
    expect(splitFrontmatter('---\rtitle: 甲\r---\r正文\r')).toEqual(unix);
  });

  it('accepts trailing spaces after a fence but no other text', () => {
    expect(splitFrontmatter('---  \ntitle: 甲\n--- \n正文').ok).toBe(true);
    expect(splitFrontmatter('--- x\ntitle: 甲\n---\n').ok).toBe(false);
  });

  it('names a missing and an unclosed frontmatter', () => {
    expect(splitFrontmatter('title: 甲\n正文')).toMatchObject({ ok: false, problem: 'missing' });
    expect(splitFrontmatter('---\ntitle: 甲\n正文')).toMatchObject({ ok: false, problem: 'unclosed' });
  });
});
