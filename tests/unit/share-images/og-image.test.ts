import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  OG_HEIGHT,
  OG_WIDTH,
  loadOgFonts,
  missingGlyphs,
  ogImageSvg,
  pathData,
  renderOgImage,
  type OgCard,
} from '../../../src/share-images/og-image.ts';
import { readEntries } from '../../support/content.ts';

const card: OgCard = {
  siteName: '山东卫生健康新闻档案',
  kicker: '菏泽市 巨野县 · 2020年',
  title: '提升健康水平 增进民生福祉',
  dek: '奋力谱写巨野卫生健康事业发展新篇章',
  figure: { prefix: '', number: '10.2', suffix: '万人', label: '65岁以上老年人健康管理人数' },
  footer: '记者 都慧芳 · 约 9 分钟读完',
};

describe('share image', () => {
  it('has a glyph for every character of every headline, dek and region', () => {
    const { bold, regular } = loadOgFonts();
    for (const { data } of readEntries()) {
      expect(missingGlyphs(bold, `${data.title}${data.region}${data.city}${data.year}年`)).toEqual([]);
      expect(missingGlyphs(regular, `${data.subtitle ?? ''}${data.standfirst.join('')}`)).toEqual([]);
    }
  });

  it('draws text as paths (no <text>, so no system font is needed), with no broken coordinates', () => {
    const svg = ogImageSvg(card, loadOgFonts());
    expect(svg).not.toMatch(/<text\b/u);
    expect(svg).not.toContain('NaN');
    expect(svg.match(/<path /gu)?.length).toBeGreaterThan(5);
  });

  it('writes path data from glyph commands', () => {
    expect(pathData([{ type: 'M', x: 1.04, y: 2 }, { type: 'L', x: 3, y: 4.26 }, { type: 'Z' }])).toBe('M1 2L3 4.3Z');
  });

  it('renders a 1200×630 PNG with ink where the headline and the figure are', async () => {
    const png = await renderOgImage(card);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', OG_WIDTH, OG_HEIGHT]);
    const inkIn = async (left: number, top: number, width: number, height: number) => {
      const { data } = await sharp(png)
        .extract({ left, top, width, height })
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return [...data].filter((v) => v < 100).length / data.length;
    };
    // Headline band (dark glyphs on paper) and the figure panel (red number).
    expect(await inkIn(72, 230, 600, 160)).toBeGreaterThan(0.1);
    expect(await inkIn(860, 200, 250, 90)).toBeGreaterThan(0.05);
    // The margin stays empty.
    expect(await inkIn(0, 300, 60, 200)).toBe(0);
  });
});
