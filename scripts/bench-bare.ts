/**
 * The bare build npm run bench compares with: Astro + MDX + Pagefind over the same article files and nothing
 * else (no content check, share images, archive or listing pages, derived search files or service worker).
 * A generated minimal project under .bench/bare-<N>/: one page per article (title and the MDX body, the
 * photo captions as the site shows them), then Pagefind's own CLI (the same extended binary the site uses)
 * over the output, in one run as a bare setup would. Each step is timed, with its peak memory (GNU time).
 */
import { spawnSync } from 'node:child_process';
import { buildHeapArgs } from '../src/publish/heap.ts';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BARE_FILES: Record<string, string> = {
  'package.json': '{ "name": "bare-archive", "private": true, "type": "module" }\n',
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({ integrations: [mdx()], markdown: { syntaxHighlight: false }, cacheDir: './.astro-cache' });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/articles' }) }) };
`,
  'src/components/Photo.astro': `---
const { caption } = Astro.props;
---
<figure><figcaption>{caption}</figcaption></figure>
`,
  'src/pages/articles/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Photo from '../../components/Photo.astro';

export async function getStaticPaths() {
  return (await getCollection('articles')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main data-pagefind-body><h1>{entry.data.title}</h1><Content components={{ Photo }} /></main></body>
</html>
`,
};

/** The bare project for the articles in `articlesDir` (linked, not copied: the very files the site builds). */
export function prepareBareProject(dir: string, articlesDir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(BARE_FILES)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'content'), { recursive: true });
  symlinkSync(resolve(articlesDir), join(dir, 'content', 'articles'), 'dir');
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
}

export interface TimedRun {
  seconds: number;
  /** Peak resident memory of the largest process of the run (GNU time), when the machine has it. */
  peakMemoryBytes: number | undefined;
  cpuSeconds: number | undefined;
  output: string;
}

/** Run a command, timed, under GNU time when installed (peak memory and CPU time of the run's processes). */
export function timedRun(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): TimedRun {
  const timeBin = '/usr/bin/time';
  const useTime = existsSync(timeBin);
  const started = performance.now();
  const result = spawnSync(useTime ? timeBin : command, useTime ? ['-v', command, ...args] : args, {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output.slice(-6000)}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/u.exec(result.stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/u.exec(result.stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/u.exec(result.stderr)?.[1];
  return {
    seconds,
    cpuSeconds: user && system ? Number(user) + Number(system) : undefined,
    peakMemoryBytes: kb ? Number(kb) * 1024 : undefined,
    output,
  };
}

export interface BareBuild {
  seconds: number;
  astro: TimedRun;
  pagefind: TimedRun;
  pages: number;
}

/** The pagefind_extended binary the pagefind package runs (it segments Chinese). */
function pagefindBinary(): string {
  return resolve('node_modules/@pagefind/linux-x64/bin/pagefind_extended');
}

/** astro build, then Pagefind over its output. */
export function buildBareProject(dir: string): BareBuild {
  const astro = timedRun(
    process.execPath,
    [...buildHeapArgs(), resolve('node_modules/astro/bin/astro.mjs'), 'build'],
    dir,
  );
  const pagefind = timedRun(pagefindBinary(), ['--site', 'dist'], dir);
  const pages = Number(/Indexed (\d+) pages?/u.exec(pagefind.output)?.[1] ?? Number.NaN);
  return { seconds: astro.seconds + pagefind.seconds, astro, pagefind, pages };
}
