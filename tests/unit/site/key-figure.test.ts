import { describe, expect, it } from 'vitest';
import { displayFigure, keyFigure } from '../../../src/site/key-figure.ts';
import type { Metric } from '../../../src/schemas/metric.ts';
import { elderlyFigure, rateFigure } from '../../fixtures/reading/articles.ts';

const metric = (over: Partial<Metric>): Metric => ({ ...elderlyFigure, ...over });

describe('displayFigure', () => {
  it.each([
    [metric({}), '', '10.2', '万人', '10.2万人'],
    [rateFigure, '超', '98.5', '%', '超98.5%'],
    [metric({ value: 5590000, unit: '元', qualifier: 'over' }), '', '559', '万余元', '559万余元'],
    [metric({ value: 3000, unit: '人', qualifier: 'about' }), '约', '3000', '人', '约3000人'],
    [metric({ value: 12, unit: '万元' }), '', '12', '万元', '12万元'],
    [metric({ value: 17, unit: '' }), '', '17', '', '17'],
  ])('%#: splits the figure around its number', (m, prefix, number, suffix, text) => {
    const shown = displayFigure(m);
    expect([shown.prefix, shown.number, shown.suffix, shown.text]).toEqual([prefix, number, suffix, text]);
    expect(shown.prefix + shown.number + shown.suffix).toBe(shown.text);
  });
});

describe('keyFigure', () => {
  it('is the largest count of people in the busiest topic, not merely the first figure', () => {
    const goods = metric({ id: 'masks', unit: '个', value: 200, label: '口罩', topic: elderlyFigure.topic });
    expect(keyFigure([goods, rateFigure, elderlyFigure])?.id).toBe('elderly-managed');
  });

  it('falls back to the first figure with a unit, else the first, else none', () => {
    expect(keyFigure([metric({ id: 'rank', unit: '' }), rateFigure])?.id).toBe('satisfaction');
    expect(keyFigure([metric({ id: 'rank', unit: '' })])?.id).toBe('rank');
    expect(keyFigure([])).toBeUndefined();
  });
});
