/** The reader's theme choice: remembered in localStorage, applied as <html data-theme>. */
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'archive-theme';

/** A stored choice, or null when the reader never chose (or storage is blocked). */
export function readStoredTheme(storage: Pick<Storage, 'getItem'> | undefined): Theme | null {
  try {
    const value = storage?.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** The theme in force: the reader's choice, else the system's. */
export function effectiveTheme(stored: Theme | null, systemDark: boolean): Theme {
  return stored ?? (systemDark ? 'dark' : 'light');
}

export function otherTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark';
}
