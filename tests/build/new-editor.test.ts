import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/support/browser.ts';
import { resultSlugs, waitForSearch } from '../../scripts/support/search.ts';
import { serveSite, type StaticSite } from '../../scripts/support/serve.ts';
import { scratchCacheDir } from '../support/build-site.ts';

/**
 * The path CONTRIBUTING.md gives a new editor, run in a scratch copy of the
 * project: `npm run new`, write the text, make a mistake the build refuses,
 * fix it, build. The article must then be on the site, in search, in the data
 * export and on the archive pages, with no code change. One extra build.
 */

const TITLE = '县人民医院开通夜间门诊';
const SLUG = 'juye-2021';
const ENTRY = `content/articles/${SLUG}.mdx`;
const BODY = [
  '## 夜间门诊方便上班族',
  '',
  '今年起，巨野县人民医院开通夜间门诊，每晚六点到九点接诊，上班族下班后也能看病。',
  '',
  '<Photo caption="夜间门诊的医生在接诊" />',
  '',
].join('\n');
const SKIP = new Set(['node_modules', '.git', 'dist', '.tmp', '.astro', '.bench']);

let root: string;
let cacheDir: string;
let dist: string;
let created: SpawnSyncReturns<string>;
let refused: SpawnSyncReturns<string>;
let built: SpawnSyncReturns<string>;
let distAfterRefusal: boolean;

function npm(args: string[]): SpawnSyncReturns<string> {
  return spawnSync('npm', args, {
    cwd: root,
    // Its own caches: node_modules is the project's, through a link, and so would be the default cacheDir.
    env: {
      ...process.env,
      ARCHIVE_OUT_DIR: dist,
      ARCHIVE_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function edit(change: (text: string) => string): void {
  const path = join(root, ENTRY);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'new-editor-'));
  dist = join(root, 'dist');
  const repo = resolve('.');
  cpSync(repo, root, { recursive: true, filter: (src) => !SKIP.has(relative(repo, src).split(/[\\/]/u)[0] ?? '') });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  cacheDir = scratchCacheDir(root);

  // As CONTRIBUTING.md says: scaffold, then write the text below the frontmatter and list its heading and caption.
  created = npm(['run', '--silent', 'new', '--', TITLE, '--region', '巨野县', '--year', '2021']);
  if (created.status !== 0) return;
  edit((text) =>
    `${text}${BODY}`
      .replace('sections: []', 'sections:\n  - 夜间门诊方便上班族')
      .replace('captions: []', 'captions:\n  - 夜间门诊的医生在接诊'),
  );

  // A typical slip: the short name of the region. The build must refuse it and write nothing.
  edit((text) => text.replace('region: 巨野县', 'region: 巨野'));
  refused = npm(['run', 'build']);
  distAfterRefusal = existsSync(dist);
  edit((text) => text.replace('region: 巨野\n', 'region: 巨野县\n'));
  built = npm(['run', 'build']);
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a new editor following CONTRIBUTING.md', () => {
  it('scaffolds the entry with npm run new', () => {
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain(`created ${ENTRY}`);
  });

  it("gets a build that stops on a mistake, with the check's message and nothing written", () => {
    expect(refused.status).not.toBe(0);
    expect(`${refused.stdout}${refused.stderr}`).toContain(
      `${ENTRY}:12 region "巨野" is not a known region — did you mean 巨野县?`,
    );
    expect(distAfterRefusal).toBe(false);
  });

  it('sees the article on the site once it is fixed', () => {
    expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
    const page = parse(readFileSync(join(dist, 'articles', SLUG, 'index.html'), 'utf8'));
    expect(page.querySelector('h1')?.textContent).toBe(TITLE);
    expect(page.querySelector('.article-body h2')?.textContent).toBe('夜间门诊方便上班族');
    expect(page.querySelector('.article-body p')?.textContent).toContain('每晚六点到九点接诊');
    const home = parse(readFileSync(join(dist, 'index.html'), 'utf8'));
    expect(home.querySelector(`a[href="/articles/${SLUG}/"]`)?.textContent).toBe(TITLE);
  });

  it('finds it in /data/articles.json', () => {
    const records = JSON.parse(readFileSync(join(dist, 'data', 'articles.json'), 'utf8')) as Array<
      Record<string, unknown>
    >;
    expect(records.find((r) => r.slug === SLUG)).toMatchObject({
      title: TITLE,
      region: '巨野县',
      city: '菏泽市',
      year: 2021,
      sections: ['夜间门诊方便上班族'],
    });
  });

  it('finds it on the archive pages the site has', () => {
    // Archive pages are being built elsewhere: check each one that exists in this build.
    const pages = [
      'regions/juye/index.html',
      'regions/heze/index.html',
      'years/2021/index.html',
      'archive/index.html',
    ].filter((p) => existsSync(join(dist, p)));
    for (const path of pages) {
      expect(
        parse(readFileSync(join(dist, path), 'utf8')).querySelector(`a[href="/articles/${SLUG}/"]`),
        path,
      ).not.toBeNull();
    }
  });

  describe('in search', () => {
    let site: StaticSite;
    let browser: Browser;
    beforeAll(async () => {
      site = await serveSite(dist);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('is found on the search page for a word of its text', async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}/search/?q=${encodeURIComponent('夜间门诊')}`);
      await waitForSearch(page, '夜间门诊');
      expect(await resultSlugs(page)).toContain(SLUG);
      await page.close();
    });
  });
});
