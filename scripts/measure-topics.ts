/**
 * Topic article-counts and the per-metric topic audit (issue 15). `npm run measure:topics`.
 * For each topic: articles with at least one figure under it ("any figure"), articles that are ABOUT it
 * (src/lib/archive.ts topicsOf, what topic pages list), and figures. Then, when
 * scripts/support/data/topic-audit.json exists, how many metrics carry the topic the hand audit gives.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { topicsOf } from '../src/lib/archive.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { findTopic, loadTaxonomy } from '../src/lib/taxonomy.ts';
import { articleSchema } from '../src/schemas/article.ts';
import { auditAgreement, readTopicArticlesTruth, readTopicAudit, scoreAbout } from './support/topic-audit.ts';

const dir = join(process.cwd(), 'content', 'articles');
const entries = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((file) => {
    const split = splitFrontmatter(readFileSync(join(dir, file), 'utf8'));
    if (!split.ok) throw new Error(`${file}: no frontmatter`);
    return { slug: file.slice(0, -4), data: articleSchema.parse(parse(split.yaml)) };
  });
const taxonomy = loadTaxonomy();
const idOf = (topic: string): string => findTopic(taxonomy, topic)?.id ?? topic;

console.log(`topic article-counts (${entries.length} articles)`);
console.log(`${'topic'.padEnd(22)} any figure   about   figures`);
for (const topic of taxonomy.topics) {
  const withFigure = entries.filter((e) => e.data.metrics.some((m) => idOf(m.topic) === topic.id)).length;
  const about = entries.filter((e) => [...topicsOf(e.data, taxonomy.topics)].some((t) => idOf(t) === topic.id)).length;
  const figures = entries.reduce((n, e) => n + e.data.metrics.filter((m) => idOf(m.topic) === topic.id).length, 0);
  console.log(
    `${topic.name.padEnd(22 - topic.name.length)} ${String(withFigure).padStart(10)} ${String(about).padStart(7)} ${String(figures).padStart(9)}`,
  );
}

const audit = readTopicAudit();
if (audit) {
  const result = auditAgreement(
    audit,
    entries.map((e) => ({ slug: e.slug, metrics: e.data.metrics })),
    idOf,
  );
  console.log(
    `\nmetric topics agreeing with the hand audit: ${result.agree}/${result.audited} (${((result.agree / result.audited) * 100).toFixed(1)}%)` +
      (result.missing.length > 0 ? `; ${result.missing.length} metrics not in the audit` : ''),
  );
  if (process.argv.includes('--verbose'))
    for (const d of result.disagreements) console.log(`  ${d.slug}/${d.id}: ${d.topic} — audit: ${d.expected}`);
}

const pct = (a: number, b: number) => `${a}/${b} (${((a / b) * 100).toFixed(1)}%)`;
const truth = readTopicArticlesTruth();
const rules: Array<[string, (e: (typeof entries)[number]) => ReadonlySet<string>]> = [
  ['any figure', (e) => new Set(e.data.metrics.map((m) => m.topic))],
  ['figures only (isAbout)', (e) => topicsOf(e.data)],
  ['figures or a section heading (site)', (e) => topicsOf(e.data, taxonomy.topics)],
];
console.log('\narticles about each topic vs hand judgement (scripts/support/data/topic-articles-truth.json)');
for (const [name, rule] of rules) {
  const claimed = new Map(entries.map((e) => [e.slug, new Set([...rule(e)].map(idOf))]));
  const score = scoreAbout(truth, claimed);
  console.log(
    `  ${name.padEnd(36)} precision ${pct(score.truePositives, score.claimed)}  recall ${pct(score.truePositives, score.truth)}`,
  );
  if (process.argv.includes('--verbose')) console.log(`    ${score.errors.join(' ')}`);
}
