import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../../src/ingest/pipeline.ts';
import type { ParsedArticle } from '../../../src/ingest/parse.ts';
import { findMissingFragments } from '../../../src/ingest/lossless.ts';

/**
 * The same texts laid out differently must read the same: these are the
 * variations a scan or a word processor produces, not the seeds' quirks.
 */
const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt'));
const read = (file: string) => readFileSync(`seeds/${file}`, 'utf8');

/** Wrap a long line every 24 characters, as a word processor would (never at a space, which it would swallow). */
function hardWrap(line: string): string {
  if (line.length <= 40 || line.startsWith('#')) return line;
  let out = '';
  let width = 0;
  for (const ch of line) {
    if (width >= 24 && ch !== ' ' && !out.endsWith(' ')) {
      out += '\n';
      width = 0;
    }
    out += ch;
    width++;
  }
  return out;
}

const layouts: Record<string, (text: string) => string> = {
  'Windows line endings, a BOM, trailing spaces': (t) => `\ufeff${t.replace(/\n/gu, ' \r\n')}`,
  'paragraphs indented with ideographic spaces': (t) => t.replace(/^(?=\S)/gmu, '\u3000\u3000'),
  'every blank line doubled': (t) => t.replace(/\n\n/gu, '\n\n\n'),
  'extra blank lines at the top and bottom': (t) => `\n\n\n${t}\n\n\n`,
  'long paragraphs hard-wrapped at 24 characters': (t) => t.split('\n').map(hardWrap).join('\n'),
};

function summary(articles: ParsedArticle[]) {
  return articles.map((a) => ({
    title: a.title,
    subtitle: a.subtitle,
    authors: a.authors,
    standfirst: a.standfirst,
    blocks: a.blocks.map((b) => `${b.type}:${b.text}`),
  }));
}

function pageTexts(articles: ParsedArticle[]): string[] {
  return articles.map((a) =>
    [a.title, a.subtitle ?? '', ...a.standfirst, ...a.credits, ...a.blocks.map((b) => b.text)].join('\n'),
  );
}

describe.each(Object.entries(layouts))('%s', (_, relayout) => {
  it.each(seeds)('%s reads the same as printed', (file) => {
    expect(summary(parseSeed({ file, sha256: '', text: relayout(read(file)) }))).toEqual(
      summary(parseSeed({ file, sha256: '', text: read(file) })),
    );
  });
});

describe('whatever the layout, nothing is lost', () => {
  const harsh: Record<string, (text: string) => string> = {
    'no blank lines at all': (t) => t.replace(/\n{2,}/gu, '\n'),
    'articles of two files run together': (t) => `${t}\n\n${read(seeds[2]!)}`,
    'paragraphs shuffled': (t) => t.split(/\n\n/u).reverse().join('\n\n'),
  };
  for (const [name, relayout] of Object.entries(harsh)) {
    it.each(seeds)(`${name}: %s`, (file) => {
      const text = relayout(read(file));
      let articles: ParsedArticle[];
      try {
        articles = parseSeed({ file, sha256: '', text });
      } catch (error) {
        // A clear refusal is acceptable; a crash or a silent loss is not.
        expect((error as Error).name).toBe('IngestError');
        return;
      }
      expect(
        findMissingFragments(
          text,
          pageTexts(articles),
          articles.flatMap((a) => a.corrections),
        ),
      ).toEqual([]);
    });
  }
});
