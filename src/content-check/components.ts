import { CHART_COMPONENTS } from './references.ts';
import { didYouMean, suggest } from './suggest.ts';
import type { JsxElement } from './mdx.ts';

/** Components an entry's body may use: the article page's Photo and the chart components. */
export const KNOWN_COMPONENTS: readonly string[] = ['Photo', ...CHART_COMPONENTS];

/** A capitalised tag the site does not provide (MDX would stop the build at render time with a less helpful error). */
export function checkComponent(element: JsxElement): { message: string; fix: string } | undefined {
  if (!/^[A-Z]/u.test(element.name) || KNOWN_COMPONENTS.includes(element.name)) return undefined;
  const guesses = suggest(
    element.name,
    KNOWN_COMPONENTS.map((value) => ({ value })),
    1,
  ).map((g) => `<${g}>`);
  return {
    message: 'is not a component the site has',
    fix: didYouMean(guesses, `use one of ${KNOWN_COMPONENTS.map((c) => `<${c}>`).join(', ')}`),
  };
}
