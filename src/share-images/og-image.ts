import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font, PathCommand } from 'opentype.js';
import sharp from 'sharp';
import { wrapHeadline } from './cjk-wrap.ts';
import { cachedPng } from './cache.ts';
import { countWork } from '../lib/build-profile.ts';

/** Size of a share image, as Open Graph and most apps expect. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/**
 * Noto Sans SC (OFL-1.1) from the npm package @embedpdf/fonts-sc: the glyphs are
 * drawn as SVG paths, so the image never depends on fonts installed on the build machine.
 */
export const OG_FONT_PACKAGE = '@embedpdf/fonts-sc';

export interface OgFonts {
  bold: Font;
  regular: Font;
}

let cachedFonts: OgFonts | undefined;

function fontFile(name: string): string {
  // The package exports no subpaths, so find its folder from its entry point.
  const entry = createRequire(import.meta.url).resolve(OG_FONT_PACKAGE);
  return join(dirname(entry), '..', 'fonts', name);
}

// Loaded through require: the package's ESM build has only named exports and its
// Node (UMD) build only a default one, so a static import works in one of Vite or Node, never both.
const opentype = createRequire(import.meta.url)('opentype.js') as typeof import('opentype.js');

function loadFont(name: string): Font {
  const bytes = readFileSync(fontFile(name));
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** The two weights the share image uses, parsed once per process (about half a second each). */
export function loadOgFonts(): OgFonts {
  cachedFonts ??= { bold: loadFont('NotoSansHans-Bold.otf'), regular: loadFont('NotoSansHans-Regular.otf') };
  return cachedFonts;
}

/** What a share image shows. */
export interface OgCard {
  siteName: string;
  /** Place and year above the headline: 菏泽市 巨野县 · 2020年 */
  kicker: string;
  title: string;
  dek?: string | undefined;
  /** The key figure, split like the page shows it. */
  figure?: { prefix: string; number: string; suffix: string; label: string } | undefined;
  /** A quiet line at the foot: byline and reading time. */
  footer?: string | undefined;
}

const COLORS = {
  paper: '#f6f2ea',
  ink: '#1b1b1f',
  muted: '#5a5850',
  accent: '#a4262c',
  rule: '#d8d1c2',
  panel: '#ffffff',
};
const MARGIN = 72;

/** Characters of a text that the font has no glyph for (they would print as empty boxes). */
export function missingGlyphs(font: Font, text: string): string[] {
  return [...new Set([...text].filter((ch) => ch.trim() !== '' && !font.hasChar(ch)))];
}

const num = (v: number) => String(Math.round(v * 10) / 10);

/**
 * SVG path data of glyph outlines, written here rather than by Path.toPathData:
 * opentype.js 2.0 rounds some coordinates to NaN (its rounding cache builds
 * "5.6e-14e+1"), which breaks whole glyphs.
 */
export function pathData(commands: readonly PathCommand[]): string {
  return commands
    .map((c) => {
      switch (c.type) {
        case 'M':
        case 'L':
          return `${c.type}${num(c.x)} ${num(c.y)}`;
        case 'C':
          return `C${num(c.x1)} ${num(c.y1)} ${num(c.x2)} ${num(c.y2)} ${num(c.x)} ${num(c.y)}`;
        case 'Q':
          return `Q${num(c.x1)} ${num(c.y1)} ${num(c.x)} ${num(c.y)}`;
        case 'Z':
          return 'Z';
      }
    })
    .join('');
}

/** A character's glyph in font units: its advance and its outline drawn at the origin. */
interface CachedGlyph {
  advance: number;
  commands: PathCommand[];
}

const glyphCaches = new WeakMap<Font, Map<string, CachedGlyph>>();

/**
 * Glyphs one character at a time, each worked out once per font: opentype.js shapes a whole string
 * on every getPath and getAdvanceWidth (some 3 ms a headline), and headline fitting measures many
 * strings, which made the share images the slowest part of a large build. Chinese text needs no
 * shaping; Latin pairs lose their kerning, too small to see at these sizes.
 */
function glyphOf(font: Font, char: string): CachedGlyph {
  let cache = glyphCaches.get(font);
  if (!cache) glyphCaches.set(font, (cache = new Map<string, CachedGlyph>()));
  let glyph = cache.get(char);
  if (!glyph) {
    const g = font.charToGlyph(char);
    glyph = { advance: g.advanceWidth ?? 0, commands: g.getPath(0, 0, font.unitsPerEm).commands };
    cache.set(char, glyph);
  }
  return glyph;
}

/** Width of a text at a font size, in pixels. */
export function advanceWidth(font: Font, text: string, size: number): number {
  let units = 0;
  for (const char of text) units += glyphOf(font, char).advance;
  return (units * size) / font.unitsPerEm;
}

const glyphPaths = new WeakMap<Font, Map<string, string>>();

/** A glyph's outline at a font size, drawn at the origin: worked out once per font, size and character. */
function glyphPath(font: Font, char: string, size: number): string {
  let cache = glyphPaths.get(font);
  if (!cache) glyphPaths.set(font, (cache = new Map<string, string>()));
  const key = `${size}|${char}`;
  let d = cache.get(key);
  if (d === undefined) {
    const scale = size / font.unitsPerEm;
    const at = (v: number) => v * scale;
    d = pathData(
      glyphOf(font, char).commands.map((c): PathCommand => {
        if (c.type === 'Z') return c;
        if (c.type === 'C')
          return { type: 'C', x1: at(c.x1), y1: at(c.y1), x2: at(c.x2), y2: at(c.y2), x: at(c.x), y: at(c.y) };
        if (c.type === 'Q') return { type: 'Q', x1: at(c.x1), y1: at(c.y1), x: at(c.x), y: at(c.y) };
        return { type: c.type, x: at(c.x), y: at(c.y) };
      }),
    );
    cache.set(key, d);
  }
  return d;
}

/**
 * A text set at (x, y): each glyph's cached outline moved into place. Writing every point of every glyph
 * anew took about 7 ms a share image, which the share-image cache paid for each image to know its name.
 */
function pathOf(font: Font, text: string, x: number, y: number, size: number, fill: string): string {
  const scale = size / font.unitsPerEm;
  const glyphs: string[] = [];
  let pen = x;
  for (const char of text) {
    const d = glyphPath(font, char, size);
    if (d !== '') glyphs.push(`<path transform="translate(${num(pen)} ${num(y)})" d="${d}"/>`);
    pen += glyphOf(font, char).advance * scale;
  }
  return glyphs.length === 0 ? '' : `<g fill="${fill}">${glyphs.join('')}</g>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** Headline lines at the largest size (72 → 52 px) that fits in three lines. */
function fitHeadline(font: Font, title: string, width: number, largest: number): { size: number; lines: string[] } {
  for (const size of [84, 78, 72, 66, 60, 56, 52].filter((s) => s <= largest)) {
    const lines = wrapHeadline(title, width, (t) => advanceWidth(font, t, size));
    if (lines.length <= 3) return { size, lines };
  }
  const lines = wrapHeadline(title, width, (t) => advanceWidth(font, t, 52));
  return { size: 52, lines: [...lines.slice(0, 2), `${lines.slice(2).join('').slice(0, -1)}…`] };
}

/**
 * The share image as an SVG whose text is all paths: paper background, the
 * place and year in red, the headline large, the dek, and the key figure in a
 * panel on the right when the article has one.
 */
export function ogImageSvg(card: OgCard, fonts: OgFonts): string {
  const parts: string[] = [];
  const hasFigure = card.figure !== undefined;
  const textWidth = hasFigure ? 700 : OG_WIDTH - MARGIN * 2;

  parts.push(`<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${COLORS.paper}"/>`);
  parts.push(`<rect x="0" y="0" width="${OG_WIDTH}" height="12" fill="${COLORS.accent}"/>`);
  // Masthead: a red square and the site name.
  parts.push(`<rect x="${MARGIN}" y="62" width="22" height="22" fill="${COLORS.accent}"/>`);
  parts.push(pathOf(fonts.bold, card.siteName, MARGIN + 36, 82, 26, COLORS.ink));
  parts.push(`<rect x="${MARGIN}" y="112" width="${OG_WIDTH - MARGIN * 2}" height="2" fill="${COLORS.ink}"/>`);

  let y = 186;
  parts.push(pathOf(fonts.bold, card.kicker, MARGIN, y, 30, COLORS.accent));
  y += 26;

  const headline = fitHeadline(fonts.bold, card.title, textWidth, hasFigure ? 72 : 84);
  const lineHeight = Math.round(headline.size * 1.28);
  for (const line of headline.lines) {
    y += lineHeight;
    parts.push(pathOf(fonts.bold, line, MARGIN, y, headline.size, COLORS.ink));
  }

  if (card.dek) {
    const dekLines = wrapHeadline(card.dek, textWidth, (t) => advanceWidth(fonts.regular, t, 32)).slice(0, 2);
    y += 30;
    for (const line of dekLines) {
      y += 46;
      if (y > OG_HEIGHT - 70) break;
      parts.push(pathOf(fonts.regular, line, MARGIN, y, 32, COLORS.muted));
    }
  }

  if (card.figure) {
    const { prefix, number, suffix, label } = card.figure;
    const x = 840;
    const panelWidth = OG_WIDTH - MARGIN - x;
    const labelLines = wrapHeadline(label, panelWidth - 56, (t) => advanceWidth(fonts.regular, t, 26)).slice(0, 3);
    const panelHeight = 172 + labelLines.length * 38;
    parts.push(
      `<rect x="${x}" y="160" width="${panelWidth}" height="${panelHeight}" fill="${COLORS.panel}" stroke="${COLORS.rule}" stroke-width="2"/>`,
    );
    parts.push(`<rect x="${x}" y="160" width="${panelWidth}" height="8" fill="${COLORS.accent}"/>`);
    let size = 96;
    const measure = (s: number) =>
      advanceWidth(fonts.bold, number, s) + advanceWidth(fonts.bold, prefix + suffix, s * 0.42);
    while (size > 48 && measure(size) > panelWidth - 56) size -= 4;
    let fx = x + 28;
    const baseline = 282;
    if (prefix) {
      parts.push(pathOf(fonts.bold, prefix, fx, baseline, size * 0.42, COLORS.accent));
      fx += advanceWidth(fonts.bold, prefix, size * 0.42) + 4;
    }
    parts.push(pathOf(fonts.bold, number, fx, baseline, size, COLORS.accent));
    fx += advanceWidth(fonts.bold, number, size) + 4;
    parts.push(pathOf(fonts.bold, suffix, fx, baseline, size * 0.42, COLORS.accent));
    labelLines.forEach((line, i) => parts.push(pathOf(fonts.regular, line, x + 28, 340 + i * 38, 26, COLORS.ink)));
  }

  parts.push(
    `<rect x="${MARGIN}" y="${OG_HEIGHT - 84}" width="${OG_WIDTH - MARGIN * 2}" height="1" fill="${COLORS.rule}"/>`,
  );
  if (card.footer) parts.push(pathOf(fonts.regular, card.footer, MARGIN, OG_HEIGHT - 40, 24, COLORS.muted));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">`,
    `<title>${escapeXml(card.title)}</title>`,
    ...parts,
    '</svg>',
  ].join('');
}

