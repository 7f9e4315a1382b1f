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

export function readingStats(mdxBody: string): ReadingStats {
  const characters = countCharacters(bodyBlocks(mdxBody));
  return { characters, minutes: readingMinutes(characters) };
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
  const lead =
    data.standfirst[0]?.replace(/^编者按[：:]?/u, '') ?? bodyBlocks(mdxBody).find((b) => b.type === 'paragraph')?.text;
  return lead ? firstSentence(lead) : '';
}
