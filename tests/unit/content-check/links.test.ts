import { describe, expect, it } from 'vitest';
import { fixture, messages } from './fixtures.ts';

describe('content check: internal links', () => {
  it('checks markdown links and href= against the routes the site will build, anchors included', () => {
    expect(messages([fixture('articles/broken-links.mdx')])).toEqual([
      'content/articles/broken-links.mdx:11 body link "/articles/juye-2012/" points at an article that does not exist — did you mean /articles/juye-2021/?',
      'content/articles/broken-links.mdx:11 body link "/articles/juye-2021" has no trailing slash — write /articles/juye-2021/',
      'content/articles/broken-links.mdx:11 body link "/articles/juye-2021/#elderly-care-729": #elderly-care-729 is not a metric id or heading on juye-2021 — did you mean #elderly-care-7296?',
      'content/articles/broken-links.mdx:11 body link "/regions/juye-xian/" points at a region page that does not exist — did you mean /regions/juye/?',
      'content/articles/broken-links.mdx:12 <a> is raw HTML, which the site does not publish — write Markdown instead (**bold**, [text](https://…), ## heading); the only HTML tags allowed are <sub>, <sup>, <br>',
      'content/articles/broken-links.mdx:12 body link "/years/2019/" points at a year page that does not exist — use a year that has articles (2021, 2020)',
      'content/articles/broken-links.mdx:12 body link "/topics/elderly/" points at a topic page that does not exist — did you mean /topics/elderly-care/?',
      'content/articles/broken-links.mdx:12 body link "/sources/000_b.txt": seeds/000_b.txt does not exist — did you mean /sources/000_a.txt?',
      'content/articles/broken-links.mdx:12 body link "#第二节": #第二节 is not a metric id or heading on broken-links — did you mean #第一节?',
      'content/articles/broken-links.mdx:12 body link "juye-2021/" is relative — start internal links with /, e.g. /articles/juye-2020/',
      'content/articles/broken-links.mdx:12 body link "/archive" has no trailing slash — write /archive/',
      'content/articles/broken-links.mdx:12 body link "/about/" points at a page the site does not have — internal links go to /articles/<slug>/, /stories/<slug>/, /regions/<pinyin>/, /years/<year>/, /topics/<id>/, /search/, /archive/, /data/…, /sources/<file>',
    ]);
  });

  it('notices a link left pointing at an article that was renamed', () => {
    const yuncheng = fixture('articles/yuncheng-2020.mdx', 'articles/yuncheng-2020-2.mdx');
    expect(messages([], { articles: [fixture('articles/juye-2021.mdx'), yuncheng] })).toEqual([
      'content/articles/juye-2021.mdx:34 body link "/articles/yuncheng-2020/" points at an article that does not exist — did you mean /articles/yuncheng-2020-2/?',
    ]);
  });
});
