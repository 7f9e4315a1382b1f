import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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
 * `npm run build` as editors run it, in one scratch copy of the project with one article and no stories, so each
 * build is short. A new editor follows CONTRIBUTING.md (`npm run new`, a mistake the build refuses, the fix) and
 * the article reaches the site, search, the data export and the archive pages with no code change. A build is
 * published only when every step finished: any failure exits non-zero and leaves dist/ byte-identical (two builds
 * refused by the content check, two that fail while rendering pages: an error, and process.exit(0)).
 */

const ARTICLE = 'content/articles/shanghe-2020.mdx';
const SKIP = new Set(['node_modules', '.git', 'dist', '.dist-builds', '.tmp', '.astro', '.bench']);

const NEW_TITLE = '县人民医院开通夜间门诊';
const NEW_SLUG = 'juye-2021';
const NEW_ENTRY = `content/articles/${NEW_SLUG}.mdx`;
const NEW_BODY = [
  '## 夜间门诊方便上班族',
  '',
  '今年起，巨野县人民医院开通夜间门诊，每晚六点到九点接诊，上班族下班后也能看病。',
  '',
  '<Photo caption="夜间门诊的医生在接诊" />',
  '',
].join('\n');

let root: string;
let cacheDir: string;

function npm(args: string[]): SpawnSyncReturns<string> {
  return spawnSync('npm', args, {
    cwd: root,
    env: {
      ...process.env,
      ARCHIVE_OUT_DIR: undefined,
      // Its own caches: node_modules is the project's, through a link, and so would be the default cacheDir.
      ARCHIVE_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

const build = () => npm(['run', 'build']);

/** Every file under dist/ (through the link) with its bytes' hash, and what dist/ is. */
function snapshot(): { kind: string; files: Record<string, string> } {
  const dist = join(root, 'dist');
  const stat = lstatSync(dist);
  const kind = stat.isSymbolicLink() ? `link to ${readlinkSync(dist)}` : 'folder';
  const files: Record<string, string> = {};
  for (const name of readdirSync(dist, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dist, name);
    if (lstatSync(path).isFile()) files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return { kind, files };
}

/** Run a failing build with `change` applied to the scratch project, then undo it. */
function failingBuild(change: () => () => void): { result: SpawnSyncReturns<string>; before: unknown; after: unknown } {
  const before = snapshot();
  const undo = change();
  try {
    return { result: build(), before, after: snapshot() };
  } finally {
    undo();
  }
}

/** Replace an entry's text; the returned function puts the old text back. */
function edit(entry: string, change: (text: string) => string): () => void {
  const path = join(root, entry);
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, change(original));
  return () => writeFileSync(path, original);
}

const appendToArticle = (text: string) => edit(ARTICLE, (original) => `${original}\n${text}\n`);

function addPage(name: string, source: string): () => void {
  const path = join(root, 'src/pages', name);
  writeFileSync(path, source);
  return () => rmSync(path);
}

const output = (result: SpawnSyncReturns<string>) => `${result.stdout}\n${result.stderr}`;
const readDist = (path: string) => readFileSync(join(root, 'dist', path), 'utf8');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'publish-'));
  const repo = resolve('.');
  cpSync(repo, root, { recursive: true, filter: (src) => !SKIP.has(relative(repo, src).split(/[\\/]/u)[0] ?? '') });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  cacheDir = scratchCacheDir(root);
  for (const name of readdirSync(join(root, 'content/articles')))
    if (`content/articles/${name}` !== ARTICLE) rmSync(join(root, 'content/articles', name));
  rmSync(join(root, 'content/stories'), { recursive: true });
  // A dist/ as builds before atomic publishing left it: a plain folder.
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist/index.html'), '<!doctype html><title>the site as it was</title>');
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm run build refuses code in content', () => {
  it('before rendering, leaving a plain-folder dist/ byte-identical', () => {
    const { result, before, after } = failingBuild(() => appendToArticle('{process.exit(0)}'));
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('body has the code {process.exit(0)}, which would run when the site is built');
    expect(output(result)).toContain('Nothing was published: dist/ is unchanged.');
    expect(after).toEqual(before);
  });
});

