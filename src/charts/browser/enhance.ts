/**
 * <chart-figure>: enhances a server-rendered chart once the page is idle. Each mark already
 * carries data-label, data-value, data-href and an aria-label with its exact value; this adds
 * - a tooltip (label, exact value, place and date, a link to the source sentence) on hover
 *   and on keyboard focus;
 * - one tab stop per chart: arrow keys, Home and End move between marks; Enter or Space
 *   follows the mark's link to its sentence; Escape closes the tooltip;
 * - a click on a mark follows its link (a first tap on a touch screen shows the tooltip).
 * Motion is CSS only (charts.css), inside prefers-reduced-motion: no-preference.
 */
import { chartsUi } from '../../lib/ui-strings.ts';

const MARK = '.chart-mark';
let tooltipCount = 0;

/** "2020-03-12" → 2020年3月12日; a range → start—end; other text as given. */
function dateText(date: string): string {
  const one = (d: string): string => {
    const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/u.exec(d);
    if (!m) return d;
    return `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}${m[3] ? `${Number(m[3])}日` : ''}`;
  };
  return date.split('/').map(one).join('—');
}

/** The exact value as the mark's aria-label prints it: the text after its last "：". */
function exactValue(mark: Element): string {
  const label = mark.getAttribute('aria-label') ?? '';
  const at = label.lastIndexOf('：');
  return at >= 0 ? label.slice(at + 1) : '';
}

class ChartFigureElement extends HTMLElement {
  #marks: HTMLElement[] = [];
  #tip: HTMLDivElement | undefined;
  #active: HTMLElement | undefined;
  #hideTimer = 0;
  #touch = false;

