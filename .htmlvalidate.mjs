/**
 * html-validate over the built pages (tests/build/html-validate.test.ts): the recommended rule set,
 * with these exceptions, each a deliberate choice rather than a mistake. (A .mjs file, not .json,
 * so that every exception carries its reason.)
 */
import { defineConfig } from 'html-validate';

export default defineConfig({
  extends: ['html-validate:recommended'],
  rules: {
    // WCAG technique H32 asks every form for a submit button. The header search box is one field that
    // submits on Enter (HTML's implicit submission); a button would crowd the header on a phone. The
    // search page's and the 404 page's forms have theirs.
    'wcag/h32': 'off',
    // role="list" on lists drawn without bullets is on purpose: WebKit (VoiceOver) drops the list
    // semantics of a list styled list-style: none. Every other redundant role is still reported.
    'no-redundant-role': ['error', { exclude: ['list'] }],
    // The SVG charts size themselves in a style attribute (max-width from the viewBox, height: auto;
    // src/charts/frame.ts), which the CSP allows for attributes only. Any other inline property is reported.
    'no-inline-style': ['error', { allowedProperties: ['display', 'max-width', 'height'] }],
    // HTML allows any id without whitespace. Astro's heading ids keep the printed section numbers
    // ("2-精于管理-…"); the strict mode wants a leading letter for CSS selectors, which no code uses on
    // them. tests/build/links.test.ts checks that every #fragment lands.
    'valid-id': ['error', { relaxed: true }],
    // MDX writes void elements JSX-style (<wbr/>: the phrase breaks in headings, src/site/heading-phrases.ts)
    // while Astro templates write <wbr>; HTML parses both the same, so neither style is enforced.
    'void-style': 'off',
  },
});
