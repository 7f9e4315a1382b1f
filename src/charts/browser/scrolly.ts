/**
 * <scrolly-story>: turns the server-rendered steps (text + graphic each, readable without
 * JavaScript) into a sticky graphic that changes as the reader scrolls. It only lays out,
 * hides and shows: every graphic is already in the page. Readers who prefer reduced motion
 * keep the static layout, every graphic visible.
 */
const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');

class ScrollyStoryElement extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  #texts: HTMLElement[] = [];
  #graphics: HTMLElement[] = [];
  #onChange = (): void => this.#apply();

  connectedCallback(): void {
    const steps = [...this.querySelectorAll<HTMLElement>('.scrolly-step')];
    this.#texts = steps
      .map((s) => s.querySelector<HTMLElement>(':scope > .scrolly-text'))
      .filter((e): e is HTMLElement => e !== null);
    this.#graphics = steps
      .map((s) => s.querySelector<HTMLElement>(':scope > .scrolly-graphic'))
      .filter((e): e is HTMLElement => e !== null);
    if (this.#texts.length < 2 || this.#texts.length !== this.#graphics.length || !('IntersectionObserver' in window))
      return;
    reduced.addEventListener('change', this.#onChange);
    this.#apply();
  }

  disconnectedCallback(): void {
    reduced.removeEventListener('change', this.#onChange);
    this.#stop();
  }

  #apply(): void {
    if (reduced.matches) this.#stop();
    else this.#start();
  }

  #start(): void {
    if (this.#observer) return;
    this.style.setProperty('--steps', String(this.#texts.length));
    this.#texts.forEach((text, i) => {
      text.style.gridRow = String(i + 1);
    });
    this.classList.add('is-scrolly');
    this.#show(0);
    // A step is current while it crosses the middle of the viewport.
    this.#observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) this.#show(this.#texts.indexOf(entry.target as HTMLElement));
        }
      },
      { rootMargin: '-45% 0px -45% 0px' },
    );
    for (const text of this.#texts) this.#observer.observe(text);
  }

  #stop(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.classList.remove('is-scrolly');
    this.style.removeProperty('--steps');
    for (const text of this.#texts) {
      text.style.gridRow = '';
      text.removeAttribute('data-active');
    }
    for (const graphic of this.#graphics) {
      graphic.removeAttribute('data-active');
      graphic.inert = false;
      graphic.removeAttribute('aria-hidden');
    }
  }

  #show(index: number): void {
    if (index < 0) return;
    this.#graphics.forEach((graphic, i) => {
      const active = i === index;
      graphic.toggleAttribute('data-active', active);
      // Hidden graphics leave the tab order and the accessibility tree until their step comes.
      graphic.inert = !active;
      if (active) graphic.removeAttribute('aria-hidden');
      else graphic.setAttribute('aria-hidden', 'true');
    });
    this.#texts.forEach((text, i) => text.toggleAttribute('data-active', i === index));
  }
}

if (!customElements.get('scrolly-story')) customElements.define('scrolly-story', ScrollyStoryElement);
