/**
 * Astro's CSP lists, on every page, the hash of every stylesheet and script of the whole site (about
 * thirty, ~1.5 KB gzip that no compression can shrink). A page needs only the hashes of its own inline
 * <style> and <script> elements: external files are already allowed by 'self'. Pure: HTML in, HTML out.
 */
import { createHash } from 'node:crypto';

const POLICY = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/iu;
/** Script types the browser runs; JSON-LD and other data blocks are not governed by the CSP. */
const EXECUTABLE_TYPE = /^(?:|module|text\/javascript|application\/javascript)$/iu;

export function sourceHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** Hashes of the inline styles and runnable inline scripts in a page. */
export function inlineHashes(html: string): Set<string> {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/giu)) hashes.add(sourceHash(match[1] ?? ''));
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/giu)) {
    const attributes = match[1] ?? '';
    if (/\bsrc=/iu.test(attributes)) continue;
    const type = /\btype=["']?([^"'\s>]+)/iu.exec(attributes)?.[1] ?? '';
    if (EXECUTABLE_TYPE.test(type)) hashes.add(sourceHash(match[2] ?? ''));
  }
  return hashes;
}

/** The page with its CSP <meta> keeping only the hashes its own inline elements need; other sources untouched. */
export function pruneCspHashes(html: string): string {
  const needed = inlineHashes(html);
  return html.replace(POLICY, (_, open: string, policy: string, close: string) => {
    const pruned = policy
      .split(';')
      .map((directive) =>
        directive
          .trim()
          .split(/\s+/u)
          .filter((source) => !/^'sha(?:256|384|512)-/u.test(source) || needed.has(source))
          .join(' '),
      )
      .filter((directive) => directive.length > 0)
      .join(';');
    return `${open}${pruned}${close}`;
  });
}
