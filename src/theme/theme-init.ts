/**
 * Runs before first paint as the blocking /theme-init.js: sets <html data-theme>
 * from the remembered choice so a dark-mode reader never sees a white flash.
 * Self-contained on purpose: the route serialises it with Function#toString,
 * so it may use only its argument and browser globals.
 */
export function initTheme(storageKey: string): void {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (stored === 'light' || stored === 'dark') document.documentElement.setAttribute('data-theme', stored);
  } catch {
    // Storage blocked (private mode, cookies off): follow the system theme.
  }
}

/** The script file's text: the function above, called with the storage key. */
export function themeInitScript(storageKey: string): string {
  return `(${initTheme.toString()})(${JSON.stringify(storageKey)});\n`;
}
