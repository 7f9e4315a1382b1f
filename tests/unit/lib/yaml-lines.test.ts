import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../../src/lib/yaml-lines.ts';

const frontmatter = [
  'title: 提升健康水平',
  'date: 2026-11-25',
  'period: 2018-10',
  'metrics:',
  '  - label: 家庭医生签约人数',
  '    value: 12000',
  '  - label: 签约率',
  '    value: 98.5',
].join('\n');

describe('readYaml', () => {
  it('reads the data as Astro does (js-yaml: an unquoted date is a Date, 2018-10 a string)', () => {
    const { data, issues } = readYaml(frontmatter, 2, 'frontmatter');
    expect(issues).toEqual([]);
    expect(data).toEqual(load(frontmatter));
    expect((data as { date: unknown }).date).toBeInstanceOf(Date);
    expect((data as { period: unknown }).period).toBe('2018-10');
  });

  it('names the file line of any field, counted from where the YAML starts', () => {
    const { lineOf } = readYaml(frontmatter, 2, 'frontmatter');
    expect(lineOf(['title'])).toBe(2);
    expect(lineOf(['metrics', 1, 'value'])).toBe(9);
    // A field that is not there: the deepest one that is.
    expect(lineOf(['metrics', 1, 'quote'])).toBe(8);
  });

  it('reports a mistake with its line and field, in plain words, and no data', () => {
    const { data, issues } = readYaml('title: 一\nyear: 2020\nyear: 2021\n', 2, 'frontmatter');
    expect(data).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ line: 4, field: 'year', message: 'appears twice' })]);
  });
});
