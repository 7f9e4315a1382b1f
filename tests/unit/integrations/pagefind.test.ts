import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneStockUi } from '../../../src/integrations/pagefind.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('pruneStockUi', () => {
  it("removes Pagefind's stock UI files and nothing the search API needs", () => {
    dir = mkdtempSync(join(tmpdir(), 'pagefind-'));
    const keep = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'pagefind.zh-cn_1.pf_meta', 'wasm.unknown.pagefind'];
    const stock = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];
    for (const file of [...keep, ...stock]) writeFileSync(join(dir, file), '');
    expect(pruneStockUi(dir).sort()).toEqual([...stock].sort());
    expect(readdirSync(dir).sort()).toEqual([...keep].sort());
  });
});
