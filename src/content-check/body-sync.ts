import type { TextBlock } from '../lib/body-text.ts';
import type { FieldProblem } from './taxonomy-refs.ts';

/**
 * The frontmatter's `sections` and `captions` list the body's headings and
 * photo captions in order (the data export and search read them), so an edit
 * to one must be made to the other.
 */
export function checkBodySync(
  data: { sections: readonly string[]; captions: readonly string[] },
  blocks: readonly TextBlock[],
): FieldProblem[] {
  return [
    ...compare(
      'sections',
      data.sections,
      blocks.filter((b) => b.type === 'heading').map((b) => b.text),
      (t) => `## ${t}`,
    ),
    ...compare(
      'captions',
      data.captions,
      blocks.filter((b) => b.type === 'caption').map((b) => b.text),
      (t) => `<Photo caption="${t}" />`,
    ),
  ];
}

function compare(
  field: 'sections' | 'captions',
  listed: readonly string[],
  inBody: readonly string[],
  markup: (text: string) => string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const what = field === 'sections' ? 'heading' : 'photo caption';
  listed.forEach((text, i) => {
    if (!inBody.includes(text)) {
      problems.push({
        path: [field, i],
        message: `"${text}" is not a ${what} in the body`,
        fix: `change it to match the body, or add ${markup(text)} to the body`,
      });
    }
  });
  for (const text of inBody) {
    if (listed.includes(text)) continue;
    // An empty list is written "sections: []": a line added under it would not be YAML.
    const fix =
      listed.length === 0
        ? `replace "${field}: []" with "${field}:" and a line "  - ${text}" under it, in body order`
        : `add a line "  - ${text}" under ${field}:, in body order`;
    problems.push({ path: [field], message: `is missing the body's ${what} "${text}"`, fix });
  }
  if (problems.length === 0 && listed.join('\n') !== inBody.join('\n')) {
    problems.push({
      path: [field],
      message: `are not in the body's order`,
      fix: `list them as: ${inBody.join(' / ')}`,
    });
  }
  return problems;
}
