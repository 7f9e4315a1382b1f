/**
 * Registers the service worker when the page is idle, asks it to finish caching, and offers a
 * newer version with a non-blocking banner (never reloads unless the reader asks).
 * Sets <html data-offline-ready="all|core"> and fires `offline-status` on document when caching is done.
 */
import { SERVICE_WORKER_URL } from '../shared/config.ts';
import { isOfflineStatus, type ToWorker } from '../shared/messages.ts';

const send = (worker: ServiceWorker, message: ToWorker) => worker.postMessage(message);

function whenIdle(task: () => void): void {
  const run = () =>
    'requestIdleCallback' in window ? requestIdleCallback(task, { timeout: 5000 }) : setTimeout(task, 200);
  if (document.readyState === 'complete') run();
  else addEventListener('load', run, { once: true });
}

let waiting: ServiceWorker | null = null;
let reloadRequested = false;

function banner(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-offline-update]');
}

function showUpdate(worker: ServiceWorker | null): void {
  waiting = worker;
  const element = banner();
  if (element) element.hidden = false;
}

function onBannerClick(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('[data-offline-dismiss]')) {
    const element = banner();
    if (element) element.hidden = true;
  } else if (target?.closest('[data-offline-reload]')) {
    reloadRequested = true;
    // Without a waiting worker another tab already switched versions: a plain reload shows it.
    if (waiting) send(waiting, { type: 'skip-waiting' });
    else location.reload();
  }
}

function offerWhenInstalled(worker: ServiceWorker | null): void {
  worker?.addEventListener('statechange', () => {
    // With no controller this is the first install, not an update.
    if (worker.state === 'installed' && navigator.serviceWorker.controller) showUpdate(worker);
  });
}

function watchUpdates(registration: ServiceWorkerRegistration): void {
  if (registration.waiting && navigator.serviceWorker.controller) showUpdate(registration.waiting);
  // An update the browser started on this navigation may already be installing.
  offerWhenInstalled(registration.installing);
  registration.addEventListener('updatefound', () => offerWhenInstalled(registration.installing));
  let hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadRequested) location.reload();
    else if (hadController) showUpdate(null);
    hadController = true;
  });
}

async function start(): Promise<void> {
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!isOfflineStatus(event.data)) return;
    document.documentElement.dataset['offlineReady'] = event.data.complete ? 'all' : 'core';
    document.dispatchEvent(new CustomEvent('offline-status', { detail: event.data }));
  });
  banner()?.addEventListener('click', onBannerClick);
  const registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
  watchUpdates(registration);
  const ready = await navigator.serviceWorker.ready;
  if (ready.active) send(ready.active, { type: 'fill' });
}

if ('serviceWorker' in navigator) {
  whenIdle(() => {
    start().catch((error: unknown) => console.warn('offline reading unavailable:', error));
  });
}
