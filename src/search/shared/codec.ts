/**
 * Bytes of the search files (src/search/shared/files.ts): unsigned varints, ascending
 * page lists (gaps, or a bitmap when that is smaller), two-bit packs, and the
 * container every binary search file uses (a JSON header, then a byte payload).
 * Pure and shared by the build (writing) and the search page (reading).
 */

/** Grows a byte buffer as values are written. */
export class ByteWriter {
  #bytes = new Uint8Array(256);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  #room(extra: number): void {
    if (this.#length + extra <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#length + extra));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  byte(value: number): void {
    this.#room(1);
    this.#bytes[this.#length] = value & 0xff;
    this.#length += 1;
  }

  bytes(values: Uint8Array): void {
    this.#room(values.length);
    this.#bytes.set(values, this.#length);
    this.#length += values.length;
  }

  /** An unsigned integer in 7-bit groups, low first (LEB128): 0–127 take one byte. */
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`varint: ${value} is not a non-negative integer`);
    let rest = value;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.byte(rest);
  }

  /** A string as its UTF-8 length, then its UTF-8 bytes. */
  string(value: string): void {
    const encoded = new TextEncoder().encode(value);
    this.varint(encoded.length);
    this.bytes(encoded);
  }

  finish(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }
}

/** Reads what a ByteWriter wrote, in the same order. */
export class ByteReader {
  readonly #bytes: Uint8Array;
  #at: number;

  constructor(bytes: Uint8Array, at = 0) {
    this.#bytes = bytes;
    this.#at = at;
  }

  get done(): boolean {
    return this.#at >= this.#bytes.length;
  }

  byte(): number {
    if (this.#at >= this.#bytes.length) throw new RangeError('search file: read past the end');
    const value = this.#bytes[this.#at]!;
    this.#at += 1;
    return value;
  }

  bytes(length: number): Uint8Array {
    if (this.#at + length > this.#bytes.length) throw new RangeError('search file: read past the end');
    const slice = this.#bytes.subarray(this.#at, this.#at + length);
    this.#at += length;
    return slice;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  string(): string {
    return new TextDecoder().decode(this.bytes(this.varint()));
  }
}

/** Bytes of a bitmap over `universe` items. */
const bitmapBytes = (universe: number): number => Math.ceil(universe / 8);

/** Bytes of a value as a varint. */
const varintBytes = (value: number): number =>
  value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : Math.ceil(Math.log2(value + 1) / 7);

/** Bytes of the gaps of an ascending list (without its count). */
function gapBytes(values: ArrayLike<number>): number {
  let bytes = 0;
  let previous = -1;
  for (let i = 0; i < values.length; i += 1) {
    bytes += varintBytes(values[i]! - previous - 1);
    previous = values[i]!;
  }
  return bytes;
}

/**
 * An ascending list of distinct integers below `universe`, in whichever form is
 * smaller: a tag (count × 2, +1 for a bitmap), then the gaps between successive
 * values less one (so consecutive values cost one byte each) or a bitmap of
 * `universe` bits (smaller once a value is in more than about 1/8 of the universe).
 */
export function writePostings(writer: ByteWriter, values: ArrayLike<number>, universe: number): void {
  let previous = -1;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    if (!Number.isInteger(value) || value <= previous || value >= universe)
      throw new RangeError(`postings: ${value} after ${previous} is not ascending below ${universe}`);
    previous = value;
  }
  if (bitmapBytes(universe) < gapBytes(values)) {
    writer.varint(values.length * 2 + 1);
    const bitmap = new Uint8Array(bitmapBytes(universe));
    for (let i = 0; i < values.length; i += 1) bitmap[values[i]! >> 3]! |= 1 << (values[i]! & 7);
    writer.bytes(bitmap);
    return;
  }
  writer.varint(values.length * 2);
  previous = -1;
  for (let i = 0; i < values.length; i += 1) {
    writer.varint(values[i]! - previous - 1);
    previous = values[i]!;
  }
}

/** Read what writePostings wrote (with the same universe). */
export function readPostings(reader: ByteReader, universe: number): Uint32Array {
  const tag = reader.varint();
  const count = Math.floor(tag / 2);
  const values = new Uint32Array(count);
  if (tag % 2 === 1) {
    const bitmap = reader.bytes(bitmapBytes(universe));
    let n = 0;
    for (let byte = 0; byte < bitmap.length; byte += 1) {
      const bits = bitmap[byte]!;
      if (bits === 0) continue;
      for (let bit = 0; bit < 8; bit += 1) if (bits & (1 << bit)) values[n++] = byte * 8 + bit;
    }
    if (n !== count) throw new RangeError(`postings: bitmap holds ${n} values, tag says ${count}`);
    return values;
  }
  let previous = -1;
  for (let i = 0; i < count; i += 1) {
    previous += reader.varint() + 1;
    values[i] = previous;
  }
  return values;
}

/** Values 0–3, four to a byte (first value in the low bits). */
export function packTwoBits(values: ArrayLike<number>): Uint8Array {
  const packed = new Uint8Array(Math.ceil(values.length / 4));
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    if (value < 0 || value > 3 || !Number.isInteger(value)) throw new RangeError(`two bits: ${value} is not 0–3`);
    packed[i >> 2]! |= value << ((i & 3) * 2);
  }
  return packed;
}

export function unpackTwoBits(packed: Uint8Array, count: number): Uint8Array {
  const values = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) values[i] = (packed[i >> 2]! >> ((i & 3) * 2)) & 3;
  return values;
}

/** A binary search file: its header's JSON (length first), then the payload. */
export function writeContainer(header: unknown, payload: Uint8Array): Uint8Array {
  const writer = new ByteWriter();
  writer.string(JSON.stringify(header));
  writer.bytes(payload);
  return writer.finish();
}

/** A container's header (parsed, not checked: the caller knows its shape) and a reader at its payload. */
export function readContainer(bytes: Uint8Array): { header: unknown; payload: ByteReader } {
  const reader = new ByteReader(bytes);
  const header: unknown = JSON.parse(reader.string());
  return { header, payload: reader };
}
