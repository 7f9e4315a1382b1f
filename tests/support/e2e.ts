import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/browser.ts';
import { serveSite, type StaticSite } from '../../scripts/support/serve.ts';
import { builtSite } from './site.ts';

export interface BrowserAndSite {
  /** The test build, served on a free localhost port as a static host would. */
  site: StaticSite;
  /** One headless Chromium; each test opens its own context in it. */
  browser: Browser;
}

let shared: Promise<BrowserAndSite> | undefined;

/**
 * The served test build and one Chromium for every browser test file a worker runs: the e2e
 * project runs its files without isolation (vitest.config.ts), so they are started once per
 * worker, not once per file. Both end with the worker's process (Playwright closes the
 * browsers it launched when its process exits).
 */
export function sharedBrowserAndSite(): Promise<BrowserAndSite> {
  shared ??= Promise.all([serveSite(builtSite()), launchBrowser()]).then(([site, browser]) => ({ site, browser }));
  return shared;
}
