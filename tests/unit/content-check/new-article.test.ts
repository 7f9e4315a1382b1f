import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../../src/content-check/index.ts';
import {
  parseNewArgs,
  planNewArticle,
  uniqueSlug,
  type NewArticleRequest,
} from '../../../src/content-check/new-article.ts';
import { parseTaxonomy } from '../../../src/lib/taxonomy.ts';
import { readContentFiles } from '../../../src/content-check/read-content.ts';

const template = readFileSync('content/templates/article.mdx', 'utf8');
const storyTemplate = readFileSync('content/templates/story.mdx', 'utf8');
const taxonomy = parseTaxonomy(readFileSync('content/taxonomy.yaml', 'utf8'));
const project = readContentFiles(process.cwd());

function plan(request: NewArticleRequest, taken: string[] = []) {
  return planNewArticle(request, taxonomy, new Set(taken), template);
}

/** The check's messages for the project plus one more entry. */
function checkWith(path: string, text: string): string[] {
  const key = path.startsWith('content/stories/') ? 'stories' : 'articles';
  return checkContent({ ...project, [key]: [...project[key], { path, text }] })
    .filter((p) => p.file === path)
    .map(formatProblem);
}

describe('npm run new', () => {
  it('reads a title, --region, --year and --city', () => {
    expect(parseNewArgs(['医养结合', '服务到家', '--region', '巨野县', '--year=2021'])).toEqual({
      ok: true,
      value: { title: '医养结合 服务到家', region: '巨野县', year: 2021 },
    });
    expect(parseNewArgs(['标题', '--region', '市中区', '--city', '济南市', '--year', '2019'])).toEqual({
      ok: true,
      value: { title: '标题', region: '市中区', city: '济南市', year: 2019 },
    });
  });

  it('explains what is missing or wrong on the command line', () => {
    expect(parseNewArgs(['--region', '巨野县', '--year', '2021'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^give the headline first/u),
    });
    expect(parseNewArgs(['标题', '--year', '2021'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^say which region/u),
    });
    expect(parseNewArgs(['标题', '--region', '巨野县', '--year', '21'])).toEqual({
      ok: false,
      error: `--year "21" is not a year — write the year the article reports on in four digits, from 1949–${new Date().getFullYear() + 1}: --year 2021`,
    });
  });

  it('refuses an unknown region with a did-you-mean, and a shared name without --city', () => {
    expect(plan({ title: '标题', region: '巨野', year: 2021 })).toEqual({
      ok: false,
      error: '--region "巨野" is not a known region — did you mean 巨野县?',
    });
    expect(plan({ title: '标题', region: '市中区', year: 2021 })).toEqual({
      ok: false,
      error: '--region 市中区 is in 济南市 and in 枣庄市 — add --city 济南市 or --city 枣庄市',
    });
    expect(plan({ title: '标题', region: '巨野县', city: '济南市', year: 2021 })).toEqual({
      ok: false,
      error: '--city "济南市" does not match region 巨野县 — 巨野县 is in 菏泽市: use --city 菏泽市',
    });
  });

  it('names the file <pinyin>-<year>, unique ignoring case', () => {
    expect(plan({ title: '标题', region: '巨野县', year: 2021 })).toMatchObject({
      ok: true,
      value: { slug: 'juye-2021' },
    });
    expect(plan({ title: '标题', region: '市中区', city: '枣庄市', year: 2021 })).toMatchObject({
      ok: true,
      value: { slug: 'zaozhuang-shizhong-2021' },
    });
    expect(plan({ title: '标题', region: '聊城市', year: 2023 })).toMatchObject({
      ok: true,
      value: { slug: 'liaocheng-2023' },
    });
    expect(uniqueSlug('juye-2020', new Set(['juye-2020', 'Juye-2020-2']))).toBe('juye-2020-3');
  });

  it("writes an entry the check accepts, keeping the template's instructions", () => {
    const result = plan({ title: '标题: 带冒号 #和井号', region: '巨野县', year: 2020 }, ['juye-2020', 'juye-2020-2']);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.slug).toBe('juye-2020-3');
    expect(result.value.text).toContain('# 标题：照报纸原样（必填）\ntitle: "标题: 带冒号 #和井号"\n');
    expect(result.value.text).toContain(
      'region: 巨野县\n# 地区所属的地级市\ncity: 菏泽市\n# 报道的年份，只写数字\nyear: 2020\n',
    );
    // Valid from the start; the only note is that the text is still to be written.
    expect(checkWith('content/articles/juye-2020-3.mdx', result.value.text)).toEqual([
      'content/articles/juye-2020-3.mdx:39 warning: body has no text yet — write the text below the closing "---", paragraphs separated by a blank line',
    ]);
  });

  it('has templates that pass the check when copied by hand', () => {
    const filled = `${template}\n正文第一段。\n`;
    expect(checkWith('content/articles/copied-by-hand.mdx', filled)).toEqual([]);
    expect(checkWith('content/stories/copied-by-hand.mdx', storyTemplate)).toEqual([]);
  });
});

describe('the committed content', () => {
  it('passes the content check', () => {
    expect(checkContent(project).map(formatProblem)).toEqual([]);
  });
});
