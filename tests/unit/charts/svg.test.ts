import { describe, expect, it } from 'vitest';
import { el, escapeAttr, escapeText, hash, join, num, raw, round, safeId, safeUrl } from '../../../src/charts/svg.ts';
import { textWidth, textWidthEm, truncate, wrap } from '../../../src/charts/text.ts';

describe('escaping', () => {
  it('escapes text and attributes', () => {
    expect(escapeText('<script>alert("x")</script> & co')).toBe('&lt;script&gt;alert("x")&lt;/script&gt; &amp; co');
    expect(escapeAttr(`" onload="x' <`)).toBe('&quot; onload=&quot;x&#39; &lt;');
  });
  it('drops characters XML cannot carry', () => {
    expect(escapeText('a\u0000b\u0008c\uFFFFd')).toBe('abcd');
    expect(escapeText('ok\ttab\nline')).toBe('ok\ttab\nline');
  });
  it('el() escapes plain children and attribute values, keeps Markup', () => {
    const m = el('text', { x: 1.26, 'data-label': '"><script>' }, '<b>', el('tspan', {}, 'a&b'), raw('<br/>'));
    expect(String(m)).toBe(
      '<text x="1.3" data-label="&quot;&gt;&lt;script&gt;">&lt;b&gt;<tspan>a&amp;b</tspan><br/></text>',
    );
  });
  it('el() leaves out undefined/false attributes and self-closes empty elements', () => {
    expect(String(el('rect', { x: 0, y: undefined, hidden: false, focusable: true }))).toBe('<rect x="0" focusable/>');
    expect(String(el('br'))).toBe('<br>');
    expect(String(join('a', 1, null, ['<', raw('<i/>')]))).toBe('a1&lt;<i/>');
  });
  it('el() refuses bad tag names, attribute names and event handlers', () => {
    expect(() => el('a b')).toThrow();
    expect(() => el('g', { 'x"y': 1 })).toThrow();
    expect(() => el('g', { onclick: 'x' })).toThrow();
  });
});

describe('safeUrl', () => {
  it('keeps relative, fragment, http(s) and mailto links', () => {
    for (const url of [
      '/articles/juye-2020/#a',
      '#a',
      'b/c',
      'https://example.org/',
      'http://x',
      'mailto:a@b.c',
      '/a:b',
    ])
      expect(safeUrl(url)).toBe(url);
  });
  it('drops script and data URLs, however they are disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:x',
      ' javascript:x',
      'java\tscript:x',
      '\u0001javascript:x',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      expect(safeUrl(url)).toBeUndefined();
    }
    expect(safeUrl(undefined)).toBeUndefined();
  });
});

describe('numbers and ids', () => {
  it('rounds to 0.1 without -0 or NaN', () => {
    expect(round(1.25)).toBe(1.3);
    expect(round(-0.04)).toBe(0);
    expect(Object.is(round(-0.04), -0)).toBe(false);
    expect(round(Number.NaN)).toBe(0);
    expect(num(123.456)).toBe('123.5');
    expect(num(Number.POSITIVE_INFINITY)).toBe('0');
  });
  it('makes stable, safe ids', () => {
    expect(hash('abc')).toBe(hash('abc'));
    expect(hash('abc')).not.toBe(hash('abd'));
    expect(safeId('巨野 chart')).toBe('chart');
    expect(safeId('1-x')).toBe('c-1-x');
    expect(safeId('chart-bar-1')).toBe('chart-bar-1');
    expect(safeId('"><')).toMatch(/^c-[a-z0-9]+$/);
  });
});

describe('text measuring and wrapping', () => {
  it('counts CJK as 1em and digits as narrower', () => {
    expect(textWidthEm('巨野县')).toBe(3);
    expect(textWidthEm('2020')).toBeCloseTo(2.4);
    expect(textWidth('巨野', 14)).toBe(28);
  });
  it('wraps Chinese anywhere but keeps numbers whole', () => {
    const lines = wrap('2020年全县65岁以上老年人健康管理人数达到101981人', 10 * 14, 14, 3);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(10 * 14);
    expect(lines.join('')).toBe('2020年全县65岁以上老年人健康管理人数达到101981人');
    expect(lines.some((l) => l.includes('101981'))).toBe(true);
  });
  it('does not start a line with closing punctuation or end one with an opening quote', () => {
    const lines = wrap('荣获全市先进单位，称号', 7 * 14, 14, 3);
    expect(lines.every((l) => !/^[，。、]/.test(l))).toBe(true);
    const quoted = wrap('被省委授予“山东省先进基层党组织”称号', 6 * 14, 14, 4);
    expect(quoted.every((l) => !/“$/.test(l))).toBe(true);
  });
  it('cuts with an ellipsis after maxLines', () => {
    const lines = wrap('一二三四五六七八九十一二三四五六七八九十', 5 * 14, 14, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(truncate('一二三四五六', 3 * 14, 14)).toBe('一二…');
    expect(truncate('短', 100, 14)).toBe('短');
    expect(wrap('', 100, 14)).toEqual(['']);
  });
});
