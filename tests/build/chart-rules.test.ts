/**
 * The house rules for charts, checked on every built page: one palette, the unit printed with
 * a chart is the unit of its numbers, figures the chart itself says not to compare never share
 * an axis, dates are Chinese dates, and every bar carries its value.
 */
import { describe, expect, it } from 'vitest';
import { SERIES_FALLBACKS } from '../../src/charts/palette.ts';
import { builtHtml, builtSite, htmlFiles } from '../support/site.ts';

const pages = htmlFiles(builtSite()).map((file) => ({ file, html: builtHtml(file) }));
const figures = pages.flatMap(({ file, html }) =>
  html.querySelectorAll('chart-figure').map((figure) => ({ file, figure })),
);

describe('charts on the built site', () => {
  it('exist (the checks below have something to check)', () => {
    expect(figures.length).toBeGreaterThan(10);
  });

  it('draw only from the house palette (the red and the ink), no other fallback colour', () => {
    const allowed = new Set<string>(SERIES_FALLBACKS);
    for (const { file, html } of pages) {
      for (const m of html.toString().matchAll(/var\(--chart-\d+, (#[0-9a-f]{6})\)/giu)) {
        expect(allowed.has(m[1]!.toLowerCase()), `${file}: ${m[0]}`).toBe(true);
      }
    }
  });

  it('never put a unit in a title: the values carry their own (no "（单位：人）" over 万名)', () => {
    for (const { file, figure } of figures) {
      const title = figure.querySelector('.chart-figure__title')?.textContent ?? '';
      expect(title, file).not.toMatch(/单位/u);
    }
  });

  it('state a unit only where it is the unit of every value shown', () => {
    for (const { file, figure } of figures) {
      for (const svg of figure.querySelectorAll('svg.chart')) {
        const note = /单位：([^\s\u3000]+)/u.exec(svg.querySelector('.chart-note')?.textContent ?? '')?.[1];
        if (!note) continue;
        for (const value of svg.querySelectorAll('.chart-value')) {
          expect(value.textContent, `${file}: 单位：${note}`).toMatch(new RegExp(`${note}$`, 'u'));
        }
      }
    }
  });

  it('never draw figures on one axis under a note that says they must not be compared', () => {
    for (const { file, figure } of figures) {
      const note = figure.querySelector('.chart-figure__note')?.textContent ?? '';
      if (!/不宜直接比较/u.test(note)) continue;
      expect(figure.querySelector('svg.chart--bar, svg.chart--proportion'), `${file}: ${note}`).toBeNull();
      const multiples = figure.querySelector('svg.chart--small-multiples');
      if (multiples) expect(multiples.textContent, file).toContain('各图刻度不同');
    }
  });

  it('print dates as 2020年9月, never "2020.9", and label every bar with its value', () => {
    for (const { file, figure } of figures) {
      for (const svg of figure.querySelectorAll('svg.chart--small-multiples, svg.chart--bar')) {
        expect(svg.textContent, file).not.toMatch(/(?<![\d.])(?:19|20)\d\d\.\d{1,2}(?![\d万亿%])/u);
        for (const mark of svg.querySelectorAll('.chart-mark')) {
          expect(
            mark.querySelector('.chart-value')?.textContent?.trim(),
            `${file}: ${mark.getAttribute('aria-label')}`,
          ).toBeTruthy();
        }
      }
    }
  });
});
