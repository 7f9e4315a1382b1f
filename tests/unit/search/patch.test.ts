import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/support/random.ts';
import { patchSearchFiles, derivedPaths, type PageChange } from '../../../src/search/build/patch.ts';
import { buildTraditionalDictionary, traditionalGrams } from '../../../src/search/build/traditional.ts';
import {
  deriveSearchFiles,
  indexedPage,
  searchFilePath,
  searchFilePaths,
  type PagefindFragment,
  type TraditionalSource,
} from '../../../src/search/shared/files.ts';

// The oracle is the full derive: a patch must give every file, byte for byte, that deriving all pages again gives.

const POOL = [...'卫生健康医疗服务县局乡镇村家庭签约急救电话中医药国医堂的一是在了和人abcXY1234，。、；：“”𠀋😀'];
const hash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 10);
const traditionalOf: TraditionalSource = (grams) => {
  const dictionary = buildTraditionalDictionary(grams);
  return { dictionary, grams: traditionalGrams(dictionary, grams) };
};
const bytesOf = (data: string | Uint8Array): Buffer => Buffer.from(data);

function randomFragments(seed: number, count: number, common = ''): PagefindFragment[] {
  const random = seededRandom(seed);
  const text = (min: number, max: number) =>
    Array.from({ length: random.int(min, max) }, () => random.pick(POOL)).join('');
  return Array.from({ length: count }, (_, i) => ({
    url: `/articles/p${String(i).padStart(5, '0')}/`,
    content: `${common}${text(1, random.chance(0.1) ? 3000 : 300)}`,
    meta: { title: text(1, 12), year: String(2018 + (i % 3)) },
    filters: { region: [random.pick(['巨野县', '济阳区', '高青县'])] },
    anchors: Array.from({ length: random.int(0, 2) }, () => ({ element: 'h2', text: text(1, 8) })),
  }));
}

/** A fragment's id as Pagefind names it: a hash of what it indexed, so a changed page gets a new id. */
const idOf = (fragment: PagefindFragment): string => `zh_${hash(bytesOf(JSON.stringify(fragment)))}`;

function deriveAll(fragments: readonly PagefindFragment[]) {
  const files = new Map<string, Buffer>();
  const sources = fragments
    .map((fragment) => ({ id: idOf(fragment), read: () => fragment }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const { state, textGrams } = deriveSearchFiles(sources, hash, traditionalOf, (file) =>
    files.set(searchFilePath(file), bytesOf(file.data)),
  );
  return { files, state, textGrams };
}

/** Patch `built` (the derive of `before`) for the pages that differ in `after`; the bundle it leaves, or why not. */
function patchAll(built: ReturnType<typeof deriveAll>, before: PagefindFragment[], after: PagefindFragment[]) {
  const positions = new Map(built.state.pages.map((page, i) => [page.url, i]));
  const changes: PageChange[] = after.flatMap((fragment, i) => {
    if (JSON.stringify(fragment) === JSON.stringify(before[i])) return [];
    const { url, meta, filters } = fragment;
    return [
      {
        position: positions.get(url)!,
        source: { id: idOf(fragment), url, meta, filters },
        before: indexedPage(before[i]!),
        after: indexedPage(fragment),
      },
    ];
  });
  const read = (path: string): Buffer => {
    const file = built.files.get(path);
    if (file === undefined) throw new Error(`no ${path}`);
    return file;
  };
  const textsRead: number[] = [];
  const result = patchSearchFiles({
    state: built.state,
    changes,
    readShard: (n) => read(searchFilePaths.shard(built.state.shardNames[n]!, n)),
    pageText: (position) => {
      textsRead.push(position);
      return read(searchFilePaths.text(built.state.pages[position]!.id)).toString('utf8');
    },
    textGrams: () => built.textGrams,
    traditionalOf,
    hash,
  });
  if (!result.patched) return { reason: result.reason };
  const written = new Map(result.files.map((file) => [searchFilePath(file), bytesOf(file.data)]));
  const files = new Map([...derivedPaths(result.state)].map((path) => [path, written.get(path) ?? read(path)]));
  return { files, state: result.state, textGrams: result.textGrams, written, textsRead };
}

function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, bytes] of expected) expect(actual.get(path)!.equals(bytes), path).toBe(true);
}

const edited = (fragments: PagefindFragment[], edits: Record<number, (f: PagefindFragment) => PagefindFragment>) =>
  fragments.map((fragment, i) => edits[i]?.(fragment) ?? fragment);

