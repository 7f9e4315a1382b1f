import { bodyBlocks, countCharacters } from '../lib/body-text.ts';

/** A Chinese reader's pace on a phone: about 400 characters a minute. */
export const CHARACTERS_PER_MINUTE = 400;

/** Minutes to read so many characters, rounded up, never less than one. */
export function readingMinutes(characters: number): number {
  return Math.max(1, Math.ceil(characters / CHARACTERS_PER_MINUTE));
}

export interface ReadingStats {
  /** 字数 of the running text (paragraphs and headings). */
  characters: number;
  minutes: number;
}

/**
 * A body's stats and first paragraph, once per body: an article is summarised on its own page, on its neighbours'
 * and on each listing that shows it, and reading its body each time took 13 s of a 5,000-article build (a CPU
 * profile, 2026-12-07).
 */
const readByBody = new Map<string, { stats: ReadingStats; firstParagraph: string | undefined }>();

/** Bodies remembered at once: more than the largest archive built here (20,000 articles). */
const MAX_BODIES_READ = 50_000;

function readBody(mdxBody: string): { stats: ReadingStats; firstParagraph: string | undefined } {
  let read = readByBody.get(mdxBody);
  if (read === undefined) {
    const blocks = bodyBlocks(mdxBody);
    const characters = countCharacters(blocks);
    read = {
      stats: { characters, minutes: readingMinutes(characters) },
      firstParagraph: blocks.find((b) => b.type === 'paragraph')?.text,
    };
    // A long `astro dev` session keeps adding edited bodies: start over rather than grow without end.
    if (readByBody.size >= MAX_BODIES_READ) readByBody.clear();
    readByBody.set(mdxBody, read);
  }
  return read;
}

export function readingStats(mdxBody: string): ReadingStats {
  return { ...readBody(mdxBody).stats };
}

/** The first sentence of a text (up to and with its 。！？), for a dek or a description. */
export function firstSentence(text: string, max = 80): string {
  const match = /^.*?[。！？]/su.exec(text);
  const sentence = (match?.[0] ?? text).trim();
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}

/** The dek under a headline: the subtitle without its leading dash, else the standfirst's or the body's first sentence. */
export function dekOf(data: { subtitle?: string | undefined; standfirst: readonly string[] }, mdxBody = ''): string {
  if (data.subtitle) return data.subtitle.replace(/^[—–-]+\s*/u, '');
  const lead = data.standfirst[0]?.replace(/^编者按[：:]?/u, '') ?? readBody(mdxBody).firstParagraph;
  return lead ? firstSentence(lead) : '';
}
