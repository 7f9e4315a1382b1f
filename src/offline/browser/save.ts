/**
 * <offline-save>: the 保存以离线阅读 control. The server renders it hidden; this shows it only
 * where offline reading works, and says when the page is already cached with the whole archive.
 */
import type { SaveStrings } from '../shared/save-strings.ts';
import { isPrecached, isSaved, isStorageFull, offlineSupported, removeSaved, savePage } from './caches.ts';

class OfflineSave extends HTMLElement {
  /** Its texts, written by the server (src/offline/shared/save-strings.ts). */
  #strings = {} as SaveStrings;
  #button: HTMLButtonElement | null = null;
  #status: HTMLElement | null = null;
  #path = location.pathname;

  connectedCallback(): void {
    if (!offlineSupported()) return;
    this.#button = this.querySelector('button');
    this.#status = this.querySelector('[data-status]');
    this.#path = this.dataset['path'] ?? location.pathname;
    this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as SaveStrings;
    this.hidden = false;
    this.#button?.addEventListener('click', () => void this.#toggle());
    document.addEventListener('offline-status', () => void this.#render());
    void this.#render();
  }

  async #render(): Promise<void> {
    if (!this.#button || !this.#status) return;
    const [precached, saved] = await Promise.all([isPrecached(this.#path), isSaved(this.#path)]);
    this.#button.hidden = precached && !saved;
    this.#button.textContent = saved ? this.#strings.remove : this.#strings.save;
    this.#button.dataset['action'] = saved ? 'remove' : 'save';
    this.#status.textContent = saved ? this.#strings.saved : precached ? this.#strings.alreadyOffline : '';
  }

  async #toggle(): Promise<void> {
    if (!this.#button || !this.#status) return;
    const removing = this.#button.dataset['action'] === 'remove';
    this.#button.disabled = true;
    try {
      if (removing) await removeSaved(this.#path);
      else {
        this.#status.textContent = this.#strings.saving;
        await savePage(this.#path);
      }
      await this.#render();
    } catch (error) {
      this.#status.textContent = isStorageFull(error) ? this.#strings.saveFailedStorageFull : this.#strings.saveFailed;
    } finally {
      this.#button.disabled = false;
    }
  }
}

customElements.define('offline-save', OfflineSave);
