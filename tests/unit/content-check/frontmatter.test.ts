import { describe, expect, it } from 'vitest';
import { fixture, messages } from './fixtures.ts';

describe('content check: frontmatter', () => {
  it('passes the valid fixtures and the template', () => {
    expect(messages()).toEqual([]);
  });

  it('names a missing field on the frontmatter line and an empty one on its own line', () => {
    expect(messages([fixture('articles/missing-fields.mdx')])).toEqual([
      'content/articles/missing-fields.mdx:1 city is missing — add a line "city: …" (text)',
      'content/articles/missing-fields.mdx:2 title is empty — write it, or delete the line if the field is optional',
    ]);
  });

  it('maps every zod issue to the YAML line of its field, nested ones included, in plain words', () => {
    expect(messages([fixture('articles/invalid-fields.mdx')])).toEqual([
      'content/articles/invalid-fields.mdx:5 year should be a number, not "2021年" — write digits only, without quotes or units (year: 2021)',
      'content/articles/invalid-fields.mdx:7 authors[0].role is missing — add a line "role: …" (text)',
      'content/articles/invalid-fields.mdx:9 metrics[0].id "Elderly Care" is not in the right form — use lowercase ASCII letters, digits and hyphens, starting with a letter',
      'content/articles/invalid-fields.mdx:10 metrics[0].value should be a number, not "7296" — write digits only, without quotes or units',
      'content/articles/invalid-fields.mdx:15 metrics[0].qualifier "approx" is not one of: about, over, nearly, under — use one of the listed values',
    ]);
  });

  it('catches a misspelt field, which zod alone would silently drop', () => {
    expect(messages([fixture('articles/unknown-field.mdx')])).toEqual([
      'content/articles/unknown-field.mdx:6 subtitel is not a field of article frontmatter — did you mean subtitle?',
    ]);
  });

  it('reports YAML errors on their line, naming the field', () => {
    expect(messages([fixture('articles/yaml-error.mdx')])).toEqual([
      'content/articles/yaml-error.mdx:6 year appears twice — keep one of the two lines',
    ]);
  });

  it('reports a file without frontmatter', () => {
    expect(messages([fixture('articles/no-frontmatter.mdx')])).toEqual([
      'content/articles/no-frontmatter.mdx:1 frontmatter is missing: the file must start with a line "---" — start the file with "---", the fields, then another "---" (copy content/templates/article.mdx)',
    ]);
  });

  it('checks stories against their frontmatter (title, dek, date, regions?, topics?)', () => {
    expect(messages([fixture('stories/bad-story.mdx')])).toEqual([
      'content/stories/bad-story.mdx:1 dek is missing — add a line "dek: …" (text)',
      'content/stories/bad-story.mdx:3 date should be a date, not "2024年5月" — write the date as 2024-05-01',
      'content/stories/bad-story.mdx:4 regions[0] "巨野" is not a known region — did you mean 巨野县?',
      'content/stories/bad-story.mdx:5 topics[0] "elderly" is not a known topic — did you mean elderly-care?',
      'content/stories/bad-story.mdx:7 warning: body has no text yet — write the text below the closing "---", paragraphs separated by a blank line',
      'content/stories/bad-story.mdx:8 <BigNumber> metric "elderly-care-7296" does not say which article it is from — did you mean juye-2021/elderly-care-7296?',
      'content/stories/bad-story.mdx:10 <Chart> names no metric — add metrics={["<article-slug>/<metric-id>", …]}',
    ]);
  });

  it('handles Windows line endings and a byte-order mark without shifting lines', () => {
    const { text } = fixture('articles/unknown-region.mdx');
    const crlf = { path: 'content/articles/unknown-region.mdx', text: `\uFEFF${text.replace(/\n/gu, '\r\n')}` };
    expect(messages([crlf])).toEqual([
      'content/articles/unknown-region.mdx:4 region "巨野" is not a known region — did you mean 巨野县?',
    ]);
  });
});
