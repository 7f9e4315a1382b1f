/**
 * The Content-Security-Policy of every built page: present, strict for scripts, and allowing
 * every inline script and style the page actually holds (by hash), so nothing the site needs is refused.
 */
import { createHash } from 'node:crypto';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builtSite, htmlFiles, readBuilt } from '../support/site.ts';

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Script types the browser runs (everything else, JSON-LD included, is data the CSP does not govern). */
const EXECUTABLE = /^(?:|module|text\/javascript|application\/javascript)$/iu;

function policyOf(html: string): Map<string, string[]> {
  const content =
    parse(html).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
  return new Map(
    content
      .split(';')
      .map((part) => part.trim().split(/\s+/u))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe('the Content-Security-Policy of the built pages', () => {
  const pages = htmlFiles(builtSite());

  it.each(pages)('%s: strict for scripts, and allows its own inline scripts and styles', (file) => {
    const html = readBuilt(file);
    const policy = policyOf(html);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    const scriptSrc = policy.get('script-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'])
      expect(scriptSrc).not.toContain(loose);
    // No source from another origin anywhere in the policy.
    expect([...policy.values()].flat().filter((source) => /^(?:https?:|\*)/u.test(source))).toEqual([]);

    const root = parse(html, { blockTextElements: { script: true, style: true, noscript: false } });
    for (const script of root.querySelectorAll('script:not([src])')) {
      if (!EXECUTABLE.test(script.getAttribute('type') ?? '')) continue;
      expect(scriptSrc, `inline script ${script.textContent.slice(0, 60)}`).toContain(hash(script.textContent));
    }
    // <style> elements answer to style-src-elem when the policy has one (CSP Level 3), else to style-src.
    const styleElementSrc = policy.get('style-src-elem') ?? policy.get('style-src') ?? [];
    for (const style of root.querySelectorAll('style')) {
      expect(styleElementSrc, `inline style ${style.textContent.slice(0, 60)}`).toContain(hash(style.textContent));
    }
    // Event-handler attributes would need 'unsafe-inline' (or 'unsafe-hashes'): there must be none.
    expect(
      root.querySelectorAll('*').flatMap((el) => Object.keys(el.attributes).filter((name) => /^on/iu.test(name))),
    ).toEqual([]);
    // Only the hashes this page's own inline elements need (src/csp/prune.ts): no site-wide list on every page.
    // Styles read from the raw HTML: the parser does not see a <style> inside a <noscript> in <head>.
    const ownHashes = new Set(
      [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gu)]
        .map((match) => hash(match[1] ?? ''))
        .concat(
          root
            .querySelectorAll('script:not([src])')
            .filter((script) => EXECUTABLE.test(script.getAttribute('type') ?? ''))
            .map((script) => hash(script.textContent)),
        ),
    );
    const listed = [...policy.values()].flat().filter((source) => source.startsWith("'sha256-"));
    expect(listed.filter((source) => !ownHashes.has(source))).toEqual([]);
  });

  // A CSP <meta> governs only what comes after it. Only the encoding may precede it: <meta charset> must end
  // within the first 1024 bytes, and it does not load or run anything.
  it.each(pages)('%s: the policy is the first element of <head> after the encoding', (file) => {
    const html = readBuilt(file);
    const head = parse(html).querySelector('head');
    const [first, second] = head?.children ?? [];
    expect(first?.tagName).toBe('META');
    expect(first?.getAttribute('charset')).toBe('utf-8');
    expect(second?.tagName).toBe('META');
    expect(second?.getAttribute('http-equiv')).toBe('content-security-policy');
    expect(Buffer.byteLength(html.slice(0, html.indexOf('<meta charset="utf-8">') + 22))).toBeLessThanOrEqual(1024);
  });

  it('would notice a <title> or script before the policy', () => {
    const html = readBuilt('index.html').replace('<meta charset="utf-8">', '<meta charset="utf-8"><title>x</title>');
    expect(parse(html).querySelector('head')?.children[1]?.tagName).toBe('TITLE');
  });

  it('would notice an inline style the policy does not allow', () => {
    const html = readBuilt('search/index.html').replace('</head>', '<style>body{color:red}</style></head>');
    const styles = parse(html)
      .querySelectorAll('style')
      .map((s) => hash(s.textContent));
    expect(styles.every((h) => (policyOf(html).get('style-src') ?? []).includes(h))).toBe(false);
  });
});
