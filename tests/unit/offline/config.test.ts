import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFLINE_BUDGET_BYTES, offlineBudgetBytes } from '../../../src/offline/shared/config.ts';

describe('offlineBudgetBytes', () => {
  it('defaults to 25 MiB', () => {
    expect(offlineBudgetBytes({})).toBe(25 * 1024 * 1024);
    expect(offlineBudgetBytes({ OFFLINE_BUDGET_MB: ' ' })).toBe(DEFAULT_OFFLINE_BUDGET_BYTES);
  });

  it('reads OFFLINE_BUDGET_MB', () => {
    expect(offlineBudgetBytes({ OFFLINE_BUDGET_MB: '2.5' })).toBe(2.5 * 1024 * 1024);
    expect(offlineBudgetBytes({ OFFLINE_BUDGET_MB: '0' })).toBe(0);
  });

  it('rejects nonsense instead of silently caching nothing or everything', () => {
    expect(() => offlineBudgetBytes({ OFFLINE_BUDGET_MB: 'lots' })).toThrow(/OFFLINE_BUDGET_MB/);
    expect(() => offlineBudgetBytes({ OFFLINE_BUDGET_MB: '-1' })).toThrow(/OFFLINE_BUDGET_MB/);
  });
});
