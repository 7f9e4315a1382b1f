import { THEME_STORAGE_KEY, effectiveTheme, otherTheme, readStoredTheme, type Theme } from './theme.ts';

/**
 * <theme-toggle>: enhances the server-rendered (hidden) button into a light/dark
 * switch. The choice is stored and applied as <html data-theme>; the CSS does the rest.
 */
class ThemeToggle extends HTMLElement {
  #button: HTMLButtonElement | null = null;
  #media = window.matchMedia('(prefers-color-scheme: dark)');

  connectedCallback(): void {
    this.#button = this.querySelector('button');
    if (!this.#button) return;
    this.#button.hidden = false;
    this.#button.addEventListener('click', this.#toggle);
    this.#media.addEventListener('change', this.#render);
    this.#render();
  }

  disconnectedCallback(): void {
    this.#button?.removeEventListener('click', this.#toggle);
    this.#media.removeEventListener('change', this.#render);
  }

  #current(): Theme {
    const attribute = document.documentElement.getAttribute('data-theme');
    const chosen = attribute === 'light' || attribute === 'dark' ? attribute : readStoredTheme(window.localStorage);
    return effectiveTheme(chosen, this.#media.matches);
  }

  #toggle = (): void => {
    const next = otherTheme(this.#current());
    document.documentElement.setAttribute('data-theme', next);
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    this.#render();
  };

  #render = (): void => {
    if (!this.#button) return;
    const current = this.#current();
    const label = current === 'dark' ? this.dataset['labelLight'] : this.dataset['labelDark'];
    if (label) this.#button.setAttribute('aria-label', label);
    this.#button.title = label ?? '';
  };
}

if (!customElements.get('theme-toggle')) customElements.define('theme-toggle', ThemeToggle);