const PNG_SETTINGS = { compressionLevel: 6, palette: true, colours: 16, dither: 0, effort: 1 } as const;
/** The cache key's settings part: a change of settings or of sharp (its libvips renders the SVG) draws every image again. */
export const PNG_SETTINGS_KEY = JSON.stringify({ PNG_SETTINGS, sharp: sharp.versions });

/**
 * The PNG of a share image's SVG. Six flat colours and their anti-aliased edges: a 16-colour palette without
 * dithering looks the same and is as small (17 KB) as the default quantiser's, in a third of the time; zlib
 * level 6 is 4% larger than 9, in two thirds.
 */
export function rasteriseOgSvg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png(PNG_SETTINGS).toBuffer();
}

/**
 * The share image as PNG bytes (sharp rasterises the path-only SVG). `path` is where the build writes
 * it in the site (og/<slug>.png), so the precache list can reuse the cache's hash of it.
 */
export async function renderOgImage(card: OgCard, fonts: OgFonts = loadOgFonts(), path?: string): Promise<Buffer> {
  const started = performance.now();
  const svg = ogImageSvg(card, fonts);
  const png = await cachedPng(svg, PNG_SETTINGS_KEY, () => rasteriseOgSvg(svg), path);
  // Summed over calls, which overlap two at a time (build.concurrency): the share of the pages stage they take.
  countWork('share images: ms in renderOgImage', Math.round(performance.now() - started));
  return png;
}
