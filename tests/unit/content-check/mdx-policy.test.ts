import { describe, expect, it } from 'vitest';
import { checkContent, isError } from '../../../src/content-check/index.ts';
import { readContentFiles } from '../../../src/content-check/read-content.ts';
import { checkLiteralExpression } from '../../../src/content-check/mdx-policy.ts';
import { fixture, messages } from './fixtures.ts';

const ARTICLE = 'content/articles/yuncheng-2020.mdx';
const STORY = 'content/stories/elderly-care.mdx';

/** The check's messages when `snippet` is appended to a valid article (its line 10) or story (its line 15). */
function checkAppended(snippet: string, kind: 'article' | 'story' = 'article'): string[] {
  if (kind === 'story') {
    const story = fixture('stories/elderly-care.mdx');
    return messages([], { stories: [{ ...story, text: `${story.text}\n${snippet}\n` }] });
  }
  const article = fixture('articles/yuncheng-2020.mdx');
  return messages([], {
    articles: [fixture('articles/juye-2021.mdx'), { ...article, text: `${article.text}\n${snippet}\n` }],
  });
}

const CODE_FIX = 'write the text itself; for literal braces write \\{ and \\}';
const LITERAL_FIX =
  'component values are written as text ("…") or literal values: numbers, true/false, ["a", "b"] or { key: "value" }';
const HTML_FIX =
  'write Markdown instead (**bold**, [text](https://…), ## heading); the only HTML tags allowed are <sub>, <sup>, <br>';
const SCHEME_FIX =
  'links go to web pages (https://…), e-mail addresses (mailto:…) or pages of this site (/articles/…/)';

describe('MDX policy: no code runs on the build machine', () => {
  it('refuses import/export and the expression that would publish a file of the build machine', () => {
    expect(checkAppended('import fs from "node:fs"\n\n{fs.readFileSync("/etc/hostname","utf8")}')).toEqual([
      `${ARTICLE}:10 body has the statement import fs from "node:fs": import and export run code when the site is built — remove it: the site provides its components without imports. A paragraph that starts with the word import or export: write &#105;mport or &#101;xport`,
      `${ARTICLE}:12 body has the code {fs.readFileSync("/etc/hostname","utf8")}, which would run when the site is built — ${CODE_FIX}`,
    ]);
    expect(checkAppended('export const secret = 1')[0]).toContain(`${ARTICLE}:10 body has the statement export const`);
  });

  it('refuses an expression in the text: a name, and process.exit', () => {
    expect(checkAppended('今年{年份}的数据。')).toEqual([
      `${ARTICLE}:10 body has the code {年份}, which would run when the site is built — ${CODE_FIX}`,
    ]);
    expect(checkAppended('{process.exit(0)}')).toEqual([
      `${ARTICLE}:10 body has the code {process.exit(0)}, which would run when the site is built — ${CODE_FIX}`,
    ]);
  });

  it.each([
    ['{caption}', 'the name caption'],
    ['{`图${n}`}', 'a template string with ${…}'],
    ['{1+2}', 'the operator "+"'],
    ['{"a" + "b"}', 'the operator "+"'],
    ['{String(1)}', 'a function call'],
    ['{[x]}', 'the name x'],
    ['{{ a: x }}', 'the name x'],
    ['{{ [k]: "v" }}', 'an object key that is not plain text'],
    ['{/x/}', 'a regular expression or bigint'],
    ['{(() => 1)()}', 'a function call'],
    ['{"a", "b"}', 'code (SequenceExpression)'],
  ])('refuses the prop value %s (%s)', (value, why) => {
    expect(checkAppended(`<Photo caption=${value} />`)).toEqual([
      `${ARTICLE}:10 <Photo> caption=${value} contains ${why} — ${LITERAL_FIX}`,
    ]);
  });

  it('allows literal prop values: strings, numbers, booleans, arrays and objects of them', () => {
    for (const literal of [
      '"a\\"b"',
      '-1',
      '2.5',
      'true',
      'null',
      '`plain`',
      '["a/b", "c"]',
      '{ a: "b", "c": [1, false] }',
    ])
      expect(checkLiteralExpression(literal), literal).toBeUndefined();
    expect(
      checkAppended(
        '<Chart kind="bar" metrics={["juye-2021/elderly-care-7296"]} title={"说明里有\\"引号\\""} />',
        'story',
      ),
    ).toEqual([]);
  });

  it('refuses spread props, event handlers and Astro directives on components', () => {
    expect(checkAppended('<Photo {...props} />')).toEqual([
      `${ARTICLE}:10 <Photo> has {...props} instead of name="value" — write each value out as name="value"`,
    ]);
    expect(checkAppended('<Photo caption={"x"} onClick="alert(1)" />')).toContain(
      `${ARTICLE}:10 <Photo> has the attribute onClick=, which would run code or change how the page is built — remove it`,
    );
    expect(checkAppended('<Photo caption={"x"} set:html="<b>x</b>" />')).toContain(
      `${ARTICLE}:10 <Photo> has the attribute set:html=, which would run code or change how the page is built — remove it`,
    );
  });

  it('allows an MDX comment', () => {
    expect(checkAppended('{/* 编辑备注：待核实 */}')).toEqual([]);
  });
});

