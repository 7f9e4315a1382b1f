/**
 * Precision and recall of the event extractor on the hand-written truth sets
 * (scripts/support/data/events-truth). `npm run measure:events`; --verbose lists the misses and spurious
 * events of the TUNING articles only; held-out articles (truth `heldOut: true`) are reported as figures, and
 * `--held-out-details` lists theirs, for the final audit after tuning.
 */
import { extractedEvents, readEventTruth, scoreEvents, type EventScore } from './support/events-truth.ts';

const verbose = process.argv.includes('--verbose');
const heldOutDetails = process.argv.includes('--held-out-details');
const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${a}/${b} ${((a / b) * 100).toFixed(1)}%`);

function report(title: string, scores: readonly EventScore[], details: boolean): void {
  const sum = (f: (s: EventScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  console.log(`\n${title}`);
  for (const s of scores) {
    console.log(
      `  ${s.name.padEnd(16)} precision ${pct(s.matched, s.extracted).padEnd(14)} recall ${pct(s.matched, s.truth).padEnd(14)} kind ${pct(s.kindOk, s.matched).padEnd(14)} where ${pct(s.whereOk, s.whereTruth)}`,
    );
    if (!details) continue;
    for (const m of s.missed) console.log(`    missed   ${m.date} ${m.keys[0] ?? ''}`);
    for (const e of s.spurious) console.log(`    spurious ${e.date} ${e.kind} ${e.what}`);
  }
  console.log(
    `  ${'all'.padEnd(16)} precision ${pct(
      sum((s) => s.matched),
      sum((s) => s.extracted),
    ).padEnd(14)} recall ${pct(
      sum((s) => s.matched),
      sum((s) => s.truth),
    )}`,
  );
}

const scores = readEventTruth().map((set) => scoreEvents(set, extractedEvents(set)));
report(
  'tuning',
  scores.filter((s) => !s.heldOut),
  verbose,
);
report(
  'held out',
  scores.filter((s) => s.heldOut),
  heldOutDetails,
);
