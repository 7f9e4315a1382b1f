import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DrawAhead } from '../cache.ts';
import type { DrawAheadInput, DrawAheadMessage } from './draw-ahead-worker.ts';

/**
 * Below this many articles the thread's start (loading the fonts and the summary code, about a second
 * of CPU) costs about what drawing ahead saves.
 */
export const DRAW_AHEAD_MIN_ARTICLES = 20;

const WORKER = new URL('./draw-ahead-worker.ts', import.meta.url);

export interface DrawingAhead extends DrawAhead {
  /** Stop the thread (the build is done) and wait for it to end. */
  stop(): Promise<void>;
}

interface Pending {
  promise: Promise<boolean>;
  settle(drawn: boolean): void;
}

function pending(): Pending {
  let settle: (drawn: boolean) => void = () => undefined;
  const promise = new Promise<boolean>((resolve) => (settle = resolve));
  return { promise, settle };
}

/**
 * Draw every article's share image into the cache folder in a worker thread, from the content files,
 * while this thread loads, bundles and renders pages: on two cores the images are mostly done before
 * their pages ask. A page asks for its image by cache name; the thread draws that one next. An image the
 * thread names differently from the page (a card read differently) is simply not found, and the page
 * draws it as before. Undefined when there is too little to draw, or Node cannot run the TypeScript.
 */
export function startDrawingAhead(
  root: string,
  cacheDir: string,
  minArticles = DRAW_AHEAD_MIN_ARTICLES,
): DrawingAhead | undefined {
  const nodeRunsTypeScript = Boolean((process.features as { typescript?: string | false }).typescript);
  if (!nodeRunsTypeScript) return undefined;
  let articles: string[];
  try {
    articles = readdirSync(join(root, 'content', 'articles'), { recursive: true, encoding: 'utf8' });
  } catch {
    return undefined;
  }
  if (articles.filter((file) => file.endsWith('.mdx')).length < minArticles) return undefined;

  const input: DrawAheadInput = { root, cacheDir };
  const worker = new Worker(WORKER, { workerData: input });
  // The build must never wait on this thread to exit, nor fail because of it: at worst the pages draw their own.
  worker.unref();
  let running = true;
  const images = new Map<string, Pending>();
  let planned: (names: string[]) => void = () => undefined;
  const plan = new Promise<Set<string>>((resolve) => {
    planned = (names) => resolve(new Set(names));
  });
  const giveUp = () => {
    running = false;
    planned([]);
    for (const image of images.values()) image.settle(false);
  };
  worker.on('message', (message: DrawAheadMessage) => {
    if (message.kind === 'planned') {
      for (const name of message.names) images.set(name, pending());
      planned(message.names);
    } else images.get(message.name)?.settle(message.kind === 'drawn');
  });
  worker.on('error', giveUp);
  worker.on('exit', giveUp);

  return {
    async waitFor(name) {
      const names = await plan;
      const image = images.get(name);
      if (!names.has(name) || !image) return false;
      if (running) worker.postMessage({ first: name });
      return image.promise;
    },
    async stop() {
      if (running) await worker.terminate();
      giveUp();
    },
  };
}
