/**
 * Precision and recall of the metric extractor on the hand-built truth sets
 * (scripts/support/data/metrics-truth). `npm run measure:metrics`; add --verbose to
 * list every missed and spurious figure and field disagreement of the TUNED
 * articles. Held-out articles (truth `heldOut: true`) are reported as aggregate
 * figures only (one summary row, one field table); `--held-out-details` adds their
 * per-article rows and lists their failures, for the final audit after tuning.
 * The synthetic tuning sets (metrics-truth/synthetic/, sentences written for tuning)
 * get their own field table; --verbose lists their disagreements too. The fresh
 * held-out sets (metrics-truth/fresh/, new text written blind) print value+unit and
 * label rows only; --held-out-details lists their failures too.
 * Matching rules: scripts/support/metrics-truth.ts; label rubric: RUBRIC.md beside the truth.
 * "label close": matched labels holding ≥ half the truth label's bigrams;
 * "qualifier": matched hedges that agree (both reported, not asserted).
 */
import {
  extractForTruth,
  loadTruthSets,
  SYNTHETIC_DIR,
  scoreFields,
  measureAll,
  measureFields,
  type ArticleScore,
  type FieldReport,
} from './support/metrics-truth.ts';

const verbose = process.argv.includes('--verbose');
const heldOutDetails = process.argv.includes('--held-out-details');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ratio = (a: number, b: number): string => (b === 0 ? 'n/a' : `${a}/${b} ${pct(a / b)}`);

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

function printFields(r: FieldReport): void {
  console.log(`\n${r.name} (${r.articles.join(', ')})`);
  console.log(`  value+unit        precision ${ratio(r.matched, r.extracted)}   recall ${ratio(r.matched, r.truth)}`);
  console.log(
    '  field             agree on matched        precision (of all extracted)  recall (of all truth)   marked: precision / recall',
  );
  for (const f of r.fields) {
    const marked =
      f.markedTruth + f.markedExtracted === 0
        ? ''
        : `${ratio(f.markedBoth, f.markedExtracted)} / ${ratio(f.markedBoth, f.markedTruth)}`;
    console.log(
      `  ${f.field.padEnd(16)}  ${ratio(f.agree, f.judged).padEnd(22)}  ${ratio(f.agree, f.extracted).padEnd(28)}  ${ratio(f.agree, f.truth).padEnd(22)}  ${marked}`,
    );
  }
  const shared = r.sharedLabels.reduce((n, s) => n + s.count, 0);
  console.log(`  shared labels     ${r.sharedLabels.length} labels on ${shared} metrics`);
}

function printDetails(r: FieldReport): void {
  for (const { article, truth: t } of r.missed)
    console.log(`${article}  missed    ${t.value} ${t.unit}  ${t.label}  «${t.quote}»`);
  for (const { article, metric: m } of r.spurious)
    console.log(
      `${article}  spurious  ${m.value} ${m.unit}  ${m.label}  «${m.printed ?? ''}» in «${m.quote.slice(0, 40)}…»`,
    );
  for (const d of r.disagreements)
    console.log(`${d.article}  ${d.field}: truth «${d.truth}» metric «${d.metric}»  «${d.quote}»`);
  for (const s of r.sharedLabels) console.log(`${s.article}  shared label «${s.label}» ×${s.count}`);
}

const { articles, total } = measureAll();
const heldOutSets = new Set(
  loadTruthSets()
    .filter((t) => t.heldOut === true)
    .map((t) => t.name),
);
console.log('Legacy match (value, unit, sentence and a shared label bigram):');
console.log(
  ['article'.padEnd(16), 'truth', 'extracted', 'matched', 'precision', ' recall', 'label close', 'qualifier'].join(
    '  ',
  ),
);
// Held-out articles show as one summary row unless --held-out-details: no per-article view while tuning.
for (const s of articles) if (heldOutDetails || !heldOutSets.has(s.name)) console.log(row(s));
if (!heldOutDetails)
  console.log(row({ ...measureAll(undefined, (t) => t.heldOut === true).total, name: 'held-out (sum)' }));
console.log('-'.repeat(86));
console.log(row(total));

const { tuned, heldOut, synthetic, fresh } = measureFields();
printFields(tuned);
printFields(heldOut);
// Sentences written for tuning the labels (metrics-truth/synthetic/): only the label row says much.
printFields(synthetic);
// The label row of each synthetic batch: a batch written after a rule was drawn is that rule's fair test.
console.log('  label (rubric) by batch:');
for (const run of extractForTruth(undefined, SYNTHETIC_DIR)) {
  const label = scoreFields(run.set.name, [run]).fields.find((f) => f.field === 'label (rubric)');
  if (label)
    console.log(
      `    ${run.set.name.padEnd(20)}  ${ratio(label.agree, label.judged)}  (of ${run.set.metrics.length} truth)`,
    );
}
// New text written blind (metrics-truth/fresh/): held out like the two articles, so its value+unit and label rows only.
console.log(`\n${fresh.name} (${fresh.articles.join(', ')})`);
console.log(
  `  value+unit        precision ${ratio(fresh.matched, fresh.extracted)}   recall ${ratio(fresh.matched, fresh.truth)}`,
);
const freshLabel = fresh.fields.find((f) => f.field === 'label (rubric)');
if (freshLabel)
  console.log(
    `  label (rubric)    ${ratio(freshLabel.agree, freshLabel.judged)} of matched, ${ratio(freshLabel.agree, fresh.truth)} of truth`,
  );
const ranks = (r: FieldReport): string => {
  const kind = r.fields.find((f) => f.field === 'kind');
  return kind ? ratio(kind.markedBoth, kind.markedTruth) : 'n/a';
};
console.log(`\nranks/streaks recall (kind agrees): tuned ${ranks(tuned)}, held-out ${ranks(heldOut)}`);

if (verbose) printDetails(tuned);
if (verbose) printDetails(synthetic);
if (heldOutDetails) printDetails(heldOut);
if (heldOutDetails) printDetails(fresh);
if (!verbose) console.log("(--verbose lists the tuned articles' missed and spurious figures and field disagreements)");
