import { describe, expect, it } from 'vitest';
import { entrySlug } from '../../../src/content-check/slugs.ts';
import { fixture, messages } from './fixtures.ts';

const juye = fixture('articles/juye-2021.mdx').text;

describe('content check: duplicate slugs', () => {
  it('makes slugs as Astro does: the slug field, else the file name lowercased', () => {
    expect(entrySlug('Juye-2021.mdx', {})).toBe('juye-2021');
    expect(entrySlug('x.mdx', { slug: 'juye-2021' })).toBe('juye-2021');
  });

  it('catches two files whose names differ only in case', () => {
    expect(messages([{ path: 'content/articles/Juye-2021.mdx', text: juye }])).toEqual([
      'content/articles/Juye-2021.mdx:1 slug "juye-2021" (from its file name) is also the URL name of content/articles/juye-2021.mdx — rename one of the files in content/articles (e.g. add -2), or give one a different slug:',
      'content/articles/juye-2021.mdx:1 slug "juye-2021" (from its file name) is also the URL name of content/articles/Juye-2021.mdx — rename one of the files in content/articles (e.g. add -2), or give one a different slug:',
    ]);
  });

  it("catches a slug: override that takes another file's name, on the slug line", () => {
    const other = {
      path: 'content/articles/other.mdx',
      text: juye.replace('title: 医养结合服务到家', 'title: 医养结合服务到家\nslug: juye-2021'),
    };
    expect(messages([other])).toEqual([
      'content/articles/juye-2021.mdx:1 slug "juye-2021" (from its file name) is also the URL name of content/articles/other.mdx — rename one of the files in content/articles (e.g. add -2), or give one a different slug:',
      'content/articles/other.mdx:3 slug "juye-2021" (from its slug: field) is also the URL name of content/articles/juye-2021.mdx — rename one of the files in content/articles (e.g. add -2), or give one a different slug:',
    ]);
  });

  it('refuses a slug that is not a clean URL name', () => {
    const other = {
      path: 'content/articles/other.mdx',
      text: juye.replace('title: 医养结合服务到家', 'title: 医养结合服务到家\nslug: 巨野 2021'),
    };
    expect(messages([other])).toEqual([
      'content/articles/other.mdx:3 slug "巨野 2021" is not a usable URL name — use lowercase ASCII letters, digits and hyphens (juye-2021), or delete the line',
    ]);
  });
});
