import { didYouMean, suggest } from './suggest.ts';
import { FIXED_PAGES, ROUTE_HELP, type SiteMap } from './site-map.ts';

/** What is wrong with a link, if anything. */
export interface LinkProblem {
  message: string;
  fix: string;
}

const FAMILIES = {
  articles: 'an article',
  stories: 'a story',
  regions: 'a region page',
  years: 'a year page',
  topics: 'a topic page',
} as const;

/** Where the valid names of each family come from. */
const NAMES_FROM: Readonly<Record<Family, string>> = {
  articles: 'the file name in content/articles/ without .mdx',
  stories: 'the file name in content/stories/ without .mdx',
  regions: 'the pinyin in content/taxonomy.yaml of a region or city that has articles',
  years: 'a year that has articles',
  topics: 'a topic id in content/taxonomy.yaml',
};
type Family = keyof typeof FAMILIES;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function keysOf(siteMap: SiteMap, family: Family): string[] | undefined {
  const set = siteMap[family];
  return set === undefined ? undefined : [...(set instanceof Map ? set.keys() : set)];
}

function checkAnchor(
  url: string,
  anchor: string,
  anchors: ReadonlySet<string> | undefined,
  page: string,
): LinkProblem | undefined {
  if (!anchor || anchors === undefined || anchors.has(anchor)) return undefined;
  const guesses = suggest(
    anchor,
    [...anchors].map((a) => ({ value: a })),
    1,
  );
  return {
    message: `link "${url}": #${anchor} is not a metric id or heading on ${page}`,
    fix: didYouMean(
      guesses.map((g) => `#${g}`),
      `link to one of its metric ids or headings (${
        [...anchors]
          .slice(0, 5)
          .map((a) => `#${a}`)
          .join(', ') || 'it has none'
      })`,
    ),
  };
}

/**
 * Check one link from an MDX body against the routes the site will build.
 * External links (http:, mailto: …) are not checked; `ownAnchors` are the ids
 * on the page the link is on, for "#…" links.
 */
export function checkLink(
  url: string,
  siteMap: SiteMap,
  ownAnchors: ReadonlySet<string>,
  ownPage: string,
): LinkProblem | undefined {
  if (/^[a-z][a-z0-9+.-]*:/iu.test(url) || url.startsWith('//')) return undefined;
  const [beforeHash = '', rawAnchor = ''] = url.split('#', 2);
  const anchor = decode(rawAnchor);
  const path = decode(beforeHash.split('?')[0] ?? '');
  if (path === '') return checkAnchor(url, anchor, ownAnchors, ownPage);
  if (!path.startsWith('/')) {
    return { message: `link "${url}" is relative`, fix: 'start internal links with /, e.g. /articles/juye-2020/' };
  }
  if ((FIXED_PAGES as readonly string[]).includes(path) || path.startsWith('/data/') || siteMap.publicFiles.has(path))
    return undefined;

  const segments = path.split('/').slice(1);
  const [first = '', name = '', ...rest] = segments;
  if (first === 'sources' && name && rest.length === 0) {
    if (siteMap.sources.has(name)) return undefined;
    return {
      message: `link "${url}": seeds/${name} does not exist`,
      fix: didYouMean(
        suggest(
          name,
          [...siteMap.sources].map((v) => ({ value: v })),
          1,
        ).map((g) => `/sources/${g}`),
        'link to a file that is in seeds/',
      ),
    };
  }
  if (first in FAMILIES && name) {
    const family = first as Family;
    const known = keysOf(siteMap, family);
    if (known === undefined) return undefined;
    if (!known.includes(name) || rest.length > 1 || (rest.length === 1 && rest[0] !== '')) {
      const guesses = suggest(
        name,
        known.map((k) => ({ value: k })),
        1,
      ).map((g) => `/${family}/${g}/`);
      const some = known.slice(0, 6).join(', ');
      return {
        message: `link "${url}" points at ${FAMILIES[family]} that does not exist`,
        fix: didYouMean(guesses, `use ${NAMES_FROM[family]}${some ? ` (${some})` : ''}`),
      };
    }
    if (rest.length === 0)
      return {
        message: `link "${url}" has no trailing slash`,
        fix: `write /${family}/${name}/${rawAnchor ? `#${rawAnchor}` : ''}`,
      };
    if (family === 'articles') return checkAnchor(url, anchor, siteMap.articles.get(name), name);
    if (family === 'stories') return checkAnchor(url, anchor, siteMap.stories.get(name), name);
    return undefined;
  }
  if ((FIXED_PAGES as readonly string[]).includes(`${path}/`))
    return { message: `link "${url}" has no trailing slash`, fix: `write ${path}/` };
  return {
    message: `link "${url}" points at a page the site does not have`,
    fix: `internal links go to ${ROUTE_HELP}`,
  };
}
