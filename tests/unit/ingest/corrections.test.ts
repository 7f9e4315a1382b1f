import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ingestSeed } from '../../../src/ingest/pipeline.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';
import { joinParagraphs } from '../../../src/ingest/join.ts';
import { widenPunctuation } from '../../../src/ingest/repair/punctuation.ts';
import { fixMisreadings } from '../../../src/ingest/repair/misreadings.ts';
import { seedExactBefore } from '../../../src/ingest/seed-exact.ts';

const SEEDS = [
  '000_0644de5a6c003be9.txt',
  '001_cab50e4d8780eb44.txt',
  '002_8b567932cf11b6a5.txt',
  '003_ac06bc49031416cc.txt',
  '004_b4d581d70c316eb7.txt',
];

describe('corrections record the seed exactly (issue 15)', () => {
  it("gives every correction's before as the seed prints it", () => {
    const taxonomy = loadTaxonomy();
    for (const file of SEEDS) {
      const text = readFileSync(`seeds/${file}`, 'utf8');
      for (const entry of ingestSeed({ file, sha256: '', text }, { taxonomy })) {
        for (const c of entry.frontmatter.corrections) {
          for (const piece of c.before.split('¶'))
            expect(text.includes(piece), `${file}: ${c.kind} «${c.before}»`).toBe(true);
        }
      }
    }
  });

  it('finds the seed text with widened marks, removed spaces and a dash read as 一', () => {
    expect(seedExactBefore('2024年，在区委', '2024年,在区委、区政府')).toBe('2024年,在区委');
    expect(seedExactBefore('保健院入选', '聊城市妇幼保 健院入选')).toBe('保 健院入选');
    expect(seedExactBefore('工¶作，不断', '重视免疫规划工\n\n作,不断优化')).toBe('工¶作,不断');
    expect(seedExactBefore('not there', 'seed')).toBe('not there');
  });
});

describe('OCR leftovers (issue 15)', () => {
  it('widens a half-width comma after a closing quote or a percentage', () => {
    expect(widenPunctuation('获评"先进党支部",5次发言').text).toBe('获评“先进党支部”，5次发言');
    expect(widenPunctuation('服务率73.72%,60岁以上').text).toBe('服务率73.72%，60岁以上');
    expect(widenPunctuation('共1,000人').text).toBe('共1,000人');
  });

  it('reads 一 between institution names as the dash joining them, and records it', () => {
    const fixed = fixMisreadings('实现"县医院一中心乡镇卫生院一乡镇卫生院"三级急救网络，两院一体，一个重点项目');
    expect(fixed.text).toBe('实现"县医院—中心乡镇卫生院—乡镇卫生院"三级急救网络，两院一体，一个重点项目');
    expect(fixed.fixes.map((f) => f.before)).toEqual(['县医院一中心乡', '卫生院一乡镇卫']);
  });

  it('records a break that restarts its phrase as a gap, not a plain join', () => {
    const { corrections } = joinParagraphs([
      { type: 'paragraph', text: '顺应新时代、新要求和人民对美好生活的', line: 49 },
      { type: 'paragraph', text: '人民群众提供全生命周期健康服务。', line: 51 },
      { type: 'paragraph', text: '度重视免疫规划工', line: 53 },
      { type: 'paragraph', text: '作，不断优化免疫服务模式。', line: 55 },
    ]);
    expect(corrections.map((c) => c.kind)).toEqual(['gap', 'join']);
  });
});
