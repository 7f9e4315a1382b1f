import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadTaxonomy } from '../lib/taxonomy.ts';
import { IngestError } from './errors.ts';
import { extractArticleMetrics } from './metrics.ts';
import { ingestSeed } from './pipeline.ts';
import { decodeSeed } from './read.ts';
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

/** Which (seed file, part) each existing entry came from, so slugs stay put; and every slug on disk. */
async function existingEntries(
  dir: string,
  effects: IngestEffects,
): Promise<{ bySource: Map<string, string>; slugs: Set<string> }> {
  const bySource = new Map<string, string>();
  const slugs = new Set<string>();
  for (const name of (await effects.readDir(dir)).filter((n) => n.endsWith('.mdx')).sort()) {
    slugs.add(name.slice(0, -4));
    const text = await effects.readText(join(dir, name));
    const split = text === undefined ? undefined : splitFrontmatter(text);
    if (!split?.ok || !split.yaml) continue;
    const yaml = split.yaml;
    try {
      const data: unknown = parseYaml(yaml);
      const source = (data as { source?: { file?: unknown; part?: unknown } } | null)?.source;
      if (typeof source?.file === 'string')
        bySource.set(`${source.file}#${Number(source.part ?? 1)}`, name.slice(0, -4));
    } catch {
      // An entry with broken frontmatter is reported by the content check; here it just keeps no slug.
    }
  }
  return { bySource, slugs };
}

/** Ingest every seeds/*.txt into content/articles/*.mdx. One bad file does not stop the others. */
export async function runIngest({ root, force, effects }: IngestOptions): Promise<IngestReport> {
  const seedsDir = join(root, 'seeds');
  const articlesDir = join(root, 'content', 'articles');
  const taxonomy = loadTaxonomy(root);
  // Every name on disk is taken, hand-written entries included: ingest must never write over one.
  const { bySource, slugs: taken } = await existingEntries(articlesDir, effects);
  const report: IngestReport = { actions: [], errors: [] };

  for (const file of (await effects.readDir(seedsDir)).filter((n) => n.endsWith('.txt')).sort()) {
    try {
      const seed = decodeSeed(`seeds/${file}`, await effects.readBytes(join(seedsDir, file)));
      const entries = ingestSeed(seed, {
        taxonomy,
        existingSlug: (source, part) => bySource.get(`${source}#${part}`),
        takenSlugs: taken,
        extractMetrics: (parsed, year) => extractArticleMetrics(parsed, year, taxonomy),
      });
      // Plan the whole file first: nothing is written for a seed that fails part-way.
      const planned = await Promise.all(
        entries.map(async (entry) => {
          const path = join(articlesDir, `${entry.slug}.mdx`);
          const existing = await effects.readText(path);
          return { entry, path, action: planWrite(existing, entry.mdx, force) };
        }),
      );
      for (const { entry, path, action } of planned) {
        taken.add(entry.slug);
        if (action === 'create' || action === 'update' || action === 'overwrite')
          await effects.writeText(path, entry.mdx);
        report.actions.push({ slug: entry.slug, file, action });
        const verb = {
          create: 'created',
          update: 'updated',
          unchanged: 'unchanged',
          overwrite: 'overwrote (--force) the edited',
          'skip-edited': 'skipped (edited by hand since ingest wrote it; --force overwrites)',
        }[action];
        effects.log(`${verb.padEnd(9)} content/articles/${entry.slug}.mdx  ← seeds/${file}`);
      }
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      report.errors.push(error);
      effects.error(`error  ${error.format()}`);
    }
  }
  return report;
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const report = await runIngest({ root: process.cwd(), force, effects: nodeEffects });
  const count = (a: WriteAction) => report.actions.filter((x) => x.action === a).length;
  console.log(
    `ingest: ${report.actions.length} entries (${count('create')} created, ${count('update')} updated, ${count('unchanged')} unchanged, ${count('skip-edited')} skipped as edited, ${count('overwrite')} overwritten); ${report.errors.length} file(s) failed`,
  );
  if (report.errors.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
