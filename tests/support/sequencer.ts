import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import durations from './test-durations.json' with { type: 'json' };

const COMMITTED: Record<string, number> = durations;

/**
 * Longest files first, whichever project they belong to. Vitest's own order runs the projects one after another
 * and, without a results cache (a clean clone), small files last: the slowest browser file then started last and
 * ran alone for minutes. Durations come from this machine's last run when Vitest has them, else from
 * test-durations.json (seconds, from a JSON report of a quiet full run: `vitest run --reporter=json --outputFile=…`).
 */
export default class SlowestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const expected = (spec: TestSpecification): number =>
      this.ctx.cache.getTestSpecificationResult(spec)?.duration ??
      (COMMITTED[relative(this.ctx.config.root, spec.moduleId)] ?? 0) * 1000;
    return Promise.resolve([...files].sort((a, b) => expected(b) - expected(a)));
  }
}
