import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite } from './site.ts';

/** One built page of each kind the reading helper owns, for browser checks. */
export function readingPages(): Array<{ kind: string; path: string }> {
  const site = builtSite();
  // The first page of a route folder (not its index.html, the folder's own index page).
  const first = (dir: string) =>
    existsSync(join(site, dir))
      ? readdirSync(join(site, dir))
          .filter((name) => name !== 'index.html')
          .sort()[0]
      : undefined;
  const pages = [
    { kind: 'front', path: '/' },
    { kind: 'article', path: '/articles/liaocheng-2023/' },
    { kind: 'article with photos', path: '/articles/juye-2020/' },
    { kind: 'archive', path: '/archive/' },
    { kind: 'region', path: `/regions/${first('regions')}/` },
    { kind: 'year', path: `/years/${first('years')}/` },
    { kind: 'regions index', path: '/regions/' },
    { kind: 'years index', path: '/years/' },
    { kind: 'topics index', path: '/topics/' },
    { kind: 'source text', path: `/sources/${first('sources')?.replace(/\.txt$/u, '')}/` },
    { kind: '404', path: '/no-such-page/' },
  ];
  const topic = first('topics');
  if (topic) pages.push({ kind: 'topic', path: `/topics/${topic}/` });
  return pages;
}
