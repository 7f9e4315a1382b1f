import { describe, expect, it } from 'vitest';
import {
  COLORS,
  DARK_BACKGROUND,
  LIGHT_BACKGROUND,
  SERIES_FALLBACKS,
  contrastRatio,
  luminance,
  seriesColor,
} from '../../../src/charts/palette.ts';
import { DEFAULT_WIDTH, FONT, emptyChart, minFontFor } from '../../../src/charts/frame.ts';
import { expectAccessibleSvg } from './helpers.ts';

describe('palette', () => {
  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(luminance('#ffffff')).toBe(1);
    expect(() => luminance('red')).toThrow();
  });

  it.each(SERIES_FALLBACKS)('%s has ≥ 3:1 contrast on white and on the dark background', (color) => {
    expect(contrastRatio(color, LIGHT_BACKGROUND)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(color, DARK_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it('uses CSS custom properties with fallbacks, and the page colour for text', () => {
    expect(seriesColor(0)).toBe('var(--chart-1, #2b7bd6)');
    expect(seriesColor(7)).toBe('var(--chart-2, #c05a1a)');
    expect(seriesColor(-1)).toBe('var(--chart-6, #b8860b)');
    expect(COLORS.text).toBe('var(--chart-text, currentColor)');
  });
});

describe('frame', () => {
  it('keeps the smallest font at 12 px or more at 375 px wide', () => {
    expect(minFontFor(DEFAULT_WIDTH)).toBeLessThanOrEqual(Math.min(...Object.values(FONT)));
  });
  it('renders an empty chart with a message and an id from options', () => {
    const svg = emptyChart('bar', { title: '空', id: 'my chart' });
    expectAccessibleSvg(svg, '空');
    expect(svg).toContain('id="my-chart"');
    expect(svg).toContain('>暂无数据</text>');
  });
});
