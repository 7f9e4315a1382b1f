/**
 * Building SVG/HTML markup as strings, safely.
 *
 * `el()` escapes every attribute value and every plain-string child, so a label such as
 * `<script>` or `" onload="…` is always inert text. Only `Markup` values (what `el()` and
 * `raw()` return) are inserted as markup. Numbers in attributes are rounded to 0.1 so the
 * output is stable for snapshots, and a non-finite number never reaches the markup.
 */

/** Markup that is already safe to insert. Make it only with `el`, `raw` or `join`. */
export class Markup {
  readonly #html: string;
  constructor(html: string) {
    this.#html = html;
  }
  toString(): string {
    return this.#html;
  }
}

export type Child = Markup | string | number | null | undefined | false | readonly Child[];
export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Readonly<Record<string, AttrValue>>;

/** Characters XML 1.0 does not allow, even escaped (C0 controls except tab/newline/return, lone surrogates, U+FFFE/U+FFFF). */
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an element's content (SVG or HTML). */
export function escapeText(value: string): string {
  return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Rounds a coordinate to 0.1 (or `digits` decimals); -0 and non-finite numbers become 0. */
export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return 0;
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** A number as attribute text, rounded (see `round`). */
export function num(value: number, digits = 1): string {
  return String(round(value, digits));
}

const ATTR_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;
const TAG_NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;
/** Elements that never have content in HTML. */
const VOID_HTML = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'wbr']);

function attrsText(attrs: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (!ATTR_NAME.test(name)) throw new Error(`invalid attribute name: ${name}`);
    // Event-handler attributes are never produced by the charts: refuse them outright.
    if (/^on/i.test(name)) throw new Error(`event handler attributes are not allowed: ${name}`);
    if (value === true) {
      out += ` ${name}`;
      continue;
    }
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeAttr(value)}"`;
  }
  return out;
}

function childText(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (child instanceof Markup) return child.toString();
  if (typeof child === 'number') return num(child);
  if (typeof child === 'string') return escapeText(child);
  return child.map(childText).join('');
}

/**
 * One element. Plain strings among the children are escaped; `Markup` is kept.
 * SVG elements without children self-close (`<rect/>`); HTML void elements stay void.
 */
export function el(tag: string, attrs: Attrs = {}, ...children: Child[]): Markup {
  if (!TAG_NAME.test(tag)) throw new Error(`invalid tag name: ${tag}`);
  const inner = childText(children);
  if (inner === '')
    return new Markup(VOID_HTML.has(tag) ? `<${tag}${attrsText(attrs)}>` : `<${tag}${attrsText(attrs)}/>`);
  return new Markup(`<${tag}${attrsText(attrs)}>${inner}</${tag}>`);
}

/** An element that always has a closing tag, even when empty (HTML `<td></td>`, `<span></span>`). */
export function elOpen(tag: string, attrs: Attrs = {}, ...children: Child[]): Markup {
  if (!TAG_NAME.test(tag)) throw new Error(`invalid tag name: ${tag}`);
  return new Markup(`<${tag}${attrsText(attrs)}>${childText(children)}</${tag}>`);
}

/** Trusted markup (the caller vouches for it: generated paths, constant strings). */
export function raw(html: string): Markup {
  return new Markup(html);
}

/** Concatenates children into one `Markup`. */
export function join(...children: Child[]): Markup {
  return new Markup(childText(children));
}

/**
 * A link target that is safe to put in `href`/`data-href`: relative URLs, fragments, http(s)
 * and mailto. Anything else (javascript:, data:, vbscript: …) gives undefined, so no link.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  // Browsers ignore tabs/newlines and leading control characters or spaces in a scheme.
  const compact = url.replace(/[\u0000-\u0020\u007F]+/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto') return url;
  return undefined;
}

/** A deterministic short hash (FNV-1a, base 36) for stable element ids. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Makes an id safe for `id`/`aria-labelledby`/`url(#…)`: ASCII letters, digits, - and _. */
export function safeId(value: string): string {
  const cleaned = value.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-zA-Z]/.test(cleaned) ? cleaned : `c-${cleaned || hash(value)}`;
}
