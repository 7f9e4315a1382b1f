import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArticleBudget, formatReport, referencedAssets, importedModules } from '../../../scripts/budget.ts';

const dist = mkdtempSync(join(tmpdir(), 'budget-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(path: string, text: string): number {
  mkdirSync(join(dist, path, '..'), { recursive: true });
  writeFileSync(join(dist, path), text);
  return gzipSync(Buffer.from(text)).length;
}

describe('page-weight budget', () => {
  it('finds the stylesheets and scripts a page loads, not other links', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg"><script src="/theme-init.js"></script><script type="module" src="/_astro/t.js"></script><a href="/x.css">';
    expect(referencedAssets(html)).toEqual(['/_astro/a.css', '/theme-init.js', '/_astro/t.js']);
    expect(importedModules('import{a}from"./chunk.js";import "/abs.js"', '/_astro/t.js')).toEqual([
      '/_astro/chunk.js',
      '/abs.js',
    ]);
    // A dynamic import() waits for the reader (tests/e2e/page-weight.test.ts checks that in Chromium).
    expect(importedModules('const m=()=>import(`./lazy.js`);import"./b.js"', '/_astro/t.js')).toEqual(['/_astro/b.js']);
  });

  it('adds up HTML, CSS and JS (with imported chunks), each gzipped, and flags pages over the limit', () => {
    const html = write(
      'articles/a/index.html',
      `<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/t.js"></script>${'正文'.repeat(400)}`,
    );
    const css = write('_astro/a.css', 'body{color:red}'.repeat(20));
    const js = write('_astro/t.js', 'import{x}from"./c.js";console.log(x)') + write('_astro/c.js', 'export const x=1');
    const report = checkArticleBudget(dist, html + css + js - 1);
    expect(report.pages).toEqual([
      {
        page: '/articles/a/',
        html,
        css,
        js,
        total: html + css + js,
        assets: ['/_astro/a.css', '/_astro/t.js', '/_astro/c.js'],
      },
    ]);
    expect(report.over).toHaveLength(1);
    expect(formatReport(report)).toContain('OVER');
    expect(checkArticleBudget(dist, html + css + js).over).toEqual([]);
  });

  it('fails loudly when a page loads a file the build lacks', () => {
    write('articles/b/index.html', '<script src="/missing.js"></script>');
    expect(() => checkArticleBudget(dist)).toThrow(/missing\.js/u);
  });
});
