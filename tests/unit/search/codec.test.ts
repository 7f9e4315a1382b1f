import { describe, expect, it } from 'vitest';
import {
  ByteReader,
  ByteWriter,
  packTwoBits,
  readContainer,
  readPostings,
  unpackTwoBits,
  writeContainer,
  writePostings,
} from '../../../src/search/shared/codec.ts';

const roundTrip = (values: number[], universe: number) => {
  const writer = new ByteWriter();
  writePostings(writer, values, universe);
  writer.byte(0xab);
  const bytes = writer.finish();
  const reader = new ByteReader(bytes);
  const read = Array.from(readPostings(reader, universe));
  // The reader stops exactly where the postings end.
  expect(reader.byte()).toBe(0xab);
  expect(reader.done).toBe(true);
  return { read, bytes: bytes.length - 1 };
};

describe('ByteWriter and ByteReader', () => {
  it('round-trip varints of every length, strings and raw bytes', () => {
    const numbers = [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 21, 2 ** 31 + 5, Number.MAX_SAFE_INTEGER];
    const writer = new ByteWriter();
    for (const n of numbers) writer.varint(n);
    writer.string('医养结合 𠀀 97.44%');
    writer.bytes(new Uint8Array([1, 2, 3]));
    const reader = new ByteReader(writer.finish());
    expect(numbers.map(() => reader.varint())).toEqual(numbers);
    expect(reader.string()).toBe('医养结合 𠀀 97.44%');
    expect(Array.from(reader.bytes(3))).toEqual([1, 2, 3]);
    expect(reader.done).toBe(true);
    expect(() => reader.byte()).toThrow(/past the end/u);
  });

  it('takes one byte for a varint below 128, two below 16,384', () => {
    const size = (n: number) => {
      const writer = new ByteWriter();
      writer.varint(n);
      return writer.length;
    };
    expect([0, 127, 128, 16_383, 16_384].map(size)).toEqual([1, 1, 2, 2, 3]);
    expect(() => new ByteWriter().varint(-1)).toThrow(RangeError);
    expect(() => new ByteWriter().varint(1.5)).toThrow(RangeError);
  });
});

describe('writePostings and readPostings', () => {
  it('round-trip empty, sparse and dense lists', () => {
    expect(roundTrip([], 10).read).toEqual([]);
    expect(roundTrip([0], 1).read).toEqual([0]);
    expect(roundTrip([3, 700, 4_999], 5_000).read).toEqual([3, 700, 4_999]);
    const dense = Array.from({ length: 5_000 }, (_, i) => i).filter((i) => i % 3 !== 0);
    expect(roundTrip(dense, 5_000).read).toEqual(dense);
  });

  it('stores gaps, one byte each for neighbours, and a bitmap once that is smaller', () => {
    // Tag, then three one-byte gaps.
    expect(roundTrip([10, 11, 12], 5_000).bytes).toBe(4);
    // Every other page of 5,000: 2,500 one-byte gaps would cost more than a 625-byte bitmap.
    const half = Array.from({ length: 2_500 }, (_, i) => i * 2);
    expect(roundTrip(half, 5_000).bytes).toBe(2 + 625);
    // One page in 100: 50 gaps of 99, one byte each, beat the bitmap; gaps of 199 take two.
    expect(
      roundTrip(
        Array.from({ length: 50 }, (_, i) => i * 100),
        5_000,
      ).bytes,
    ).toBe(1 + 50);
    expect(
      roundTrip(
        Array.from({ length: 25 }, (_, i) => 199 + i * 200),
        5_000,
      ).bytes,
    ).toBe(1 + 25 * 2);
  });

  it('refuses lists that are not ascending, repeat a value or leave the universe', () => {
    expect(() => writePostings(new ByteWriter(), [2, 1], 10)).toThrow(RangeError);
    expect(() => writePostings(new ByteWriter(), [1, 1], 10)).toThrow(RangeError);
    expect(() => writePostings(new ByteWriter(), [10], 10)).toThrow(RangeError);
  });
});

describe('packTwoBits and unpackTwoBits', () => {
  it('keeps four values to a byte, in order', () => {
    const values = [0, 1, 2, 3, 3, 2, 1];
    const packed = packTwoBits(values);
    expect(packed).toHaveLength(2);
    expect(packed[0]).toBe(0b11_10_01_00);
    expect(Array.from(unpackTwoBits(packed, values.length))).toEqual(values);
    expect(() => packTwoBits([4])).toThrow(RangeError);
  });
});

describe('writeContainer and readContainer', () => {
  it('puts a JSON header before the payload', () => {
    const bytes = writeContainer({ pages: 3, name: '检索' }, new Uint8Array([7, 8]));
    const { header, payload } = readContainer(bytes);
    expect(header).toEqual({ pages: 3, name: '检索' });
    expect(Array.from(payload.bytes(2))).toEqual([7, 8]);
    expect(payload.done).toBe(true);
  });
});
