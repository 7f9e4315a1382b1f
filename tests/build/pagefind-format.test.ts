import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import {
  EXCLUDE_SELECTORS,
  PAGEFIND_OPTIONS,
  readFragment,
  writeSearchFiles,
} from '../../src/search/build/integration.ts';
import { indexedPage, pageHeadings } from '../../src/search/shared/files.ts';
import { builtSite } from '../support/site.ts';

/**
 * The search files are derived from Pagefind's fragment files, an internal format. This runs the real,
 * pinned binary over two tiny pages shaped like the site's and checks every field the derivation reads,
 * so a Pagefind upgrade that changes the format fails here (and the build, in readFragment) with a clear message.
 */
const dir = mkdtempSync(join(tmpdir(), 'pagefind-format-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = (
  title: string,
  body: string,
  filters: string,
) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav>导航</nav><main data-pagefind-body>
<h1 data-pagefind-meta="title">${title}</h1><p data-pagefind-meta="subtitle">副标题</p>${filters}
<p>${body}</p><h2 id="s1">医养结合 打通服务</h2><p>第二节。</p><div data-pagefind-ignore>不收录</div></main></body></html>`;

describe("Pagefind's fragment format (real binary)", () => {
  it('is pinned to an exact version in package.json', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const installed = (JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string })
      .version;
    expect(
      manifest.dependencies.pagefind,
      'pin pagefind to an exact version: the fragments are an internal format',
    ).toMatch(/^\d+\.\d+\.\d+$/u);
    expect(installed).toBe(manifest.dependencies.pagefind);
  });

  it('has the fields the search files are derived from', async () => {
    const site = join(dir, 'site');
    for (const [slug, html] of [
      [
        'a',
        page(
          '家庭医生签约',
          '全区建立208个“3+X”家庭医生签约服务团队。',
          '<span data-pagefind-filter="年份">2018</span>',
        ),
      ],
      ['b', page('急救电话', '受理急救电话426184次。', '<span data-pagefind-filter="年份">2023</span>')],
    ] as const) {
      mkdirSync(join(site, 'articles', slug), { recursive: true });
      writeFileSync(join(site, 'articles', slug, 'index.html'), html);
    }
    const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
    expect(errors).toEqual([]);
    expect((await index!.addDirectory({ path: site })).page_count).toBe(2);
    expect((await index!.writeFiles({ outputPath: join(dir, 'pagefind') })).errors).toEqual([]);

    const fragmentDir = join(dir, 'pagefind', 'fragment');
    const files = readdirSync(fragmentDir).filter((file) => file.endsWith('.pf_fragment'));
    expect(files, `no *.pf_fragment files in ${fragmentDir}: Pagefind's output layout changed`).toHaveLength(2);
    const fragments = files.map((file) => readFragment(readFileSync(join(fragmentDir, file)), file));
    const a = fragments.find((f) => f.url === '/articles/a/');
    expect(a, `fragment urls: ${fragments.map((f) => f.url).join(', ')}`).toBeDefined();
    expect(a!.meta.title).toBe('家庭医生签约');
    expect(a!.meta.subtitle).toBe('副标题');
    expect(a!.filters['年份']).toEqual(['2018']);
    expect(a!.content.replace(/\u200b/gu, '')).toContain('3+X”家庭医生签约服务团队');
    expect(a!.content).not.toContain('不收录');
    expect(a!.content).not.toContain('导航');
    expect(pageHeadings(a!)).toEqual(['副标题', '医养结合 打通服务']);
    expect(writeSearchFiles(fragmentDir, join(dir, 'bundle'))).toBe(2);
  }, 60_000);

  it('gives every built page the same text, headings, metadata and filters with its Chinese word cutting skipped', async () => {
    // The build forces Pagefind's language (PAGEFIND_OPTIONS) to skip the word cutting; here the built site is
    // indexed both ways, in Pagefind's own language detection (zh-cn) and forced, and what the derivation reads compared.
    const read = async (options: Parameters<typeof pagefind.createIndex>[0], out: string) => {
      const { index, errors } = await pagefind.createIndex(options);
      expect(errors).toEqual([]);
      await index!.addDirectory({ path: builtSite(), glob: '{articles,stories}/**/*.html' });
      expect((await index!.writeFiles({ outputPath: out })).errors).toEqual([]);
      const fragments = readdirSync(join(out, 'fragment')).map((file) =>
        readFragment(readFileSync(join(out, 'fragment', file)), file),
      );
      const pages = new Map(
        fragments.map((f) => [
          f.url,
          {
            page: indexedPage(f),
            meta: f.meta,
            filters: f.filters,
            anchors: f.anchors?.map((a) => [a.element, a.text]),
          },
        ]),
      );
      return { pages, cut: fragments.some((f) => f.content.includes('\u200b')) };
    };
    const { pages: detected, cut: detectedCut } = await read(
      { excludeSelectors: EXCLUDE_SELECTORS },
      join(dir, 'detected'),
    );
    const { pages: forced, cut: forcedCut } = await read(PAGEFIND_OPTIONS, join(dir, 'forced'));
    expect(detected.size).toBeGreaterThanOrEqual(9);
    expect([...forced.keys()].sort()).toEqual([...detected.keys()].sort());
    for (const [url, page] of detected) expect(forced.get(url), url).toEqual(page);
    // The forced run really skipped the cutting, and the detected one really cut: else the comparison proves nothing.
    expect(detectedCut).toBe(true);
    expect(forcedCut).toBe(false);
  }, 120_000);
});
