import { describe, expect, it } from 'vitest';
import { themeInitScript } from '../../../src/theme/theme-init.ts';
import { THEME_STORAGE_KEY, effectiveTheme, otherTheme, readStoredTheme } from '../../../src/theme/theme.ts';

function storage(value: string | null, throws = false) {
  return {
    getItem: (key: string) => {
      if (throws) throw new Error('blocked');
      return key === THEME_STORAGE_KEY ? value : null;
    },
  };
}

describe('theme choice', () => {
  it('reads only light or dark from storage, and survives blocked storage', () => {
    expect(readStoredTheme(storage('dark'))).toBe('dark');
    expect(readStoredTheme(storage('light'))).toBe('light');
    expect(readStoredTheme(storage('purple'))).toBeNull();
    expect(readStoredTheme(storage(null))).toBeNull();
    expect(readStoredTheme(storage('dark', true))).toBeNull();
    expect(readStoredTheme(undefined)).toBeNull();
  });

  it('follows the system unless the reader chose', () => {
    expect(effectiveTheme(null, true)).toBe('dark');
    expect(effectiveTheme(null, false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(otherTheme('light')).toBe('dark');
  });
});

describe('the blocking init script', () => {
  /** Run the served script text against a fake page and storage. */
  function run(stored: string | null, throws = false): string | null {
    let theme: string | null = null;
    const window = { localStorage: storage(stored, throws) };
    const document = { documentElement: { setAttribute: (_: string, value: string) => (theme = value) } };
    // The script is served as a file and run by the browser; here it runs against stand-ins for window and document.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const script = new Function('window', 'document', themeInitScript(THEME_STORAGE_KEY)) as (
      w: unknown,
      d: unknown,
    ) => void;
    script(window, document);
    return theme;
  }

  it('applies a remembered theme and ignores anything else', () => {
    expect(run('dark')).toBe('dark');
    expect(run('light')).toBe('light');
    expect(run('sepia')).toBeNull();
    expect(run(null)).toBeNull();
    expect(run('dark', true)).toBeNull();
  });
});
