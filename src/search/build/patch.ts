import {
  CHUNK_PAGES,
  buildDisplayChunks,
  buildFiltersFile,
  comparePages,
  type FileNames,
  type PageSource,
} from '../shared/pages.ts';
import {
  SHARDS_PER_DIRECTORY,
  buildVersionedFacts,
  searchFilePaths,
  shardDirectories,
  textBlocks,
  type DeriveState,
  type DerivedPage,
  type SearchFile,
  type TraditionalSource,
} from '../shared/files.ts';
import {
  SHARD_BYTES,
  hashShardCount,
  gramHash,
  gramRecordBytes,
  pageEntries,
  readTermShard,
  shardLayout,
  shardOf,
  weightClass,
  writeTermShard,
  type GramPostings,
  type IndexedPage,
  type PageEntry,
} from '../shared/terms.ts';
import { PHRASE_MIN_PAGES, PhraseFinder, choosePhrases, phraseSample } from '../shared/phrases.ts';
import { normaliseText } from '../shared/query.ts';

/**
 * The incremental derive: when a few pages changed and none was added, removed or moved, their search
 * files are patched from the last build's (DeriveState) instead of derived again from every page. Only
 * the changed pages are read, and only the records of the grams whose entries for them changed are
 * rewritten. The result is byte for byte what a full derive of the same pages writes
 * (tests/unit/search/patch.test.ts); where a patch could not promise that (the shard layout or the
 * phrases would change), it says why and the build derives every file again.
 */

/** More changed pages than this and the build derives every file again: patching is for an editor's few changes. */
export const MAX_PATCHED_PAGES = 16;

/** A page whose fragment changed: where it is filed, what it is filed as now, and what it indexed before and now. */
export interface PageChange {
  /** Its page number (its place in page order), which the patch keeps. */
  position: number;
  /** The page as Pagefind describes it now (its id changes with its fragment). */
  source: PageSource;
  before: IndexedPage;
  after: IndexedPage;
}

export type PatchResult =
  | { patched: false; reason: string }
  | {
      patched: true;
      /** The files that changed (and the facts file), each as a full derive would write it. */
      files: SearchFile[];
      state: DeriveState;
      /** The archive's grams, when a gram came into the texts or left them (else unchanged). */
      textGrams?: string[];
    };

export interface PatchSource {
  state: DeriveState;
  changes: readonly PageChange[];
  /** Shard n of the last build, unzipped. */
  readShard: (n: number) => Uint8Array;
  /** An unchanged page's text as the last build filed it (read only to choose the phrases again; see below). */
  pageText: (position: number) => string;
  /** The last build's archive grams (read only when a gram comes into the texts or leaves them). */
  textGrams: () => string[];
  traditionalOf: TraditionalSource;
  hash: (bytes: Uint8Array) => string;
}

/** Is this gram counted among the archive's grams (TermIndexBuilder.textGrams: characters and pairs in some text)? */
const isTextGram = (gram: string, postings: GramPostings | undefined): boolean =>
  postings !== undefined && postings.traditional !== true && postings.pages.length > 0 && [...gram].length <= 2;

function sameEntry(a: PageEntry | undefined, b: PageEntry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.level !== b.level || a.title !== b.title || a.heading !== b.heading) return false;
  const [x, y] = [a.positions ?? [], b.positions ?? []];
  return x.length === y.length && x.every((value, i) => value === y[i]);
}

const ascending = (a: number, b: number): number => a - b;

/** A Traditional marker's entry in a shard, as readTermShard reads one: a gram no page holds. */
const MARKER: GramPostings = {
  pages: new Uint32Array(0),
  levels: new Uint8Array(0),
  positions: [],
  title: new Uint32Array(0),
  heading: new Uint32Array(0),
  traditional: true,
};

/** A gram's record with these pages' entries replaced (an undefined entry: the page no longer holds the gram). */
function withEntries(
  old: GramPostings | undefined,
  entries: ReadonlyMap<number, PageEntry | undefined>,
  pair: boolean,
): GramPostings {
  const text: Array<{ page: number; level: number; positions: Uint32Array | undefined }> = [];
  (old?.pages ?? []).forEach((page, i) => {
    if (!entries.has(page)) text.push({ page, level: old!.levels[i]!, positions: old!.positions[i] });
  });
  const keep = (pages: Uint32Array | undefined): number[] => [...(pages ?? [])].filter((page) => !entries.has(page));
  const title = keep(old?.title);
  const heading = keep(old?.heading);
  for (const [page, entry] of entries) {
    if (entry?.level !== undefined) text.push({ page, level: entry.level, positions: entry.positions });
    if (entry?.title === true) title.push(page);
    if (entry?.heading === true) heading.push(page);
  }
  text.sort((a, b) => a.page - b.page);
  return {
    pages: Uint32Array.from(text, (t) => t.page),
    levels: Uint8Array.from(text, (t) => t.level),
    positions: pair ? text.map((t) => t.positions ?? new Uint32Array(0)) : [],
    title: Uint32Array.from(title.sort(ascending)),
    heading: Uint32Array.from(heading.sort(ascending)),
  };
}

