import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadTaxonomy } from '../lib/taxonomy.ts';
import { IngestError } from './errors.ts';
import {
  applyLabelCorrections,
  LABEL_CORRECTIONS_FILE,
  parseLabelCorrections,
  type PlacedLabelCorrection,
  unusedCorrections,
} from './label-corrections.ts';
import { extractArticleMetrics } from './metrics/article.ts';
import { ingestSeed } from './pipeline.ts';
import { decodeSeed, type SeedText } from './read.ts';
import { refuseRepeatedText, type SeenParagraph } from './repeats.ts';
import { SEED_FILE_NAME } from '../schemas/article.ts';
import { planWrite, type WriteAction } from './write.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';

/** The effects ingest needs, passed in so tests run it on a temporary folder silently. */
export interface IngestEffects {
  readDir(dir: string): Promise<string[]>;
  readBytes(path: string): Promise<Uint8Array>;
  readText(path: string): Promise<string | undefined>;
  /** Write atomically: a reader never sees half a file. */
  writeText(path: string, text: string): Promise<void>;
  log(line: string): void;
  error(line: string): void;
}

/** The file operations an atomic write uses; passed in so a test can make one fail midway. */
export interface WriteFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, text: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

const nodeFs: WriteFs = { mkdir, writeFile, rename, rm };

/**
 * Write a file so that no reader ever sees half of it: write a temporary file beside it, then rename
 * it over the target. If anything fails (disk full, a crash mid-write), the temporary file is removed,
 * the target keeps its old content (or stays absent), and the error is passed on.
 */
