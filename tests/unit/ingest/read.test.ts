import { describe, expect, it } from 'vitest';
import { IngestError } from '../../../src/ingest/errors.ts';
import { decodeSeed } from '../../../src/ingest/read.ts';

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
