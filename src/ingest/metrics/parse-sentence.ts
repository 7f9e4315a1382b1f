/**
 * One reading of each sentence (issue 15, "parse each sentence once"): its printed figures
 * and why each is or is not a metric, its time expressions, its named spans (quotations and
 * titles), its ranks and its clauses. The extractor labels, dates, classifies and files
 * figures under topics from this structure; nothing after it searches the sentence for
 * figures, times, names or ranks again.
 *
 * A paragraph is read as its sentences (src/figures/sentences.ts) plus its lead: a year or
 * span that opens the paragraph scopes all of it ("2023年，聊城…").
 */
import { findFigures, type Figure } from '../../figures/parse-figures.ts';
import { findRanks, type RankFigure } from '../../figures/parse-ranks.ts';
import { sentenceSpans } from '../../figures/sentences.ts';
import { CLAUSE_END, exclusionOf, nameSpans, type Exclusion, type Span } from './classify.ts';
import { timeExpressions, type TimeExpression } from './period.ts';

export interface ParsedSentence {
  /** The sentence as printed, trailing space included. */
  text: string;
  /** Every printed figure, in reading order. */
  figures: Figure[];
  /** Why each figure (same index) is not a metric; undefined when it is one. */
  exclusions: (Exclusion | undefined)[];
  /** The figures that are metrics. */
  metrics: Figure[];
  /** Quotations and 《》 titles: names, slogans, titles. */
  names: Span[];
  /** Time expressions outside names. */
  times: TimeExpression[];
  /** Ranks and streaks outside names. */
  ranks: RankFigure[];
  /** Clauses: the spans between clause punctuation. */
  clauses: Span[];
  /** Ends a statement (。！？), not one item of a ；-chain. */
  endsStatement: boolean;
}

export interface ParsedParagraph {
  text: string;
  sentences: ParsedSentence[];
  /** The period of a year or span opening the paragraph, if one does. */
  lead: string | undefined;
}

const ENDS_STATEMENT = /[。！？!?][”’」』）)"']*\s*$/u;

const inside = (spans: readonly Span[], x: Span): boolean => spans.some((n) => x.start >= n.start && x.end <= n.end);

function clauseSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || CLAUSE_END.test(text[i] as string)) {
      if (i > start) spans.push({ start, end: i });
      start = i + 1;
    }
  }
  return spans;
}

export function parseSentence(text: string, year: number): ParsedSentence {
  const names = nameSpans(text);
  const figures = findFigures(text);
  const exclusions = figures.map((f) => exclusionOf(text, f, names));
  return {
    text,
    figures,
    exclusions,
    metrics: figures.filter((_, k) => exclusions[k] === undefined),
    names,
    times: timeExpressions(text, year).filter((t) => !inside(names, t)),
    ranks: findRanks(text).filter((r) => !inside(names, r)),
    clauses: clauseSpans(text),
    endsStatement: ENDS_STATEMENT.test(text),
  };
}

export function parseParagraph(text: string, year: number): ParsedParagraph {
  const sentences = sentenceSpans(text).map((span) => parseSentence(span.text, year));
  const first = sentences[0]?.times[0];
  const opens =
    first !== undefined && !first.day && /^(?:自|从)?$/u.test((sentences[0]?.text ?? '').slice(0, first.start).trim());
  return { text, sentences, lead: opens ? first.period : undefined };
}
