import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * The Chromium binary to drive: CHROME_PATH when set; otherwise Debian's headless shell (`chromium-headless-shell`,
 * the same Blink and V8 as its Chromium without the desktop browser around them: the browser tests took 147 CPU-seconds
 * in it against 225 in `/usr/bin/chromium`, all passing), falling back to Chromium. `headlessShell: false` asks for
 * the full browser (Lighthouse audits the browser a reader has). Playwright cannot download its own browsers here.
 */
export function chromePath({ headlessShell = true }: { headlessShell?: boolean } = {}): string {
  const candidates = [
    process.env.CHROME_PATH,
    headlessShell ? '/usr/bin/chromium-headless-shell' : undefined,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install it (`apt-get install -y chromium chromium-headless-shell`, as .ci/run does) or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  }
  return found;
}

/** Flags that keep Chromium off the network this machine does not have. */
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), args: FLAGS, headless: true });
}

/** A page that records console errors and failed requests, for tests that demand none. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  failedRequests: string[];
}

/**
 * A fresh context and page. The service worker is blocked unless `serviceWorkers: 'allow'` is asked for: once
 * registered it stores the whole archive in the background, work only the offline checks want to wait for.
 */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  const watched: WatchedPage = { page, context, consoleErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.consoleErrors.push(error.message));
  page.on('requestfailed', (request) =>
    watched.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) watched.failedRequests.push(`${response.url()} ${response.status()}`);
  });
  return watched;
}

/**
 * Resolves once the page has been idle, or after `timeoutMs`: what the site schedules "when idle" (each such
 * callback with a timeout of at most 5 s) has had its chance to run. The headless shell runs idle callbacks only
 * around frames it draws, so on a still page one may wait for its timeout (7 of 30 article loads, against none
 * of 30 in the full browser): a wait for idle without a timeout can hang there.
 */
export async function whenIdle(page: Page, timeoutMs = 3000): Promise<void> {
  await page.evaluate((timeout) => new Promise((done) => requestIdleCallback(done, { timeout })), timeoutMs);
}
