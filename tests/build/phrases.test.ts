import { describe, expect, it } from 'vitest';
import { builtArticles, readBuilt } from '../support/site.ts';

describe('phrase breaks in the build', () => {
  it('headlines carry <wbr> between phrases, under word-break: keep-all', () => {
    for (const [slug, page] of builtArticles()) {
      const h1 = page.querySelector('h1 .phrases');
      expect(h1, slug).not.toBeNull();
      expect(h1?.innerHTML, slug).toContain('<wbr>');
    }
  });
  it('body headings of articles get the same phrases (Markdown plugin)', () => {
    const headings = [...builtArticles().values()].flatMap((page) => page.querySelectorAll('.article-body h2'));
    expect(headings.length).toBeGreaterThan(0);
    for (const h2 of headings) expect(h2.classList.contains('phrases'), h2.text).toBe(true);
  });
  it('the feed keeps titles as plain text: no markup, no invisible break characters', () => {
    const feed = readBuilt('rss.xml');
    const titles = [...feed.matchAll(/<title>([^<]*)<\/title>/gu)].map((m) => m[1] ?? '');
    expect(titles.length).toBeGreaterThan(1);
    for (const title of titles) expect(title).not.toMatch(/wbr|\u200b|&lt;/u);
  });
});
