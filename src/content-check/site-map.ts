/**
 * The routes the built site will have, worked out from the content alone, so
 * links can be checked before anything is built. Mirrors src/pages: update it
 * when a page family is added or renamed.
 */
export interface SiteMap {
  /** Article slug → anchors on its page (metric ids and heading ids); undefined when its frontmatter is broken. */
  articles: Map<string, Set<string> | undefined>;
  /** Story slug → heading ids. */
  stories: Map<string, Set<string>>;
  /** /regions/<pinyin>/: the region and the city of every article (undefined while the taxonomy is broken: not checked). */
  regions: Set<string> | undefined;
  /** /years/<year>/: every year an article reports on. */
  years: Set<string>;
  /** /topics/<id>/: every topic of content/taxonomy.yaml (undefined while the taxonomy is broken: not checked). */
  topics: Set<string> | undefined;
  /** /sources/<file>: the seed files. */
  sources: Set<string>;
  /** Files served as they are from public/ (/favicon.svg). */
  publicFiles: Set<string>;
}

/** Pages with no parameter. */
export const FIXED_PAGES = ['/', '/search/', '/archive/'] as const;

/** What each page family's URL looks like, for messages. */
export const ROUTE_HELP =
  '/articles/<slug>/, /stories/<slug>/, /regions/<pinyin>/, /years/<year>/, /topics/<id>/, /search/, /archive/, /data/…, /sources/<file>';

export function emptySiteMap(): SiteMap {
  return {
    articles: new Map(),
    stories: new Map(),
    regions: new Set(),
    years: new Set(),
    topics: new Set(),
    sources: new Set(),
    publicFiles: new Set(),
  };
}