  connectedCallback(): void {
    if (this.dataset['enhanced'] !== undefined) return;
    this.#marks = [...this.querySelectorAll<HTMLElement>(MARK)];
    if (this.#marks.length === 0) return;
    this.dataset['enhanced'] = '';
    // Marks become reachable to assistive technology: the chart is a group of labelled images.
    for (const svg of this.querySelectorAll('svg.chart'))
      if (svg.querySelector(MARK)) svg.setAttribute('role', 'group');
    this.#marks.forEach((mark, i) => mark.setAttribute('tabindex', i === 0 ? '0' : '-1'));

    const tip = document.createElement('div');
    tip.className = 'chart-tooltip';
    tip.id = `chart-tooltip-${++tooltipCount}`;
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    this.append(tip);
    this.#tip = tip;

    this.addEventListener('focusin', (event) => {
      const mark = this.#markOf(event.target);
      if (mark) this.#show(mark);
    });
    this.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node) || !this.contains(next)) this.#hide();
    });
    this.addEventListener('pointerdown', (event) => {
      this.#touch = event.pointerType === 'touch';
    });
    this.addEventListener('pointerover', (event) => {
      const mark = this.#markOf(event.target);
      if (mark && event.pointerType !== 'touch') this.#show(mark);
      else if (event.target instanceof Node && tip.contains(event.target)) window.clearTimeout(this.#hideTimer);
    });
    this.addEventListener('pointerout', (event) => {
      const next = event.relatedTarget;
      if (
        next instanceof Node &&
        (tip.contains(next) || (this.#markOf(next) !== undefined && this.#markOf(next) === this.#active))
      )
        return;
      if (event.pointerType !== 'touch' && document.activeElement !== this.#active) this.#scheduleHide();
    });
    this.addEventListener('click', (event) => {
      const mark = this.#markOf(event.target);
      if (!mark) return;
      // A first tap shows the tooltip (touch screens have no hover); a second one follows.
      if (this.#touch && this.#active !== mark) {
        this.#show(mark);
        return;
      }
      this.#follow(mark);
    });
    this.addEventListener('keydown', (event) => this.#onKey(event));
  }

  #markOf(target: EventTarget | null): HTMLElement | undefined {
    if (!(target instanceof Element)) return undefined;
    const mark = target.closest<HTMLElement>(MARK);
    return mark && this.contains(mark) ? mark : undefined;
  }

  #onKey(event: KeyboardEvent): void {
    const mark = this.#markOf(event.target);
    if (!mark) return;
    const i = this.#marks.indexOf(mark);
    const last = this.#marks.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: i + 1,
      ArrowDown: i + 1,
      ArrowLeft: i - 1,
      ArrowUp: i - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.#focus(Math.max(0, Math.min(last, moves[event.key] ?? i)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#follow(mark);
    } else if (event.key === 'Escape') {
      if (this.#tip && !this.#tip.hidden) event.preventDefault();
      this.#hide();
    }
  }

  #focus(index: number): void {
    const next = this.#marks[index];
    if (!next) return;
    for (const mark of this.#marks) mark.setAttribute('tabindex', mark === next ? '0' : '-1');
    next.focus();
  }

  #follow(mark: HTMLElement): void {
    const href = mark.dataset['href'];
    if (href) window.location.assign(href);
  }

  #show(mark: HTMLElement): void {
    const tip = this.#tip;
    if (!tip) return;
    window.clearTimeout(this.#hideTimer);
    this.#active?.classList.remove('is-active');
    this.#active?.removeAttribute('aria-describedby');
    this.#active = mark;
    mark.classList.add('is-active');
    mark.closest('svg')?.setAttribute('data-active', '');
    for (const mk of this.#marks) mk.setAttribute('tabindex', mk === mark ? '0' : '-1');

    const { label = '', href, group, date } = mark.dataset;
    const value = mark.dataset['value'] !== undefined ? exactValue(mark) : '';
    const meta = [group, date ? dateText(date) : ''].filter(Boolean).join(' · ');
    tip.replaceChildren();
    const add = (className: string, text: string): void => {
      if (!text) return;
      const line = document.createElement('div');
      line.className = className;
      line.textContent = text;
      tip.append(line);
    };
    add('chart-tooltip__label', label);
    add('chart-tooltip__value', value);
    add('chart-tooltip__meta', meta);
    if (href) {
      const link = document.createElement('a');
      link.className = 'chart-tooltip__link';
      link.href = href;
      link.tabIndex = -1;
      link.textContent = `${chartsUi.sourceSentence} →`;
      tip.append(link);
      const hint = document.createElement('div');
      hint.className = 'chart-tooltip__meta chart-tooltip__hint';
      hint.textContent = chartsUi.keyHint;
      tip.append(hint);
    }
    const wasHidden = tip.hidden;
    tip.hidden = false;
    mark.setAttribute('aria-describedby', tip.id);
    this.#place(mark, tip);
    if (wasHidden) {
      tip.setAttribute('data-entering', '');
      // Next frame: the CSS transition (if motion is allowed) runs from the entering state.
      requestAnimationFrame(() => requestAnimationFrame(() => tip.removeAttribute('data-entering')));
    }
  }

  /** Above the mark, centred and kept inside the figure; below it when there is no room above. */
  #place(mark: HTMLElement, tip: HTMLDivElement): void {
    const host = this.getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    const gap = 8;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const centre = box.left - host.left + box.width / 2;
    const left = Math.max(0, Math.min(host.width - width, centre - width / 2));
    const above = box.top - host.top - height - gap;
    const top = above >= 0 || box.top - height - gap >= 0 ? above : box.bottom - host.top + gap;
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }

  #scheduleHide(): void {
    window.clearTimeout(this.#hideTimer);
    this.#hideTimer = window.setTimeout(() => this.#hide(), 250);
  }

  #hide(): void {
    window.clearTimeout(this.#hideTimer);
    if (this.#tip) this.#tip.hidden = true;
    this.#active?.classList.remove('is-active');
    this.#active?.removeAttribute('aria-describedby');
    this.#active?.closest('svg')?.removeAttribute('data-active');
    this.#active = undefined;
  }
}

function define(): void {
  if (!customElements.get('chart-figure')) customElements.define('chart-figure', ChartFigureElement);
}

// Charts are readable before this runs; enhancing them can wait for an idle moment.
if ('requestIdleCallback' in window) window.requestIdleCallback(define, { timeout: 2000 });
else setTimeout(define, 200);
