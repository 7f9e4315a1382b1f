import { totalmem } from 'node:os';

/**
 * The V8 heap limit for `astro build`: Node's default (about 4 GB) is too small for Astro's content
 * store at 20,000 articles (it ran out of heap there), so the build may use three quarters of the
 * machine's memory. A NODE_OPTIONS limit set by the caller wins.
 */
export function buildHeapArgs(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.NODE_OPTIONS?.includes('--max-old-space-size')) return [];
  const megabytes = Math.floor((totalmem() * 0.75) / 2 ** 20);
  return [`--max-old-space-size=${Math.max(megabytes, 4096)}`];
}
