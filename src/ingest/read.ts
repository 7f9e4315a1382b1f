import { createHash } from 'node:crypto';
import { IngestError } from './errors.ts';

/** A seed file decoded and checked, with what is needed to cite it. */
export interface SeedText {
  file: string;
  sha256: string;
  text: string;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** 1-based line of a byte offset: the number of newlines before it, plus one. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte sequence that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms and surrogates are invalid too; TextDecoder will catch them, so report the start.
    i += need + 1;
  }
  return -1;
}

/**
 * Decode a seed's bytes as UTF-8 text, or explain why it cannot be ingested:
 * empty, binary, or another encoding (GBK is the usual one for Chinese scans).
 */
export function decodeSeed(file: string, bytes: Uint8Array): SeedText {
  const hash = sha256Hex(bytes);
  if (bytes.length === 0 || /^[\s\u3000\ufeff]*$/u.test(new TextDecoder().decode(bytes))) {
    throw new IngestError({
      file,
      message: 'the file is empty (no text at all)',
      fix: 'put the article text in the file, or delete it from seeds/',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new IngestError({
      file,
      line: lineAt(bytes, nul),
      message: 'the file holds binary data (a NUL byte), not text',
      fix: 'save the article as a UTF-8 .txt file (not .doc, .pdf or an image)',
    });
  }
  const bad = firstInvalidUtf8(bytes);
  let text: string;
  try {
    if (bad >= 0) throw new Error('invalid');
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = bad >= 0 ? bad : 0;
    throw new IngestError({
      file,
      line: lineAt(bytes, offset),
      message: `the text is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}); it may be GBK or GB18030`,
      fix: 'convert it to UTF-8, e.g. `iconv -f GB18030 -t UTF-8 in.txt > out.txt`',
    });
  }
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f\ufffd]/gu)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) {
    throw new IngestError({
      file,
      message: `the file looks binary (${controls} control or replacement characters)`,
      fix: 'save the article as plain UTF-8 text',
    });
  }
  return { file, sha256: hash, text };
}
