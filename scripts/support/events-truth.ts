/**
 * Scoring the event extractor (src/ingest/events.ts) against the hand-written truth sets in
 * scripts/support/data/events-truth/*.json (what counts as an event, and the matching rule: README.md there).
 * An extracted event matches a truth event when the dates are equal and its `what` or its sentence holds one
 * of the truth keys; one-to-one, in reading order. precision = matched / extracted, recall = matched / truth.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractEvents, placeNames } from '../../src/ingest/events.ts';
import { parseSeed } from '../../src/ingest/pipeline.ts';
import { loadTaxonomy } from '../../src/lib/taxonomy.ts';
import type { ArticleEvent, EventKind } from '../../src/schemas/event.ts';

export interface TruthEvent {
  keys: string[];
  date: string;
  printed?: string;
  kind: EventKind;
  where?: string;
  note?: string;
}

export interface EventTruthSet {
  name: string;
  file: string;
  part: number;
  year: number;
  heldOut: boolean;
  events: TruthEvent[];
}

export interface EventScore {
  name: string;
  heldOut: boolean;
  truth: number;
  extracted: number;
  matched: number;
  /** Matched pairs whose kind agrees, and whose `where` agrees where the truth names a place. */
  kindOk: number;
  whereTruth: number;
  whereOk: number;
  missed: TruthEvent[];
  spurious: ArticleEvent[];
}

const TRUTH_DIR = 'scripts/support/data/events-truth';

export function readEventTruth(root = process.cwd()): EventTruthSet[] {
  const dir = resolve(root, TRUTH_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as EventTruthSet);
}

/** Punctuation width and spaces do not decide a match (OCR repair makes commas full-width). */
const norm = (text: string): string => text.replace(/\s/gu, '').replace(/,/gu, '，').replace(/;/gu, '；');

/** The events ingest extracts from one article of a seed. */
export function extractedEvents(
  set: Pick<EventTruthSet, 'file' | 'part' | 'year'>,
  root = process.cwd(),
): ArticleEvent[] {
  const text = readFileSync(resolve(root, 'seeds', set.file), 'utf8');
  const parsed = parseSeed({ file: set.file, sha256: '', text })[set.part - 1];
  if (!parsed) throw new Error(`${set.file} has no article ${set.part}`);
  return extractEvents({ year: set.year, blocks: parsed.blocks, places: placeNames(loadTaxonomy(root)) });
}

export function scoreEvents(set: EventTruthSet, extracted: readonly ArticleEvent[]): EventScore {
  const used = new Set<number>();
  const spurious: ArticleEvent[] = [];
  let kindOk = 0;
  let whereOk = 0;
  let whereTruth = 0;
  // An event's own words first; its whole sentence (which may hold several events) only when they miss.
  const find = (event: ArticleEvent, text: string) =>
    set.events.findIndex(
      (t, i) => !used.has(i) && t.date === event.date && t.keys.some((k) => norm(text).includes(norm(k))),
    );
  for (const event of extracted) {
    let index = find(event, event.what);
    if (index < 0) index = find(event, event.quote);
    const truth = set.events[index];
    if (!truth) {
      spurious.push(event);
      continue;
    }
    used.add(index);
    if (truth.kind === event.kind) kindOk++;
    if (truth.where !== undefined) {
      whereTruth++;
      if (event.where === truth.where) whereOk++;
    }
  }
  return {
    name: set.name,
    heldOut: set.heldOut,
    truth: set.events.length,
    extracted: extracted.length,
    matched: used.size,
    kindOk,
    whereTruth,
    whereOk,
    missed: set.events.filter((_, i) => !used.has(i)),
    spurious,
  };
}