describe('patchSearchFiles: the files of a full derive, from the changed pages only', () => {
  it.each([
    [
      'a sentence added at the end',
      { 17: (f: PagefindFragment) => ({ ...f, content: `${f.content}急救电话是一二零。` }) },
    ],
    [
      'a sentence added at the start',
      { 3: (f: PagefindFragment) => ({ ...f, content: `县局签约家庭医生。${f.content}` }) },
    ],
    ['a text emptied', { 40: (f: PagefindFragment) => ({ ...f, content: '' }) }],
    [
      'a title, a heading and a filter changed',
      {
        5: (f: PagefindFragment) => ({
          ...f,
          meta: { ...f.meta, title: '中医药国医堂' },
          anchors: [{ element: 'h3', text: '乡镇卫生院' }],
          filters: { region: ['新区'] },
        }),
      },
    ],
    [
      'three pages, one with a character no page had',
      {
        0: (f: PagefindFragment) => ({ ...f, content: `${f.content}和平` }),
        31: (f: PagefindFragment) => ({ ...f, content: f.content.slice(0, 20) }),
        59: (f: PagefindFragment) => ({ ...f, content: `${f.content}医生𠀋${f.content}` }),
      },
    ],
  ])('%s', (_, edits) => {
    const before = randomFragments(1, 60);
    const after = edited(before, edits);
    const patched = patchAll(deriveAll(before), before, after);
    const full = deriveAll(after);
    if ('reason' in patched) throw new Error(`not patched: ${patched.reason}`);
    expectSameFiles(patched.files, full.files);
    expect(patched.state).toEqual(full.state);
    if (patched.textGrams !== undefined) expect(patched.textGrams.sort()).toEqual([...full.textGrams].sort());
  });

  it('makes the Traditional dictionary again for a new character (龍 for 龙)', () => {
    const before = randomFragments(3, 60);
    const after = edited(before, { 10: (f) => ({ ...f, content: `${f.content}龙` }) });
    const patched = patchAll(deriveAll(before), before, after);
    if ('reason' in patched) throw new Error(`not patched: ${patched.reason}`);
    const full = deriveAll(after);
    expect([...patched.written.keys()].filter((path) => path.startsWith('traditional/'))).toHaveLength(1);
    expectSameFiles(patched.files, full.files);
    expect(patched.state).toEqual(full.state);
  });

  it('marks the Traditional forms of a new pair (康衛 for 康卫) as a full derive does', () => {
    const before = randomFragments(5, 60).map((f) => ({ ...f, content: `卫生健康医疗服务${f.url}` }));
    const after = edited(before, { 9: (f) => ({ ...f, content: `${f.content}康卫` }) });
    const built = deriveAll(before);
    const patched = patchAll(built, before, after);
    if ('reason' in patched) throw new Error(`not patched: ${patched.reason}`);
    const full = deriveAll(after);
    expect(full.state.traditionalGrams).toContain('康衛');
    expect(built.state.traditionalGrams).not.toContain('康衛');
    expectSameFiles(patched.files, full.files);
    expect(patched.state).toEqual(full.state);
  });

  it('writes only the shards whose records changed: a sentence added at the end leaves most alone', () => {
    const before = randomFragments(4, 400);
    const built = deriveAll(before);
    const after = edited(before, { 7: (f) => ({ ...f, content: `${f.content}急救电话。` }) });
    const patched = patchAll(built, before, after);
    if ('reason' in patched) throw new Error(`not patched: ${patched.reason}`);
    const shards = [...patched.written.keys()].filter((path) => path.startsWith('terms/'));
    expect(shards.length).toBeGreaterThan(0);
    expect(shards.length).toBeLessThan(built.state.shardNames.length / 4);
    expect(patched.written.size).toBeLessThan(shards.length * 2 + 8);
  });

  it('chooses the phrases again when a changed page is in their sample, and patches when they stay the same', () => {
    // 1,100 pages, each holding 家庭医生签约服务: an archive large enough for phrases.
    const before = randomFragments(2, 1_100, '家庭医生签约服务。');
    const built = deriveAll(before);
    expect(built.state.phrases).toContain('家庭医生签约服务');
    const after = edited(before, { 500: (f) => ({ ...f, content: `${f.content}乡镇卫生院。` }) });
    const patched = patchAll(built, before, after);
    if ('reason' in patched) throw new Error(`not patched: ${patched.reason}`);
    expect(patched.textsRead.length).toBeGreaterThan(1_000);
    expectSameFiles(patched.files, deriveAll(after).files);
  }, 60_000);

  it.each([
    [
      'a page that moves in page order (its year changed)',
      { 10: (f: PagefindFragment) => ({ ...f, meta: { ...f.meta, year: '2024' } }) },
      /moved in page order/u,
    ],
    [
      'a record that grows past SHARD_BYTES (a new heavy gram)',
      { 10: (f: PagefindFragment) => ({ ...f, content: `${f.content}${'卫生'.repeat(5_000)}` }) },
      /crossed|re-counted/u,
    ],
  ])('says why it does not patch %s', (_, edits, reason) => {
    const before = randomFragments(3, 60);
    const result = patchAll(deriveAll(before), before, edited(before, edits));
    expect('reason' in result ? result.reason : 'patched').toMatch(reason);
  });
});
