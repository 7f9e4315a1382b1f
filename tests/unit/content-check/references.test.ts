import { describe, expect, it } from 'vitest';
import { parseReferenceList } from '../../../src/content-check/references.ts';
import { fixture, messages } from './fixtures.ts';

describe('content check: chart references', () => {
  it('resolves "<slug>/<id>" and "<id>" (own article) against every article\'s metrics', () => {
    expect(messages([fixture('articles/chart-references.mdx')])).toEqual([
      'content/articles/chart-references.mdx:17 <BigNumber> metric "elderly-7269" is not a metric of chart-references — did you mean elderly-7296?',
      'content/articles/chart-references.mdx:19 <Chart> metric "juye-2021/elderly-care-729" is not a metric of juye-2021 — did you mean juye-2021/elderly-care-7296?',
      'content/articles/chart-references.mdx:19 <Chart> metric "juye-2012/elderly-care-7296": there is no article juye-2012 — did you mean juye-2021/elderly-care-7296?',
      'content/articles/chart-references.mdx:19 <Chart> metric "yuncheng-2020/x": yuncheng-2020 has no metrics yet — add the metric to the metrics: list of yuncheng-2020 first (CONTRIBUTING.md explains how)',
      'content/articles/chart-references.mdx:21 <Chart> metrics={chartData} contains the name chartData — component values are written as text ("…") or literal values: numbers, true/false, ["a", "b"] or { key: "value" }',
      'content/articles/chart-references.mdx:21 <Chart> metrics should be a list of quoted references — write metrics={["<article-slug>/<metric-id>", …]}',
    ]);
  });

  it('follows a metric that is renamed in its article to every chart that named it', () => {
    const juye = fixture('articles/juye-2021.mdx');
    const renamed = { ...juye, text: juye.text.replaceAll('elderly-care-7296', 'elderly-care-households') };
    expect(messages([], { articles: [renamed, fixture('articles/yuncheng-2020.mdx')] })).toEqual([
      'content/stories/elderly-care.mdx:11 <Chart> metric "juye-2021/elderly-care-7296" is not a metric of juye-2021 — use one of the ids under metrics: in juye-2021 (elderly-care-households, elderly-care-275p3wan)',
    ]);
  });

  it('reads only lists of quoted strings', () => {
    expect(parseReferenceList('["a/b", \'c\']')).toEqual(['a/b', 'c']);
    expect(parseReferenceList('[ "a/b", ]')).toEqual(['a/b']);
    expect(parseReferenceList('[]')).toEqual([]);
    expect(parseReferenceList('data')).toBeUndefined();
    expect(parseReferenceList('["a", b]')).toBeUndefined();
  });
});
