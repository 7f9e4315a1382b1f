import { describe, expect, it } from 'vitest';
import { inlineHashes, pruneCspHashes, sourceHash } from '../../../src/csp/prune.ts';

const page = (policy: string, body: string): string =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}">${body}</head><body></body></html>`;

describe('pruning a page CSP to its own hashes', () => {
  const style = 'body{color:red}';
  const script = 'console.log(1)';
  const own = [sourceHash(style), sourceHash(script)];
  const others = ["'sha256-AAAA'", "'sha256-BBBB'"];
  const policy = `default-src 'self';script-src 'self' ${own[1]} ${others[0]};style-src-elem 'self' ${others[1]} ${own[0]};style-src-attr 'unsafe-inline'`;

  it('keeps the hashes of the inline style and runnable script, drops the rest, leaves other sources alone', () => {
    const html = page(policy, `<style>${style}</style><script>${script}</script><script src="/a.js"></script>`);
    expect(pruneCspHashes(html)).toBe(
      page(
        `default-src 'self';script-src 'self' ${own[1]};style-src-elem 'self' ${own[0]};style-src-attr 'unsafe-inline'`,
        `<style>${style}</style><script>${script}</script><script src="/a.js"></script>`,
      ),
    );
  });

  it('does not count data blocks (JSON-LD) or external scripts, and finds a style inside <noscript>', () => {
    const html = `<script type="application/ld+json">{"a":1}</script><script type="module" src="/x.js"></script><noscript><style>${style}</style></noscript>`;
    expect([...inlineHashes(html)]).toEqual([sourceHash(style)]);
  });

  it('leaves a page without a policy unchanged', () => {
    const html = '<html><head><style>a{}</style></head></html>';
    expect(pruneCspHashes(html)).toBe(html);
  });
});
