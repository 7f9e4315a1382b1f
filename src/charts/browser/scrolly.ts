/**
 * <scrolly-story>: shows the story's one graphic beside (or behind) the steps' text and marks
 * the state of the step in view; every state is already in the server-rendered SVG. Readers
 * who prefer reduced motion keep the static layout: each step's text, then its own graphic.
 *
 * The step in view is computed from positions, not from intersection events alone: events
 * are missed when the page jumps (Home, End, a link to a step, a reload mid-page), so the
 * position check also runs on scroll, resize, hashchange and load.
 */
const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');

/** The step in view: the last one whose top has passed the middle of the viewport (the first before any has). */
function stepInView(tops: readonly number[], viewportHeight: number): number {
  let active = 0;
  tops.forEach((top, i) => {
    if (top <= viewportHeight / 2) active = i;
  });
  return active;
}

class ScrollyStoryElement extends HTMLElement {
  #steps: HTMLElement[] = [];
  #states: Element[] = [];
  #observer: IntersectionObserver | undefined;
  #frame = 0;
  #onChange = (): void => this.#apply();
  #schedule = (): void => {
    if (this.#frame === 0) this.#frame = requestAnimationFrame(() => this.#update());
  };

  connectedCallback(): void {
    this.#steps = [...this.querySelectorAll<HTMLElement>('.scrolly-step')];
    this.#states = [...this.querySelectorAll('.scrolly-figure .scrolly-state')];
    if (this.#steps.length < 2 || this.#steps.length !== this.#states.length) return;
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
    this.classList.add('is-scrolly');
    this.#observer = new IntersectionObserver(this.#schedule, { threshold: [0, 0.5, 1] });
    for (const step of this.#steps) this.#observer.observe(step);
    for (const type of ['scroll', 'resize', 'hashchange', 'load'])
      window.addEventListener(type, this.#schedule, { passive: true });
    this.#update();
  }

  #stop(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    for (const type of ['scroll', 'resize', 'hashchange', 'load']) window.removeEventListener(type, this.#schedule);
    this.classList.remove('is-scrolly');
    delete this.dataset['step'];
    for (const step of this.#steps) step.removeAttribute('data-active');
  }

  #update(): void {
    this.#frame = 0;
    const active = stepInView(
      this.#steps.map((s) => s.getBoundingClientRect().top),
      window.innerHeight,
    );
    if (this.dataset['step'] === String(active)) return;
    this.dataset['step'] = String(active);
    this.#states.forEach((state, i) => state.toggleAttribute('data-active', i === active));
    this.#steps.forEach((step, i) => step.toggleAttribute('data-active', i === active));
  }
}

if (!customElements.get('scrolly-story')) customElements.define('scrolly-story', ScrollyStoryElement);
