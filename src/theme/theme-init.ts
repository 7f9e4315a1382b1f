/**
 * Runs before first paint, inline in every page's <head> (src/layouts/Base.astro): sets <html data-theme>
 * from the remembered choice so a dark-mode reader never sees a white flash; when storage is blocked
 * (private mode, cookies off) it does nothing and the page follows the system theme.
 * Written as text, not serialised from a function: the CSP allows it by the hash of these exact bytes
 * (astro.config.mjs), and a function's toString differs between the tools that load the config and the pages.
 */
export function themeInitScript(storageKey: string): string {
  const key = JSON.stringify(storageKey);
  return (
    `try{var theme=window.localStorage.getItem(${key});` +
    `if(theme==='light'||theme==='dark')document.documentElement.setAttribute('data-theme',theme)}catch(e){}\n`
  );
}
