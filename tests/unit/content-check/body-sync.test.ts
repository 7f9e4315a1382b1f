import { describe, expect, it } from 'vitest';
import { fixture, messages } from './fixtures.ts';

describe('content check: sections and captions match the body', () => {
  it('names headings and captions missing from the frontmatter or from the body', () => {
    expect(messages([fixture('articles/sections-out-of-sync.mdx')])).toEqual([
      'content/articles/sections-out-of-sync.mdx:6 sections is missing the body\'s heading "新的小标题" — add a line "  - 新的小标题" under sections:, in body order',
      'content/articles/sections-out-of-sync.mdx:7 sections[0] "旧的小标题" is not a heading in the body — change it to match the body, or add ## 旧的小标题 to the body',
      'content/articles/sections-out-of-sync.mdx:8 captions is missing the body\'s photo caption "新加的图片说明" — replace "captions: []" with "captions:" and a line "  - 新加的图片说明" under it, in body order',
    ]);
  });
});
