/** An article's source.file must be a file in seeds/: otherwise its page links a source that is not there (issue 16, point 4). */
import { describe, expect, it } from 'vitest';
import { fixture, messages } from './fixtures.ts';

const SHA = 'a'.repeat(64);

/** A valid fixture article with a source block citing `file`. */
function citing(file: string, name = 'cites.mdx') {
  const base = fixture('articles/juye-2021.mdx', `articles/${name}`);
  return {
    ...base,
    text: base.text.replace(/\n---\n/u, `\nsource:\n  file: ${file}\n  sha256: ${SHA}\n  part: 1\n---\n`),
  };
}

describe('entries whose seed is not in seeds/', () => {
  it('accepts an entry whose seed is there', () => {
    expect(messages([citing('000_a.txt')])).toEqual([]);
  });

  it('names the missing seed, the line, and what to do about a renamed or removed seed', () => {
    const found = messages([citing('000_gone.txt')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^content\/articles\/cites\.mdx:\d+ source\.file names seeds\/000_gone\.txt, which is not in seeds\/ — .*renamed.*source\.file.*npm run ingest.*removed.*delete/u,
    );
  });

  it('when a seed with the same bytes is there under another name, says it was renamed and to what', () => {
    const found = messages([citing('000_old-name.txt')], {
      seeds: ['000_a.txt', '000_new-name.txt'],
      seedHashes: new Map([
        ['000_a.txt', 'b'.repeat(64)],
        ['000_new-name.txt', SHA],
      ]),
    });
    expect(found).toEqual([
      expect.stringMatching(
        /cites\.mdx:\d+ source\.file names seeds\/000_old-name\.txt, which is not in seeds\/: seeds\/000_new-name\.txt has the same bytes \(the seed was renamed\) — .*source\.file: 000_new-name\.txt/u,
      ),
    ]);
  });

  it('matches the name exactly, as the page links it', () => {
    expect(messages([citing('000_A.txt')])).toEqual([
      expect.stringMatching(/seeds\/000_A\.txt, which is not in seeds\//u),
    ]);
  });
});
