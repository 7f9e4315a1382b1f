import { readFileSync } from 'node:fs';
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
    expect(seriesColor(0)).toBe('var(--chart-1, #c0392b)');
    expect(seriesColor(5)).toBe('var(--chart-2, #6b6a66)');
    expect(seriesColor(-1)).toBe('var(--chart-4, #8a8883)');
    expect(COLORS.text).toBe('var(--chart-text, currentColor)');
  });
});

describe('the house palette', () => {
  const rgb = (hex: string) =>
    [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

  it.each(SERIES_FALLBACKS)('%s is the site red or its ink (a grey), never another hue', (color) => {
    const [r, g, b] = rgb(color);
    const grey = Math.max(r, g, b) - Math.min(r, g, b) <= 12;
    const red = r > g + 60 && r > b + 60 && Math.abs(g - b) <= 20;
    expect(grey || red).toBe(true);
  });

  it("maps the series to the site's own --accent (red) and --fg/--muted (ink) in its theme", () => {
    const css = readFileSync('src/components/charts/charts.css', 'utf8');
    expect(css).toMatch(/--chart-1:\s*var\(--accent\)/u);
    expect(css).toMatch(/--chart-2:\s*var\(--(?:fg|muted)\)/u);
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
