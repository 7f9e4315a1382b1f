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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchCacheDir } from '../support/build-site.ts';

/**
 * `npm run build` publishes a build only when every step finished; any failure exits non-zero
 * and leaves dist/ byte-identical. Run in a scratch copy of the project with one article and
 * no stories, so each build is short: one good build, two refused by the content check, two
 * that fail while rendering pages (an error, and process.exit(0)).
 */

const ARTICLE = 'content/articles/shanghe-2020.mdx';
const SKIP = new Set(['node_modules', '.git', 'dist', '.dist-builds', '.tmp', '.astro', '.bench']);

let root: string;
let cacheDir: string;

function build(): SpawnSyncReturns<string> {
  return spawnSync('npm', ['run', 'build'], {
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

function appendToArticle(text: string): () => void {
  const path = join(root, ARTICLE);
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, `${original}\n${text}\n`);
  return () => writeFileSync(path, original);
}

function addPage(name: string, source: string): () => void {
  const path = join(root, 'src/pages', name);
  writeFileSync(path, source);
  return () => rmSync(path);
}

const output = (result: SpawnSyncReturns<string>) => `${result.stdout}\n${result.stderr}`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'atomic-build-'));
  const repo = resolve('.');
  cpSync(repo, root, { recursive: true, filter: (src) => !SKIP.has(relative(repo, src).split(/[\\/]/u)[0] ?? '') });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  cacheDir = scratchCacheDir(root);
  for (const name of readdirSync(join(root, 'content/articles')))
    if (`content/articles/${name}` !== ARTICLE) rmSync(join(root, 'content/articles', name));
  rmSync(join(root, 'content/stories'), { recursive: true });
  // A dist/ as builds before this change left it: a plain folder.
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist/index.html'), '<!doctype html><title>the site as it was</title>');
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm run build publishes only a finished build', () => {
  it('refuses code in content before rendering, leaving a plain-folder dist/ byte-identical', () => {
    const { result, before, after } = failingBuild(() => appendToArticle('{process.exit(0)}'));
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain('body has the code {process.exit(0)}, which would run when the site is built');
    expect(output(result)).toContain('Nothing was published: dist/ is unchanged.');
    expect(after).toEqual(before);
  });

  it('publishes a good build: dist/ becomes a link to it, with pages, search files and service worker', () => {
    const result = build();
    expect(result.status, output(result)).toBe(0);
    const dist = join(root, 'dist');
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    for (const file of ['index.html', 'sw.js', 'pagefind/facts.bin.gz', 'articles/shanghe-2020/index.html'])
      expect(existsSync(join(dist, file)), file).toBe(true);
    // The folder it replaced is kept until the next publish, beside the published build.
    const published = readlinkSync(dist).split('/').pop() ?? '';
    expect(readdirSync(join(root, '.dist-builds')).sort()).toEqual([published, `${published}-previous`]);
  }, 300_000);

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
