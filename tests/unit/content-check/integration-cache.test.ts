/**
 * The build's content check keeps its result under the hash of the content and the checker: a build with
 * nothing changed skips the check (and prints the same problems), a changed article is checked again, and
 * only it: every other entry's own result comes from the cache, and the rules across files (slugs, links,
 * metric references, seeds) run again on each entry's summary, so they say what a full check says.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertContentIsValid, checkContentInParallel } from '../../../src/content-check/integration.ts';
import { checkContent, formatProblem, isError } from '../../../src/content-check/index.ts';
import { readContentFiles } from '../../../src/content-check/read-content.ts';
import { beginStage, buildProfile, endStage } from '../../../src/lib/build-profile.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Run the check in its own profile stage and return that stage's work counters. */
function checkOnce(root: string, cacheDir: string): Record<string, number> {
  const name = `content check test ${Math.random()}`;
  beginStage(name);
  const logger = { warn: () => undefined, info: () => undefined };
  try {
    assertContentIsValid(root, logger, cacheDir);
  } finally {
    endStage();
  }
  return buildProfile().stages.find((stage) => stage.name === name)?.work ?? {};
}

describe('the content check in the build', () => {
  it('is skipped when neither the content nor the checker changed, and runs again when an article changes', () => {
    dir = mkdtempSync(join(tmpdir(), 'content-check-cache-'));
    for (const path of ['content', 'seeds', 'public']) cpSync(path, join(dir, path), { recursive: true });
    const cacheDir = join(dir, 'cache');
    const articles = readdirSync(join(dir, 'content', 'articles')).filter((name) => name.endsWith('.mdx')).length;

    expect(checkOnce(dir, cacheDir)).toMatchObject({ 'entries checked': expect.any(Number) });
    expect(checkOnce(dir, cacheDir)).toEqual({ 'content check from the cache': 1 });

    // A mistake added: checked again, and the build stops with the article named.
    const article = join(dir, 'content', 'articles', readdirSync(join(dir, 'content', 'articles')).sort()[0] ?? '');
    writeFileSync(article, readFileSync(article, 'utf8').replace(/^year: \d+$/mu, 'year: next'));
    expect(() => checkOnce(dir, cacheDir)).toThrow(/year/u);
    // The failing result is cached too: the same mistake is reported again without checking.
    expect(() => checkOnce(dir, cacheDir)).toThrow(/year/u);
    expect(buildProfile().stages.at(-1)?.work).toEqual({ 'content check from the cache': 1 });
    expect(articles).toBeGreaterThan(0);
  });

  it('checks only the changed entry again, and still reports what the change breaks in other files', () => {
    dir = mkdtempSync(join(tmpdir(), 'content-check-cache-'));
    for (const path of ['content', 'seeds', 'public']) cpSync(path, join(dir, path), { recursive: true });
    const cacheDir = join(dir, 'cache');
    const entries = ['articles', 'stories']
      .map((folder) => readdirSync(join(dir, 'content', folder)).filter((name) => name.endsWith('.mdx')).length)
      .reduce((a, b) => a + b, 0);
    expect(checkOnce(dir, cacheDir)).toEqual({ 'entries checked': entries });

    // A sentence added to one article: that one entry is checked, the rest come from the cache.
    const juye = join(dir, 'content', 'articles', 'juye-2020.mdx');
    writeFileSync(juye, `${readFileSync(juye, 'utf8').trimEnd()}\n\n又一句话。\n`);
    expect(checkOnce(dir, cacheDir)).toEqual({ 'entries checked': 1, 'entries from the cache': entries - 1 });

    // A metric id renamed in one article: the story that cites it is now wrong, though only the article was read again.
    const liaocheng = join(dir, 'content', 'articles', 'liaocheng-2023.mdx');
    writeFileSync(
      liaocheng,
      readFileSync(liaocheng, 'utf8').replace('id: emergency-55\n', 'id: emergency-55-stations\n'),
    );
    const full = checkContent(readContentFiles(dir)).filter(isError).map(formatProblem);
    expect(full.some((line) => line.startsWith('content/stories/liaocheng-emergency-2023.mdx:'))).toBe(true);
    let thrown = '';
    const name = `content check test ${Math.random()}`;
    beginStage(name);
    try {
      assertContentIsValid(dir, { warn: () => undefined, info: () => undefined }, cacheDir);
    } catch (error) {
      thrown = (error as Error).message;
    } finally {
      endStage();
    }
    expect(buildProfile().stages.find((stage) => stage.name === name)?.work).toEqual({
      'entries checked': 1,
      'entries from the cache': entries - 1,
    });
    expect(thrown.split('\n').slice(1)).toEqual(full);
  });

  it('checks the changed entries in a worker thread as well as this one, with the same result and counts', async () => {
    dir = mkdtempSync(join(tmpdir(), 'content-check-cache-'));
    for (const path of ['content', 'seeds', 'public']) cpSync(path, join(dir, path), { recursive: true });
    const liaocheng = join(dir, 'content', 'articles', 'liaocheng-2023.mdx');
    writeFileSync(
      liaocheng,
      readFileSync(liaocheng, 'utf8').replace('id: emergency-55\n', 'id: emergency-55-stations\n'),
    );
    const full = checkContent(readContentFiles(dir)).filter(isError).map(formatProblem);
    const entries = readContentFiles(dir);
    const name = `content check test ${Math.random()}`;
    beginStage(name);
    let thrown = '';
    try {
      // A threshold of 1: even this small content is shared with a worker.
      await checkContentInParallel(dir, { warn: () => undefined, info: () => undefined }, join(dir, 'cache'), 1);
    } catch (error) {
      thrown = (error as Error).message;
    } finally {
      endStage();
    }
    expect(buildProfile().stages.find((stage) => stage.name === name)?.work).toEqual({
      'entries checked': entries.articles.length + entries.stories.length,
      'entries checked in a worker thread': Math.floor((entries.articles.length + entries.stories.length) / 2),
    });
    expect(thrown.split('\n').slice(1)).toEqual(full);
  });
});
