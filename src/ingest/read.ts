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

/** Largest seed ingest reads: an article is 5–50 KB; 20 MB of one line took 52 s and 1.4 GB to ingest. */
export const MAX_SEED_BYTES = 2 * 1024 * 1024;

/** Longest line ingest reads, in characters: the longest paragraph in the seeds has 681; a longer line is a file without its line breaks. */
export const MAX_LINE_CHARS = 20_000;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Whether every byte at positions ≡ `phase` (mod `step`) is NUL: ASCII and CJK text in UTF-16/32 leaves that pattern. */
function nulEvery(bytes: Uint8Array, step: number, phase: number): boolean {
  if (bytes.length < step * 2 || bytes.length % step !== 0) return false;
  for (let i = phase; i < bytes.length; i += step) if (bytes[i] !== 0) return false;
  return true;
}

/** Share of the positions ≡ `phase` (mod 2) that are NUL. */
function nulShare(bytes: Uint8Array, phase: number): number {
  let nul = 0;
  for (let i = phase; i < bytes.length; i += 2) if (bytes[i] === 0) nul++;
  return nul / Math.max(1, bytes.length >> 1);
}

/**
 * The Unicode encoding other than UTF-8 a file is in, by its byte-order mark or, without one, by where
 * its NUL bytes fall: UTF-32 text has a NUL in every high byte; UTF-16 text of Chinese with some ASCII
 * (digits, line breaks) has its NULs nearly all on one side of each byte pair (一 U+4E00 puts one on the other).
 */
function otherUnicode(bytes: Uint8Array): { name: string; iconv: string } | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0)
    return { name: 'UTF-32 (with a byte-order mark)', iconv: 'UTF-32' };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff)
    return { name: 'UTF-32 (with a byte-order mark)', iconv: 'UTF-32' };
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff))
    return { name: 'UTF-16 (with a byte-order mark)', iconv: 'UTF-16' };
  if (nulEvery(bytes, 4, 3) && nulEvery(bytes, 4, 2)) return { name: 'UTF-32LE', iconv: 'UTF-32LE' };
  if (nulEvery(bytes, 4, 0) && nulEvery(bytes, 4, 1)) return { name: 'UTF-32BE', iconv: 'UTF-32BE' };
  if (bytes.length % 2 !== 0) return undefined;
  const [even, odd] = [nulShare(bytes, 0), nulShare(bytes, 1)];
  if (odd >= 0.05 && even <= odd / 4) return { name: 'UTF-16LE', iconv: 'UTF-16LE' };
  if (even >= 0.05 && odd <= even / 4) return { name: 'UTF-16BE', iconv: 'UTF-16BE' };
  return undefined;
}

/**
 * Decode a seed's bytes as UTF-8 text, or explain why it cannot be ingested:
 * too large, empty, binary, or another encoding (GBK is the usual one for
 * Chinese scans; UTF-16 comes from Windows Notepad's "Unicode").
 */
export function decodeSeed(file: string, bytes: Uint8Array): SeedText {
  if (bytes.length > MAX_SEED_BYTES) {
    throw new IngestError({
      file,
      message: `the file is ${megabytes(bytes.length)}; a seed may be at most ${MAX_SEED_BYTES / 1024 / 1024} MB (one article is usually 5–50 KB)`,
      fix: "split it into several .txt files of at most 2 MB, each starting at an article's headline (one article per file is best)",
    });
  }
  const encoding = otherUnicode(bytes);
  if (encoding) {
    const name = file.replace(/^.*\//u, '');
    throw new IngestError({
      file,
      message: `the file is ${encoding.name} text, not UTF-8`,
      fix: `convert it to UTF-8: \`iconv -f ${encoding.iconv} -t UTF-8 ${file} > ${name}.utf8 && mv ${name}.utf8 ${file}\``,
    });
  }
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
  for (const [index, line] of text.split('\n').entries()) {
    if (line.length > MAX_LINE_CHARS) {
      throw new IngestError({
        file,
        line: index + 1,
        message: `line ${index + 1} has ${line.length.toLocaleString('en')} characters; a line may have at most ${MAX_LINE_CHARS.toLocaleString('en')} (a paragraph rarely has 2,000)`,
        fix: 'the file seems to have lost its line breaks: put each paragraph on a line of its own, with a blank line between paragraphs',
      });
    }
  }
  return { file, sha256: hash, text };
}
