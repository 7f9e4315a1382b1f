/**
 * The build's content check keeps its result under the hash of the content and the checker: a build with
 * nothing changed skips the check (and prints the same problems), a changed article is checked again.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertContentIsValid } from '../../../src/content-check/integration.ts';
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
});
