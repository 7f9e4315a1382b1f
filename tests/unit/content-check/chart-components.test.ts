import { describe, expect, it } from 'vitest';
import { chartComponents } from '../../../src/components/charts/index.ts';
import { CHART_COMPONENTS } from '../../../src/content-check/references.ts';

describe('chart components', () => {
  it('the content check knows exactly the components the pages register', () => {
    expect([...CHART_COMPONENTS].sort()).toEqual(Object.keys(chartComponents).sort());
  });
});
