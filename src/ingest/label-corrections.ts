import { readYaml } from '../lib/yaml-lines.ts';
import { labelCorrectionSchema, type LabelCorrection } from '../schemas/label-correction.ts';
import type { Article } from '../schemas/article.ts';
import { IngestError } from './errors.ts';

/** Where editors record the labels they corrected; read by ingest, next to the taxonomy. */
export const LABEL_CORRECTIONS_FILE = 'content/label-corrections.yaml';

/** A correction and the line it starts on, for errors an editor can find. */
export interface PlacedLabelCorrection extends LabelCorrection {
  line: number;
}

/** Read the corrections file's text (a YAML list; empty or absent means none). */
export function parseLabelCorrections(text: string, file = LABEL_CORRECTIONS_FILE): PlacedLabelCorrection[] {
  const yaml = readYaml(text.replace(/\r\n?/gu, '\n'), 1, 'yaml', 'the file’s first entry');
  const issue = yaml.issues[0];
  if (issue !== undefined) throw new IngestError({ file, ...issue });
  // An empty file, or comments only, reads as an empty map: no corrections.
  const empty = typeof yaml.data === 'object' && yaml.data !== null && Object.keys(yaml.data).length === 0;
  if (yaml.data === null || yaml.data === undefined || (empty && !Array.isArray(yaml.data))) return [];
  if (!Array.isArray(yaml.data)) {
    throw new IngestError({
      file,
      line: yaml.lineOf([]),
      message: 'should be a list of corrections',
      fix: 'start each correction with "- article:"',
    });
  }
  const seen = new Map<string, number>();
  return yaml.data.map((item: unknown, i) => {
    const line = yaml.lineOf([i]);
    const parsed = labelCorrectionSchema.safeParse(item);
    if (!parsed.success) {
      const problem = parsed.error.issues[0]!;
      const field = problem.path.map(String).join('.');
      throw new IngestError({
        file,
        line: yaml.lineOf([i, ...problem.path.map((key) => (typeof key === 'number' ? key : String(key)))]),
        ...(field === '' ? {} : { field }),
        message: problem.message,
        fix: 'give article, id, before, after and reason, each a non-empty text (see the file’s header)',
      });
    }
    const key = `${parsed.data.article}#${parsed.data.id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new IngestError({
        file,
        line,
        field: 'id',
        message: `corrects ${key} again (first at line ${earlier})`,
        fix: 'keep one correction per figure',
      });
    }
    seen.set(key, line);
    return { ...parsed.data, line };
  });
}

/**
 * The article's metrics with the editors' labels. A correction applies to the figure with its id and
 * its `before` label; when the id has changed (an id carries the figure's topic), to the one figure
 * still labelled `before`. A correction that finds neither is refused, not applied: the extractor
 * has changed, and the editor decides again.
 */
export function applyLabelCorrections(
  slug: string,
  metrics: Article['metrics'],
  corrections: readonly PlacedLabelCorrection[],
  file = LABEL_CORRECTIONS_FILE,
): Article['metrics'] {
  const mine = corrections.filter((c) => c.article === slug);
  if (mine.length === 0) return metrics;
  const after = new Map<number, PlacedLabelCorrection>();
  for (const c of mine) {
    let at = metrics.findIndex((m) => m.id === c.id && m.label === c.before);
    // Only a figure whose id is gone is looked for by its label: a figure that kept its id was relabelled.
    if (at < 0 && !metrics.some((m) => m.id === c.id)) {
      const labelled = metrics.flatMap((m, i) => (m.label === c.before ? [i] : []));
      if (labelled.length === 1) at = labelled[0]!;
    }
    if (at < 0) throw refusal(slug, metrics, c, file);
    const earlier = after.get(at);
    if (earlier !== undefined) {
      throw new IngestError({
        file,
        line: c.line,
        field: 'id',
        message: `corrects the same figure of ${slug} as line ${earlier.line} (${metrics[at]!.id})`,
        fix: 'keep one correction per figure; if this one was for another figure, give that figure’s id',
      });
    }
    after.set(at, c);
  }
  return metrics.map((metric, i) => {
    const c = after.get(i);
    return c === undefined ? metric : { ...metric, label: c.after };
  });
}

/** Why a correction cannot be applied, and what the editor can do. */
function refusal(slug: string, metrics: Article['metrics'], c: PlacedLabelCorrection, file: string): IngestError {
  const byId = metrics.find((m) => m.id === c.id);
  if (byId !== undefined) {
    return new IngestError({
      file,
      line: c.line,
      field: 'before',
      message: `${slug} ${c.id} is now labelled «${byId.label}» by ingest, not «${c.before}»`,
      fix: `if «${c.after}» is still right, set before: "${byId.label}"; otherwise delete this correction`,
    });
  }
  const ids = metrics.map((m) => m.id);
  return new IngestError({
    file,
    line: c.line,
    field: 'id',
    message: `no figure ${c.id} in ${slug}, and none labelled «${c.before}» (its figures are now: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''})`,
    fix: `find the figure in content/articles/${slug}.mdx and use its id and label, or delete this correction`,
  });
}

/** Corrections of articles no seed gave this run (a slug mistyped, or an article gone): editors are told, nothing is changed. */
export function unusedCorrections(
  corrections: readonly PlacedLabelCorrection[],
  ingested: ReadonlySet<string>,
  file = LABEL_CORRECTIONS_FILE,
): string[] {
  return corrections
    .filter((c) => !ingested.has(c.article))
    .map(
      (c) =>
        `${file}:${c.line} article: no article ${c.article} came from seeds/ this run, so this correction was not used — check the slug (the file name in content/articles/ without .mdx), or delete the correction if the article is gone`,
    );
}
