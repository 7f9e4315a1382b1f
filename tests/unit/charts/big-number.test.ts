import { describe, expect, it } from 'vitest';
import { bigNumber, bigNumberParts, bigNumbers } from '../../../src/charts/big-number.ts';
import { callouts, hostile } from '../../../scripts/support/chart-fixtures.ts';
import { assertWellFormed, expectSnapshot } from './helpers.ts';

describe('bigNumber', () => {
  it('prints the compact figure with its hedge, label and exact value', () => {
    const html = bigNumber(callouts[0]);
    assertWellFormed(html);
    expect(html).toContain('<data class="big-number__number" value="5590000">559</data>');
    expect(html).toContain('<span class="big-number__unit">万余元</span>');
    expect(html).toContain('title="5,590,000余元"');
    expect(html).toContain('data-value="5590000"');
    expect(html).toMatch(/<figcaption class="big-number__label" id="bn-[a-z0-9]+">减免总费用<\/figcaption>/);
  });

  it('links the figure to its source sentence', () => {
    const html = bigNumber(callouts[0]);
    expect(html).toMatch(
      /<a class="big-number__link" href="\/articles\/juye-2020\/#relief" aria-describedby="bn-[a-z0-9]+">/,
    );
    expect(bigNumber(callouts[1])).not.toContain('<a ');
  });

  it('splits figures into printed parts', () => {
    expect(bigNumberParts(callouts[1] ?? { value: 0, unit: '' })).toEqual({
      prefix: '约',
      number: '1.75',
      magnitude: '亿',
      infix: '',
      unit: '元',
    });
    expect(bigNumberParts({ value: 92.39, unit: '%' })).toEqual({
      prefix: '',
      number: '92.39',
      magnitude: '',
      infix: '',
      unit: '%',
    });
    expect(bigNumberParts({ value: 50, unit: '%', qualifier: 'over' }).prefix).toBe('超');
    expect(bigNumberParts({ value: Number.NaN, unit: '人' }).number).toBe('—');
  });

  it('renders a list of callouts, and an empty state', () => {
    const html = bigNumbers(callouts);
    assertWellFormed(html);
    expect((html.match(/<li>/g) ?? []).length).toBe(3);
    expect(bigNumbers([])).toContain('暂无数据');
    expect(bigNumber(undefined)).toContain('暂无数据');
    expect(html).not.toMatch(/NaN|undefined/);
  });

  it('escapes labels, units and links', () => {
    const html = bigNumber(hostile);
    assertWellFormed(html);
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="/articles/a&quot;b/#x"');
  });

  it('matches the golden file', async () => {
    expectSnapshot(bigNumbers(callouts), 'big-numbers.html');
  });
});