describe('a new editor following CONTRIBUTING.md', () => {
  let created: SpawnSyncReturns<string>;
  let refused: { result: SpawnSyncReturns<string>; before: unknown; after: unknown };
  let built: SpawnSyncReturns<string>;

  beforeAll(() => {
    // As CONTRIBUTING.md says: scaffold, then write the text below the frontmatter and list its heading and caption.
    created = npm(['run', '--silent', 'new', '--', NEW_TITLE, '--region', '巨野县', '--year', '2021']);
    if (created.status !== 0) return;
    edit(NEW_ENTRY, (text) =>
      `${text}${NEW_BODY}`
        .replace('sections: []', 'sections:\n  - 夜间门诊方便上班族')
        .replace('captions: []', 'captions:\n  - 夜间门诊的医生在接诊'),
    );
    // A typical slip: the short name of the region. The build must refuse it and publish nothing.
    refused = failingBuild(() => edit(NEW_ENTRY, (text) => text.replace('region: 巨野县', 'region: 巨野')));
    built = build();
  }, 300_000);

  it('scaffolds the entry with npm run new', () => {
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain(`created ${NEW_ENTRY}`);
  });

  it("gets a build that stops on a mistake, with the check's message, dist/ unchanged", () => {
    expect(refused.result.status).not.toBe(0);
    expect(output(refused.result)).toContain(
      `${NEW_ENTRY}:12 region "巨野" is not a known region — did you mean 巨野县?`,
    );
    expect(refused.after).toEqual(refused.before);
  });

  it('gets a published build once it is fixed: dist/ becomes a link to it, with pages, search files and service worker', () => {
    expect(built.status, output(built)).toBe(0);
    const dist = join(root, 'dist');
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    for (const file of ['index.html', 'sw.js', 'pagefind/facts.bin.gz', 'articles/shanghe-2020/index.html'])
      expect(existsSync(join(dist, file)), file).toBe(true);
    // The folder it replaced is kept until the next publish, beside the published build.
    const published = readlinkSync(dist).split('/').pop() ?? '';
    expect(readdirSync(join(root, '.dist-builds')).sort()).toEqual([published, `${published}-previous`]);
  });

  it('sees the article on the site', () => {
    const page = parse(readDist(`articles/${NEW_SLUG}/index.html`));
    expect(page.querySelector('h1')?.textContent).toBe(NEW_TITLE);
    expect(page.querySelector('.article-body h2')?.textContent).toBe('夜间门诊方便上班族');
    expect(page.querySelector('.article-body p')?.textContent).toContain('每晚六点到九点接诊');
    const home = parse(readDist('index.html'));
    expect(home.querySelector(`a[href="/articles/${NEW_SLUG}/"]`)?.textContent).toBe(NEW_TITLE);
  });

  it('finds it in /data/articles.json', () => {
    const records = JSON.parse(readDist('data/articles.json')) as Array<Record<string, unknown>>;
    expect(records.find((r) => r.slug === NEW_SLUG)).toMatchObject({
      title: NEW_TITLE,
      region: '巨野县',
      city: '菏泽市',
      year: 2021,
      sections: ['夜间门诊方便上班族'],
    });
  });

  it('finds it on the archive pages: its county, its year, the whole archive', () => {
    for (const path of ['regions/juye/index.html', 'years/2021/index.html', 'archive/index.html'])
      expect(parse(readDist(path)).querySelector(`a[href="/articles/${NEW_SLUG}/"]`), path).not.toBeNull();
  });

  describe('in search', () => {
    let site: StaticSite;
    let browser: Browser;
    beforeAll(async () => {
      [site, browser] = await Promise.all([serveSite(join(root, 'dist')), launchBrowser()]);
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('is found on the search page for a word of its text', async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}/search/?q=${encodeURIComponent('夜间门诊')}`);
      await waitForSearch(page, '夜间门诊');
      expect(await resultSlugs(page)).toContain(NEW_SLUG);
      await page.close();
    });
  });
});

describe('npm run build publishes only a finished build', () => {
  it('refuses an expression in the text ({年份}), dist/ unchanged', () => {
    const { result, before, after } = failingBuild(() => appendToArticle('今年{年份}的数据。'));
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain(`${ARTICLE}:`);
    expect(output(result)).toContain('body has the code {年份}');
    expect(after).toEqual(before);
  });

  it('fails on an error while rendering a page, dist/ unchanged', () => {
    const { result, before, after } = failingBuild(() =>
      addPage('render-fails.astro', "---\nthrow new Error('a page failed to render');\n---\n"),
    );
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('a page failed to render');
    expect(output(result)).toContain('Nothing was published: dist/ is unchanged.');
    expect(after).toEqual(before);
  }, 300_000);

  it('fails when rendering calls process.exit(0), although astro build exits 0, dist/ unchanged', () => {
    const { result, before, after } = failingBuild(() => addPage('exits.astro', '---\nprocess.exit(0);\n---\n'));
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('astro build ended before its last step');
    expect(after).toEqual(before);
    // Nothing of the failed builds is left behind (each build starts by removing all but the published one).
    expect(readdirSync(join(root, '.dist-builds'))).toHaveLength(1);
  }, 300_000);
});
