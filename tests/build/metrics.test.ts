import { describe, expect, it } from 'vitest';
import { readEntries } from '../support/content.ts';
import { builtArticles, readBuilt } from '../support/site.ts';

describe('figures on the built site', () => {
  const entries = readEntries();

  it('/data/metrics.json matches every entry’s frontmatter', () => {
    const exported = JSON.parse(readBuilt('data/metrics.json')) as Array<Record<string, unknown>>;
    const expected = entries.flatMap((e) => e.data.metrics.map((m) => ({ ...m, article: e.slug })));
    expect(exported).toHaveLength(expected.length);
    for (const m of expected) {
      expect(exported).toContainEqual(
        expect.objectContaining({
          id: m.id,
          article: m.article,
          value: m.value,
          unit: m.unit,
          label: m.label,
          topic: m.topic,
          quote: m.quote,
        }),
      );
    }
  });

  it('/data/metrics.csv has the same rows, with a BOM', () => {
    const csv = readBuilt('data/metrics.csv');
    expect(
      csv.startsWith('\ufeffid,article,article_title,article_url,region,city,year,publication,label,value,unit'),
    ).toBe(true);
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(entries.reduce((n, e) => n + e.data.metrics.length, 0));
  });

  it('marks the sentence of every figure with its id on the article page', () => {
    const pages = builtArticles();
    for (const entry of entries) {
      const page = pages.get(entry.slug)!;
      for (const metric of entry.data.metrics) {
        const anchor = page.getElementById(metric.id);
        expect(anchor, `${entry.slug}#${metric.id}`).not.toBeNull();
        const sentence = anchor!.classList.contains('fact') ? anchor! : anchor!.parentNode;
        expect(sentence?.textContent).toBe(metric.quote);
      }
    }
  });
});
