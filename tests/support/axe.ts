import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core's full rule set (WCAG 2.0–2.2 A/AA and best practices) on the page as it stands,
 * or on the part `selector` names: one line per violation, naming the rule and the first nodes.
 * Evaluated rather than added as a <script>, so it runs under the site's CSP and on pages opened without JavaScript.
 */
export async function axeViolations(page: Page, selector = 'document'): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (context) => {
    const axe = (
      window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(context === 'document' ? document : context, { resultTypes: ['violations'] });
    return result.violations;
  }, selector);
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}
