import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMissingFragments } from '../../src/ingest/lossless.ts';
import { readEntries } from '../support/content.ts';
import { builtArticles, readableText } from '../support/site.ts';

const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt'));

describe('nothing is lost: every sentence of every seed reaches the built pages', () => {
  it.each(seeds)('%s', (file) => {
    const pages = builtArticles();
    const entries = readEntries().filter((e) => e.data.source?.file === file);
    expect(entries.length, `no entry comes from seeds/${file}`).toBeGreaterThan(0);
    const texts = entries.map((e) => {
      const page = pages.get(e.slug);
      expect(page, `no built page for ${e.slug}`).toBeDefined();
      return readableText(page!);
    });
    const missing = findMissingFragments(
      readFileSync(`seeds/${file}`, 'utf8'),
      texts,
      entries.flatMap((e) => e.data.corrections),
    );
    expect(missing).toEqual([]);
  });
});
