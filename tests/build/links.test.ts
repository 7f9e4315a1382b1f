/**
 * No broken internal link or anchor anywhere in the build, and no link to another site without
 * rel="noopener": every page's href/src (and the sitemap's and feed's URLs) checked against the files
 * and ids of the build (tests/support/link-check.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { checkLinks, fileFor, type SiteFiles } from '../support/link-check.ts';
import { builtSite, htmlFiles, readBuilt } from '../support/site.ts';

function allFiles(dir: string): Set<string> {
  return new Set(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(join(dir, name)).isFile())
      .map((name) => name.split('\\').join('/')),
  );
}

function builtSiteFiles(): SiteFiles {
  const dir = builtSite();
  const files = allFiles(dir);
  const html = new Map(htmlFiles(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
  const xml = new Map(
    [...files]
      .filter((f) => /^(?:sitemap-[^/]*|rss)\.xml$/u.test(f))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
  // The published origin, from the front page's canonical link: absolute URLs on it are the site's own.
  const canonical = parse(html.get('index.html') ?? '')
    .querySelector('link[rel="canonical"]')
    ?.getAttribute('href');
  if (!canonical) throw new Error('the front page has no canonical link to take the site origin from');
  return { files, html, xml, origin: new URL(canonical).origin };
}

describe('links in the built site', () => {
  it('has no broken internal link or anchor, and every link to another site has rel="noopener"', () => {
    const site = builtSiteFiles();
    // The check has something to check: pages, links with fragments, the sitemap.
    expect(site.html.size).toBeGreaterThan(30);
    expect([...site.html.values()].join('').match(/href="[^"]*#[^"]+"/gu)?.length ?? 0).toBeGreaterThan(50);
    expect(site.xml?.size).toBeGreaterThanOrEqual(2);
    expect(checkLinks(site)).toEqual([]);
  });

  it('would catch a missing anchor, page or asset in the real build', () => {
    const site = builtSiteFiles();
    const article = 'articles/juye-2020/index.html';
    const html = readBuilt(article);
    // Remove the first heading id that something links to, and point a link at a page that does not exist.
    const linked = [...html.matchAll(/href="#([^"]+)"/gu)]
      .map((m) => m[1] ?? '')
      .find((id) => html.includes(`id="${id}"`));
    expect(linked).toBeDefined();
    const broken = html
      .replace(`id="${linked}"`, 'id="renamed"')
      .replace('href="/archive/"', 'href="/archives/"')
      .replace(/src="\/_astro\/([^"]+)"/u, 'src="/_astro/missing-$1"');
    const problems = checkLinks({ ...site, html: new Map([...site.html, [article, broken]]) }).filter(
      (p) => p.file === article,
    );
    expect(problems.map((p) => p.problem)).toEqual(
      expect.arrayContaining([
        `no element with id="${linked}" on ${article}`,
        'no such file in the build (/archives/)',
        expect.stringMatching(/^no such file in the build \(\/_astro\/missing-/u),
      ]),
    );
  });
});

describe('the link checker', () => {
  const files = new Set(['index.html', 'a/index.html', '404.html', 'img/x.png', 'data/x.json']);
  const check = (html: string, origin = 'https://site.example') =>
    checkLinks({
      files,
      html: new Map([
        ['index.html', html],
        ['a/index.html', '<h2 id="sec">S</h2><a name="old"></a>'],
      ]),
      origin,
    });

  it('finds files as a static host serves them', () => {
    expect(fileFor('/', files)).toBe('index.html');
    expect(fileFor('/a/', files)).toBe('a/index.html');
    expect(fileFor('/404', files)).toBe('404.html');
    expect(fileFor('/a', files)).toBeUndefined();
    expect(fileFor('/%E0%A4%A', files)).toBeUndefined();
  });

  it('accepts good links: relative, absolute on the site, fragments, srcset, downloads built in the page', () => {
    expect(
      check(
        '<a href="a/#sec">x</a><a href="/a/#old">x</a><a href="https://site.example/a/">x</a><img src="/img/x.png" srcset="/img/x.png 1x, img/x.png 2x" alt="">' +
          '<a href="#top">x</a><a href="#">x</a><a href="data:text/csv,1" download>x</a><a href="mailto:a@b.c">x</a>' +
          '<a href="https://other.example/" rel="noopener">x</a><a href="https://other.example/" rel="external noreferrer">x</a>',
      ),
    ).toEqual([]);
  });

  it('reports missing files and anchors, off-site links without noopener, javascript: URLs', () => {
    const problems = check(
      '<a href="/b/">x</a><a href="/a/#nope">x</a><a href="#here">x</a><link rel="stylesheet" href="/style.css">' +
        '<a href="https://other.example/">x</a><a href="javascript:void 0">x</a><meta property="og:image" content="https://site.example/og/x.png">',
    );
    expect(problems.map((p) => `${p.url}: ${p.problem}`)).toEqual([
      '/b/: no such file in the build (/b/)',
      '/a/#nope: no element with id="nope" on a/index.html',
      '#here: no element with id="here" on index.html',
      '/style.css: no such file in the build (/style.css)',
      'https://other.example/: links to another site without rel="noopener"',
      'javascript:void 0: a javascript: URL (and the CSP refuses it)',
      'https://site.example/og/x.png: no such file in the build (/og/x.png)',
    ]);
  });

  it('checks the URLs of sitemaps and feeds', () => {
    const problems = checkLinks({
      files,
      html: new Map(),
      xml: new Map([['rss.xml', '<link>https://site.example/a/</link><guid>https://site.example/gone/</guid>']]),
      origin: 'https://site.example',
    });
    expect(problems).toEqual([
      { file: 'rss.xml', url: 'https://site.example/gone/', problem: 'no such file in the build (/gone/)' },
    ]);
  });
});
