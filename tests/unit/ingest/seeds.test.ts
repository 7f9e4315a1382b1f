import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestSeed } from '../../../src/ingest/pipeline.ts';
import { decodeSeed } from '../../../src/ingest/read.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';
import expected from '../../fixtures/seed-articles.json' with { type: 'json' };

function ingest(file: string) {
  return ingestSeed(decodeSeed(`seeds/${file}`, readFileSync(`seeds/${file}`)), { taxonomy: loadTaxonomy() });
}

describe('the six seed articles, as a reader should see them', () => {
  it('finds six articles in five files (000 holds two)', () => {
    const files = [...new Set(expected.articles.map((a) => a.file))];
    expect(files.map((f) => ingest(f).length)).toEqual([2, 1, 1, 1, 1]);
  });

  it.each(expected.articles.map((a) => [`${a.file} #${a.part}`, a] as const))('%s', (_, want) => {
    const entry = ingest(want.file)[want.part - 1]!;
    const data = entry.frontmatter;
    expect(data.title).toBe(want.title);
    expect(data.subtitle).toBe('subtitle' in want ? want.subtitle : undefined);
    expect([data.region, data.city, data.year]).toEqual([want.region, want.city, want.year]);
    expect(data.authors).toEqual(want.authors);
    expect(data.sections).toEqual(want.sections);
    expect(data.captions).toEqual(want.captions);
    if ('publication' in want) expect(data.publication).toBe(want.publication);
    if ('credits' in want) expect(data.credits).toEqual(want.credits);
    if ('standfirstStartsWith' in want) expect(data.standfirst[0]).toMatch(new RegExp(`^${want.standfirstStartsWith}`));
    const firstParagraph = entry.parsed.blocks.find((b) => b.type === 'paragraph');
    expect(firstParagraph?.text).toBe(want.firstParagraph);
    expect(data.source).toMatchObject({ file: want.file, part: want.part });
  });
});

describe('OCR repairs named in the brief, each recorded', () => {
  const all = (file: string) => ingest(file).flatMap((e) => e.frontmatter.corrections);
  const bodyOf = (file: string, part = 0) => {
    const article = ingest(file)[part]!;
    return article.parsed.blocks.map((b) => b.text).join('\n');
  };

  it('joins "3月" / "12日" (000) and "专干队" … captions … "伍管理机制" (002)', () => {
    expect(bodyOf('000_0644de5a6c003be9.txt')).toContain('3月12日，县卫健局党总支');
    expect(bodyOf('002_8b567932cf11b6a5.txt')).toContain('村级卫计专干队伍管理机制');
    expect(all('002_8b567932cf11b6a5.txt').filter((c) => c.kind === 'join')).toHaveLength(1);
  });

  it('removes stray spaces (004 "讲政 治") and fixes 人选/纳人 (004)', () => {
    const body = bodyOf('004_b4d581d70c316eb7.txt');
    expect(body).toContain('旗帜鲜明讲政治');
    expect(body).toContain('入选山东省百强政务新媒体');
    expect(body).toContain('将医改纳入“一把手”工程');
    expect(body).not.toMatch(/人选山东|纳人/u);
    const kinds = all('004_b4d581d70c316eb7.txt').map((c) => c.kind);
    expect(kinds).toContain('spacing');
    expect(kinds.filter((k) => k === 'misreading').length).toBeGreaterThanOrEqual(2);
  });

  it('drops the garbage line (004) and records it', () => {
    expect(bodyOf('004_b4d581d70c316eb7.txt')).not.toContain('豕烶');
    expect(all('004_b4d581d70c316eb7.txt')).toContainEqual(
      expect.objectContaining({ kind: 'garbage', before: '豕烶健康促进工作模式。', after: '' }),
    );
  });

  it("puts 003's lead paragraph first and rejoins the sentence broken at 积极深化山东", () => {
    const blocks = ingest('003_ac06bc49031416cc.txt')[0]!.parsed.blocks;
    expect(blocks[0]).toMatchObject({ type: 'paragraph' });
    expect(blocks[0]!.text).toMatch(/^2024年，在区委、区政府/u);
    expect(blocks.map((b) => b.text).join('\n')).toContain('积极深化山东省肿瘤医院规范化诊疗基地建设');
    const kinds = all('003_ac06bc49031416cc.txt').map((c) => c.kind);
    expect(kinds).toContain('reorder');
    expect(kinds).toContain('misreading');
    expect(bodyOf('003_ac06bc49031416cc.txt')).toContain('新要求和人民');
  });

  it("makes 004's editor's note the standfirst, not body text", () => {
    const entry = ingest('004_b4d581d70c316eb7.txt')[0]!;
    expect(entry.frontmatter.standfirst).toHaveLength(2);
    expect(entry.parsed.blocks.some((b) => b.text.includes('编者按'))).toBe(false);
  });

  it('keeps bylines and notes out of the body', () => {
    for (const file of ['000_0644de5a6c003be9.txt', '001_cab50e4d8780eb44.txt']) {
      for (const entry of ingest(file)) {
        const body = entry.parsed.blocks.map((b) => b.text).join('\n');
        expect(body).not.toMatch(/记者 |照片均为资料片|通讯员 /u);
      }
    }
  });

  it('records a gap where text is missing in the source (001: a paragraph starts mid-sentence)', () => {
    expect(all('001_cab50e4d8780eb44.txt')).toContainEqual(expect.objectContaining({ kind: 'gap', line: 43 }));
  });
});
