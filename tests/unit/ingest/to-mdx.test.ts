import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { blockToMdx, escapeMdx, isUntouched, renderEntry } from '../../../src/ingest/to-mdx.ts';
import { bodyBlocks } from '../../../src/lib/body-text.ts';

const hostile = [
  '正文{变量}与<script>alert(1)</script>',
  'import x from "y"',
  'export const a = 1',
  '# 不是标题',
  '1. 不是列表',
  '- 也不是列表',
  '> 不是引用',
  '*强调* _下划线_ `代码` [链接](/x) ![图](y) | 表格 | ~删除~ &amp; \\反斜杠',
];

describe('escapeMdx', () => {
  it.each(hostile)('%s compiles as plain text and reads back unchanged', (text) => {
    const mdx = escapeMdx(text);
    const { code } = mdxToJs(mdx);
    expect(code).not.toMatch(/_components\.(h1|ol|ul|li|blockquote|em|strong|code|a|img|table|del)\b/u);
    expect(code).not.toMatch(/^import x|^export const a/mu);
    expect(bodyBlocks(mdx)).toEqual([{ type: 'paragraph', text }]);
  });

  it('keeps a bare URL as its own text (the compiler may link it)', () => {
    const text = '详见 https://www.example.cn/a 与 www.example.com';
    expect(mdxToJs(escapeMdx(text)).code).toContain('https://www.example.cn/a');
    expect(bodyBlocks(escapeMdx(text))).toEqual([{ type: 'paragraph', text }]);
  });

  it('writes captions as Photo components, quoting any text', () => {
    for (const caption of ['巨野县卫健局为帮扶村送乐器', '他说"好"{1}<b>']) {
      const mdx = blockToMdx({ type: 'caption', text: caption, line: 1 });
      expect(mdxToJs(mdx).code).toMatch(/Photo/u);
      expect(bodyBlocks(mdx)).toEqual([{ type: 'caption', text: caption }]);
    }
  });
});

describe('renderEntry / isUntouched', () => {
  const frontmatter = {
    title: '标题',
    standfirst: [],
    region: '巨野县',
    city: '菏泽市',
    year: 2020,
    authors: [],
    credits: [],
    sections: [],
    captions: [],
    metrics: [],
    events: [],
    corrections: [],
  };
  const mdx = renderEntry(frontmatter, [{ type: 'paragraph', text: '正文。', line: 3 }]);

  it('signs what it generated', () => {
    expect(mdx).toMatch(/\ningest:\n {2}hash: [0-9a-f]{64}\n---\n/u);
    expect(isUntouched(mdx)).toBe(true);
  });

  it('tells an edit of the body or the frontmatter', () => {
    expect(isUntouched(mdx.replace('正文。', '正文！'))).toBe(false);
    expect(isUntouched(mdx.replace('year: 2020', 'year: 2021'))).toBe(false);
  });

  it('cannot vouch for an entry it did not write', () => {
    expect(isUntouched('---\ntitle: x\n---\n\n正文。\n')).toBeUndefined();
  });
});
