import { searchUi as strings } from '../../lib/search-ui-strings.ts';
import { parseQuery } from '../shared/query.ts';
import {
  FACETS,
  SORT_ORDERS,
  emptyFilters,
  hasFilters,
  readSearchState,
  toggleFilter,
  writeSearchState,
  type SearchState,
} from '../shared/state.ts';
import { applyFilters, countFacets, withFilters, type Facets, type Filterable } from './facets.ts';
import { buildExcerpt } from '../shared/excerpt.ts';
import { orderHits, type Hit } from './results.ts';
import type { PageDisplay } from '../shared/pages.ts';
import {
  filtersIfLoaded,
  findPages,
  loadFacts,
  loadFilters,
  readResults,
  type ExcerptSource,
  type Found,
} from './data.ts';

/** Characters of page text shown around the matches. */
const EXCERPT_LENGTH = 90;
/** Milliseconds of quiet typing before searching as the reader types. */
const TYPING_DELAY = 250;
/**
 * Results listed at once; a button lists as many more. Each listed result needs
 * its display chunk and its page's text (2–7 KB) for the excerpt, so this keeps
 * a first search small.
 */
const PAGE_SIZE = 5;

type View = 'empty' | 'loading' | 'results' | 'none' | 'error';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function searchUrl(state: SearchState): string {
  return `${location.pathname}${writeSearchState(state)}`;
}

/**
 * The search page: enhances the server-rendered form, controls and results area.
 * All state lives in the URL (?q=, filters, sort), so results are linkable and
 * the back button restores them. One search per query; sort orders and filters
 * are applied here to its results, so the filter counts are of the very pages
 * listed. The term index finds exactly the pages that contain every term
 * (src/search/shared/terms.ts), so the counts are exact before any page is read;
 * only a pasted sentence too long to look up in full (termsProven) can keep a
 * page whose text then turns out to lack a term, and that page leaves when read.
 */
class ArchiveSearch extends HTMLElement {
  #state: SearchState = readSearchState(new URLSearchParams());
  #run = 0;
  /** The current history entry belongs to a query still being typed. */
  #typing = false;
  /** What each query found, by its terms. */
  #cache = new Map<string, Found>();
  /** Results listed for the current state (grows with "more"). */
  #limit = PAGE_SIZE;
  /** After "more": the index of the first new result, to move focus to. */
  #focusFrom = -1;
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #sort!: HTMLSelectElement;
  #filtersSummary!: HTMLElement;
  #facets!: HTMLElement;
  #status!: HTMLElement;
  #results!: HTMLElement;