describe('MDX policy: components and HTML', () => {
  it('allows the chart components in stories, but not Photo (the story page has none)', () => {
    expect(checkAppended('<Photo caption="x" />', 'story')).toEqual([
      `${STORY}:15 <Photo> is not available in stories — use one of <Chart>, <BigNumber>, <Metric>, <Timeline>, <RegionMap>, <Scrolly>, <ScrollyStep>`,
    ]);
    expect(checkAppended('<Metric id="juye-2021/elderly-care-7296" />', 'story')).toEqual([]);
  });

  it('names a component the site does not have, with the closest one', () => {
    expect(checkAppended('<Phto caption="说明" />')).toEqual([
      `${ARTICLE}:10 <Phto> is not a component the site has — did you mean <Photo>?`,
    ]);
  });

  it.each([
    '<script>alert(1)</script>',
    '<iframe src="https://evil.example/"></iframe>',
    '<style>b</style>',
    '<div onclick="x">y</div>',
    '<a href="https://ok.example/">y</a>',
  ])('refuses raw HTML: %s', (html) => {
    const tag = /^<(\w+)/u.exec(html)?.[1] ?? '';
    expect(checkAppended(html)).toEqual([
      `${ARTICLE}:10 <${tag}> is raw HTML, which the site does not publish — ${HTML_FIX}`,
    ]);
  });

  it('refuses <img>, on this site or another, with the Photo fix', () => {
    expect(checkAppended('<img src="https://evil.example/x.png" />')).toEqual([
      `${ARTICLE}:10 <img> is raw HTML, which the site does not publish — pictures are not published: describe one with <Photo caption="…" />`,
    ]);
  });

  it('allows <sub>, <sup> and <br> without attributes', () => {
    expect(checkAppended('面积1000m<sup>2</sup>，H<sub>2</sub>O<br />')).toEqual([]);
    expect(checkAppended('<sup class="x">2</sup>')).toEqual([
      `${ARTICLE}:10 <sup> has the attribute class= — remove it: <sub>, <sup>, <br> take no attributes`,
    ]);
  });

  it('refuses a fragment', () => {
    expect(checkAppended('<>文字</>')).toEqual([
      `${ARTICLE}:10 body has an empty tag <>…</> — remove <> and </>, keep the text`,
    ]);
  });
});

describe('MDX policy: links and images', () => {
  it.each([
    ['[a](javascript:alert(1))', 'javascript:alert(1)', 'javascript'],
    ['[a](JavaScript:alert(1))', 'JavaScript:alert(1)', 'javascript'],
    ['[a](javascript&#58;alert(1))', 'javascript:alert(1)', 'javascript'],
    ['[a](<java script:alert(1)>)', 'java script:alert(1)', 'javascript'],
    ['[a](data:text/html,x)', 'data:text/html,x', 'data'],
    ['[a](vbscript:x)', 'vbscript:x', 'vbscript'],
    ['[a](file:///etc/passwd)', 'file:///etc/passwd', 'file'],
    ['[a][x]\n\n[x]: javascript:alert(1)', 'javascript:alert(1)', 'javascript'],
  ])('refuses %s', (markdown, url, scheme) => {
    const found = checkAppended(markdown);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${ARTICLE}:1[02] `, 'u'));
    expect(found[0]).toContain(`body link "${url}" uses "${scheme}:" — ${SCHEME_FIX}`);
  });

  it('refuses a link without a scheme', () => {
    expect(checkAppended('[a](//evil.example/)')).toEqual([
      `${ARTICLE}:10 body link "//evil.example/" has no scheme — write it with https: (https://evil.example/)`,
    ]);
  });

  it('refuses an image from another site', () => {
    expect(checkAppended('![x](https://evil.example/x.png)')).toEqual([
      `${ARTICLE}:10 body image "https://evil.example/x.png" is on another site — pictures come from this site only: put the file in public/ and write its path (/images/…), or describe it with <Photo caption="…" />`,
    ]);
  });

  it('allows http(s) links, e-mail addresses and site paths', () => {
    expect(
      checkAppended(
        '[a](https://ok.example/x) [b](http://ok.example/) [c](/search/) https://bare.example/ 邮箱a@b.example',
      ),
    ).toEqual([]);
  });
});

describe('MDX policy on the real content', () => {
  it('every current article and story passes the check', () => {
    const files = readContentFiles(process.cwd());
    expect(files.articles.length).toBeGreaterThan(0);
    expect(files.stories.length).toBeGreaterThan(0);
    expect(checkContent(files).filter(isError)).toEqual([]);
  });
});
