/**
 * Bad seed files for the ingest fuzz test, generated from a seeded PRNG: the real seeds cut at
 * random byte offsets (mid-character too), GBK bytes, random CJK/ASCII/control text, huge lines,
 * blank lines only, and real paragraphs shuffled with stray markup and odd line endings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Random } from '../../scripts/support/random.ts';

export interface FuzzInput {
  /** What kind of bad input, for the failure message. */
  kind: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();

export function realSeeds(root = process.cwd()): Uint8Array[] {
  const dir = join(root, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(dir, f))));
}

/** A character from one of the ranges a bad scan might hold. */
function randomChar(random: Random): string {
  const range = random.pick([
    [0x4e00, 0x9fff], // CJK ideographs
    [0x4e00, 0x9fff],
    [0x3000, 0x303f], // CJK punctuation
    [0xff01, 0xff5e], // full-width forms
    [0x20, 0x7e], // ASCII
    [0x20, 0x7e],
    [0x01, 0x1f], // control characters
    [0x7f, 0x9f], // DEL and C1 controls
    [0x2000, 0x206f], // odd spaces, zero-width marks, bidi controls
    [0xd800, 0xdfff], // lone surrogates (encoded as U+FFFD)
    [0x1f300, 0x1f6ff], // emoji
  ] as const);
  return String.fromCodePoint(random.int(range[0], range[1]));
}

function randomText(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1)
    text += random.chance(0.06) ? random.pick(['\n', '\n\n', '\r\n', '\r', '\t', '  ']) : randomChar(random);
  return text;
}

/** Bytes in GBK's double-byte range, as a Chinese text saved in the legacy encoding has. */
function gbkBytes(random: Random, pairs: number): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < pairs; i += 1) {
    if (random.chance(0.1)) bytes.push(random.pick([0x0a, 0x20, 0x2c, 0x0d]));
    else bytes.push(random.int(0xb0, 0xf7), random.int(0xa1, 0xfe));
  }
  return new Uint8Array(bytes);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Offset inside a multi-byte UTF-8 character (a continuation byte), or any offset if none is found. */
function midCharacterOffset(random: Random, bytes: Uint8Array): number {
  for (let tries = 0; tries < 50; tries += 1) {
    const at = random.int(1, bytes.length - 1);
    if (((bytes[at] ?? 0) & 0xc0) === 0x80) return at;
  }
  return random.int(0, bytes.length);
}

export function fuzzInputs(random: Random, seeds: readonly Uint8Array[], count: number): FuzzInput[] {
  const seedText = seeds.map((s) => new TextDecoder().decode(s));
  const paragraphs = seedText.flatMap((t) => t.split(/\n\s*\n/u)).filter((p) => p.trim().length > 0);
  const makers: Array<() => FuzzInput> = [
    () => {
      const seed = random.pick(seeds);
      return { kind: 'a seed cut at a random byte', bytes: seed.slice(0, random.int(0, seed.length)) };
    },
    () => {
      const seed = random.pick(seeds);
      return { kind: 'a seed cut inside a character', bytes: seed.slice(0, midCharacterOffset(random, seed)) };
    },
    () => {
      const seed = random.pick(seeds);
      const from = random.int(0, seed.length - 1);
      return { kind: 'a slice of a seed starting anywhere', bytes: seed.slice(from, random.int(from, seed.length)) };
    },
    () => ({ kind: 'GBK bytes', bytes: gbkBytes(random, random.int(1, 3000)) }),
    () => {
      const seed = random.pick(seeds);
      const at = random.int(0, seed.length);
      return {
        kind: 'a seed with GBK bytes inside',
        bytes: concat(seed.slice(0, at), gbkBytes(random, random.int(1, 40)), seed.slice(at)),
      };
    },
    () => ({
      kind: 'random CJK, ASCII and control characters',
      bytes: encoder.encode(randomText(random, random.int(0, 4000))),
    }),
    () => {
      // Mostly running Chinese text (so it decodes and reaches the parser), a few stray characters.
      const pieces = paragraphs.map((p) => p.replace(/\s+/gu, ''));
      let line = '';
      while (line.length < random.int(20_000, 120_000))
        line += random.chance(0.9) ? random.pick(pieces) : randomChar(random);
      line = line.replace(/[\r\n]/gu, '');
      return {
        kind: 'one huge line',
        bytes: encoder.encode(random.chance(0.5) ? line : `${random.pick(paragraphs)}\n\n${line}\n`),
      };
    },
    () => ({
      kind: 'blank lines only',
      bytes: encoder.encode(
        Array.from({ length: random.int(0, 50) }, () =>
          random.pick(['', ' ', '\u3000', '\t', '\ufeff', '\u200b']),
        ).join(random.pick(['\n', '\r\n', '\r'])),
      ),
    }),
    () => {
      const picked = random.shuffle(paragraphs).slice(0, random.int(1, 30));
      const decorated = picked.map((p) =>
        random.chance(0.2)
          ? `${random.pick(['## ', '**', '【', '——', '编者按：', '记者 ', '（', '<', '{', '- ', '1. ', 'import '])}${p}${random.pick(['', '**', '】', '）', '>', '}'])}`
          : p,
      );
      const eol = random.pick(['\n', '\r\n', '\r']);
      return {
        kind: 'real paragraphs shuffled, with stray markup',
        bytes: encoder.encode(
          `${random.chance(0.3) ? '\ufeff' : ''}${decorated.join(eol + (random.chance(0.7) ? eol : ''))}`,
        ),
      };
    },
    () => {
      const text = random.pick(seedText);
      const chars = [...text];
      for (let i = random.int(1, 200); i > 0; i -= 1)
        chars.splice(random.int(0, chars.length), random.int(0, 3), ...randomText(random, random.int(0, 4)));
      return { kind: 'a seed with random characters changed', bytes: encoder.encode(chars.join('')) };
    },
  ];
  return Array.from({ length: count }, () => random.pick(makers)());
}
