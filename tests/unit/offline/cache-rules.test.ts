import { describe, expect, it } from 'vitest';
import { cacheKey, isCacheable, isHandledPath } from '../../../src/offline/shared/cache-rules.ts';

const origin = 'https://archive.example.org';

describe('isCacheable', () => {
  it('keeps a complete same-origin answer', () => {
    expect(isCacheable({ status: 200, type: 'basic', url: `${origin}/articles/a/` }, origin)).toBe(true);
  });

  it.each([
    ['a missing page', { status: 404, type: 'basic', url: `${origin}/nope/` }],
    ['a server error', { status: 500, type: 'basic', url: `${origin}/a/` }],
    ['a partial answer', { status: 206, type: 'basic', url: `${origin}/a.wasm` }],
    ['an opaque cross-origin answer', { status: 0, type: 'opaque', url: '' }],
    ['a CORS answer from another origin', { status: 200, type: 'cors', url: 'https://cdn.example.com/x.js' }],
    ['a same-looking answer from another origin', { status: 200, type: 'basic', url: 'https://evil.example.org/a/' }],
    ['a network error', { status: 0, type: 'error', url: '' }],
  ])('refuses %s', (_, response) => {
    expect(isCacheable(response, origin)).toBe(false);
  });
});

describe('cacheKey', () => {
  it('ignores the query and hash (a cache-busting ?ts= names the same file)', () => {
    expect(cacheKey('/pagefind/facts.bin.gz?ts=1732550000000', origin)).toBe(`${origin}/pagefind/facts.bin.gz`);
    expect(cacheKey(`${origin}/articles/a/?highlight=x#s2`)).toBe(`${origin}/articles/a/`);
  });
});

describe('isHandledPath', () => {
  it('leaves the worker script and bookkeeping entries alone', () => {
    expect(isHandledPath('/sw.js')).toBe(false);
    expect(isHandledPath('/__offline/filled')).toBe(false);
    expect(isHandledPath('/articles/a/')).toBe(true);
  });
});
