/**
 * <offline-pages mode="available|saved">: lists what this device can open offline, read from
 * Cache Storage. "available" (the /offline/ fallback) lists every stored page, saved ones first;
 * "saved" (/offline/saved/) lists saved pages with a remove button.
 */
import { offlineUi } from '../../lib/ui-strings.ts';
import { listCachedPages, offlineSupported, removeSaved, type CachedPage } from './caches.ts';

function link(page: CachedPage): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = page.path;
  a.textContent = page.title;
  return a;
}

function section(heading: string, pages: readonly CachedPage[], withRemove: boolean): HTMLElement {
  const wrapper = document.createElement('section');
  const h2 = document.createElement('h2');
  h2.textContent = heading;
  const list = document.createElement('ul');
  list.className = 'offline-list';
  for (const page of pages) {
    const item = document.createElement('li');
    item.append(link(page));
    if (withRemove) {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = offlineUi.remove;
      remove.dataset['remove'] = page.path;
      item.append(' ', remove);
    }
    list.append(item);
  }
  wrapper.append(h2, list);
  return wrapper;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

class OfflinePages extends HTMLElement {
  connectedCallback(): void {
    if (!offlineSupported()) return;
    this.addEventListener('click', (event) => {
      const button =
        event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-remove]') : null;
      if (button?.dataset['remove']) void removeSaved(button.dataset['remove']).then(() => this.#render());
    });
    document.addEventListener('offline-status', () => void this.#render());
    void this.#render();
  }

  async #render(): Promise<void> {
    const pages = await listCachedPages();
    const saved = pages.filter((p) => p.saved);
    const parts: HTMLElement[] = [];
    const ready = document.documentElement.dataset['offlineReady'];
    if (ready) parts.push(paragraph(ready === 'all' ? offlineUi.wholeArchive : offlineUi.partialArchive));
    if (this.getAttribute('mode') === 'saved') {
      parts.push(saved.length > 0 ? section(offlineUi.savedGroup, saved, true) : paragraph(offlineUi.noneSaved));
    } else {
      const others = pages.filter((p) => !p.saved);
      if (saved.length > 0) parts.push(section(offlineUi.savedGroup, saved, false));
      if (others.length > 0) parts.push(section(offlineUi.availableGroup, others, false));
      if (pages.length === 0) parts.push(paragraph(offlineUi.noneAvailable));
    }
    this.replaceChildren(...parts);
    this.dataset['rendered'] = 'true';
  }
}

customElements.define('offline-pages', OfflinePages);
