/**
 * Bad input across the ingest pipeline, from a seeded PRNG (same inputs every run; a failure names
 * the seed and case): truncated seeds (mid-character too), GBK bytes, random CJK/ASCII/control
 * text, huge lines, blank lines only, shuffled paragraphs with stray markup.
 * Ingest must either produce entries the content check accepts or refuse with an IngestError —
 * never crash otherwise — and must never leave a half-written or temporary file, even when a write
 * fails midway.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/content-check/read-content.ts';
import { nodeEffects, runIngest, writeFileAtomic, type IngestEffects, type WriteFs } from '../../../src/ingest/cli.ts';
import { IngestError } from '../../../src/ingest/errors.ts';
import { extractArticleMetrics } from '../../../src/ingest/metrics/article.ts';
import { ingestSeed } from '../../../src/ingest/pipeline.ts';
import { decodeSeed } from '../../../src/ingest/read.ts';
import { isUntouched } from '../../../src/ingest/to-mdx.ts';
import { checkContent, formatProblem, isError } from '../../../src/content-check/index.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';
import { fuzzInputs, realSeeds } from '../../support/fuzz-inputs.ts';
import { seededRandom } from '../../../scripts/support/random.ts';

const SEED = 20241125;
const CASES = 600;
const taxonomy = loadTaxonomy();
const seeds = realSeeds();
const committed = readContentFiles(process.cwd());

describe('the ingest pipeline on bad input', () => {
  it(`${CASES} generated inputs (PRNG seed ${SEED}): entries the content check accepts, or an IngestError`, () => {
    const inputs = fuzzInputs(seededRandom(SEED), seeds, CASES);
    const outcomes = { entries: 0, refused: 0 };
    for (const [i, input] of inputs.entries()) {
      const file = `seeds/fuzz-${i}.txt`;
      const where = `case ${i} (${input.kind}, ${input.bytes.length} bytes)`;
      let entries;
      try {
        entries = ingestSeed(decodeSeed(file, input.bytes), {
          taxonomy,
          extractMetrics: (parsed, year) => extractArticleMetrics(parsed, year, taxonomy),
        });
      } catch (error) {
        if (!(error instanceof IngestError))
          throw new Error(`${where}: crashed with ${String(error)}`, { cause: error });
        // A refusal an editor can act on: it names the file and says how to fix it.
        expect(error.file, where).toBe(file);
        expect(error.fix.length, where).toBeGreaterThan(0);
        outcomes.refused += 1;
        continue;
      }
      outcomes.entries += entries.length;
      // What ingest would write must pass the same check as the build (frontmatter, metrics quoted from the body, MDX).
      const problems = checkContent({
        ...committed,
        articles: entries.map((e) => ({ path: `content/articles/${e.slug}.mdx`, text: e.mdx })),
        stories: [],
        seeds: [...committed.seeds, `fuzz-${i}.txt`],
      }).filter(isError);
      expect(problems.map(formatProblem), where).toEqual([]);
      for (const entry of entries) expect(isUntouched(entry.mdx), where).toBe(true);
    }
    // Both outcomes occur: the generator makes usable text as well as garbage.
    expect(outcomes.entries).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(CASES / 2);
  });

  it('refuses the plainly unusable with the reason', () => {
    const refusal = (bytes: Uint8Array): string => {
      try {
        ingestSeed(decodeSeed('seeds/x.txt', bytes), { taxonomy });
        return 'accepted';
      } catch (error) {
        return error instanceof IngestError ? error.message : `crash: ${String(error)}`;
      }
    };
    const seed = seeds[0] as Uint8Array;
    expect(refusal(new Uint8Array())).toMatch(/empty/u);
    expect(refusal(new TextEncoder().encode('\n\u3000\n\r\n  \n'))).toMatch(/empty/u);
    // Cut in the middle of a three-byte character.
    const cut = seed.findIndex((b, i) => i > 100 && (b & 0xc0) === 0x80);
    expect(refusal(seed.slice(0, cut))).toMatch(/not valid UTF-8/u);
    expect(refusal(new Uint8Array([0xc9, 0xbd, 0xb6, 0xab, 0xca, 0xa1]))).toMatch(/GBK/u);
    expect(refusal(new TextEncoder().encode('\u0001\u0002abc\u0003'.repeat(50)))).toMatch(/binary/u);
  });
});

describe('npm run ingest on bad files, and when a write fails', () => {
  let root: string;
  const errors: string[] = [];
  const quiet: IngestEffects = { ...nodeEffects, log: () => undefined, error: (line) => errors.push(line) };
  const articles = () => join(root, 'content', 'articles');
  const leftovers = () => readdirSync(articles()).filter((f) => !f.endsWith('.mdx'));

  /** Every entry on disk is whole: ingest's own signature over the text still holds. */
  function expectWholeEntries(): void {
    for (const file of readdirSync(articles()).filter((f) => f.endsWith('.mdx'))) {
      expect(isUntouched(readFileSync(join(articles(), file), 'utf8')), file).toBe(true);
    }
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ingest-fuzz-'));
    mkdirSync(join(root, 'seeds'));
    mkdirSync(join(root, 'content', 'articles'), { recursive: true });
    copyFileSync('content/taxonomy.yaml', join(root, 'content', 'taxonomy.yaml'));
    errors.length = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('ingests the good seeds among 40 bad ones, reports each bad one, and writes only whole entries', async () => {
    for (const seed of readdirSync('seeds')) copyFileSync(join('seeds', seed), join(root, 'seeds', seed));
    for (const [i, input] of fuzzInputs(seededRandom(SEED + 1), seeds, 40).entries())
      writeFileSync(join(root, 'seeds', `zz-fuzz-${String(i).padStart(2, '0')}.txt`), input.bytes);
    const report = await runIngest({ root, force: false, effects: quiet });
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.errors.every((e) => e instanceof IngestError && e.file.startsWith('seeds/zz-fuzz-'))).toBe(true);
    expect(errors).toHaveLength(report.errors.length);
    // The real seeds still give their six entries.
    expect(
      report.actions
        .filter((a) => !a.file.startsWith('zz-'))
        .map((a) => a.slug)
        .sort(),
    ).toEqual(['jiyang-2024', 'juye-2020', 'juye-2020-2', 'liaocheng-2023', 'shanghe-2020', 'shanting-2018']);
    expectWholeEntries();
    expect(leftovers()).toEqual([]);
    const problems = checkContent(readContentFiles(root)).filter(isError);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('a write that fails midway leaves no half-written entry and no temporary file', async () => {
    for (const seed of readdirSync('seeds')) copyFileSync(join('seeds', seed), join(root, 'seeds', seed));
    let writes = 0;
    // The disk fills up during the third entry: half its text reaches the temporary file, then the write fails.
    const filling: WriteFs = {
      mkdir: async (path, options) => mkdirSync(path, options),
      writeFile: async (path, text, encoding) => {
        writes += 1;
        if (writes === 3) {
          writeFileSync(path, text.slice(0, text.length >> 1), encoding);
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        writeFileSync(path, text, encoding);
      },
      rename: async (from, to) => renameSync(from, to),
      rm: async (path, options) => rmSync(path, options),
    };
    const effects: IngestEffects = { ...quiet, writeText: (path, text) => writeFileAtomic(path, text, filling) };
    await expect(runIngest({ root, force: false, effects })).rejects.toThrow(/ENOSPC/u);
    expect(readdirSync(articles()).filter((f) => f.endsWith('.mdx'))).toHaveLength(2);
    expectWholeEntries();
    expect(leftovers()).toEqual([]);
    // The next run, with room on the disk, finishes the job.
    const report = await runIngest({ root, force: false, effects: quiet });
    expect(report.errors).toEqual([]);
    expect(readdirSync(articles()).filter((f) => f.endsWith('.mdx'))).toHaveLength(6);
    expectWholeEntries();
  });

  it('a failed rewrite keeps the old entry as it was', async () => {
    const path = join(articles(), 'x.mdx');
    writeFileSync(path, 'old text\n');
    const failingRename: WriteFs = {
      mkdir: async (p, o) => mkdirSync(p, o),
      writeFile: async (p, text, encoding) => writeFileSync(p, text, encoding),
      rename: async () => {
        throw new Error('EIO: i/o error, rename');
      },
      rm: async (p, o) => rmSync(p, o),
    };
    await expect(writeFileAtomic(path, 'new text\n', failingRename)).rejects.toThrow(/EIO/u);
    expect(readFileSync(path, 'utf8')).toBe('old text\n');
    expect(leftovers()).toEqual([]);
  });
});
