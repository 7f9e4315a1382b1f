/**
 * The search files as the derive step made them before it streamed (src/search/shared/files.ts and
 * terms.ts at main 1b109bb, with heavy keys and shard directories): every fragment, text, posting and output held in memory at once. Kept only
 * as the oracle the streaming derive is compared with, byte for byte (tests/unit/search/derive-stream.test.ts,
 * tests/build/search-derive.test.ts); the file formats' own pieces (codec, the versioned facts file, display chunks,
 * text blocks) are shared, only the orchestration is this copy's own.
 */
import { packTwoBits, writeContainer, writePostings, ByteWriter } from '../../src/search/shared/codec.ts';
import {
  pageHeadings,
  pageText,
  buildVersionedFacts,
  searchFilePaths,
  shardDirectories,
  textBlocks,
  type PagefindFragment,
} from '../../src/search/shared/files.ts';
import {
  CHUNK_PAGES,
  buildDisplayChunks,
  buildFiltersFile,
  comparePages,
  type FileNames,
  type PageSource,
} from '../../src/search/shared/pages.ts';
import { normaliseText } from '../../src/search/shared/query.ts';
import {
  SHARD_BYTES,
  hashShardCount,
  collectPostings,
  heavyKey,
  heavyKeyBits,
  shardCount,
  shardLayout,
  shardOf,
  weightClass,
  type HeavyKeys,
  type ShardLayout,
  type GramPostings,
  type IndexedPage,
} from '../../src/search/shared/terms.ts';

const isPair = (gram: string): boolean => [...gram].length === 2;

function writeGram(writer: ByteWriter, gram: string, postings: GramPostings, pageCount: number): void {
  writer.string(gram);
  writePostings(writer, postings.pages, pageCount);
  if (isPair(gram))
    for (const at of postings.positions) {
      writer.varint(at.length);
      let previous = 0;
      for (const position of at) {
        writer.varint(position - previous);
        previous = position;
      }
    }
  else writer.bytes(packTwoBits(Array.from(postings.levels, (level) => level - 1)));
  writePostings(writer, postings.title, pageCount);
  writePostings(writer, postings.heading, pageCount);
}

/** buildTermShards before it streamed. */
export function referenceTermShards(
  pages: readonly IndexedPage[],
  traditional: readonly string[] = [],
): { shards: Uint8Array[]; layout: ShardLayout; heavy: HeavyKeys } {
  const postings = collectPostings(pages);
  const records = new Map<string, Uint8Array>();
  for (const gram of [...postings.keys()].sort()) {
    const writer = new ByteWriter();
    writeGram(writer, gram, postings.get(gram)!, pages.length);
    records.set(gram, writer.finish());
  }
  const markers = new Map<string, Uint8Array>();
  for (const gram of [...new Set(traditional)].filter((gram) => !postings.has(gram)).sort()) {
    const writer = new ByteWriter();
    writer.string(gram);
    markers.set(gram, writer.finish());
  }
  const heavyGrams = [...records].filter(([, record]) => record.length > SHARD_BYTES).map(([gram]) => gram);
  const bits = heavyKeyBits(heavyGrams.length);
  const keys = [...new Set(heavyGrams.map((gram) => heavyKey(gram, bits)))].sort((a, b) => a - b);
  const weights = new Map(keys.map((key) => [key, 0]));
  let total = 0;
  for (const [gram, bytes] of [...records, ...markers]) {
    const key = heavyKey(gram, bits);
    if (weights.has(key)) weights.set(key, weights.get(key)! + bytes.length);
    else total += bytes.length;
  }
  const heavy: HeavyKeys = { bits, keys, weights: keys.map((key) => weightClass(weights.get(key)!)) };
  const layout = shardLayout(hashShardCount(total), heavy);
  const filed = Array.from({ length: shardCount(layout) }, () => ({ grams: [] as string[], markers: [] as string[] }));
  for (const gram of records.keys()) filed[shardOf(gram, layout)]!.grams.push(gram);
  for (const gram of markers.keys()) filed[shardOf(gram, layout)]!.markers.push(gram);
  const shards = filed.map(({ grams, markers: marked }) => {
    const payload = new ByteWriter();
    for (const gram of grams) payload.bytes(records.get(gram)!);
    for (const gram of marked) payload.bytes(markers.get(gram)!);
    return writeContainer({ pages: pages.length, grams: grams.length, traditional: marked.length }, payload.finish());
  });
  return { shards, layout, heavy };
}

/** The Traditional dictionary and grams of the pages' normalised texts (as the build's traditionalOf). */
export type ReferenceTraditional = (texts: readonly string[]) => { dictionary: string; grams: readonly string[] };

/** Every search file for these fragments, by its path in the bundle (before gzip), as the derive made them before it streamed. */
export function referenceSearchFiles(
  fragments: ReadonlyArray<{ id: string; fragment: PagefindFragment }>,
  hash: (bytes: Uint8Array) => string,
  traditionalOf: ReferenceTraditional,
): Map<string, string | Uint8Array> {
  const sources: Array<PageSource & { text: string; headings: string[] }> = fragments
    .map(({ id, fragment }) => ({
      id,
      url: fragment.url,
      meta: fragment.meta,
      filters: fragment.filters,
      text: pageText(fragment.content),
      headings: pageHeadings(fragment),
    }))
    .sort(comparePages);
  const traditional = traditionalOf(sources.map((page) => normaliseText(page.text)));
  const { shards, layout, heavy } = referenceTermShards(
    sources.map((page) => ({ text: page.text, title: page.meta.title ?? '', headings: page.headings })),
    traditional.grams,
  );
  const split = new Map(sources.map((page) => [page.id, textBlocks(page.text)]));
  const chunks = buildDisplayChunks(
    sources.map((page) => {
      const starts = split.get(page.id)!.starts;
      return starts.length > 1 ? { ...page, blocks: starts } : page;
    }),
    CHUNK_PAGES,
  );
  const encoder = new TextEncoder();
  const shardNames = shards.map(hash);
  const directories = shardDirectories(shardNames);
  const names: FileNames = {
    directories: directories.map((directory) => hash(encoder.encode(directory))),
    chunks: chunks.map((chunk) => hash(encoder.encode(chunk))),
    traditional: hash(encoder.encode(traditional.dictionary)),
    filters: hash(buildFiltersFile(sources)),
  };
  const files = new Map<string, string | Uint8Array>();
  files.set(searchFilePaths.filters(names.filters), buildFiltersFile(sources));
  files.set(searchFilePaths.facts, buildVersionedFacts(sources, names, { hashed: layout.hashed, heavy }, hash).facts);
  shards.forEach((shard, n) => files.set(searchFilePaths.shard(shardNames[n]!, n), shard));
  directories.forEach((directory, d) => files.set(searchFilePaths.directory(names.directories[d]!, d), directory));
  chunks.forEach((chunk, n) => files.set(searchFilePaths.chunk(names.chunks[n]!, n), chunk));
  for (const page of sources) files.set(searchFilePaths.text(page.id), page.text);
  for (const [id, { blocks }] of split)
    if (blocks.length > 1) blocks.forEach((block, n) => files.set(searchFilePaths.block(id, n), block));
  files.set(searchFilePaths.traditional(names.traditional), traditional.dictionary);
  return files;
}
