/**
 * A synthetic archive for the benchmark, deterministic from a seed: the six real entries (as ingest
 * wrote them) are taken apart into section headings, paragraphs, photo captions and figures, and
 * recombined with a seeded PRNG into N valid MDX entries across the taxonomy's regions and 2015–2024.
 * Each figure travels with the paragraph that quotes it, so the content check passes.
 *
 *   npm run bench:generate -- --count 1000 --out DIR [--known FILE]   writes DIR/<slug>.mdx (and the known-answer queries)
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml, stringify } from 'yaml';
import { bodyBlocks } from '../src/lib/body-text.ts';
import { listPlaces, loadTaxonomy } from '../src/lib/taxonomy.ts';
import { articleSchema, type Article, type Author } from '../src/schemas/article.ts';
import type { Metric } from '../src/schemas/metric.ts';
import type { ArticleEvent } from '../src/schemas/event.ts';
import { seededRandom } from './support/random.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { plantKnownAnswers, type KnownAnswers } from './bench-known-answers.ts';

/** One paragraph of a real entry, as MDX, with the figures and events that quote it. */
interface Paragraph {
  mdx: string;
  metrics: Metric[];
  events: ArticleEvent[];
}

/** What the real entries give to recombine. */
export interface SeedMaterial {
  headings: string[];
  /** <Photo … /> lines as written. */
  photos: Array<{ mdx: string; caption: string }>;
  paragraphs: Paragraph[];
  titles: string[];
  authors: Author[][];
}

const squash = (text: string) => text.replace(/\s/gu, '');

/** Take the real entries apart. */
export function readSeedMaterial(root = process.cwd()): SeedMaterial {
  const dir = join(root, 'content', 'articles');
  const material: SeedMaterial = { headings: [], photos: [], paragraphs: [], titles: [], authors: [] };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    const raw = readFileSync(join(dir, file), 'utf8');
    const split = splitFrontmatter(raw);
    if (!split.ok) throw new Error(`${file}: no frontmatter`);
    // YAML 1.1, as Astro reads frontmatter.
    const data = articleSchema.parse(parseYaml(split.yaml, { version: '1.1' }));
    material.titles.push(data.title);
    material.authors.push(data.authors);
    for (const chunk of split.body
      .split(/\n\s*\n/u)
      .map((c) => c.trim())
      .filter(Boolean)) {
      const block = bodyBlocks(chunk)[0];
      if (!block) continue;
      if (block.type === 'heading') material.headings.push(block.text);
      else if (block.type === 'caption') material.photos.push({ mdx: chunk, caption: block.text });
      else {
        const text = squash(block.text);
        material.paragraphs.push({
          mdx: chunk,
          metrics: data.metrics.filter((m) => text.includes(squash(m.quote))),
          events: data.events.filter((e) => text.includes(squash(e.quote))),
        });
      }
    }
  }
  return material;
}

/** Headings become MDX "## " lines with the characters MDX would read as markup escaped. */
function headingMdx(text: string): string {
  return `## ${text.replace(/[\\`*_{}[\]<>|~#&]/gu, (ch) => `\\${ch}`)}`;
}

export interface SyntheticEntry {
  slug: string;
  mdx: string;
}

