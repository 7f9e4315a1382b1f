import { describe, expect, it } from 'vitest';
import { fixture, messages } from './fixtures.ts';

describe('content check: MDX syntax', () => {
  it('reports a bare "<" on its file line, with the escape that fixes it', () => {
    expect(messages([fixture('articles/mdx-error.mdx')])).toEqual([
      'content/articles/mdx-error.mdx:10 body has a "<" that MDX reads as the start of a component — write \\< for a literal "<", or finish the tag, e.g. <Photo caption="…" />',
    ]);
  });

  it('reports an unclosed component, and nothing that follows from it', () => {
    expect(messages([fixture('articles/unclosed-tag.mdx')])).toEqual([
      'content/articles/unclosed-tag.mdx:10 body has <Photo> that is never closed — end it with "/>" (<Photo … />) or add </Photo>',
    ]);
  });

  it('names a component the site does not have', () => {
    const juye = fixture('articles/yuncheng-2020.mdx');
    const typo = { ...juye, text: `${juye.text}\n<Phto caption="说明" />\n\n<BigNumbers id="x" />\n` };
    expect(messages([], { articles: [fixture('articles/juye-2021.mdx'), typo] })).toEqual([
      'content/articles/yuncheng-2020.mdx:10 <Phto> is not a component the site has — did you mean <Photo>?',
      'content/articles/yuncheng-2020.mdx:12 <BigNumbers> is not a component the site has — did you mean <BigNumber>?',
    ]);
  });

  it('reports an unclosed "{"', () => {
    const juye = fixture('articles/yuncheng-2020.mdx');
    const broken = { ...juye, text: juye.text.replace('覆盖全县。', '覆盖全县{。') };
    expect(messages([], { articles: [fixture('articles/juye-2021.mdx'), broken] })).toEqual([
      'content/articles/yuncheng-2020.mdx:8 body has a "{" that is never closed — write \\{ for a literal "{", or close the expression with "}"',
    ]);
  });
});