  connectedCallback(): void {
    const find = <T extends Element>(selector: string): T => {
      const found = this.querySelector<T>(selector);
      if (!found) throw new Error(`archive-search: missing ${selector}`);
      return found;
    };
    this.#form = find('form');
    this.#input = find('[data-search-input]');
    this.#sort = find('[data-search-sort]');
    this.#filtersSummary = find('[data-search-filters-summary]');
    this.#facets = find('[data-search-facets]');
    this.#status = find('[data-search-status]');
    this.#results = find('[data-search-results]');

    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#navigate({ ...this.#state, q: this.#input.value }, 'push');
    });
    // Chinese is typed through an input method: search what it commits, not the pinyin being composed.
    const typed = (event: Event): void => {
      if (event instanceof InputEvent && event.isComposing) return;
      this.#navigate({ ...this.#state, q: this.#input.value }, 'type', TYPING_DELAY);
    };
    this.#input.addEventListener('input', typed);
    this.#input.addEventListener('compositionend', typed);
    // Leaving the box settles the query: the next change gets an entry of its own.
    this.#input.addEventListener('change', () => {
      this.#typing = false;
    });
    // Start fetching the facts file while the reader is still typing their first query.
    this.#input.addEventListener('focus', () => void loadFacts(this.#bundlePath).catch(() => undefined), {
      once: true,
    });
    this.#sort.addEventListener('change', () => {
      const sort = SORT_ORDERS.find((s) => s === this.#sort.value) ?? 'relevance';
      this.#navigate({ ...this.#state, sort }, 'push');
    });
    this.#facets.addEventListener('change', (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement)) return;
      const facet = FACETS.find((f) => f.key === box.name);
      if (facet) this.#navigate(toggleFilter(this.#state, facet.filter, box.value, box.checked), 'push');
    });
    this.#results.addEventListener('click', (event) => {
      if (!(event.target instanceof Element)) return;
      if (event.target.closest('[data-search-more]')) {
        this.#focusFrom = this.#limit;
        this.#limit += PAGE_SIZE;
        void this.#update(0);
      } else if (event.target.closest('[data-clear-filters]')) {
        this.#navigate({ ...this.#state, filters: emptyFilters() }, 'push');
        this.#input.focus();
      }
    });
    window.addEventListener('popstate', this.#restore);
    this.#restore();
  }

  disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#restore);
  }

  get #bundlePath(): string {
    return this.dataset.bundle ?? '/pagefind/';
  }

  /** Show what the URL says (on load and on back/forward). */
  #restore = (): void => {
    this.#typing = false;
    this.#limit = PAGE_SIZE;
    this.#focusFrom = -1;
    this.#state = readSearchState(new URLSearchParams(location.search));
    this.#input.value = this.#state.q;
    this.#sort.value = this.#state.sort;
    void this.#update(0);
  };

  /**
   * Make `state` current and put it in the URL. Each query the reader settles on,
   * each filter and sort change gets its own history entry; while typing, the
   * first keystroke opens an entry and the following ones update it.
   */
  #navigate(state: SearchState, history: 'push' | 'type', delay = 0): void {
    const url = searchUrl(state);
    const changed = url !== `${location.pathname}${location.search}`;
    if (changed && this.#typing) window.history.replaceState(null, '', url);
    else if (changed) window.history.pushState(null, '', url);
    this.#typing = history === 'type';
    this.#state = state;
    this.#limit = PAGE_SIZE;
    this.#focusFrom = -1;
    void this.#update(delay);
  }

  async #update(delay: number): Promise<void> {
    const run = ++this.#run;
    const state = this.#state;
    const query = parseQuery(state.q);
    if (query.terms.length === 0 && !hasFilters(state)) {
      this.#showEmpty();
      return;
    }
    const key = query.terms.join(' ');
    if (!this.#cache.has(key) && this.dataset.view !== 'results') this.#setView('loading', strings.loading);
    this.#results.setAttribute('aria-busy', 'true');
    try {
      let found = this.#cache.get(key);
      if (!found) {
        if (delay > 0) await new Promise((done) => setTimeout(done, delay));
        if (run !== this.#run) return;
        found = await findPages(this.#bundlePath, query);
        if (run !== this.#run) return;
        this.#cache.set(key, found);
      }
      // Filters chosen need every page's values first; otherwise the results show first and the filters count after.
      const filters = hasFilters(state) ? await loadFilters(this.#bundlePath) : filtersIfLoaded(this.#bundlePath);
      if (run !== this.#run) return;
      // Read the results about to be listed; one whose text lacks a term (only possible when !termsProven) leaves.
      for (;;) {
        const hits = withFilters(orderHits(found.hits, found.ranked, state.sort), filters);
        const listed = applyFilters(hits, state.filters).slice(0, this.#limit);
        // found.terms: the Simplified terms a Traditional query was searched as, so excerpts mark the page's own text.
        const { displays, texts, rejected } = await readResults(this.#bundlePath, listed, found);
        if (run !== this.#run) return;
        if (rejected.size === 0) {
          this.#render(query.text, found.terms, hits, displays, texts, filters !== undefined);
          if (!filters) void this.#countFiltersLater(run, hits);
          return;
        }
        found = { ...found, hits: found.hits.filter((hit) => !rejected.has(hit.page)) };
        this.#cache.set(key, found);
      }
    } catch (error) {
      if (run !== this.#run) return;
      console.error('search failed', error);
      this.#showError();
    } finally {
      if (run === this.#run) this.#results.removeAttribute('aria-busy');
    }
  }

  /** Count the filters of the results listed once the filters file comes, unless another search has started. */
  async #countFiltersLater(run: number, hits: readonly Hit[]): Promise<void> {
    try {
      const filters = await loadFilters(this.#bundlePath);
      if (run === this.#run) this.#renderFacets(countFacets(withFilters(hits, filters), this.#state.filters));
    } catch (error) {
      // The results stand; only their filters are missing.
      console.error('search filters failed', error);
      if (run !== this.#run) return;
      this.#facets.removeAttribute('aria-busy');
      this.#facets.replaceChildren(element('p', 'search-facets-none', strings.filtersNone));
    }
  }

  #setView(view: View, status: string): void {
    this.dataset.view = view;
    this.dataset.query = this.#state.q;
    this.#status.textContent = status;
  }

  #clearResults(): HTMLElement {
    const list = this.#results.querySelector('[data-search-list]');
    list?.remove();
    const block = element('div');
    block.dataset.searchList = '';
    this.#results.append(block);
    return block;
  }

  #showEmpty(): void {
    this.#results.removeAttribute('aria-busy');
    this.#renderFacets(countFacets([], this.#state.filters));
    this.#setView('empty', '');
    const block = this.#clearResults();
    block.className = 'search-empty';
    block.append(element('p', 'search-state-title', strings.emptyTitle), element('p', '', strings.emptyHint));
    const examples = element('ul', 'search-examples');
    for (const example of strings.examples) {
      const link = element('a', '', example);
      link.href = searchUrl({ ...this.#state, q: example });
      const item = element('li');
      item.append(link);
      examples.append(item);
    }
    block.append(examples);
  }

  #showError(): void {
    this.#setView('error', strings.loadFailed);
    const block = this.#clearResults();
    const link = element('a', '', strings.browseAll);
    link.href = '/';
    block.append(link);
  }

  /** List the results: `hits` are all of the query's, in order; `displays` and `texts` those of the results listed, by page. */
  #render(
    queryText: string,
    terms: string[],
    hits: ReadonlyArray<Hit & Filterable>,
    displays: ReadonlyMap<number, PageDisplay>,
    texts: ReadonlyMap<number, ExcerptSource>,
    filtersKnown: boolean,
  ): void {
    const { filters } = this.#state;
    const shown = applyFilters(hits, filters);
    if (filtersKnown) this.#renderFacets(countFacets(hits, filters));
    else {
      this.#facets.setAttribute('aria-busy', 'true');
      this.#facets.replaceChildren(element('p', 'search-facets-none', strings.filtersLoading));
    }
    if (shown.length === 0) {
      this.#renderNone(queryText, hits.length > 0);
      return;
    }
    const stories = shown.filter((hit) => hit.type === 'story').length;
    const filtered = hasFilters(this.#state) ? strings.filteredFrom(hits.length) : '';
    this.#setView('results', `${strings.found(shown.length, queryText, stories)}${filtered}`);
    const block = this.#clearResults();
    const list = element('ol', 'search-results-list');
    const listed = shown.slice(0, this.#limit);
    for (const hit of listed) list.append(this.#renderHit(hit, displays.get(hit.page)!, texts.get(hit.page), terms));
    block.append(list);
    if (shown.length > listed.length) {
      const more = element('button', 'search-more', strings.more(shown.length - listed.length));
      more.type = 'button';
      more.dataset.searchMore = '';
      block.append(more);
    }
    // After "more", the keyboard continues at the first new result rather than at the top of the page.
    if (this.#focusFrom >= 0) {
      list.querySelectorAll<HTMLAnchorElement>('.search-result-title a')[this.#focusFrom]?.focus();
      this.#focusFrom = -1;
    }
  }

  #renderHit(hit: Hit, display: PageDisplay, source: ExcerptSource | undefined, terms: string[]): HTMLLIElement {
    const item = element('li', `search-result search-result--${hit.type}`);
    const heading = element('h2', 'search-result-title');
    const link = element('a', '', display.title);
    link.href = display.url;
    heading.append(link);
    const meta = element('p', 'search-result-meta');
    if (hit.type === 'story')
      meta.append(
        element('span', 'search-result-type', strings.types.story),
        ' ',
        strings.storyMeta(display.date, display.regions),
      );
    else meta.append(strings.resultMeta(display.region, display.year));
    item.append(heading, meta);
    if (display.image) {
      const image = element('img', 'search-result-image');
      image.src = display.image;
      image.alt = '';
      image.width = 96;
      image.height = 64;
      image.loading = 'lazy';
      item.append(image);
    }
    // No text (offline, not stored): the row goes without an excerpt.
    if (!source?.text) return item;
    const { text, first, last } = source;
    // The text starts with the headline, shown above already: excerpt from the body when it can.
    const skip = first && text.startsWith(display.title) ? display.title.length : 0;
    const excerpt = buildExcerpt(text, terms, EXCERPT_LENGTH, skip);
    const paragraph = element('p', 'search-result-excerpt');
    if (excerpt.clippedStart || !first) paragraph.append('…');
    for (const part of excerpt.parts) paragraph.append(part.mark ? element('mark', '', part.text) : part.text);
    if (excerpt.clippedEnd || !last) paragraph.append('…');
    item.append(paragraph);
    return item;
  }

  /** Nothing to list: `filtered` when the query found pages but the filters leave none. */
  #renderNone(queryText: string, filtered: boolean): void {
    const block = this.#clearResults();
    block.className = 'search-none';
    if (filtered) {
      this.#setView('none', strings.noResultsFiltered);
      const clear = element('button', 'search-clear', strings.clearFilters);
      clear.type = 'button';
      clear.dataset.clearFilters = '';
      block.append(clear);
      return;
    }
    this.#setView('none', queryText ? strings.noResultsTitle(queryText) : strings.noResultsFiltered);
    const tips = element('ul', 'search-tips');
    for (const tip of strings.noResultsTips) tips.append(element('li', '', tip));
    if (hasFilters(this.#state)) {
      const clear = element('button', 'search-clear', strings.clearFilters);
      clear.type = 'button';
      clear.dataset.clearFilters = '';
      block.append(tips, clear);
    } else {
      block.append(tips);
    }
    const browse = element('a', '', strings.browseAll);
    browse.href = '/';
    const more = element('p');
    more.append(browse);
    block.append(more);
  }

  #renderFacets(facets: Facets): void {
    this.#facets.removeAttribute('aria-busy');
    // Rebuilding the checkboxes would drop keyboard focus: remember which one had it.
    const focused =
      document.activeElement instanceof HTMLInputElement && this.#facets.contains(document.activeElement)
        ? document.activeElement
        : null;
    const focusKey = focused ? `${focused.name}\n${focused.value}` : '';
    const groups: HTMLFieldSetElement[] = [];
    let selected = 0;
    for (const { key, filter } of FACETS) {
      const values = facets[filter];
      if (values.length === 0) continue;
      const group = element('fieldset', 'search-facet');
      group.append(element('legend', '', strings.filterNames[filter]));
      for (const value of values) {
        const label = element('label');
        const box = element('input');
        box.type = 'checkbox';
        box.name = key;
        box.value = value.value;
        box.checked = value.selected;
        box.disabled = value.count === 0 && !value.selected;
        if (value.selected) selected += 1;
        label.append(
          box,
          ` ${filter === '年份' ? `${value.value}年` : value.value} `,
          element('span', 'search-facet-count', strings.count(value.count)),
        );
        group.append(label);
      }
      groups.push(group);
    }
    if (groups.length > 0) this.#facets.replaceChildren(...groups);
    else this.#facets.replaceChildren(element('p', 'search-facets-none', strings.filtersNone));
    this.#filtersSummary.textContent = selected > 0 ? strings.filtersActive(selected) : strings.filters;
    if (focusKey) {
      const again = [...this.#facets.querySelectorAll('input')].find((box) => `${box.name}\n${box.value}` === focusKey);
      again?.focus();
    }
  }
}

customElements.define('archive-search', ArchiveSearch);
