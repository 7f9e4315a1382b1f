/**
 * The thread that draws share images ahead of their pages (draw-ahead.ts): it reads every article's
 * frontmatter as Astro does (js-yaml, the shared schema), makes the card the page will make, and draws
 * each image not in the cache folder yet, the ones a page asks for first.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { load as loadYaml } from 'js-yaml';
import { splitFrontmatter } from '../../lib/frontmatter.ts';
import { loadTaxonomy } from '../../lib/taxonomy.ts';
import { articleSchema } from '../../schemas/article.ts';
import { shareCard } from '../../site/share-card.ts';
import { cacheFileName } from '../cache.ts';
import { loadOgFonts, ogImageSvg, PNG_SETTINGS_KEY, rasteriseOgSvg, type OgCard } from '../og-image.ts';

export interface DrawAheadInput {
  root: string;
  cacheDir: string;
}

/** What the thread tells the build: the images it will draw, then each one drawn (or not). */
export type DrawAheadMessage =
  { kind: 'planned'; names: string[] } | { kind: 'drawn'; name: string } | { kind: 'failed'; name: string };

/** An image to draw: its cache name and its card (the SVG, some 70 KB, is made again when drawn, not kept). */
interface Job {
  name: string;
  card: OgCard;
}

function plannedJobs({ root, cacheDir }: DrawAheadInput): Job[] {
  const taxonomy = loadTaxonomy(root);
  const fonts = loadOgFonts();
  const dir = join(root, 'content', 'articles');
  const jobs = new Map<string, Job>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!file.endsWith('.mdx')) continue;
    const split = splitFrontmatter(readFileSync(join(dir, file), 'utf8'));
    if (!split.ok) continue;
    // An entry the schema refuses fails the content check before this thread starts; skip it all the same.
    const data = articleSchema.safeParse(loadYaml(split.yaml) ?? {});
    if (!data.success) continue;
    const card = shareCard({ id: file.slice(0, -4), data: data.data, body: split.body }, taxonomy);
    const svg = ogImageSvg(card, fonts);
    const name = cacheFileName(svg, PNG_SETTINGS_KEY);
    if (!existsSync(join(cacheDir, name))) jobs.set(name, { name, card });
  }
  return [...jobs.values()];
}

const input = workerData as DrawAheadInput;
const port = parentPort;
if (port) {
  const queue = plannedJobs(input);
  mkdirSync(input.cacheDir, { recursive: true });
  port.postMessage({ kind: 'planned', names: queue.map((job) => job.name) } satisfies DrawAheadMessage);
  port.on('message', ({ first }: { first: string }) => {
    const at = queue.findIndex((job) => job.name === first);
    if (at > 0) queue.unshift(...queue.splice(at, 1));
  });
  const drawNext = async (): Promise<void> => {
    const job = queue.shift();
    if (!job) {
      port.close();
      return;
    }
    try {
      const png = await rasteriseOgSvg(ogImageSvg(job.card, loadOgFonts()));
      // Written whole under another name first: a page never reads half an image.
      const path = join(input.cacheDir, job.name);
      writeFileSync(`${path}.${process.pid}.tmp`, png);
      renameSync(`${path}.${process.pid}.tmp`, path);
      port.postMessage({ kind: 'drawn', name: job.name } satisfies DrawAheadMessage);
    } catch {
      port.postMessage({ kind: 'failed', name: job.name } satisfies DrawAheadMessage);
    }
    return drawNext();
  };
  void drawNext();
}