/** N entries from the material, the same for the same seed. */
export function generateArticles(
  count: number,
  seed: number,
  material: SeedMaterial,
  root = process.cwd(),
): SyntheticEntry[] {
  const random = seededRandom(seed);
  const taxonomy = loadTaxonomy(root);
  const places = listPlaces(taxonomy).filter((p) => p.level === 'region');
  const withFigures = material.paragraphs.filter((p) => p.metrics.length > 0);
  const plain = material.paragraphs.filter((p) => p.metrics.length === 0);
  const entries: SyntheticEntry[] = [];
  for (let k = 1; k <= count; k += 1) {
    const place = random.pick(places);
    const year = random.int(2015, 2024);
    const headings = random.shuffle(material.headings).slice(0, random.int(2, 5));
    const photos = random.shuffle(material.photos).slice(0, random.int(0, 2));
    const metrics: Metric[] = [];
    const events: ArticleEvent[] = [];
    const ids = new Set<string>();
    const body: string[] = [];
    const captions: string[] = [];
    // Each paragraph at most once in an article, and none whose figure would share a label (and period)
    // with one already there: the content check refuses both, as it would in a real article.
    const figurePool = random.shuffle(withFigures);
    const plainPool = random.shuffle(plain);
    const labels = new Set<string>();
    const labelKey = (m: Metric) => `${m.label}|${m.period ?? ''}`;
    const takeFigures = (n: number): Paragraph[] => {
      const taken: Paragraph[] = [];
      while (taken.length < n && figurePool.length > 0) {
        const next = figurePool.pop()!;
        if (next.metrics.some((m) => labels.has(labelKey(m)))) continue;
        for (const m of next.metrics) labels.add(labelKey(m));
        taken.push(next);
      }
      return taken;
    };
    headings.forEach((heading, h) => {
      body.push(headingMdx(heading));
      const paragraphs = [...takeFigures(random.int(1, 3)), ...plainPool.splice(0, random.int(1, 3))];
      for (const paragraph of random.shuffle(paragraphs)) {
        body.push(paragraph.mdx);
        for (const metric of paragraph.metrics) {
          // Ids stay unique in the article when two source entries used the same one.
          let id = metric.id;
          for (let n = 2; ids.has(id); n += 1) id = `${metric.id}-${n}`;
          ids.add(id);
          metrics.push({ ...metric, id });
        }
        for (const event of paragraph.events) events.push({ ...event, id: `event-${events.length + 1}` });
      }
      const photo = photos[h];
      if (photo) {
        body.push(photo.mdx);
        captions.push(photo.caption);
      }
    });
    const short = place.names[place.names.length - 1] ?? place.name;
    const data: Omit<Article, 'ingest'> = {
      title: `${short}${year}：${random.pick(material.titles)}`,
      standfirst: [],
      region: place.name,
      city: place.city,
      year,
      authors: random.pick(material.authors),
      credits: [],
      sections: headings,
      captions,
      corrections: [],
      metrics,
      events,
    };
    const yaml = stringify(data, { lineWidth: 0, version: '1.1' });
    entries.push({
      slug: `${place.pinyin}-${year}-${String(k).padStart(5, '0')}`,
      mdx: `---\n${yaml}---\n\n${body.join('\n\n')}\n`,
    });
  }
  return entries;
}

/** Write the entries into a folder (emptied first). */
export function writeArticles(dir: string, entries: readonly SyntheticEntry[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of entries) writeFileSync(join(dir, `${entry.slug}.mdx`), entry.mdx);
}

/** The real pages' texts by page key (articles and stories as written), for the known-answer check. */
export function realPageTexts(root = process.cwd()): Array<{ key: string; text: string }> {
  return (['articles', 'stories'] as const).flatMap((folder) => {
    const dir = join(root, 'content', folder);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .sort()
      .map((f) => ({
        key: folder === 'stories' ? `stories/${f.slice(0, -4)}` : f.slice(0, -4),
        text: readFileSync(join(dir, f), 'utf8'),
      }));
  });
}

/** Synthetic entries with known-answer queries planted in them (scripts/bench-known-answers.ts). */
export function generateWithKnownAnswers(
  count: number,
  seed: number,
  root = process.cwd(),
): { entries: SyntheticEntry[]; known: KnownAnswers } {
  const entries = generateArticles(count, seed, readSeedMaterial(root), root);
  const regions = listPlaces(loadTaxonomy(root)).filter((p) => p.level === 'region');
  return { entries, known: plantKnownAnswers(entries, seed, regions, realPageTexts(root)) };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      known: { type: 'string' },
    },
  });
  if (!values.out) throw new Error('give --out DIR');
  const { entries, known } = generateWithKnownAnswers(Number(values.count), Number(values.seed));
  writeArticles(resolve(values.out), entries);
  if (values.known) writeFileSync(resolve(values.known), `${JSON.stringify(known, null, 1)}\n`);
  console.log(
    `wrote ${entries.length} entries to ${values.out}${values.known ? `, ${known.queries.length} known-answer queries to ${values.known}` : ''}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
