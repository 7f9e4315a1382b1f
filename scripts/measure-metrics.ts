/**
 * Precision and recall of the metric extractor on the hand-built truth sets
 * (scripts/support/data/metrics-truth). `npm run measure:metrics`; add --verbose to
 * list every missed and spurious figure. Matching rules: scripts/support/metrics-truth.ts.
 * "label close": matched labels holding ≥ half the truth label's bigrams;
 * "qualifier": matched hedges that agree (both reported, not asserted).
 */
import { measureAll, type ArticleScore } from './support/metrics-truth.ts';

const verbose = process.argv.includes('--verbose');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function row(s: ArticleScore): string {
  return [
    s.name.padEnd(16),
    String(s.truth).padStart(5),
    String(s.extracted).padStart(9),
    String(s.matched).padStart(7),
    pct(s.precision).padStart(9),
    pct(s.recall).padStart(7),
    `${s.labelClose}/${s.matched}`.padStart(11),
    `${s.qualifierOk}/${s.matched}`.padStart(9),
  ].join('  ');
}

const { articles, total } = measureAll();
console.log(
  ['article'.padEnd(16), 'truth', 'extracted', 'matched', 'precision', ' recall', 'label close', 'qualifier'].join(
    '  ',
  ),
);
for (const s of articles) console.log(row(s));
console.log('-'.repeat(86));
console.log(row(total));

for (const s of verbose ? articles : []) {
  for (const t of s.missed) console.log(`${s.name}  missed    ${t.value} ${t.unit}  ${t.label}  «${t.quote}»`);
  for (const m of s.spurious)
    console.log(
      `${s.name}  spurious  ${m.value} ${m.unit}  ${m.label}  «${m.figure ?? ''}» in «${m.quote.slice(0, 40)}…»`,
    );
}
if (!verbose && total.missed.length + total.spurious.length > 0)
  console.log('(--verbose lists missed and spurious figures)');
