/**
 * A link checker over a built site, pure: it gets the site's files and the HTML/XML of its pages,
 * and returns every reference that would fail a reader:
 *  - a same-origin href/src (or an absolute URL on the site's own origin) to a file the build lacks;
 *  - a #fragment that is no id (or <a name>) on the target page;
 *  - a link to another origin without rel="noopener" (so the opened page cannot reach this one).
 */
import { parse, type HTMLElement } from 'node-html-parser';

export interface LinkProblem {
  /** The file the reference is in: articles/x/index.html */
  file: string;
  /** The reference as written. */
  url: string;
  problem: string;
}

/** Attributes that load or link a URL (srcset lists several), on whatever element holds them. */
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'poster', 'action', 'xlink:href'] as const;

/** Schemes that name no file of the site: downloads built in the page, mail, phone. */
const IGNORED_SCHEMES = /^(?:data|mailto|tel|blob):/iu;

/** The file a URL path is served from, as a static host does (directory → index.html, /404 → 404.html), or undefined. */
export function fileFor(pathname: string, files: ReadonlySet<string>): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname).replace(/^\/+/u, '');
  } catch {
    return undefined;
  }
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`];
  return candidates.find((c) => files.has(c));
}

/** Every id a page defines (and the old <a name>), which a #fragment may target. */
export function anchorsOf(root: HTMLElement): Set<string> {
  const ids = new Set<string>();
  for (const el of root.querySelectorAll('[id]')) ids.add(el.getAttribute('id') ?? '');
  for (const el of root.querySelectorAll('a[name]')) ids.add(el.getAttribute('name') ?? '');
  return ids;
}

function pageUrl(file: string, origin: string): URL {
  const path = file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
  return new URL(`/${path}`, origin);
}

export interface SiteFiles {
  /** Every file of the build, relative with forward slashes. */
  files: ReadonlySet<string>;
  /** HTML of the pages to check (and to resolve fragments in), by file. */
  html: ReadonlyMap<string, string>;
  /** XML with links to check (sitemaps, feeds), by file. */
  xml?: ReadonlyMap<string, string>;
  /** The origin the site is published at (absolute URLs on it are internal). */
  origin: string;
}

export function checkLinks(site: SiteFiles): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const parsed = new Map<string, HTMLElement>();
  const anchors = new Map<string, Set<string>>();
  const anchorsIn = (file: string): Set<string> | undefined => {
    if (!anchors.has(file)) {
      const html = site.html.get(file);
      if (html === undefined) return undefined;
      anchors.set(file, anchorsOf(parsed.get(file) ?? parse(html)));
    }
    return anchors.get(file);
  };

  const checkOne = (file: string, raw: string, element: HTMLElement | undefined): void => {
    const url = raw.trim();
    if (url === '' || IGNORED_SCHEMES.test(url)) return;
    if (/^javascript:/iu.test(url)) {
      problems.push({ file, url, problem: 'a javascript: URL (and the CSP refuses it)' });
      return;
    }
    let target: URL;
    try {
      target = new URL(url, pageUrl(file, site.origin));
    } catch {
      problems.push({ file, url, problem: 'not a valid URL' });
      return;
    }
    if (target.origin !== site.origin) {
      if (element?.tagName === 'A' || element?.tagName === 'AREA') {
        const rel = (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/u);
        if (!rel.includes('noopener') && !rel.includes('noreferrer'))
          problems.push({ file, url, problem: 'links to another site without rel="noopener"' });
      }
      return;
    }
    const targetFile = fileFor(target.pathname, site.files);
    if (!targetFile) {
      problems.push({ file, url, problem: `no such file in the build (${target.pathname})` });
      return;
    }
    const fragment = target.hash.slice(1);
    if (fragment === '' || fragment === 'top' || !targetFile.endsWith('.html')) return;
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      id = fragment;
    }
    if (!anchorsIn(targetFile)?.has(id))
      problems.push({ file, url, problem: `no element with id="${id}" on ${targetFile}` });
  };

  for (const [file, html] of site.html) {
    const root = parse(html);
    parsed.set(file, root);
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of URL_ATTRIBUTES) {
        const value = element.getAttribute(attribute);
        if (value === undefined) continue;
        const urls =
          attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/u)[0] ?? '') : [value];
        for (const url of urls) checkOne(file, url, element);
      }
      // Share previews: og:image and og:url are absolute URLs on the site.
      if (element.tagName === 'META' && /^og:(?:image|url)$/u.test(element.getAttribute('property') ?? ''))
        checkOne(file, element.getAttribute('content') ?? '', element);
    }
  }
  for (const [file, xml] of site.xml ?? new Map<string, string>()) {
    for (const match of xml.matchAll(/<(loc|link|guid)(?:\s[^>]*)?>([^<]+)<\/\1>/gu))
      checkOne(file, (match[2] ?? '').replace(/&amp;/gu, '&'), undefined);
  }
  return problems;
}
