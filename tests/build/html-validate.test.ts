/** Every built page is valid HTML by html-validate's recommended rules (exceptions, each with its reason: .htmlvalidate.mjs). */
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { builtSite, htmlFiles, readBuilt } from '../support/site.ts';

const validator = new HtmlValidate(new StaticConfigLoader(config));

async function problems(html: string, file: string): Promise<string[]> {
  const report = await validator.validateString(html, file);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${m.ruleId} at ${m.line}:${m.column}: ${m.message} (${m.selector ?? ''})`),
  );
}

describe('HTML validity (html-validate)', () => {
  it.each(htmlFiles(builtSite()))('%s', async (file) => {
    expect(await problems(readBuilt(file), file)).toEqual([]);
  });

  it('would report a real mistake in a built page', async () => {
    const page = readBuilt('index.html').replace(
      '</main>',
      '<div id="main"></div><ul><div>x</div></ul><img src="/x.png"></main></span>',
    );
    const found = await problems(page, 'broken.html');
    const rules = new Set(found.map((p) => p.split(' ')[0]));
    for (const rule of ['no-dup-id', 'element-permitted-content', 'wcag/h37', 'close-order'])
      expect(rules, found.join('\n')).toContain(rule);
  });
});
