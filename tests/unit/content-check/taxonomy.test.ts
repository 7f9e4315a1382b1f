import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixture, messages } from './fixtures.ts';

const taxonomyText = readFileSync(join(FIXTURES, 'taxonomy.yaml'), 'utf8');

describe('content check: regions, cities and topics', () => {
  it('suggests the full name for a short form of a region', () => {
    expect(messages([fixture('articles/unknown-region.mdx')])).toEqual([
      'content/articles/unknown-region.mdx:4 region "巨野" is not a known region — did you mean 巨野县?',
    ]);
  });

  it('suggests the closest name for a typo', () => {
    expect(messages([fixture('articles/region-typo.mdx')])).toEqual([
      'content/articles/region-typo.mdx:3 region "巨野市" is not a known region — did you mean 巨野县?',
    ]);
  });

  it('catches a region filed under the wrong city', () => {
    expect(messages([fixture('articles/city-mismatch.mdx')])).toEqual([
      'content/articles/city-mismatch.mdx:4 city "济南市" does not match region 巨野县 — 巨野县 is in 菏泽市: write city: 菏泽市',
    ]);
  });

  it('names both cities of a region name two cities share', () => {
    expect(messages([fixture('articles/ambiguous-region.mdx')])).toEqual([
      'content/articles/ambiguous-region.mdx:4 city "菏泽市" does not match region 市中区 — 市中区 is in 济南市 and in 枣庄市: write the one you mean',
    ]);
  });

  it('checks metric topics by id or Chinese name, with a did-you-mean', () => {
    expect(messages([fixture('articles/unknown-topic.mdx')])).toEqual([
      'content/articles/unknown-topic.mdx:11 metrics[0].topic "elderly" is not a known topic — did you mean elderly-care?',
    ]);
  });

  it('checks content/taxonomy.yaml itself: unique pinyin and topic ids', () => {
    const broken = taxonomyText
      .replace('pinyin: shanghe', 'pinyin: juye')
      .replace('{ id: primary-care', '{ id: elderly-care');
    expect(messages([], { taxonomy: { path: 'content/taxonomy.yaml', text: broken } })).toEqual([
      'content/taxonomy.yaml:13 cities[1].regions[1].pinyin "juye" is already used by cities[0].regions[0].pinyin (line 7) — make it unique, e.g. add the city: lanshan-linyi',
      'content/taxonomy.yaml:20 topics[1].id "elderly-care" is already the id of topics[0] (line 19) — give each topic its own id',
    ]);
  });

  it('checks taxonomy fields, and does not blame the content while the taxonomy is broken', () => {
    const broken = taxonomyText.replace('pinyin: heze', 'pinyin: Heze').replace('name: 枣庄市\n', 'nam: 枣庄市\n');
    expect(messages([], { taxonomy: { path: 'content/taxonomy.yaml', text: broken } })).toEqual([
      'content/taxonomy.yaml:5 cities[0].pinyin "Heze" is not in the right form — use lowercase ASCII letters, digits and hyphens',
      'content/taxonomy.yaml:14 cities[2].nam is not a field of the taxonomy — did you mean name?',
      'content/taxonomy.yaml:14 cities[2].name is missing — add a line "name: …" (text)',
    ]);
  });
});
