import { describe, expect, it } from 'vitest';
import { IngestError } from '../../../src/ingest/errors.ts';
import { decodeSeed, MAX_LINE_CHARS, MAX_SEED_BYTES } from '../../../src/ingest/read.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function errorOf(bytes: Uint8Array): IngestError {
  try {
    decodeSeed('seeds/x.txt', bytes);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('decodeSeed', () => {
  it('decodes UTF-8 and hashes the bytes as delivered', () => {
    const seed = decodeSeed('seeds/a.txt', utf8('\ufeff标题\r\n\r\n正文。'));
    expect(seed.text).toBe('标题\r\n\r\n正文。');
    expect(seed.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects an empty file, naming it and saying what to do', () => {
    const error = errorOf(new Uint8Array());
    expect(error.format()).toBe(
      'seeds/x.txt the file is empty (no text at all) — fix: put the article text in the file, or delete it from seeds/',
    );
    expect(errorOf(utf8(' \n\u3000\n')).message).toMatch(/empty/);
  });

  it('rejects GBK text with the line of the first bad byte and the iconv fix', () => {
    // "标题\n正文" in GBK: B1EA CCE2 0A D5FD CEC4
    const error = errorOf(Uint8Array.from([0x61, 0x0a, 0xb1, 0xea, 0xcc, 0xe2, 0x0a, 0xd5, 0xfd, 0xce, 0xc4]));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/not valid UTF-8.*GBK/);
    expect(error.fix).toMatch(/iconv -f GB18030 -t UTF-8/);
  });

  it('rejects binary data', () => {
    const error = errorOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(error.message).toMatch(/binary/);
  });

  it('rejects text full of control characters', () => {
    expect(errorOf(utf8('\u0001\u0002\u0003abc\u0004\u0005')).message).toMatch(/binary/);
  });
});

describe('decodeSeed on other Unicode encodings and oversized files', () => {
  const text = '标题\n\n正文第一段。\nAbc 123。\n';
  const withBom = (bom: number[], body: Uint8Array) => Uint8Array.from([...bom, ...body]);
  // Encoded here by hand, independently of the code under test: UTF-16 code units, UTF-32 code points.
  const utf16 = (s: string, little: boolean) =>
    Uint8Array.from(
      [...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff][little ? 'reverse' : 'slice']()),
    );
  const utf32 = (s: string, little: boolean) =>
    Uint8Array.from(
      [...s].flatMap((c) => {
        const p = c.codePointAt(0) ?? 0;
        const be = [p >>> 24, (p >>> 16) & 0xff, (p >>> 8) & 0xff, p & 0xff];
        return little ? be.reverse() : be;
      }),
    );

  it.each([
    [
      'UTF-16LE with a byte-order mark',
      withBom([0xff, 0xfe], utf16(text, true)),
      /UTF-16/u,
      /iconv -f UTF-16 -t UTF-8/u,
    ],
    [
      'UTF-16BE with a byte-order mark',
      withBom([0xfe, 0xff], utf16(text, false)),
      /UTF-16/u,
      /iconv -f UTF-16 -t UTF-8/u,
    ],
    ['UTF-16LE without a mark', utf16(text, true), /UTF-16LE/u, /iconv -f UTF-16LE -t UTF-8/u],
    ['UTF-16BE without a mark', utf16(text, false), /UTF-16BE/u, /iconv -f UTF-16BE -t UTF-8/u],
    [
      'UTF-32LE with a byte-order mark',
      withBom([0xff, 0xfe, 0, 0], utf32(text, true)),
      /UTF-32/u,
      /iconv -f UTF-32 -t UTF-8/u,
    ],
    [
      'UTF-32BE with a byte-order mark',
      withBom([0, 0, 0xfe, 0xff], utf32(text, false)),
      /UTF-32/u,
      /iconv -f UTF-32 -t UTF-8/u,
    ],
    ['UTF-32LE without a mark', utf32(text, true), /UTF-32LE/u, /iconv -f UTF-32LE -t UTF-8/u],
  ])('names %s and gives the iconv command, instead of calling it binary', (_, bytes, message, fix) => {
    const error = errorOf(bytes);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/binary/u);
    expect(error.fix).toMatch(fix);
  });

  it('still calls real binary data binary', () => {
    // A PNG header and some NULs in no UTF-16 pattern.
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0,
    ]);
    expect(errorOf(png).message).toMatch(/binary/u);
  });

  it('refuses a seed over the size limit, saying the size, the limit and how to split it', () => {
    const big = utf8(`标题\n\n${'正文很长。'.repeat(Math.ceil(MAX_SEED_BYTES / 15) + 10)}`);
    const error = errorOf(big);
    expect(error.message).toMatch(/2\.0 MB.*at most 2 MB|at most 2 MB/u);
    expect(error.fix).toMatch(/split/u);
    // Just under the limit is read.
    expect(() => decodeSeed('seeds/x.txt', big.slice(0, MAX_SEED_BYTES - 2))).not.toThrow(/at most/u);
  });
});

describe('decodeSeed on a file that has lost its line breaks', () => {
  it('refuses a line over the limit, naming the line and its length', () => {
    const long = '很长的一段话。'.repeat(Math.ceil(MAX_LINE_CHARS / 7) + 1);
    const error = errorOf(utf8(`标题\n\n${long}\n`));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(
      new RegExp(`line 3 has [\\d,]+ characters; a line may have at most ${MAX_LINE_CHARS.toLocaleString('en')}`, 'u'),
    );
    expect(error.fix).toMatch(/line breaks/u);
    expect(() => decodeSeed('seeds/x.txt', utf8(`标题\n\n${long.slice(0, MAX_LINE_CHARS)}\n`))).not.toThrow();
  });
});