export async function writeFileAtomic(path: string, text: string, fs: WriteFs = nodeFs): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temp, text, 'utf8');
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export const nodeEffects: IngestEffects = {
  readDir: async (dir) => {
    try {
      return await readdir(dir);
    } catch {
      return [];
    }
  },
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  readText: async (path) => {
    try {
      return await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  writeText: (path, text) => writeFileAtomic(path, text),
  log: (line) => console.log(line),
  error: (line) => console.error(line),
};

export interface IngestOptions {
  root: string;
  force: boolean;
  effects: IngestEffects;
}

export interface IngestReport {
  actions: Array<{ slug: string; file: string; action: WriteAction }>;
  errors: IngestError[];
}

/** What ingest knows of the entries on disk: which (seed file, part) and which seed bytes each came from. */
interface EntriesOnDisk {
  /** `file#part` → slug. */
  bySource: Map<string, string>;
  /** `sha256#part` → the entry made from those bytes, to follow a renamed seed. */
  byHash: Map<string, { slug: string; file: string }>;
  /** Every slug on disk, hand-written entries included: ingest must never write over one. */
  slugs: Set<string>;
  /** Entries whose frontmatter cannot be read and whose source cannot be made out either. */
  unknown: string[];
}

interface SourceClaim {
  file: string;
  part: number;
  sha256: string | undefined;
}

/** The source block of an entry's frontmatter, read as YAML. */
function sourceFromYaml(yaml: string): SourceClaim | undefined {
  const source = (parseYaml(yaml) as { source?: { file?: unknown; part?: unknown; sha256?: unknown } } | null)?.source;
  if (typeof source?.file !== 'string') return undefined;
  const sha256 = typeof source.sha256 === 'string' ? source.sha256 : undefined;
  return { file: source.file, part: Number(source.part ?? 1), sha256 };
}

/** The source block picked out line by line, for an entry whose YAML does not parse as a whole. */
function sourceFromLines(text: string): SourceClaim | undefined {
  const block = /^source:\n((?:[ \t]+.*\n)+)/mu.exec(text)?.[1] ?? '';
  const field = (name: string) =>
    new RegExp(`^[ \\t]+${name}:[ \\t]*['"]?([^'"\\n]*?)['"]?[ \\t]*$`, 'mu').exec(block)?.[1];
  const file = field('file');
  if (!file) return undefined;
  return { file, part: Number(field('part') ?? 1), sha256: field('sha256') };
}

async function existingEntries(dir: string, effects: IngestEffects): Promise<EntriesOnDisk> {
  const found: EntriesOnDisk = { bySource: new Map(), byHash: new Map(), slugs: new Set(), unknown: [] };
  for (const name of (await effects.readDir(dir)).filter((n) => n.endsWith('.mdx')).sort()) {
    const slug = name.slice(0, -4);
    found.slugs.add(slug);
    const raw = await effects.readText(join(dir, name));
    const split = raw === undefined ? undefined : splitFrontmatter(raw);
    if (!split?.ok) continue;
    const { yaml } = split;
    let source: SourceClaim | undefined;
    try {
      source = sourceFromYaml(yaml);
    } catch {
      // Broken frontmatter: the entry is an editor's (its hash no longer holds), so it is left alone;
      // its source, read line by line, still keeps ingest from writing the same article under a new name.
      source = sourceFromLines(`${yaml}\n`);
      const known = source ? ` (it came from seeds/${source.file}, part ${source.part}; ingest leaves it alone)` : '';
      effects.error(
        `warning  content/articles/${name}: its frontmatter is not valid YAML${known} — fix: npm run check shows the line to correct`,
      );
      if (!source) found.unknown.push(`content/articles/${name}`);
    }
    if (!source) continue;
    found.bySource.set(`${source.file}#${source.part}`, slug);
    if (source.sha256) found.byHash.set(`${source.sha256}#${source.part}`, { slug, file: source.file });
  }
  return found;
}

/** The error for a seed that cannot be read at all, in words an editor can act on. */
function unreadable(file: string, error: unknown): IngestError {
  const code = (error as { code?: unknown } | null)?.code;
  const words: Record<string, { message: string; fix: string }> = {
    EISDIR: {
      message: 'is a folder, not a file',
      fix: 'move the folder out of seeds/ or rename it (seeds/ holds only the .txt originals)',
    },
    ENOENT: {
      message: 'is a link to a file that does not exist',
      fix: 'copy the original text file into seeds/ in place of the link, or delete the link',
    },
    ELOOP: { message: 'is a link that points back to itself', fix: 'replace the link with the original text file' },
    EACCES: { message: 'cannot be read (permission denied)', fix: `make it readable: \`chmod a+r ${file}\`` },
  };
  const known = typeof code === 'string' ? words[code] : undefined;
  return new IngestError({
    file,
    ...(known ?? {
      message: `cannot be read (${error instanceof Error ? error.message : String(error)})`,
      fix: 'check that it is an ordinary, readable text file',
    }),
  });
}

/** A seed as read from disk: its text, or why it cannot be used. */
type ReadSeed = { name: string; seed: SeedText } | { name: string; error: IngestError };

const isSeedName = (name: string) => SEED_FILE_NAME.test(name);

/** Ingest every seeds/*.txt into content/articles/*.mdx. One bad file does not stop the others. */
export async function runIngest({ root, force, effects }: IngestOptions): Promise<IngestReport> {
  const seedsDir = join(root, 'seeds');
  const articlesDir = join(root, 'content', 'articles');
  const taxonomy = loadTaxonomy(root);
  const onDisk = await existingEntries(articlesDir, effects);
  const taken = onDisk.slugs;
  const report: IngestReport = { actions: [], errors: [] };
  const fail = (error: IngestError) => {
    report.errors.push(error);
    effects.error(`error  ${error.format()}`);
  };

  // Every entry's labels depend on it: a broken corrections file stops the run before anything is written.
  let labelCorrections: PlacedLabelCorrection[];
  try {
    labelCorrections = parseLabelCorrections((await effects.readText(join(root, LABEL_CORRECTIONS_FILE))) ?? '');
  } catch (error) {
    fail(error instanceof IngestError ? error : internalError(LABEL_CORRECTIONS_FILE, error));
    return report;
  }

  // Articles whose labels were looked up in the corrections this run.
  const corrected = new Set<string>();

  const names = (await effects.readDir(seedsDir)).sort();
  for (const name of names.filter((n) => !isSeedName(n) && !n.startsWith('.')))
    effects.log(`skipped  seeds/${name}: not a .txt file (ingest reads only *.txt)`);

  // Read every seed first, so duplicates are judged across the whole folder whatever their names.
  const read: ReadSeed[] = [];
  for (const name of names.filter(isSeedName)) {
    const file = `seeds/${name}`;
    try {
      read.push({ name, seed: decodeSeed(file, await effects.readBytes(join(seedsDir, name))) });
    } catch (error) {
      read.push({ name, error: error instanceof IngestError ? error : unreadable(file, error) });
    }
  }
  const present = new Set(read.map((r) => r.name));
  // Of byte-identical seeds, the one an entry already cites is the original; otherwise the first by name.
  const original = new Map<string, string>();
  for (const r of read) {
    if (!('seed' in r)) continue;
    const current = original.get(r.seed.sha256);
    if (current === undefined || (!onDisk.bySource.has(`${current}#1`) && onDisk.bySource.has(`${r.name}#1`)))
      original.set(r.seed.sha256, r.name);
  }
  // Long paragraphs of the seeds accepted so far: text repeated word for word is refused, not written twice.
  const seenParagraphs = new Map<string, SeenParagraph>();

  for (const r of read) {
    if (!('seed' in r)) {
      fail(r.error);
      continue;
    }
    const { name, seed } = r;
    let planned;
    try {
      const first = original.get(seed.sha256);
      if (first !== undefined && first !== name) {
        throw new IngestError({
          file: seed.file,
          message: `has exactly the same bytes as seeds/${first}`,
          fix: `keep one of the two: delete seeds/${name} (seeds/ holds each original once)`,
        });
      }
      const renamedFrom = new Map<number, { slug: string; file: string }>();
      const entries = ingestSeed(seed, {
        taxonomy,
        existingSlug: (source, part) => {
          const slug = onDisk.bySource.get(`${source}#${part}`);
          if (slug) return slug;
          // The same bytes under a name no longer in seeds/: the seed was renamed, and its entry follows it.
          const earlier = onDisk.byHash.get(`${seed.sha256}#${part}`);
          if (earlier && !present.has(earlier.file)) {
            renamedFrom.set(part, earlier);
            return earlier.slug;
          }
          return undefined;
        },
        takenSlugs: taken,
        extractMetrics: (parsed, year, slug) => {
          corrected.add(slug);
          return applyLabelCorrections(slug, extractArticleMetrics(parsed, year, taxonomy), labelCorrections);
        },
      });
      refuseRepeatedText(
        seed.file,
        entries.map((e) => e.parsed),
        seenParagraphs,
      );
      // A new entry could duplicate one whose frontmatter ingest cannot read: create nothing until it is fixed.
      const unknownEntry = onDisk.unknown[0];
      const fresh = entries.some((_, i) => !onDisk.bySource.has(`${name}#${i + 1}`) && !renamedFrom.has(i + 1));
      if (unknownEntry && fresh) {
        throw new IngestError({
          file: seed.file,
          message: `would get a new entry, but ${unknownEntry} has frontmatter ingest cannot read, so it may already hold this article`,
          fix: `correct ${unknownEntry} (npm run check shows where), then run npm run ingest again`,
        });
      }
      // Plan the whole file first: nothing is written for a seed that fails part-way.
      planned = await Promise.all(
        entries.map(async (entry, index) => {
          const path = join(articlesDir, `${entry.slug}.mdx`);
          const existing = await effects.readText(path);
          return { entry, path, action: planWrite(existing, entry.mdx, force), renamed: renamedFrom.get(index + 1) };
        }),
      );
    } catch (error) {
      fail(error instanceof IngestError ? error : internalError(seed.file, error));
      continue;
    }
    for (const { entry, path, action, renamed } of planned) {
      taken.add(entry.slug);
      if (action === 'create' || action === 'update' || action === 'overwrite') {
        try {
          await effects.writeText(path, entry.mdx);
        } catch (error) {
          // A full disk or a lost folder stops the run: every later write would fail the same way.
          throw new Error(
            `could not write content/articles/${entry.slug}.mdx: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
      }
      report.actions.push({ slug: entry.slug, file: name, action });
      const verb = {
        create: 'created',
        update: 'updated',
        unchanged: 'unchanged',
        overwrite: 'overwrote (--force) the edited',
        'skip-edited': 'skipped (edited by hand since ingest wrote it; --force overwrites)',
      }[action];
      effects.log(`${verb.padEnd(9)} content/articles/${entry.slug}.mdx  ← seeds/${name}`);
      if (renamed) {
        const follow =
          action === 'skip-edited'
            ? `; content/articles/${entry.slug}.mdx was edited by hand, so ingest left it alone: set its source.file to ${name}`
            : `: content/articles/${entry.slug}.mdx now cites the new name`;
        effects.log(`renamed  seeds/${renamed.file} was renamed seeds/${name}${follow}`);
      }
    }
  }
  for (const line of unusedCorrections(labelCorrections, corrected)) effects.log(`warning  ${line}`);
  return report;
}

/** A bug in ingest on one file: reported like any other per-file failure, so the other seeds still go in. */
function internalError(file: string, error: unknown): IngestError {
  return new IngestError({
    file,
    message: `ingest failed on this file (${error instanceof Error ? error.message : String(error)})`,
    fix: 'report this with the file attached; the other seeds were ingested',
  });
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  let report: IngestReport;
  try {
    report = await runIngest({ root: process.cwd(), force, effects: nodeEffects });
  } catch (error) {
    console.error(
      `ingest stopped: ${error instanceof Error ? error.message : String(error)} — entries already written are whole; fix the cause (free disk space, check permissions) and run npm run ingest again`,
    );
    process.exitCode = 1;
    return;
  }
  const count = (a: WriteAction) => report.actions.filter((x) => x.action === a).length;
  const failed = report.errors.map((e) => e.file);
  console.log(
    `ingest: ${report.actions.length} entries (${count('create')} created, ${count('update')} updated, ${count('unchanged')} unchanged, ${count('skip-edited')} skipped as edited, ${count('overwrite')} overwritten); ${failed.length} file(s) failed${failed.length > 0 ? `: ${failed.join(', ')}` : ''}`,
  );
  if (failed.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
