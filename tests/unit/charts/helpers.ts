/** Shared checks for chart markup. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Tags in order of appearance; throws if the markup is not well-formed XML (balanced, quoted, escaped). */
export function assertWellFormed(markup: string): void {
  const stack: string[] = [];
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|([^<]+)|(<)/g;
  for (const m of markup.matchAll(token)) {
    if (m[6]) throw new Error(`unescaped "<" at ${m.index}: ${markup.slice(m.index, m.index + 40)}`);
    if (m[5] !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|#39|#\d+);)/.test(m[5]))
        throw new Error(`unescaped "&" in text: ${m[5].slice(0, 40)}`);
      continue;
    }
    const [, closing, name, attrs, selfClosing] = m;
    if (!name) continue;
    if (attrs && /&(?!(?:amp|lt|gt|quot|#39|#\d+);)/.test(attrs))
      throw new Error(`unescaped "&" in attributes of <${name}>`);
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (!selfClosing) stack.push(name);
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(' > ')}`);
}

/** The root `<svg …>` start tag. */
export function rootTag(svg: string): string {
  const m = /^<svg\b[^>]*>/.exec(svg);
  if (!m) throw new Error('markup does not start with <svg>');
  return m[0];
}

export function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The viewBox width of a chart. */
export function viewBoxWidth(svg: string): number {
  const vb = attr(rootTag(svg), 'viewBox')?.split(' ').map(Number) ?? [];
  return vb[2] ?? Number.NaN;
}

/** Every check an SVG chart must pass, whatever its data. */
export function expectAccessibleSvg(svg: string, title: string): void {
  assertWellFormed(svg);
  const root = rootTag(svg);
  expect(attr(root, 'role')).toBe('img');
  expect(attr(root, 'xmlns')).toBe('http://www.w3.org/2000/svg');
  // Scales to its container: a viewBox, no fixed width or height.
  expect(attr(root, 'viewBox')).toMatch(/^0 0 \d+ \d+$/);
  expect(attr(root, 'width')).toBeUndefined();
  expect(attr(root, 'height')).toBeUndefined();
  // <title> and <desc> named by aria-labelledby.
  const [titleId, descId] = (attr(root, 'aria-labelledby') ?? '').split(' ');
  expect(svg).toContain(`<title id="${titleId}">`);
  expect(svg).toContain(`<desc id="${descId}">`);
  expect(svg).toMatch(new RegExp(`<title id="${titleId}">${escapeRegExp(escapeXml(title))}</title>`));
  expect(/<desc id="[^"]+">([^<]+)<\/desc>/.exec(svg)?.[1]?.length ?? 0).toBeGreaterThan(4);
  // No broken numbers or values anywhere.
  expect(svg).not.toMatch(/NaN|undefined|Infinity|null|\[object/);
  // Text at least 12 px when the chart is 375 px wide.
  const scale = 375 / viewBoxWidth(svg);
  for (const m of svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(m[1]) * scale).toBeGreaterThanOrEqual(12);
  // Coordinates rounded to 0.1.
  for (const m of svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height)="(-?[\d.]+)"/g))
    expect(m[1]).toMatch(/^-?\d+(\.\d)?$/);
  // No script or event handler can be in there.
  expect(svg).not.toMatch(/<script/i);
  for (const tag of svg.match(/<[^>]+>/g) ?? []) expect(tag).not.toMatch(/\son\w+="/i);
}

/** The focusable marks: each has tabindex, an aria-label and data-* for the enhancer. */
export function marks(svg: string): string[] {
  return [...svg.matchAll(/<[a-z]+ class="chart-mark(?: [^"]*)?"[^>]*>/g)].map((m) => m[0]);
}

export function expectMarksUsable(svg: string, count: number): void {
  const found = marks(svg);
  expect(found).toHaveLength(count);
  for (const tag of found) {
    expect(attr(tag, 'tabindex')).toBe('0');
    expect(attr(tag, 'aria-label')?.length ?? 0).toBeGreaterThan(1);
    expect(attr(tag, 'data-label')).toBeDefined();
  }
  expect((svg.match(/tabindex="0"/g) ?? []).length).toBe(count);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Checks a data table: caption, scoped headers, one row per datum. */
export function expectTable(html: string, caption: string, rows: number): void {
  assertWellFormed(html);
  expect(html).toMatch(/^<table class="chart-table">/);
  expect(html).toContain(`<caption>${escapeXml(caption)}</caption>`);
  expect(html).toMatch(/<th scope="col">/);
  const bodyRows = (html.split('<tbody>')[1] ?? '').match(/<tr/g) ?? [];
  expect(bodyRows).toHaveLength(rows);
  expect(html).not.toMatch(/NaN|undefined/);
}

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), '__snapshots__');

/**
 * Compare a chart with its reviewed snapshot (`__snapshots__/<name>`). A snapshot is never rewritten by a
 * test run: a difference is written beside it as `<name>-changed.<ext>` for review (git ignores it), and
 * the test fails; accept it by moving the -changed file over the snapshot.
 */
export function expectSnapshot(markup: string, name: string): void {
  const path = join(SNAPSHOTS, name);
  const changed = path.replace(/(\.[a-z]+)$/u, '-changed$1');
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (expected === markup) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, markup);
  expect.fail(
    `${name} ${expected === undefined ? 'has no snapshot yet' : 'differs from its snapshot'}: review ${changed} and move it over ${path} if it is right`,
  );
}
