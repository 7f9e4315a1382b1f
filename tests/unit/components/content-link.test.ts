/** Links in article and story text: off-site ones get rel="noopener" (issue 16, point 5). */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'node-html-parser';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import ContentLink from '../../../src/components/ContentLink.astro';
import { escapeMdx } from '../../../src/ingest/to-mdx.ts';

async function link(props: Record<string, unknown>) {
  const container = await AstroContainer.create({ astroConfig: { site: 'https://archive.example.org' } });
  const html = await container.renderToString(ContentLink, { props, slots: { default: '文字' } });
  return parse(html).querySelector('a');
}

describe('ContentLink', () => {
  it.each([
    ['https://a.example/page', 'noopener'],
    ['http://www.wsj.gov.cn', 'noopener'],
    ['mailto:a@b.cn', 'noopener'],
    ['/articles/juye-2020/', undefined],
    ['#tcm-100', undefined],
  ])('%s → rel=%s', async (href, rel) => {
    const a = await link({ href });
    expect(a?.getAttribute('href')).toBe(href);
    expect(a?.getAttribute('rel')).toBe(rel);
    expect(a?.textContent).toBe('文字');
  });

  it('keeps a rel the editor wrote and adds noopener', async () => {
    expect((await link({ href: 'https://a.example/', rel: 'nofollow' }))?.getAttribute('rel')).toBe(
      'nofollow noopener',
    );
  });

  it('is what the compiled MDX of ingest links renders through (the components map replaces a)', () => {
    const { code } = mdxToJs(escapeMdx('访问https://a.example/page了解更多。'));
    expect(code).toMatch(/_components\.a\b/u);
  });
});