/** Does this page still sort where it was (comparePages), between the pages before and after it? */
function staysInPlace(pages: readonly PageSource[], position: number, page: PageSource): boolean {
  const before = pages[position - 1];
  const after = pages[position + 1];
  return (
    (before === undefined || comparePages(before, page) < 0) && (after === undefined || comparePages(page, after) < 0)
  );
}

/** Patch the last build's search files for these changed pages (see the module's comment). */
export function patchSearchFiles(source: PatchSource): PatchResult {
  const { state, changes, hash } = source;
  const encoder = new TextEncoder();
  const pageCount = state.pages.length;
  if (changes.length > MAX_PATCHED_PAGES) return { patched: false, reason: `${changes.length} pages changed` };
  const pages: DerivedPage[] = [...state.pages];
  const files: SearchFile[] = [];
  for (const change of changes) {
    if (!staysInPlace(pages, change.position, change.source))
      return { patched: false, reason: `${change.source.url} moved in page order` };
    const { id, url, meta, filters } = change.source;
    const text = change.after.text;
    const { blocks, starts } = textBlocks(text);
    const textLength = normaliseText(text).length;
    pages[change.position] =
      starts.length > 1
        ? { id, url, meta, filters, textLength, blocks: starts }
        : { id, url, meta, filters, textLength };
    files.push({ kind: 'text', id, data: text });
    if (blocks.length > 1) blocks.forEach((data, n) => files.push({ kind: 'block', id, n, data }));
  }

  // A changed page among those the phrases were chosen from: they are chosen again, from the sample's texts.
  const sample = phraseSample(state.pages.map((page) => gramHash(page.url)));
  const sampled = new Set(sample.pages);
  if (pageCount >= PHRASE_MIN_PAGES && changes.some((change) => sampled.has(change.position))) {
    const changedText = new Map(changes.map((change) => [change.position, change.after.text]));
    const texts = sample.pages.map((i) => normaliseText(changedText.get(i) ?? source.pageText(i)));
    const chosen = choosePhrases(texts, sample.scale, pageCount);
    if (chosen.length !== state.phrases.length || chosen.some((phrase, i) => phrase !== state.phrases[i]))
      return { patched: false, reason: 'the phrases indexed whole change' };
  }

  // Which grams' entries changed, page by page.
  const phrases = new PhraseFinder(state.phrases);
  const changed = new Map<string, Map<number, PageEntry | undefined>>();
  for (const change of changes) {
    const before = pageEntries(change.before, phrases);
    const after = pageEntries(change.after, phrases);
    for (const gram of new Set([...before.keys(), ...after.keys()])) {
      const entry = after.get(gram);
      if (sameEntry(before.get(gram), entry)) continue;
      const entries = changed.get(gram) ?? new Map<number, PageEntry | undefined>();
      entries.set(change.position, entry);
      changed.set(gram, entries);
    }
  }

  // Their records, shard by shard, with the sizes the layout was chosen from.
  const hashed = state.payloadBytes.length - state.heavy.keys.length;
  const layout = shardLayout(hashed, state.heavy);
  const payloadBytes = [...state.payloadBytes];
  const shards = new Map<number, Map<string, GramPostings>>();
  const shardWith = (gram: string): { n: number; shard: Map<string, GramPostings> } => {
    const n = shardOf(gram, layout);
    let shard = shards.get(n);
    if (shard === undefined) {
      shard = readTermShard(source.readShard(n));
      shards.set(n, shard);
    }
    return { n, shard };
  };
  const entered: string[] = [];
  const left = new Set<string>();
  const emptied: string[] = [];
  for (const [gram, entries] of changed) {
    const { n, shard } = shardWith(gram);
    const old = shard.get(gram);
    const record = withEntries(old?.traditional === true ? undefined : old, entries, [...gram].length === 2);
    const held = record.pages.length + record.title.length + record.heading.length > 0;
    // A gram no page holds any more leaves the index (it may come back as a marker, below).
    if (held) shard.set(gram, record);
    else {
      shard.delete(gram);
      emptied.push(gram);
    }
    const oldBytes = old === undefined ? 0 : gramRecordBytes(gram, old, pageCount);
    const newBytes = held ? gramRecordBytes(gram, record, pageCount) : 0;
    const heavyBefore = old?.traditional !== true && oldBytes > SHARD_BYTES;
    if (heavyBefore !== newBytes > SHARD_BYTES)
      return { patched: false, reason: `the record of ${gram} crossed ${SHARD_BYTES} bytes (the heavy grams change)` };
    payloadBytes[n] = payloadBytes[n]! + newBytes - oldBytes;
    if (!isTextGram(gram, old) && held && isTextGram(gram, record)) entered.push(gram);
    if (isTextGram(gram, old) && !(held && isTextGram(gram, record))) left.add(gram);
  }

  // A gram that came into the texts or left them may change the Traditional dictionary and the Traditional forms
  // the shards mark where no page holds them: both made again from the archive's grams, as a full derive makes them.
  let textGrams: string[] | undefined;
  let traditionalGrams = state.traditionalGrams;
  let dictionary: Extract<SearchFile, { kind: 'traditional' }> | undefined;
  if (entered.length > 0 || left.size > 0) {
    textGrams = [...source.textGrams().filter((gram) => !left.has(gram)), ...entered];
    const traditional = source.traditionalOf(textGrams);
    const name = hash(encoder.encode(traditional.dictionary));
    if (name !== state.names.traditional) {
      dictionary = { kind: 'traditional', name, data: traditional.dictionary };
      files.push(dictionary);
    }
    traditionalGrams = [...traditional.grams];
  }
  const forms = new Set(traditionalGrams);
  const formsBefore = new Set(state.traditionalGrams);
  const maybeMarked = new Set([
    ...emptied,
    ...traditionalGrams.filter((gram) => !formsBefore.has(gram)),
    ...state.traditionalGrams.filter((gram) => !forms.has(gram)),
  ]);
  for (const gram of maybeMarked) {
    const { n, shard } = shardWith(gram);
    const found = shard.get(gram);
    if (found !== undefined && found.traditional !== true) continue;
    if (forms.has(gram) && found === undefined) {
      shard.set(gram, MARKER);
      payloadBytes[n] = payloadBytes[n]! + gramRecordBytes(gram, MARKER, pageCount);
    } else if (!forms.has(gram) && found !== undefined) {
      shard.delete(gram);
      payloadBytes[n] = payloadBytes[n]! - gramRecordBytes(gram, found, pageCount);
    }
  }
  const hashedBytes = payloadBytes.slice(0, hashed).reduce((sum, bytes) => sum + bytes, 0);
  if (hashShardCount(hashedBytes) !== hashed) return { patched: false, reason: 'the hash shards would be re-counted' };

  // The shards that changed, their directories, the display chunks, the filters and the facts.
  const shardNames = [...state.shardNames];
  const directories = new Set<number>();
  for (const [n, shard] of [...shards].sort(([a], [b]) => a - b)) {
    const data = writeTermShard(shard, pageCount);
    const name = hash(data);
    if (name === shardNames[n]) continue;
    shardNames[n] = name;
    files.push({ kind: 'shard', n, name, data });
    directories.add(Math.floor(n / SHARDS_PER_DIRECTORY));
  }
  const names: FileNames = {
    ...state.names,
    directories: [...state.names.directories],
    chunks: [...state.names.chunks],
    traditional: dictionary?.name ?? state.names.traditional,
  };
  const listed = shardDirectories(shardNames);
  for (const d of [...directories].sort(ascending)) {
    const data = listed[d]!;
    names.directories[d] = hash(encoder.encode(data));
    files.push({ kind: 'directory', n: d, name: names.directories[d], data });
  }
  for (const c of [...new Set(changes.map((change) => Math.floor(change.position / CHUNK_PAGES)))].sort(ascending)) {
    const data = buildDisplayChunks(pages.slice(c * CHUNK_PAGES, (c + 1) * CHUNK_PAGES), CHUNK_PAGES)[0]!;
    names.chunks[c] = hash(encoder.encode(data));
    files.push({ kind: 'chunk', n: c, name: names.chunks[c], data });
  }
  const filters = buildFiltersFile(pages);
  names.filters = hash(filters);
  files.push({ kind: 'filters', name: names.filters, data: filters });
  const heavy = {
    ...state.heavy,
    weights: state.heavy.keys.map((_, i) => weightClass(payloadBytes[hashed + i]!)),
  };
  const facts = buildVersionedFacts(pages, names, { hashed, heavy }, hash);
  files.push({ kind: 'facts', data: facts.facts });
  const next: DeriveState = { ...state, pages, heavy, payloadBytes, shardNames, names, traditionalGrams };
  return textGrams === undefined
    ? { patched: true, files, state: next }
    : { patched: true, files, state: next, textGrams };
}

/** Every file a derive with this state wrote (their paths in the bundle): what the bundle holds, and nothing else. */
export function derivedPaths(state: DeriveState): Set<string> {
  const paths = new Set<string>([searchFilePaths.facts, searchFilePaths.filters(state.names.filters)]);
  paths.add(searchFilePaths.traditional(state.names.traditional));
  state.shardNames.forEach((name, n) => paths.add(searchFilePaths.shard(name, n)));
  state.names.directories.forEach((name, d) => paths.add(searchFilePaths.directory(name, d)));
  state.names.chunks.forEach((name, c) => paths.add(searchFilePaths.chunk(name, c)));
  for (const page of state.pages) {
    paths.add(searchFilePaths.text(page.id));
    (page.blocks ?? []).forEach((_, n) => paths.add(searchFilePaths.block(page.id, n)));
  }
  return paths;
}
