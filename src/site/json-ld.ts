import type { Article } from '../schemas/article.ts';

export interface NewsArticleInput {
  data: Article;
  /** Absolute canonical URL of the page. */
  url: string;
  /** Absolute URL of the share image. */
  image: string;
  /** Absolute URL of the source text as delivered. */
  sourceUrl?: string | undefined;
  siteName: string;
  siteUrl: string;
  characters: number;
  description: string;
}

/**
 * schema.org NewsArticle for an archived article. The archive only knows the
 * year reported on, so it gives temporalCoverage rather than inventing a date;
 * isBasedOn names the scanned source file the text was taken from.
 */
export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const { data } = input;
  const place =
    data.region === data.city
      ? { '@type': 'City', name: data.city }
      : { '@type': 'Place', name: data.region, containedInPlace: { '@type': 'City', name: data.city } };
  const json: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    description: input.description,
    inLanguage: 'zh-CN',
    url: input.url,
    mainEntityOfPage: input.url,
    image: [input.image],
    temporalCoverage: String(data.year),
    contentLocation: place,
    wordCount: input.characters,
    author: data.authors.map((a) => ({ '@type': 'Person', name: a.name, jobTitle: a.role })),
    publisher: { '@type': 'Organization', name: input.siteName, url: input.siteUrl },
    articleSection: data.sections,
  };
  if (data.subtitle) json['alternativeHeadline'] = data.subtitle;
  if (data.source) {
    const basis: Record<string, unknown> = {
      '@type': 'MediaObject',
      name: data.source.file,
      encodingFormat: 'text/plain',
      sha256: data.source.sha256,
    };
    if (input.sourceUrl) basis['contentUrl'] = input.sourceUrl;
    if (data.publication) basis['publisher'] = { '@type': 'Organization', name: data.publication };
    json['isBasedOn'] = basis;
  }
  return json;
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the tag. */
export function serialiseJsonLd(json: unknown): string {
  return JSON.stringify(json).replace(/</gu, '\\u003c');
}
